/**
 * Inbound requests (工单) and their service levels: the first answer is due within 1 working day
 * (configurable); an unanswered request escalates to the supervisor at that deadline, and again at
 * 3 and 5 working days. Working days follow the State Council holiday tables (time/holidays.ts).
 */
import { addWorkingDays, inShanghai, type DateInput } from '../time';

export const REQUEST_KINDS = [
  'policy',
  'job',
  'training',
  'insurance',
  'complaint',
  'other',
] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

export const REQUEST_KIND_LABELS: Record<RequestKind, string> = {
  policy: '政策咨询',
  job: '找工作',
  training: '培训',
  insurance: '失业保险金',
  complaint: '投诉',
  other: '其他',
};

/** Working days to the first answer, then to each further escalation. */
export const REQUEST_SLA = { firstAnswerWorkingDays: 1, escalateAtWorkingDays: [1, 3, 5] } as const;

export interface EscalationStep {
  level: number;
  at: Date;
}

/** The instants at which an unanswered request escalates (level 1, 2, 3). */
export function escalationSchedule(
  createdAt: DateInput,
  sla: { escalateAtWorkingDays: readonly number[] } = REQUEST_SLA,
): EscalationStep[] {
  return sla.escalateAtWorkingDays.map((days, i) => ({
    level: i + 1,
    at: addWorkingDays(createdAt, days),
  }));
}

export function firstAnswerDue(
  createdAt: DateInput,
  sla: { firstAnswerWorkingDays: number } = REQUEST_SLA,
): Date {
  return addWorkingDays(createdAt, sla.firstAnswerWorkingDays);
}

/**
 * How far an unanswered request has escalated at `now`: 0 before the first deadline, up to the
 * number of steps. An answered request does not escalate further (its level is fixed at the
 * answer's time).
 */
export function escalationLevel(
  createdAt: DateInput,
  now: DateInput,
  answeredAt: DateInput | null = null,
  sla: { escalateAtWorkingDays: readonly number[] } = REQUEST_SLA,
): number {
  const until = inShanghai(answeredAt ?? now).valueOf();
  return escalationSchedule(createdAt, sla).filter((s) => s.at.getTime() <= until).length;
}

export const RATINGS = ['good', 'fair', 'poor'] as const;
export type Rating = (typeof RATINGS)[number];
export const RATING_LABELS: Record<Rating, string> = { good: '好', fair: '中', poor: '差' };

/** A 差 rating opens a supervisor review. */
export function needsSupervisorReview(rating: Rating): boolean {
  return rating === 'poor';
}
