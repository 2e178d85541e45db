/**
 * The "131" services per unemployed person per calendar year (Asia/Shanghai; 001, 002 for migrant
 * workers): at least 1 career guidance, 3 job introductions and 1 skills training. Those who want
 * work also get at least 3 guidance sessions with a 职业指导师 (000 §4(4)), shown beside it.
 * Counted from recorded services, never from a stored counter that could drift.
 */
import { inShanghai, monthKey, yearKey, type DateInput } from '../time';

export const SERVICE_KINDS = ['guidance', 'jobIntroduction', 'training'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

export const SERVICE_TARGETS: Record<ServiceKind, number> = {
  guidance: 1,
  jobIntroduction: 3,
  training: 1,
};

export const SERVICE_LABELS: Record<ServiceKind, string> = {
  guidance: '职业指导',
  jobIntroduction: '岗位推荐',
  training: '技能培训',
};

/** 000 §4(4): guidance sessions with a 职业指导师 for those who want work. */
export const GUIDANCE_SESSIONS_FOR_JOB_SEEKERS = 3;

export interface ServiceRecord {
  kind: ServiceKind;
  at: DateInput;
}

export interface ServiceProgress {
  done: number;
  target: number;
  met: boolean;
}

export interface Progress131 {
  year: string;
  guidance: ServiceProgress;
  jobIntroduction: ServiceProgress;
  training: ServiceProgress;
  allMet: boolean;
  /** "职业指导 1/1 · 岗位推荐 2/3 · 技能培训 0/1" */
  summary: string;
}

export function progress131(services: readonly ServiceRecord[], year: string): Progress131 {
  const count = (kind: ServiceKind) =>
    services.filter((s) => s.kind === kind && yearKey(s.at) === year).length;
  const entry = (kind: ServiceKind): ServiceProgress => {
    const done = count(kind);
    return { done, target: SERVICE_TARGETS[kind], met: done >= SERVICE_TARGETS[kind] };
  };
  const guidance = entry('guidance');
  const jobIntroduction = entry('jobIntroduction');
  const training = entry('training');
  return {
    year,
    guidance,
    jobIntroduction,
    training,
    allMet: guidance.met && jobIntroduction.met && training.met,
    summary: SERVICE_KINDS.map(
      (k) =>
        `${SERVICE_LABELS[k]} ${Math.min(entry(k).done, SERVICE_TARGETS[k])}/${SERVICE_TARGETS[k]}`,
    ).join(' · '),
  };
}

/** Pushes of positions in one Shanghai month (000 §4(6), §5(3)). */
export const MONTHLY_PUSH_TARGET = 3;

/** In the last days of a month an unmet plan shows as at risk. */
export const PUSH_AT_RISK_DAYS = 10;

export interface PushRecord {
  at: DateInput;
  publicWelfare: boolean;
  internship: boolean;
}

/** A position that reached the person: pushed by the platform or referred by their caseworker. */
export interface IntroductionRecord extends PushRecord {
  /** The vacancy on the platform; null for a position elsewhere (a referral named in a note). */
  vacancyId: string | null;
}

/**
 * A vacancy reaches a person once, however it came (000 §4(6) counts positions provided, not
 * messages): a push of a position the caseworker already referred — or the other way round —
 * counts once, at the first time. Positions off the platform have no id and each count.
 */
export function distinctIntroductions(
  records: readonly IntroductionRecord[],
): IntroductionRecord[] {
  const seen = new Set<string>();
  return [...records]
    .sort((a, b) => +inShanghai(a.at) - +inShanghai(b.at))
    .filter((r) => {
      if (r.vacancyId === null) return true;
      if (seen.has(r.vacancyId)) return false;
      seen.add(r.vacancyId);
      return true;
    });
}

export const PLAN_STATES = ['met', 'onTrack', 'atRisk', 'missed'] as const;
export type PlanState = (typeof PLAN_STATES)[number];

export const PLAN_STATE_LABELS: Record<PlanState, string> = {
  met: '已完成',
  onTrack: '进行中',
  atRisk: '有风险',
  missed: '未完成',
};

export interface PushPlan {
  month: string;
  pushes: number;
  target: number;
  /** Required for 就业困难人员 (000 §4(6)); null when not required. */
  publicWelfare: { done: number; required: boolean } | null;
  /** Required for graduates within 2 years who want one (000 §5(3)); null when not required. */
  internship: { done: number; required: boolean } | null;
  state: PlanState;
}

/**
 * The month's push plan of one person: met when every requirement is reached; otherwise missed
 * once the month is over, at risk in its last PUSH_AT_RISK_DAYS days, on track before.
 * `needs.wantsInternship`: `wantsInternship(tags, wishes.wantsInternship)` (matching/internship),
 * the same rule the matcher and the push run use.
 */
export function pushPlan(
  pushes: readonly PushRecord[],
  month: string,
  needs: { difficult: boolean; wantsInternship: boolean },
  now: DateInput,
): PushPlan {
  const inMonth = pushes.filter((p) => monthKey(p.at) === month);
  const welfare = inMonth.filter((p) => p.publicWelfare).length;
  const internship = inMonth.filter((p) => p.internship).length;
  const met =
    inMonth.length >= MONTHLY_PUSH_TARGET &&
    (!needs.difficult || welfare >= 1) &&
    (!needs.wantsInternship || internship >= 1);
  const current = monthKey(now);
  let state: PlanState;
  if (met) state = 'met';
  else if (current > month) state = 'missed';
  else {
    const day = inShanghai(now);
    const left = day.daysInMonth() - day.date();
    state = current === month && left < PUSH_AT_RISK_DAYS ? 'atRisk' : 'onTrack';
  }
  return {
    month,
    pushes: inMonth.length,
    target: MONTHLY_PUSH_TARGET,
    publicWelfare: needs.difficult ? { done: welfare, required: true } : null,
    internship: needs.wantsInternship ? { done: internship, required: true } : null,
    state,
  };
}

/** What the daily push run should send one person today. */
export interface PushesDue {
  /** How many positions to push now (0: nothing today). */
  count: number;
  /**
   * How many of them may be ordinary positions. The rest of `count` is only for an owed
   * 公益性岗位 or 见习岗位: when none is open, nothing is pushed in their place.
   */
  general: number;
  /** The first of them should be a 公益性岗位 (still owed this month). */
  publicWelfare: boolean;
  /** One of them should be a 见习岗位 (still owed this month). */
  internship: boolean;
}

/**
 * Spreads the month's pushes over the month (Asia/Shanghai) instead of sending three on the
 * 1st: by day d of a month of D days, ⌈3·d/D⌉ positions should have gone out — one on the 1st,
 * the second around the 11th, the third around the 21st — and whoever is behind (a new
 * registrant on the 25th, a month with failed runs) catches up at once. A 公益性岗位 owed to a
 * 就业困难人员 (000 §4(6)) or a 见习岗位 owed to a recent graduate (000 §5(3)) takes the next slot;
 * when the count is reached without them, they are pushed on top. Nothing once the plan is met.
 */
export function pushesDue(plan: PushPlan, now: DateInput): PushesDue {
  const none: PushesDue = { count: 0, general: 0, publicWelfare: false, internship: false };
  if (plan.state === 'met' || plan.state === 'missed' || monthKey(now) !== plan.month) return none;
  const day = inShanghai(now);
  const expected = Math.ceil((plan.target * day.date()) / day.daysInMonth());
  const publicWelfare = plan.publicWelfare !== null && plan.publicWelfare.done === 0;
  const internship = plan.internship !== null && plan.internship.done === 0;
  const owed = (publicWelfare ? 1 : 0) + (internship ? 1 : 0);
  const general = Math.max(0, expected - plan.pushes);
  let count = general;
  // The general target is (being) reached while a required kind is still owed: push it too.
  if (owed > 0 && plan.pushes + count >= plan.target) count = Math.max(count, owed);
  return { count, general, publicWelfare, internship };
}
