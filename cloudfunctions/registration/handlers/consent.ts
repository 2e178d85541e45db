/**
 * 单独同意 (PIPL 第29条: sensitive personal information needs the person's separate consent):
 * the notice, giving consent with its version and time, and withdrawing it (PIPL 第15条), which
 * the person's caseworker sees on their list.
 */
import { AppError, CONSENT_VERSION, REGISTRATION_CONSENT } from '@nuanxin/shared';

import {
  consentsRepo,
  interestsRepo,
  registrationLogRepo,
  registrationsRepo,
  transaction,
  type Handler,
} from '../../_lib';
import { actorOf } from '../events';

const iso = (d: Date) => new Date(d).toISOString();

export const getConsent: Handler<'registration', 'getConsent'> = async (_input, ctx) => {
  const all = await consentsRepo(ctx.db).allOf(ctx.caller.openid);
  const inForce = all.find((c) => !c.withdrawnAt) ?? null;
  const withdrawn = inForce ? null : (all.find((c) => c.withdrawnAt)?.withdrawnAt ?? null);
  return {
    notice: REGISTRATION_CONSENT,
    accepted: inForce ? { version: inForce.version, acceptedAt: iso(inForce.acceptedAt) } : null,
    withdrawnAt: withdrawn ? iso(withdrawn) : null,
  };
};

export const giveConsent: Handler<'registration', 'giveConsent'> = async (_input, ctx) => {
  const { caller, db, now } = ctx;
  const current = await consentsRepo(db).current(caller.openid);
  // Agreeing twice changes nothing: the first acceptance stands.
  if (current) return { version: current.version, acceptedAt: iso(current.acceptedAt) };

  const flagged = (await registrationsRepo(db).allOf(caller.openid)).filter(
    (r) => r.status !== 'draft' && r.consentWithdrawnAt !== null,
  );
  await transaction(db, async (tx) => {
    await consentsRepo(tx).give(caller.openid, CONSENT_VERSION, now);
    for (const record of flagged) {
      await registrationsRepo(tx).update(record._id, { consentWithdrawnAt: null, updatedAt: now });
      await registrationLogRepo(tx).append({
        registrationId: record._id,
        at: now,
        ...actorOf(ctx),
        event: 'consentGiven',
        from: record.status,
        to: record.status,
        reason: null,
      });
    }
  });
  return { version: CONSENT_VERSION, acceptedAt: iso(now) };
};

export const withdrawConsent: Handler<'registration', 'withdrawConsent'> = async (_input, ctx) => {
  const { caller, db, now } = ctx;
  const inForce = (await consentsRepo(db).allOf(caller.openid)).filter((c) => !c.withdrawnAt);
  if (inForce.length === 0) {
    throw new AppError('NOT_FOUND', '您目前没有生效的个人信息处理同意，无需撤回');
  }
  const records = await registrationsRepo(db).allOf(caller.openid);
  const draft = records.find((r) => r.status === 'draft');
  const submitted = records.filter((r) => r.status !== 'draft' && r.consentWithdrawnAt === null);
  const interests = (await interestsRepo(db).ofOpenid(caller.openid)).map((i) => i._id);

  await transaction(db, async (tx) => {
    for (const consent of inForce) await consentsRepo(tx).withdraw(consent._id, now);
    // A draft was never submitted: nothing requires keeping it once consent is withdrawn, so it
    // is deleted (PIPL 第47条). A submitted registration is kept — the registration and its
    // follow-up are a public service's records — but flagged for the caseworker. The person's
    // 感兴趣 marks are deleted: they exist only to show them to employers, which must stop.
    // Requests (工单) are kept: the centre's record of its service.
    if (draft) await tx.collection('registrations').doc(draft._id).remove();
    await interestsRepo(tx).removeIds(interests);
    for (const record of submitted) {
      await registrationsRepo(tx).update(record._id, { consentWithdrawnAt: now, updatedAt: now });
      await registrationLogRepo(tx).append({
        registrationId: record._id,
        at: now,
        ...actorOf(ctx),
        event: 'consentWithdrawn',
        from: record.status,
        to: record.status,
        reason: null,
      });
    }
  });
  return { withdrawnAt: iso(now) };
};
