/**
 * Who may do what with training (house style 5). There is no "institution" role: a training
 * institution is an organisation with a USCC, so its own account is a 用人单位 (employer) account
 * whose verified company has the institution's USCC — 就业中心 staff record the USCC on the
 * institution, and once the 市场服务中心 has verified the company, that account manages the
 * institution's courses, attendance and results. Staff act
 * within their townships: 就业中心 caseworkers and supervisors publish and edit courses; the
 * 职鉴中心 also follows certificates. Another person's booking or a course outside the caller's
 * scope is NOT_FOUND, the same answer as one that does not exist.
 */
import { AppError } from '@nuanxin/shared';

import {
  companiesRepo,
  institutionsRepo,
  type ActionContext,
  type BookingRecord,
  type Caller,
  type CourseRecord,
  type InstitutionRecord,
} from '../_lib';

export const COURSE_NOT_FOUND = '没有找到这门课程，或它不在您的管理范围内';
export const BOOKING_NOT_FOUND = '没有找到这条报名记录';
const NOT_MANAGER = '只有就业中心工作人员、业务主管和培训机构可以管理培训课程';
export const NOT_LINKED =
  '您的单位还没有关联培训机构。培训机构请联系就业中心，按统一社会信用代码关联后即可在这里管理课程和考勤';
export const NOT_VERIFIED =
  '您的单位还在等待市场服务中心核验。核验通过后，按统一社会信用代码关联的培训机构即可在这里管理课程和考勤';

/** Staff with their townships (null: the whole city), or an institution's own account. */
export type Manager =
  | { kind: 'staff'; openid: string; name: string; townships: string[] | null }
  | { kind: 'institution'; openid: string; name: string; institutions: InstitutionRecord[] };

/**
 * The institutions whose USCC is the caller's company's: those the account speaks for. Only a
 * company the 市场服务中心 has verified counts — a USCC is public, and anyone may register a
 * (pending) company with one; it must not open an institution's courses and rosters to them.
 */
export async function ownInstitutions(
  ctx: ActionContext,
): Promise<{ institutions: InstitutionRecord[]; reason: string }> {
  const companyId = ctx.caller.user?.companyId;
  const company = companyId ? await companiesRepo(ctx.db).find(companyId) : null;
  if (!company?.uscc) return { institutions: [], reason: NOT_LINKED };
  if (company.status !== 'verified') return { institutions: [], reason: NOT_VERIFIED };
  return { institutions: await institutionsRepo(ctx.db).byUscc(company.uscc), reason: NOT_LINKED };
}

function staffTownships(caller: Caller): string[] | null {
  const townships = caller.user?.townships ?? [];
  if (townships.length > 0) return townships;
  // A city-level supervisor covers everything; a caseworker without townships covers nothing.
  return caller.role === 'supervisor' ? null : [];
}

/** The caller as a course manager, or null with the reason (for lists that explain it). */
export async function findManager(
  ctx: ActionContext,
): Promise<{ manager: Manager } | { manager: null; reason: string }> {
  const { caller } = ctx;
  const name = caller.user?.displayName ?? '';
  if (
    caller.role === 'supervisor' ||
    (caller.role === 'caseworker' && caller.user?.org === 'employment')
  ) {
    return {
      manager: { kind: 'staff', openid: caller.openid, name, townships: staffTownships(caller) },
    };
  }
  if (caller.role === 'employer') {
    const { institutions, reason } = await ownInstitutions(ctx);
    if (institutions.length === 0) return { manager: null, reason };
    return { manager: { kind: 'institution', openid: caller.openid, name, institutions } };
  }
  return { manager: null, reason: NOT_MANAGER };
}

export async function courseManager(ctx: ActionContext): Promise<Manager> {
  const found = await findManager(ctx);
  if (!found.manager) throw new AppError('FORBIDDEN', found.reason);
  return found.manager;
}

export function inTownships(townships: string[] | null, township: string): boolean {
  return townships === null || townships.includes(township);
}

export function manages(
  manager: Manager,
  course: Pick<CourseRecord, 'township' | 'institutionId'>,
): boolean {
  return manager.kind === 'staff'
    ? inTownships(manager.townships, course.township)
    : manager.institutions.some((i) => i._id === course.institutionId);
}

/** The 就业中心 and 职鉴中心 follow certificates (000 §3(7)); so do supervisors and institutions. */
export async function certificateScope(
  ctx: ActionContext,
): Promise<{ townships: string[] | null; institutionIds: string[] | null }> {
  const { caller } = ctx;
  if (caller.role === 'caseworker' && caller.user?.org === 'skills') {
    // The 职鉴中心 works citywide unless given townships.
    const townships = caller.user.townships ?? [];
    return { townships: townships.length > 0 ? townships : null, institutionIds: null };
  }
  const manager = await courseManager(ctx);
  return manager.kind === 'staff'
    ? { townships: manager.townships, institutionIds: null }
    : { townships: [], institutionIds: manager.institutions.map((i) => i._id) };
}

export function inCertificateScope(
  scope: { townships: string[] | null; institutionIds: string[] | null },
  record: { township: string; institutionId: string },
): boolean {
  if (scope.institutionIds) return scope.institutionIds.includes(record.institutionId);
  return inTownships(scope.townships, record.township);
}

/** The caller's own booking; anyone else's is NOT_FOUND. */
export function ownBooking(ctx: ActionContext, booking: BookingRecord | null): BookingRecord {
  if (!booking || booking.openid !== ctx.caller.openid) {
    throw new AppError('NOT_FOUND', BOOKING_NOT_FOUND);
  }
  return booking;
}

/** "就业中心 张敏" / the institution's name, for the log. */
export function managerLabel(manager: Manager): string {
  return manager.kind === 'staff'
    ? manager.name
    : `${manager.institutions.map((i) => i.name).join('、')} ${manager.name}`.trim();
}
