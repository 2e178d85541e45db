/**
 * Inbound requests (工单) and their service levels: the first answer is due within 1 working day;
 * an unanswered request escalates to the supervisor at that deadline, and again at 3 and 5 working
 * days. Both are configurable per deployment (`requestSlaOf`, read by the casework function from
 * its environment). Working days follow the State Council holiday tables (time/holidays.ts).
 */
import { addWorkingDays, inShanghai, type DateInput } from '../time';
import { z } from '../zod';

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

/** Working days to the first answer, and at which the unanswered request escalates. */
export interface RequestSla {
  firstAnswerWorkingDays: number;
  /** Strictly increasing; the first is the first-answer deadline or later. */
  escalateAtWorkingDays: readonly number[];
}

/** The issue's default: answer within 1 working day; escalate at 1, 3 and 5. */
export const REQUEST_SLA: RequestSla = {
  firstAnswerWorkingDays: 1,
  escalateAtWorkingDays: [1, 3, 5],
};

/** The environment variables that configure the SLA (cloud function environment). */
export const REQUEST_SLA_ENV = {
  days: 'NUANXIN_REQUEST_SLA_DAYS',
  escalate: 'NUANXIN_REQUEST_ESCALATE_DAYS',
} as const;

const MAX_SLA_DAYS = 30;
const MAX_ESCALATIONS = 5;

const workingDays = (what: string) =>
  z.coerce
    .number({ error: `${what}应为整数个工作日` })
    .int({ error: `${what}应为整数个工作日` })
    .min(1, { error: `${what}至少1个工作日` })
    .max(MAX_SLA_DAYS, { error: `${what}不超过${MAX_SLA_DAYS}个工作日` });

const unset = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** `NUANXIN_REQUEST_SLA_DAYS=1`, `NUANXIN_REQUEST_ESCALATE_DAYS=1,3,5`; both optional. */
export const requestSlaEnvSchema = z
  .object({
    [REQUEST_SLA_ENV.days]: z.preprocess(unset, workingDays('答复时限').optional()),
    [REQUEST_SLA_ENV.escalate]: z.preprocess(
      (v) =>
        typeof unset(v) === 'string' ? (v as string).split(/[,，\s]+/).filter(Boolean) : undefined,
      z
        .array(workingDays('升级时限'), { error: '升级时限应写成逗号分隔的工作日数，如 1,3,5' })
        .min(1, { error: '至少设置一级升级' })
        .max(MAX_ESCALATIONS, { error: `升级最多${MAX_ESCALATIONS}级` })
        .optional(),
    ),
  })
  .transform((env, ctx): RequestSla => {
    const first = env[REQUEST_SLA_ENV.days] ?? REQUEST_SLA.firstAnswerWorkingDays;
    // Unset: the default's steps (1, 3, 5) counted from the configured deadline.
    const steps =
      env[REQUEST_SLA_ENV.escalate] ??
      REQUEST_SLA.escalateAtWorkingDays.map((d) => d - REQUEST_SLA.firstAnswerWorkingDays + first);
    if (steps.some((d, i) => i > 0 && d <= steps[i - 1]!)) {
      ctx.addIssue({
        code: 'custom',
        path: [REQUEST_SLA_ENV.escalate],
        message: '升级时限应从小到大排列且不重复，如 1,3,5',
      });
    }
    if (steps[0]! < first) {
      ctx.addIssue({
        code: 'custom',
        path: [REQUEST_SLA_ENV.escalate],
        message: `第一次升级不能早于答复时限（${first}个工作日）`,
      });
    }
    return { firstAnswerWorkingDays: first, escalateAtWorkingDays: steps };
  });

/**
 * The SLA a deployment configured; throws with every problem named when the configuration is
 * invalid (a wrong deadline must not pass silently as the default).
 */
export function requestSlaOf(env: Record<string, string | undefined>): RequestSla {
  const parsed = requestSlaEnvSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${i.path.join('.')}：${i.message}`);
  throw new Error(`求助答复时限配置有误：${problems.join('；')}`);
}

/** "1个工作日" */
export function workingDaysLabel(days: number): string {
  return `${days}个工作日`;
}

export interface EscalationStep {
  level: number;
  at: Date;
}

/** The instants at which an unanswered request escalates (level 1, 2, 3). */
export function escalationSchedule(
  createdAt: DateInput,
  sla: Pick<RequestSla, 'escalateAtWorkingDays'> = REQUEST_SLA,
): EscalationStep[] {
  return sla.escalateAtWorkingDays.map((days, i) => ({
    level: i + 1,
    at: addWorkingDays(createdAt, days),
  }));
}

export function firstAnswerDue(
  createdAt: DateInput,
  sla: Pick<RequestSla, 'firstAnswerWorkingDays'> = REQUEST_SLA,
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
  sla: Pick<RequestSla, 'escalateAtWorkingDays'> = REQUEST_SLA,
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
 * closed request can be rated once. While it is not closed the citizen may add to it (补充说明):
 * an answered request then waits for staff again (open), its deadline counted from the addition.
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
  | { type: 'addTo' }
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
    case 'addTo':
      return from === 'closed'
        ? no('这条求助已经结束，不能再补充；如有新的问题，请重新提交求助')
        : { ok: true, to: 'open' };
    case 'rate':
      if (from !== 'closed') return no('求助结束后才能评价');
      if (event.rated) return no('您已经评价过了');
      return { ok: true, to: 'closed' };
  }
}

/** A request's thread holds at most this many messages (the citizen's additions stop there). */
export const MAX_REQUEST_MESSAGES = 50;

/** At most this many of a citizen's requests may wait for a first answer at once. */
export const MAX_OPEN_REQUESTS = 5;
