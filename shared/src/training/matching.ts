/**
 * Which courses fit a registered person's training needs, and why — the reason is shown to the
 * person ("与您的意向职业“家政服务员”一致") and to their caseworker. Every person with a training
 * need is offered at least one institution (000 §3(2)); these reasons decide which.
 */
import type { KeyGroupTag } from '../eligibility/keyGroups';
import { KEY_GROUP_LABELS } from '../eligibility/keyGroups';

export interface TrainingNeed {
  wantsTraining: boolean;
  /** What they wrote under 想参加的培训, e.g. '电脑办公'. */
  trainingNeed: string;
  /** Intended occupations (classification 2022 codes) with their names. */
  occupations: readonly { code: string; name: string }[];
  tags: readonly KeyGroupTag[];
  township: string | null;
}

export interface CourseFacts {
  title: string;
  occupationCode: string;
  occupationName: string;
  description: string;
  targetGroups: readonly KeyGroupTag[];
  township: string;
  /** An online-only course is as near to everyone. */
  mode?: 'online' | 'offline' | 'blended';
}

export interface CourseFit {
  /** 0: nothing in particular; higher fits better. */
  score: number;
  /** Why, in plain Chinese, best first. */
  reasons: string[];
}

/** The Han-character pairs of a text: '电脑办公' → 电脑, 脑办, 办公 (Chinese has no spaces). */
function pairs(text: string): string[] {
  const out: string[] = [];
  for (const run of text.match(/[\u4e00-\u9fa5]+/g) ?? []) {
    if (run.length === 1) continue;
    for (let i = 0; i + 1 < run.length; i += 1) out.push(run.slice(i, i + 2));
  }
  const words = text.match(/[A-Za-z0-9]{2,}/g) ?? [];
  return [...out, ...words.map((w) => w.toLowerCase())];
}

/** Whether the person's own words appear in the course's title, occupation or description. */
export function needMentioned(need: string, course: CourseFacts): boolean {
  const haystack = `${course.title} ${course.occupationName} ${course.description}`.toLowerCase();
  return pairs(need).some((p) => haystack.includes(p));
}

export function courseFit(need: TrainingNeed, course: CourseFacts): CourseFit {
  const reasons: string[] = [];
  let score = 0;
  const exact = need.occupations.find((o) => o.code === course.occupationCode);
  const sameGroup = need.occupations.find(
    (o) => o.code.slice(0, 7) === course.occupationCode.slice(0, 7),
  );
  if (need.trainingNeed.trim() && needMentioned(need.trainingNeed, course)) {
    score += 4;
    reasons.push(`符合您填写的培训需求“${need.trainingNeed.trim()}”`);
  }
  if (exact) {
    score += 3;
    reasons.push(`与您的意向职业“${exact.name}”一致`);
  } else if (sameGroup) {
    score += 2;
    reasons.push(`与您的意向职业“${sameGroup.name}”同属一类`);
  }
  const targeted = course.targetGroups.filter((g) => need.tags.includes(g));
  if (targeted.length > 0) {
    score += 1;
    reasons.push(`面向${targeted.map((g) => KEY_GROUP_LABELS[g]).join('、')}人员`);
  }
  // Nearness only orders what already fits; on its own it is not a reason to train.
  if (score > 0 && course.mode !== 'online' && need.township && course.township === need.township) {
    score += 1;
    reasons.push('就在您所在的乡镇（街道）');
  }
  return { score, reasons };
}
