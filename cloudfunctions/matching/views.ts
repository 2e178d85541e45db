/**
 * What each screen of the matching function gets to see. An employer sees a suggested candidate
 * masked (surname + 某, an age band, education, township) with reasons rewritten for them; the
 * reasons that would tell a key-group tag (就业困难, 离校2年内, 援助对象, 残疾) are never among them.
 */
import {
  ageOn,
  EDUCATION_LABELS,
  townshipLabel,
  type MatchPreferencesView,
  type RegistrationStatus,
} from '@nuanxin/shared';

import type { MatchPreferences, RegistrationRecord } from '../_lib';

export const OPEN_STATUSES: readonly RegistrationStatus[] = ['submitted', 'registered'];

export function preferencesView(p: MatchPreferences): MatchPreferencesView {
  return {
    personalised: p.personalised,
    suggestToEmployers: p.suggestToEmployers,
    updatedAt: p.updatedAt ? new Date(p.updatedAt).toISOString() : null,
  };
}

/** '王某'; a two-character compound surname is not guessed: the first character only. */
export function maskedName(name: string | undefined): string {
  const first = [...(name ?? '').trim()][0];
  return first ? `${first}某` : '求职者';
}

const AGE_BANDS: readonly [number, number | null, string][] = [
  [16, 24, '16–24岁'],
  [25, 34, '25–34岁'],
  [35, 44, '35–44岁'],
  [45, 54, '45–54岁'],
  [55, null, '55岁及以上'],
];

export function ageBand(birthDate: string | undefined, now: Date): string | null {
  if (!birthDate) return null;
  const age = ageOn(birthDate, now);
  for (const [from, to, label] of AGE_BANDS) {
    if (age >= from && (to === null || age <= to)) return label;
  }
  return null;
}

/**
 * The seeker's reasons as an employer reads them: what fits the job (occupation, distance, pay,
 * work type, requirements), said of the candidate. Anything else is left out — in particular
 * every key-group reason.
 */
/**
 * The distance an employer sees, in bands only ("居住地距岗位 3 公里以内"): an exact figure from
 * several vacancy sites would locate the person's home.
 */
export function distanceBand(reason: string): string {
  const km = Number(/([\d.]+)\s*公里/.exec(reason)?.[1] ?? NaN);
  if (!Number.isFinite(km)) return '居住地距岗位较近';
  if (km <= 3) return '居住地距岗位 3 公里以内';
  if (km <= 10) return '居住地距岗位 3–10 公里';
  return '居住地距岗位 10 公里以上';
}

export function employerReasons(reasons: readonly string[]): string[] {
  const out: string[] = [];
  for (const reason of reasons) {
    if (reason.startsWith('意向职业一致') || reason.startsWith('与意向职业同属')) {
      out.push(reason);
    } else if (reason.startsWith('距您')) {
      out.push(distanceBand(reason));
    } else if (reason === '薪资符合期望') {
      out.push('岗位薪资符合其期望');
    } else if (reason === '薪资上限达到您的期望') {
      out.push('岗位薪资上限达到其期望');
    } else if (
      reason.startsWith('工作方式符合') ||
      reason.startsWith('学历符合要求') ||
      reason.startsWith('工作经验符合要求') ||
      reason.startsWith('持有所需证书') ||
      reason.startsWith('持有部分所需证书')
    ) {
      out.push(reason);
    }
  }
  return out;
}

export function candidateFacts(r: RegistrationRecord, now: Date) {
  const education = r.identity.education;
  return {
    maskedName: maskedName(r.identity.name),
    ageBand: ageBand(r.identity.birthDate, now),
    educationLabel: education ? EDUCATION_LABELS[education] : null,
    townshipLabel: townshipLabel(r.township ?? r.identity.township ?? ''),
  };
}
