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

/**
 * The lifecycle of a request (house style 1): open (waiting for staff) → answered (staff replied;
 * more answers may follow) → closed (by staff once answered, or by the citizen at any time). A
 * closed request can be rated once.
 */
export const REQUEST_STATUSES = ['open', 'answered', 'closed'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const REQUEST_STATUS_LABELS: Record<RequestStatus, string> = {
  open: '待答复',
  answered: '已答复',
  closed: '已结束',
};

export type RequestEvent =
  | { type: 'answer' }
  | { type: 'close'; by: 'staff' | 'citizen' }
  | { type: 'rate'; rated: boolean };

export type RequestTransition = { ok: true; to: RequestStatus } | { ok: false; reason: string };

export function transitionRequest(from: RequestStatus, event: RequestEvent): RequestTransition {
  const no = (reason: string): RequestTransition => ({ ok: false, reason });
  switch (event.type) {
    case 'answer':
      return from === 'closed' ? no('该求助已结束，不能再答复') : { ok: true, to: 'answered' };
    case 'close':
      if (from === 'closed') return no('该求助已经结束');
      // Staff close only what they answered: closing an unanswered request would hide it from
      // the answer deadline and its escalation.
      if (event.by === 'staff' && from === 'open') return no('请先答复，再结束该求助');
      return { ok: true, to: 'closed' };
    case 'rate':
      if (from !== 'closed') return no('求助结束后才能评价');
      if (event.rated) return no('您已经评价过了');
      return { ok: true, to: 'closed' };
  }
}

/** At most this many of a citizen's requests may wait for a first answer at once. */
export const MAX_OPEN_REQUESTS = 5;
