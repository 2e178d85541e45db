/**
 * Who may touch which registration (house style 5: queries scoped to the caller). Cloud functions
 * bypass database rules, so these checks are the only ones. A person outside the caller's scope
 * is NOT_FOUND — the same answer as a person who does not exist, so nothing about them leaks.
 */
import { AppError, CONSENT_VERSION } from '@nuanxin/shared';

import {
  consentsRepo,
  docOf,
  membershipsRepo,
  registrationsRepo,
  type ActionContext,
  type Caller,
  type ConsentRecord,
  type MembershipRecord,
  type RegistrationRecord,
  type Store,
} from '../_lib';

const NOT_YOURS = '没有找到这名人员，或该人员不在您的服务范围内';

const consentNeeded = () =>
  new AppError('FORBIDDEN', '请先阅读《失业登记个人信息处理告知》并点击同意，再填写或提交登记信息');

/**
 * 单独同意 (PIPL 第29条) before sensitive data is stored: a current, not withdrawn consent to
 * this notice version.
 */
export async function requireConsent(ctx: ActionContext): Promise<ConsentRecord> {
  const consent = await consentsRepo(ctx.db).current(ctx.caller.openid);
  if (!consent || consent.version !== CONSENT_VERSION) throw consentNeeded();
  return consent;
}

/**
 * Inside the transaction that stores the data: the consent is still in force (a withdrawal
 * racing with a save makes one of the two transactions conflict and retry).
 */
export async function assertConsentStill(tx: Store, consentId: string): Promise<void> {
  const consent = await docOf<ConsentRecord>(tx.collection('consents').doc(consentId));
  if (!consent || consent.withdrawnAt) throw consentNeeded();
}

/** The citizen's own submitted or registered record. */
export async function ownOpen(ctx: ActionContext, whenNone: string): Promise<RegistrationRecord> {
  const record = await registrationsRepo(ctx.db).openOf(ctx.caller.openid);
  if (!record) throw new AppError('NOT_FOUND', whenNone);
  return record;
}

/** A supervisor's townships; empty means the whole city (a city-level supervisor). */
export function supervisorScope(caller: Caller): string[] | null {
  const townships = caller.user?.townships ?? [];
  return townships.length > 0 ? townships : null;
}

export function inSupervisorScope(caller: Caller, record: RegistrationRecord): boolean {
  const scope = supervisorScope(caller);
  return scope === null || (record.township !== null && scope.includes(record.township));
}

/** A person whose open 包保 membership is the calling caseworker's. */
export async function caseworkerPerson(
  ctx: ActionContext,
  registrationId: string,
): Promise<{ record: RegistrationRecord; membership: MembershipRecord }> {
  const membership = await membershipsRepo(ctx.db).openFor(registrationId);
  if (!membership || membership.caseworkerOpenid !== ctx.caller.openid) {
    throw new AppError('NOT_FOUND', NOT_YOURS);
  }
  const record = await registrationsRepo(ctx.db).find(registrationId);
  if (!record) throw new AppError('NOT_FOUND', NOT_YOURS);
  return { record, membership };
}

/** A submitted (never a draft) person living in the supervisor's townships. */
export async function supervisorPerson(
  ctx: ActionContext,
  registrationId: string,
): Promise<RegistrationRecord> {
  const record = await registrationsRepo(ctx.db).find(registrationId);
  if (!record || record.status === 'draft' || !inSupervisorScope(ctx.caller, record)) {
    throw new AppError('NOT_FOUND', NOT_YOURS);
  }
  return record;
}
