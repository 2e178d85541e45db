/**
 * Who is owed and offered 见习岗位 — the one rule behind matching (score, the 见习 extra), the
 * push plan and the caseworker's plan. 000 §5(3): "面向有就业见习意愿的离校2年内未就业高校毕业生至少
 * 推荐1个就业见习岗位". Kept free of the occupation data so any function may import it.
 */
import type { KeyGroupTag } from '../eligibility/keyGroups';

/**
 * A graduate within 2 years of leaving school ('recentGraduate', derived for the day) who has not
 * said no on the form (`wishes.wantsInternship`). No answer counts as yes: registrations made
 * before the form asked, and graduates who skipped the question, keep the behaviour they had
 * (every recent graduate was offered 见习岗位). Never anyone else, whatever they answered.
 */
export function wantsInternship(
  tags: readonly KeyGroupTag[],
  answer: boolean | null | undefined,
): boolean {
  return answer !== false && tags.includes('recentGraduate');
}
