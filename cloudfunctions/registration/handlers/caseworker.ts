/**
 * The 包保 caseworker's side (000 §1(5)): their own people only, ID numbers masked, every read of
 * personal data audited (PIPL 第51条; ARCHITECTURE "Data and personal information").
 */
import {
  AppError,
  CANCEL_REASON_LABELS,
  declaredKeys,
  KEY_GROUP_LABELS,
  pendingVerifications,
  registrationTags,
  type Declarations,
  type PersonSummary,
  type RegistrationEvent,
} from '@nuanxin/shared';

import {
  decryptField,
  membershipsRepo,
  registrationsRepo,
  type Handler,
  type StoredDeclarations,
} from '../../_lib';
import { caseworkerPerson, supervisorPerson } from '../access';
import { audit, notifyStatus } from '../events';
import { applyChange, applyEvent } from '../lifecycle';
import { registeredPerson } from '../sections';
import { detailView, summaryView } from '../views';

/**
 * First what needs the caseworker: a withdrawn consent, evidence to verify, people past
 * retirement age (the cancellation list, 000 §1(4)); then the newest submissions.
 */
function urgency(p: PersonSummary): number {
  if (p.consentWithdrawn) return 0;
  if (p.pendingVerifications.length > 0) return 1;
  if (p.reachedRetirement) return 2;
  return 3;
}

/** At most this many registration ids in one listMine audit entry. */
export const AUDITED_IDS_MAX = 300;

/**
 * After the person withdrew consent (PIPL 第15条, 第29条), their sensitive personal information
 * is no longer processed: no revealing the ID number, no checking key-group evidence. The
 * caseworker contacts them; once they consent again, the work continues.
 */
function refuseWithoutConsent(record: { consentWithdrawnAt: Date | null }): void {
  if (record.consentWithdrawnAt !== null) {
    throw new AppError(
      'FORBIDDEN',
      '该人员已撤回对敏感个人信息处理的同意，不能查看身份证号或核验身份；请与本人联系，本人重新同意后可继续办理',
    );
  }
}

export const listMine: Handler<'registration', 'listMine'> = async (input, ctx) => {
  const { caller, db, now } = ctx;
  const memberships = await membershipsRepo(db).openOf(caller.openid);
  const records = await registrationsRepo(db).byIds(memberships.map((m) => m.registrationId));
  const people = records
    .filter((r) => !input.status || r.status === input.status)
    .filter((r) => !input.township || r.township === input.township)
    .map((r) => summaryView(r, now))
    .sort(
      (a, b) =>
        urgency(a) - urgency(b) ||
        (b.submittedAt ?? '').localeCompare(a.submittedAt ?? '') ||
        a.id.localeCompare(b.id),
    );
  // Which people were shown, not only how many (PIPL 第51条: staff reads are traceable to the
  // person). Bounded: a caseworker has about 200 people; beyond that the count says the rest.
  const shown = people.slice(0, AUDITED_IDS_MAX).map((p) => p.id);
  await audit(db, ctx, 'listMine', undefined, {
    count: people.length,
    ids: shown.join(','),
    idsTruncated: shown.length < people.length,
  });
  return { people, total: people.length };
};

export const getPerson: Handler<'registration', 'getPerson'> = async (input, ctx) => {
  const { caller, db, now } = ctx;
  const record =
    caller.role === 'caseworker'
      ? (await caseworkerPerson(ctx, input.registrationId)).record
      : await supervisorPerson(ctx, input.registrationId);
  const detail = await detailView(db, record, now, { ownCaseworker: caller.role === 'caseworker' });
  // Shown only once the read is on record.
  await audit(db, ctx, 'getPerson', record._id);
  return detail;
};

export const revealIdNumber: Handler<'registration', 'revealIdNumber'> = async (input, ctx) => {
  const { record } = await caseworkerPerson(ctx, input.registrationId);
  refuseWithoutConsent(record);
  if (!record.identity.idNumberEnc) throw new AppError('NOT_FOUND', '该人员没有登记身份证号');
  const idNumber = decryptField(record.identity.idNumberEnc);
  await audit(ctx.db, ctx, 'revealIdNumber', record._id);
  return { idNumber };
};

/**
 * The caseworker checks declared key groups against the evidence (DECLARATION_EVIDENCE). A
 * declaration that does not hold is taken off (with the reason in the log); once nothing waits,
 * a submitted registration becomes registered.
 */
export const verify: Handler<'registration', 'verify'> = async (input, ctx) => {
  const { db, now } = ctx;
  const { record } = await caseworkerPerson(ctx, input.registrationId);
  const results = Object.entries(input.verified) as [keyof Declarations, boolean][];
  if (results.length === 0) throw new AppError('VALIDATION', '请至少选择一项核验结果');
  if (record.status !== 'submitted' && record.status !== 'registered') {
    throw new AppError('CONFLICT', '该登记已办结，不能再核验');
  }
  refuseWithoutConsent(record);
  // Only what the person declared can be verified: a caseworker cannot add a key group.
  const declared = new Set(declaredKeys(record.declarations));
  const undeclared = results.filter(([key]) => !declared.has(key)).map(([key]) => key);
  if (undeclared.length > 0) {
    throw new AppError(
      'VALIDATION',
      `本人没有申报：${undeclared.map((k) => KEY_GROUP_LABELS[k]).join('、')}，不能核验`,
      Object.fromEntries(undeclared.map((k) => [`verified.${k}`, '本人没有申报此项'])),
    );
  }
  const declarations: StoredDeclarations = { ...record.declarations };
  const verified: Declarations = { ...record.verified };
  for (const [key, holds] of results) {
    if (holds) {
      verified[key] = true;
    } else {
      delete verified[key];
      declarations[key] = false;
      if (key === 'disabled') declarations.disabilityCertNoEnc = null;
    }
  }
  const { tags, employmentDifficulty } = registrationTags(
    registeredPerson({ ...record, declarations, verified })!,
    now,
  );
  const passed = results.filter(([, ok]) => ok).map(([k]) => KEY_GROUP_LABELS[k]);
  const failed = results.filter(([, ok]) => !ok).map(([k]) => KEY_GROUP_LABELS[k]);
  const reason = [
    passed.length > 0 ? `核验属实：${passed.join('、')}` : '',
    failed.length > 0 ? `核验不属实：${failed.join('、')}` : '',
    input.note,
  ]
    .filter(Boolean)
    .join('；');
  const patch = { declarations, verified, tags, employmentDifficulty };
  const stillPending = pendingVerifications({ declarations, verified }).length > 0;

  const next =
    record.status === 'submitted' && !stillPending
      ? await applyEvent(ctx, record, { type: 'verify' }, { reason, patch, audit: 'verify' })
      : await applyChange(ctx, record, 'verify', { reason, patch, audit: 'verify' });
  if (next.status !== record.status) {
    await notifyStatus(db, next, ctx.caller.user, now);
  }
  return detailView(db, next, now, { ownCaseworker: true });
};

/** Employed, flexibly employed, or cancelled with a reason (000 §1(4)). */
export const changeStatus: Handler<'registration', 'changeStatus'> = async (input, ctx) => {
  const { db, now } = ctx;
  const { record } = await caseworkerPerson(ctx, input.registrationId);
  const event: RegistrationEvent =
    input.to === 'employed'
      ? { type: 'employ' }
      : input.to === 'flexible'
        ? { type: 'employFlexibly' }
        : { type: 'cancel', reason: input.reason! };
  const reason =
    [event.type === 'cancel' ? CANCEL_REASON_LABELS[event.reason] : '', input.note]
      .filter(Boolean)
      .join('：') || null;
  const next = await applyEvent(ctx, record, event, { reason, audit: 'changeStatus' });
  await notifyStatus(db, next, ctx.caller.user, now);
  return detailView(db, next, now, { ownCaseworker: true });
};
