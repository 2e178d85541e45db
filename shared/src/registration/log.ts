/**
 * What the registration log records and how people read it. Every status change, every 包保
 * membership change, every correction and every consent change is appended to
 * `registration_log` with who, when and why (house style 1); nothing is ever edited or removed.
 */
import { ROLE_LABELS, type Role } from '../roles';

export const LOG_EVENTS = [
  /** draft → submitted | registered */
  'submit',
  /** submitted → registered, or verification flags set on a registered person */
  'verify',
  'employ',
  'employFlexibly',
  'cancel',
  /** The citizen corrected their data; `fields` names what changed, never the values. */
  'correct',
  /** A 包保 caseworker was assigned (on submit or by a supervisor). */
  'assign',
  /** Nobody fits: the person waits in the supervisor's unassigned queue. */
  'awaitAssignment',
  'consentWithdrawn',
  'consentGiven',
] as const;
export type LogEvent = (typeof LOG_EVENTS)[number];

export const LOG_EVENT_LABELS: Record<LogEvent, string> = {
  submit: '提交失业登记',
  verify: '核验申报的重点群体身份',
  employ: '登记为已就业',
  employFlexibly: '登记为灵活就业',
  cancel: '注销失业登记',
  correct: '更正登记信息',
  assign: '确定包保责任人',
  awaitAssignment: '等待业务主管分配包保责任人',
  consentWithdrawn: '撤回个人信息处理同意',
  consentGiven: '重新同意个人信息处理',
};

/**
 * Why a 包保 membership ended. Memberships are never deleted (house style 2): reassignment ends
 * the old one and starts a new one; closing a registration ends it.
 */
export const MEMBERSHIP_END_REASONS = [
  'reassigned',
  'cancelled',
  'superseded',
  'moved',
  'orgChanged',
] as const;
export type MembershipEndReason = (typeof MEMBERSHIP_END_REASONS)[number];

export const MEMBERSHIP_END_REASON_LABELS: Record<MembershipEndReason, string> = {
  reassigned: '更换包保责任人',
  cancelled: '失业登记已注销',
  superseded: '本人重新办理了失业登记',
  moved: '本人迁至该包保责任人不负责的乡镇（街道）',
  orgChanged: '服务机构变化（高校毕业生身份变化）',
};

/**
 * Who did it, for people: the person themselves (the only citizen who acts on a registration is
 * its owner), a staff member with role and name, or the system (the daily timer).
 */
export function actorLabel(role: Role | 'system', name?: string | null): string {
  if (role === 'system') return '系统';
  if (role === 'citizen') return '本人';
  return `${ROLE_LABELS[role]}${name ? ` ${name}` : ''}`;
}
