/**
 * How the workbench shows a person's follow-up schedule, "131" progress and push plan: pure
 * functions over the contract types, shared by the list row, today's visits and the person page.
 */
import { daysBetween, type CaseloadEntry } from '@nuanxin/shared';

export type Tone = 'alert' | 'warn' | 'info' | 'muted' | 'done';

/** "逾期 12 天" / "今天到期" / "2天后到期" / "下次回访 04-02". */
export function followUpBadge(
  followUp: CaseloadEntry['followUp'],
  today: string,
): { text: string; tone: Tone } {
  switch (followUp.state) {
    case 'overdue':
      return { text: `逾期 ${followUp.overdueDays} 天`, tone: 'alert' };
    case 'dueToday':
      return { text: '今天到期', tone: 'warn' };
    case 'dueSoon':
      return { text: `${daysBetween(today, followUp.due)}天后到期`, tone: 'warn' };
    default:
      // A date half a year or more ahead keeps its year: "11-23" a year ahead reads as "today".
      return {
        text: `下次回访 ${daysBetween(today, followUp.due) >= 180 ? followUp.due : followUp.due.slice(5)}`,
        tone: 'muted',
      };
  }
}

/**
 * The three "131" chips, counted over the year: 今年指导 1/1 · 今年岗位推荐 2/3 · 今年培训 0/1 (met
 * ones turn green) — said "this year" so they are not read as the month's pushes beside them.
 */
export function chips131(progress: CaseloadEntry['progress131']) {
  if (!progress) return [];
  return [
    { key: 'guidance', label: '今年指导', ...progress.guidance },
    { key: 'jobIntroduction', label: '今年岗位推荐', ...progress.jobIntroduction },
    { key: 'training', label: '今年培训', ...progress.training },
  ].map((c) => ({
    key: c.key,
    text: `${c.label} ${Math.min(c.done, c.target)}/${c.target}`,
    met: c.met,
  }));
}

const PLAN_TONES: Record<NonNullable<CaseloadEntry['pushPlan']>['state'], Tone> = {
  met: 'done',
  onTrack: 'info',
  atRisk: 'warn',
  missed: 'alert',
};

/** "本月推送 2/3 · 有风险" (+ "含公益性岗位" when one is required and missing). */
export function pushBadge(plan: CaseloadEntry['pushPlan']): { text: string; tone: Tone } | null {
  if (!plan) return null;
  const welfare =
    plan.publicWelfare && plan.publicWelfare.done === 0 && plan.state !== 'met'
      ? '，缺公益性岗位'
      : '';
  const internship =
    plan.internship && plan.internship.done === 0 && plan.state !== 'met' ? '，缺见习岗位' : '';
  return {
    text: `本月推送 ${Math.min(plan.pushes, plan.target)}/${plan.target} · ${plan.stateLabel}${welfare}${internship}`,
    tone: PLAN_TONES[plan.state],
  };
}
