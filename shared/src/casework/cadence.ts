/**
 * Follow-up cadence under 包保 (001 §3(一)3): stably employed — once a year; flexibly employed or
 * not wanting work — every half year; unemployed — every month. A contact (or a status change)
 * restarts the clock from that day; due dates are Shanghai calendar dates.
 */
import { inShanghai, type DateInput } from '../time';

export const EMPLOYMENT_SITUATIONS = ['unemployed', 'flexible', 'notSeeking', 'employed'] as const;
export type EmploymentSituation = (typeof EMPLOYMENT_SITUATIONS)[number];

export const EMPLOYMENT_SITUATION_LABELS: Record<EmploymentSituation, string> = {
  unemployed: '失业',
  flexible: '灵活就业',
  notSeeking: '暂无就业意愿',
  employed: '稳定就业',
};

/** Months between follow-ups, by situation (001 §3(一)3). */
export const FOLLOW_UP_MONTHS: Record<EmploymentSituation, number> = {
  unemployed: 1,
  flexible: 6,
  notSeeking: 6,
  employed: 12,
};

/** How many days before the due date a follow-up shows as 即将到期. */
export const DUE_SOON_DAYS = 3;

export type FollowUpState = 'notDue' | 'dueSoon' | 'dueToday' | 'overdue';

export const FOLLOW_UP_STATE_LABELS: Record<FollowUpState, string> = {
  notDue: '未到期',
  dueSoon: '即将到期',
  dueToday: '今天到期',
  overdue: '已逾期',
};

/**
 * The Shanghai date the next follow-up is due: the last contact (or the registration, or the
 * status change that reset the cadence) plus the situation's interval. Month ends clamp:
 * 01-31 + 1 month is 02-28 (or 02-29).
 */
export function nextFollowUpDue(situation: EmploymentSituation, since: DateInput): string {
  return inShanghai(since).add(FOLLOW_UP_MONTHS[situation], 'month').format('YYYY-MM-DD');
}

/** Whole days from `from` to `to` ('YYYY-MM-DD' both), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  const ms = Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`);
  return Math.round(ms / 86_400_000);
}

export function followUpState(due: string, today: string): FollowUpState {
  const left = daysBetween(today, due);
  if (left < 0) return 'overdue';
  if (left === 0) return 'dueToday';
  if (left <= DUE_SOON_DAYS) return 'dueSoon';
  return 'notDue';
}

/** Days past the due date; 0 when not overdue. */
export function overdueDays(due: string, today: string): number {
  return Math.max(0, daysBetween(due, today));
}

/**
 * Ordering of a caseload by urgency: overdue first (longest overdue on top), then due today, due
 * soon, and the rest by due date; ties by name so the list is stable.
 */
export function byUrgency<T extends { due: string; name: string }>(today: string) {
  const rank: Record<FollowUpState, number> = { overdue: 0, dueToday: 1, dueSoon: 2, notDue: 3 };
  return (a: T, b: T): number =>
    rank[followUpState(a.due, today)] - rank[followUpState(b.due, today)] ||
    a.due.localeCompare(b.due) ||
    a.name.localeCompare(b.name, 'zh-CN');
}
