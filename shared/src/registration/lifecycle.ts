/**
 * The lifecycle of an unemployment registration (失业登记), as data (house style 1): statuses,
 * events, one transition table and a pure `transition`. Handlers never set a status by hand;
 * every change is appended to the registration's log with who, when and why.
 */
export const REGISTRATION_STATUSES = [
  'draft',
  'submitted',
  'registered',
  'employed',
  'flexible',
  'cancelled',
] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

export const REGISTRATION_STATUS_LABELS: Record<RegistrationStatus, string> = {
  draft: '草稿',
  submitted: '待核验',
  registered: '已登记',
  employed: '已就业',
  flexible: '灵活就业',
  cancelled: '已注销',
};

/** Registrations that hold the person's one active registration and a 包保 caseworker. */
export const ACTIVE_STATUSES = [
  'submitted',
  'registered',
] as const satisfies readonly RegistrationStatus[];

export function isActive(status: RegistrationStatus): boolean {
  return (ACTIVE_STATUSES as readonly RegistrationStatus[]).includes(status);
}

/** Why a registration is cancelled (000 §1(4): registrations that no longer qualify are cancelled with the reason noted). */
export const CANCEL_REASONS = [
  'employed',
  'retirementAge',
  'movedAway',
  'ownRequest',
  'noLongerEligible',
  'deceased',
] as const;
export type CancelReason = (typeof CANCEL_REASONS)[number];

export const CANCEL_REASON_LABELS: Record<CancelReason, string> = {
  employed: '已就业',
  retirementAge: '达到法定退休年龄',
  movedAway: '迁出本地',
  ownRequest: '本人申请注销',
  noLongerEligible: '不再符合登记条件',
  deceased: '死亡',
};

export type RegistrationEvent =
  /** The citizen submits; declarations that need evidence wait for the caseworker. */
  | { type: 'submit'; needsVerification: boolean }
  | { type: 'verify' }
  | { type: 'employ' }
  | { type: 'employFlexibly' }
  | { type: 'cancel'; reason: CancelReason };

export type TransitionResult = { ok: true; to: RegistrationStatus } | { ok: false; reason: string };

const TABLE: Record<RegistrationEvent['type'], Partial<Record<RegistrationStatus, true>>> = {
  submit: { draft: true },
  verify: { submitted: true },
  employ: { registered: true, submitted: true },
  employFlexibly: { registered: true, submitted: true },
  cancel: { submitted: true, registered: true },
};

export function transition(from: RegistrationStatus, event: RegistrationEvent): TransitionResult {
  if (!TABLE[event.type][from]) {
    return {
      ok: false,
      reason: `当前状态为“${REGISTRATION_STATUS_LABELS[from]}”，不能进行此操作`,
    };
  }
  switch (event.type) {
    case 'submit':
      return { ok: true, to: event.needsVerification ? 'submitted' : 'registered' };
    case 'verify':
      return { ok: true, to: 'registered' };
    case 'employ':
      return { ok: true, to: 'employed' };
    case 'employFlexibly':
      return { ok: true, to: 'flexible' };
    case 'cancel':
      return { ok: true, to: 'cancelled' };
  }
}
