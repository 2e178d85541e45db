/**
 * Service records under 包保 (contacts): follow-ups, career guidance sessions, job and training
 * referrals, 走访慰问 visits and 临时救助. The follow-up cadence, the "131" progress and the
 * statistics are all derived from these records (never from counters that could drift).
 */
import type { RegistrationStatus } from '../registration/lifecycle';
import { dateKey, inShanghai, type DateInput } from '../time';

import {
  EMPLOYMENT_SITUATIONS,
  FOLLOW_UP_MONTHS,
  followUpState,
  nextFollowUpDue,
  overdueDays,
  type EmploymentSituation,
  type FollowUpState,
} from './cadence';
import type { ServiceKind, ServiceRecord } from './services131';

export const CONTACT_KINDS = [
  'followUp',
  'guidance',
  'jobReferral',
  'trainingReferral',
  'visit',
  'relief',
] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

export const CONTACT_KIND_LABELS: Record<ContactKind, string> = {
  followUp: '跟踪回访',
  guidance: '职业指导',
  jobReferral: '岗位推荐',
  trainingReferral: '培训推荐',
  visit: '走访慰问',
  relief: '临时救助',
};

export const CONTACT_CHANNELS = ['phone', 'wechat', 'home', 'office'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

export const CONTACT_CHANNEL_LABELS: Record<ContactChannel, string> = {
  phone: '电话',
  wechat: '微信',
  home: '入户',
  office: '到站服务',
};

export const CONTACT_OUTCOMES = ['reached', 'unreachable'] as const;
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];

export const CONTACT_OUTCOME_LABELS: Record<ContactOutcome, string> = {
  reached: '已联系上',
  unreachable: '未联系上',
};

/**
 * Contacts that restart the follow-up clock when the person was reached (001 §3(一)3 跟踪回访):
 * a follow-up, a guidance session and a home visit all meet the person. A referral sent or relief
 * paid is a service, not a follow-up; an unanswered call is logged but leaves the person due.
 */
export const RESETS_CADENCE: Record<ContactKind, boolean> = {
  followUp: true,
  guidance: true,
  jobReferral: false,
  trainingReferral: false,
  visit: true,
  relief: false,
};

/**
 * Which "131" service a contact is (001; 002 for migrant workers), if any. A training referral is
 * not the year's training: only a completed training counts (a booking with its result), and the
 * referral is the offer of an institution (000 §3(2)) instead.
 */
export const CONTACT_SERVICE: Record<ContactKind, ServiceKind | null> = {
  followUp: null,
  guidance: 'guidance',
  jobReferral: 'jobIntroduction',
  trainingReferral: null,
  visit: null,
  relief: null,
};

/** What the cadence needs of a contact. */
export interface ContactFacts {
  kind: ContactKind;
  outcome: ContactOutcome;
  at: DateInput;
  /** A change of employment situation recorded with the contact; null when none. */
  situation: EmploymentSituation | null;
}

/** The situation a registration status implies (issue 7): null when the person is not followed. */
export function situationOfStatus(status: RegistrationStatus): EmploymentSituation | null {
  switch (status) {
    case 'submitted':
    case 'registered':
      return 'unemployed';
    case 'flexible':
      return 'flexible';
    case 'employed':
      return 'employed';
    default:
      return null;
  }
}

export function isSituation(value: unknown): value is EmploymentSituation {
  return (EMPLOYMENT_SITUATIONS as readonly unknown[]).includes(value);
}

export interface FollowUpInput {
  status: RegistrationStatus;
  /** When the registration entered its status: submitted for active ones, closed for employed. */
  statusSince: DateInput;
  contacts: readonly ContactFacts[];
}

export interface FollowUp {
  situation: EmploymentSituation;
  /** The instant the clock runs from (last reached follow-up, situation change or registration). */
  since: Date;
  /** Shanghai date the next follow-up is due. */
  due: string;
  state: FollowUpState;
  overdueDays: number;
  /** The last contact that reached the person and counted as a follow-up. */
  lastContactAt: Date | null;
  intervalMonths: number;
}

const instant = (at: DateInput): Date => inShanghai(at).toDate();

/**
 * The follow-up schedule of one person at `now` (001 §3(一)3). The situation is the status's,
 * unless a contact after the status change recorded another one (e.g. 暂无就业意愿). The clock
 * runs from the latest of: the status change, the last reached follow-up, the last recorded
 * situation change — a status change reschedules.
 */
export function followUpOf(input: FollowUpInput, now: DateInput): FollowUp | null {
  const fromStatus = situationOfStatus(input.status);
  if (fromStatus === null) return null;
  const statusSince = instant(input.statusSince);
  let situation: EmploymentSituation = fromStatus;
  let since = statusSince;
  let lastSituationAt = statusSince;
  let lastContactAt: Date | null = null;
  const ordered = [...input.contacts].sort((a, b) => +instant(a.at) - +instant(b.at));
  for (const contact of ordered) {
    const at = instant(contact.at);
    if (contact.outcome !== 'reached') continue;
    if (contact.situation !== null && at >= lastSituationAt) {
      situation = contact.situation;
      lastSituationAt = at;
      if (at > since) since = at;
    }
    if (RESETS_CADENCE[contact.kind]) {
      lastContactAt = at;
      if (at > since) since = at;
    }
  }
  const today = dateKey(now);
  const due = nextFollowUpDue(situation, since);
  return {
    situation,
    since,
    due,
    state: followUpState(due, today),
    overdueDays: overdueDays(due, today),
    lastContactAt,
    intervalMonths: FOLLOW_UP_MONTHS[situation],
  };
}

/** "每月" / "每半年" / "每年" */
export function intervalLabel(months: number): string {
  if (months === 1) return '每月';
  if (months === 6) return '每半年';
  if (months === 12) return '每年';
  return `每${months}个月`;
}

/** The "131" services among contacts (referrals and guidance), for `progress131`. */
export function servicesOf(
  contacts: readonly Pick<ContactFacts, 'kind' | 'at'>[],
): ServiceRecord[] {
  const out: ServiceRecord[] = [];
  for (const c of contacts) {
    const kind = CONTACT_SERVICE[c.kind];
    if (kind) out.push({ kind, at: c.at });
  }
  return out;
}

/** Whether the "131" services apply: to unemployed people (001), wanting work or not yet. */
export function applies131(situation: EmploymentSituation): boolean {
  return situation === 'unemployed' || situation === 'notSeeking';
}

/** Whether the monthly push plan applies (000 §4(6)): to those who want work now. */
export function appliesPushPlan(situation: EmploymentSituation): boolean {
  return situation === 'unemployed';
}

/** 临时救助 amounts are kept in fen (分) so sums never drift; shown in yuan. */
export function yuanOf(fen: number): string {
  return (fen / 100).toFixed(fen % 100 === 0 ? 0 : 2);
}

/** 一人一策 need types (004 §6(四)): job search, entrepreneurship, training, motivation. */
export const PLAN_NEED_TYPES = ['jobSearch', 'entrepreneurship', 'training', 'motivation'] as const;
export type PlanNeedType = (typeof PLAN_NEED_TYPES)[number];

export const PLAN_NEED_TYPE_LABELS: Record<PlanNeedType, string> = {
  jobSearch: '求职就业',
  entrepreneurship: '自主创业',
  training: '技能培训',
  motivation: '就业意愿激励',
};

/** Entrepreneurship intent gets a named 创业咨询师 (000 §6(1)). */
export function needsAdvisor(needType: PlanNeedType): boolean {
  return needType === 'entrepreneurship';
}
