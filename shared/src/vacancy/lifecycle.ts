/**
 * The lifecycles of a vacancy (岗位) and of an application to it (求职申请), as data (house style
 * 1): statuses, events, a transition table and pure transitions. Handlers never set a status by
 * hand; every change is appended to the record's log with who, when and why.
 */

// ---------------------------------------------------------------------------------------------
// Vacancy

export const VACANCY_STATUSES = [
  'draft',
  'pendingReview',
  'published',
  'paused',
  'closed',
  'expired',
  'rejected',
] as const;
export type VacancyStatus = (typeof VACANCY_STATUSES)[number];

export const VACANCY_STATUS_LABELS: Record<VacancyStatus, string> = {
  draft: '草稿',
  pendingReview: '待审核',
  published: '招聘中',
  paused: '已暂停',
  closed: '已关闭',
  expired: '已过期',
  rejected: '未通过审核',
};

/** Only a published vacancy is shown, recommended or pushed; expired and closed ones never are. */
export function isVacancyPublic(status: VacancyStatus): boolean {
  return status === 'published';
}

export const CLOSE_REASONS = ['filled', 'withdrawn'] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

/** Also the 备注 of the vacancy ledger for closed vacancies (000 §2(4)). */
export const CLOSE_REASON_LABELS: Record<CloseReason, string> = {
  filled: '已招满',
  withdrawn: '企业撤回',
};

/**
 * What the screening and the company's verification say, at every step that can make a vacancy
 * public: submit, edit, resume and renew. Each runs the check again, so no path (expiring and
 * renewing, pausing and resuming) skips the review.
 */
export interface VacancyCheck {
  /** `summarizeFindings` over the screened texts (title, description, requirements, benefits…). */
  screening: { blocked: boolean; needsReview: boolean };
  /** Vacancies become public only after staff have verified the company (issue 4, journey 1). */
  companyVerified: boolean;
  /**
   * Staff have approved exactly this text (its flagged wording was looked at). Absent: not
   * reviewed — a submit or an edit of the wording.
   */
  reviewed?: boolean;
}

export type VacancyEvent =
  | ({ type: 'submit' } & VacancyCheck)
  | { type: 'approve' }
  | { type: 'reject'; reason: string }
  | { type: 'pause' }
  /** Back to the public list, if the check allows it. */
  | ({ type: 'resume' } & VacancyCheck)
  | { type: 'close'; reason: CloseReason }
  | { type: 'expire' }
  /** An edit is re-screened: flagged content goes back to review, clean content keeps its status. */
  | ({ type: 'edit' } & VacancyCheck)
  /**
   * A new valid-until date ('YYYY-MM-DD', Shanghai). `today` and `latest` (today plus the
   * configured maximum validity) come from the server's clock and config. A vacancy whose text
   * was never approved, or whose company is not verified, goes (back) to review.
   */
  | ({ type: 'renew'; validUntil: string; today: string; latest: string } & VacancyCheck);

export type VacancyEventType = VacancyEvent['type'];

export const VACANCY_EVENT_LABELS: Record<VacancyEventType, string> = {
  submit: '提交',
  approve: '审核通过',
  reject: '审核不通过',
  pause: '暂停招聘',
  resume: '恢复招聘',
  close: '关闭岗位',
  expire: '到期',
  edit: '修改',
  renew: '续期',
};

/**
 * What each `vacancy_log` event means, for the history shown to the employer and to staff: the
 * lifecycle's events plus the record's creation and an edit by market staff.
 */
export const VACANCY_LOG_EVENT_LABELS: Record<string, string> = {
  create: '创建岗位',
  ...VACANCY_EVENT_LABELS,
  edit: '修改岗位',
  staffEdit: '工作人员修改',
};

export type VacancyTransitionResult =
  { ok: true; to: VacancyStatus; validUntil?: string } | { ok: false; reason: string };

export const VACANCY_TABLE: Record<VacancyEventType, Partial<Record<VacancyStatus, true>>> = {
  // A rejected vacancy is edited and submitted again.
  submit: { draft: true, rejected: true },
  approve: { pendingReview: true },
  reject: { pendingReview: true },
  pause: { published: true },
  resume: { paused: true },
  // An expired vacancy may still be closed as filled, for the ledger's 备注. One waiting for
  // review can only be withdrawn (never public, it cannot have been filled through us).
  close: { pendingReview: true, published: true, paused: true, expired: true },
  // The daily timer expires anything still open past its date, so nothing stale gets approved;
  // renewing it runs the check again (a vacancy that never passed review goes back to review).
  expire: { pendingReview: true, published: true, paused: true },
  edit: { draft: true, pendingReview: true, published: true, paused: true, rejected: true },
  renew: { published: true, expired: true },
};

export const NOT_YET_PUBLIC_CLOSE_REASON =
  '岗位还在等待审核，尚未向求职者公开，不能标记为“已招满”；不再招聘可以撤回';

export const BLOCKED_AD_REASON = '招聘信息含有歧视性内容，请按提示修改后再提交';
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function needsReview(check: VacancyCheck): boolean {
  return (check.screening.needsReview && !check.reviewed) || !check.companyVerified;
}

/** Where a step that would make the vacancy public leads: public, or to staff review. */
function publicOrReview(check: VacancyCheck): VacancyStatus {
  return needsReview(check) ? 'pendingReview' : 'published';
}

export function transitionVacancy(
  from: VacancyStatus,
  event: VacancyEvent,
): VacancyTransitionResult {
  if (!VACANCY_TABLE[event.type][from]) {
    return {
      ok: false,
      reason: `岗位当前状态为“${VACANCY_STATUS_LABELS[from]}”，不能${VACANCY_EVENT_LABELS[event.type]}`,
    };
  }
  switch (event.type) {
    case 'submit':
      // Screening runs at every save; a blocked ad is never saved, let alone published.
      if (event.screening.blocked) return { ok: false, reason: BLOCKED_AD_REASON };
      return { ok: true, to: publicOrReview(event) };
    case 'approve':
      return { ok: true, to: 'published' };
    case 'reject':
      if (!event.reason.trim()) return { ok: false, reason: '请填写不通过的原因，企业会看到' };
      return { ok: true, to: 'rejected' };
    case 'pause':
      return { ok: true, to: 'paused' };
    case 'resume':
      if (event.screening.blocked) return { ok: false, reason: BLOCKED_AD_REASON };
      return { ok: true, to: publicOrReview(event) };
    case 'close':
      if (from === 'pendingReview' && event.reason === 'filled') {
        return { ok: false, reason: NOT_YET_PUBLIC_CLOSE_REASON };
      }
      return { ok: true, to: 'closed' };
    case 'expire':
      return { ok: true, to: 'expired' };
    case 'edit':
      if (event.screening.blocked) return { ok: false, reason: BLOCKED_AD_REASON };
      // Drafts and rejected vacancies stay where they are until submitted; a public or paused
      // one whose new text is flagged leaves the public list until staff have looked.
      if ((from === 'published' || from === 'paused') && needsReview(event)) {
        return { ok: true, to: 'pendingReview' };
      }
      return { ok: true, to: from };
    case 'renew':
      if (!DATE.test(event.validUntil)) return { ok: false, reason: '请填写有效期至（年-月-日）' };
      if (event.validUntil <= event.today) {
        return { ok: false, reason: '有效期至应晚于今天' };
      }
      if (event.validUntil > event.latest) {
        return { ok: false, reason: `有效期最长至${event.latest}，请重新选择` };
      }
      if (event.screening.blocked) return { ok: false, reason: BLOCKED_AD_REASON };
      return { ok: true, to: publicOrReview(event), validUntil: event.validUntil };
  }
}

// ---------------------------------------------------------------------------------------------
// Application

export const APPLICATION_STATUSES = [
  'applied',
  'viewed',
  'interview',
  'offered',
  'hired',
  'rejected',
  'withdrawn',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  applied: '已投递',
  viewed: '企业已查看',
  interview: '邀请面试',
  offered: '已发录用通知',
  hired: '已入职',
  rejected: '未录用',
  withdrawn: '已撤回',
};

export type ApplicationEvent =
  /** The employer opens the application. */
  | { type: 'view' }
  | { type: 'invite' }
  | { type: 'offer' }
  | { type: 'hire' }
  /** By the employer, with a reason the applicant sees. */
  | { type: 'reject'; reason: string }
  /** By the applicant, also to decline an offer. */
  | { type: 'withdraw' };

export type ApplicationEventType = ApplicationEvent['type'];

export const APPLICATION_EVENT_LABELS: Record<ApplicationEventType, string> = {
  view: '查看',
  invite: '邀请面试',
  offer: '发录用通知',
  hire: '确认入职',
  reject: '不录用',
  withdraw: '撤回申请',
};

export type ApplicationTransitionResult =
  { ok: true; to: ApplicationStatus } | { ok: false; reason: string };

const OPEN = { applied: true, viewed: true, interview: true, offered: true } as const;

export const APPLICATION_TABLE: Record<
  ApplicationEventType,
  Partial<Record<ApplicationStatus, true>>
> = {
  view: { applied: true },
  invite: { applied: true, viewed: true },
  // Some small employers hire without a formal interview.
  offer: { viewed: true, interview: true },
  hire: { offered: true },
  reject: OPEN,
  withdraw: OPEN,
};

export function transitionApplication(
  from: ApplicationStatus,
  event: ApplicationEvent,
): ApplicationTransitionResult {
  if (!APPLICATION_TABLE[event.type][from]) {
    return {
      ok: false,
      reason: `申请当前状态为“${APPLICATION_STATUS_LABELS[from]}”，不能${APPLICATION_EVENT_LABELS[event.type]}`,
    };
  }
  switch (event.type) {
    case 'view':
      return { ok: true, to: 'viewed' };
    case 'invite':
      return { ok: true, to: 'interview' };
    case 'offer':
      return { ok: true, to: 'offered' };
    case 'hire':
      return { ok: true, to: 'hired' };
    case 'reject':
      if (!event.reason.trim()) return { ok: false, reason: '请填写不录用的原因，求职者会看到' };
      return { ok: true, to: 'rejected' };
    case 'withdraw':
      return { ok: true, to: 'withdrawn' };
  }
}
