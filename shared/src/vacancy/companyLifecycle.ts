/**
 * The lifecycle of a company (用人单位) on the service, as data (house style 1): statuses (in
 * `rules.ts`), events, a transition table and a pure transition. Every change is appended to
 * `company_log` with who, when and why.
 *
 * Registered → 待核验; the 市场服务中心 verifies it against the business licence, or rejects it
 * with a reason the employer sees. A rejected company is corrected by its owner and submitted
 * again (back to 待核验, into the staff's queue). A rejected record does not hold its 统一社会信用代码:
 * the real company can register with it (a squatted code is freed by the rejection) while the
 * rejected record keeps its history. There is no "suspended": nothing in the service needs it yet.
 */
import { COMPANY_STATUS_LABELS, type CompanyStatus } from './rules';

export type CompanyEvent =
  | { type: 'verify' }
  /** By staff, with a reason the employer sees. */
  | { type: 'reject'; reason: string }
  /** The owner corrects a rejected company and submits it again for verification. */
  | { type: 'resubmit' }
  /** The owner corrects a company still waiting for verification; it keeps waiting. */
  | { type: 'update' };

export type CompanyEventType = CompanyEvent['type'];

export const COMPANY_EVENT_LABELS: Record<CompanyEventType, string> = {
  verify: '核验通过',
  reject: '核验不通过',
  resubmit: '修改后重新提交核验',
  update: '修改单位信息',
};

/** Each `company_log` event in words: the lifecycle's events plus the registration. */
export const COMPANY_LOG_EVENT_LABELS: Record<string, string> = {
  register: '登记单位',
  ...COMPANY_EVENT_LABELS,
};

export const COMPANY_TABLE: Record<CompanyEventType, Partial<Record<CompanyStatus, true>>> = {
  verify: { pending: true },
  reject: { pending: true },
  resubmit: { rejected: true },
  update: { pending: true },
};

/** Does a company in this status hold its 统一社会信用代码 against another registration? */
export function holdsUscc(status: CompanyStatus): boolean {
  return status !== 'rejected';
}

export type CompanyTransitionResult =
  { ok: true; to: CompanyStatus } | { ok: false; reason: string };

export function transitionCompany(
  from: CompanyStatus,
  event: CompanyEvent,
): CompanyTransitionResult {
  if (!COMPANY_TABLE[event.type][from]) {
    return {
      ok: false,
      reason:
        from === 'verified' && (event.type === 'update' || event.type === 'resubmit')
          ? '单位信息已通过核验，如需变更请联系市场服务中心'
          : `单位当前状态为“${COMPANY_STATUS_LABELS[from]}”，不能${COMPANY_EVENT_LABELS[event.type]}`,
    };
  }
  switch (event.type) {
    case 'verify':
      return { ok: true, to: 'verified' };
    case 'reject':
      if (!event.reason.trim()) return { ok: false, reason: '请填写不通过的原因，企业会看到' };
      return { ok: true, to: 'rejected' };
    case 'resubmit':
    case 'update':
      return { ok: true, to: 'pending' };
  }
}
