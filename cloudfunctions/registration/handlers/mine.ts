/**
 * The citizen's rights over their own data: see its history, export everything held about them
 * (PIPL 第45条: the right to access and copy), ask for the registration to be cancelled.
 */
import {
  CANCEL_REASON_LABELS,
  KEY_GROUP_LABELS,
  MEMBERSHIP_END_REASON_LABELS,
  REGISTRATION_STATUS_LABELS,
} from '@nuanxin/shared';

import {
  claimsRepo,
  consentsRepo,
  membershipsRepo,
  messagesRepo,
  registrationLogRepo,
  registrationsRepo,
  usersRepo,
  type Handler,
} from '../../_lib';
import { ownOpen } from '../access';
import { notifyStatus } from '../events';
import { applyEvent } from '../lifecycle';
import { draftView } from '../sections';
import { caseworkerCard, historyEntries, ownView } from '../views';

const iso = (d: Date | string | null | undefined): string | null =>
  d ? new Date(d).toISOString() : null;

export const history: Handler<'registration', 'history'> = async (_input, ctx) => {
  const records = await registrationsRepo(ctx.db).allOf(ctx.caller.openid);
  const log = await registrationLogRepo(ctx.db).of(records.map((r) => r._id));
  return { entries: historyEntries(log) };
};

/**
 * Everything stored about the caller, their own sensitive data decrypted — and nothing about
 * anyone else: staff appear by name and organisation as on the caseworker card, never by openid.
 */
export const exportMine: Handler<'registration', 'exportMine'> = async (_input, ctx) => {
  const { caller, db, now } = ctx;
  const records = await registrationsRepo(db).allOf(caller.openid);
  const ids = records.map((r) => r._id);
  const [consents, log, memberships, claims, messages] = await Promise.all([
    consentsRepo(db).allOf(caller.openid),
    registrationLogRepo(db).of(ids),
    membershipsRepo(db).ofRegistrations(ids),
    claimsRepo(db).ofRegistrations(ids),
    messagesRepo(db).of(caller.openid),
  ]);
  const staff = await usersRepo(db).byOpenids([
    ...new Set(memberships.map((m) => m.caseworkerOpenid)),
  ]);
  const staffCard = (openid: string) =>
    caseworkerCard(staff.find((u) => u.openid === openid) ?? null);

  return {
    exportedAt: now.toISOString(),
    data: {
      consents: consents.map((c) => ({
        purpose: c.purpose,
        version: c.version,
        acceptedAt: iso(c.acceptedAt),
        withdrawnAt: iso(c.withdrawnAt),
      })),
      registrations: records.map((r) => ({
        id: r._id,
        status: r.status,
        statusLabel: REGISTRATION_STATUS_LABELS[r.status],
        ...draftView(r),
        birthDate: r.identity.birthDate ?? null,
        sex: r.identity.sex ?? null,
        verified: r.verified,
        tags: r.tags.map((t) => KEY_GROUP_LABELS[t]),
        employmentDifficulty: r.employmentDifficulty,
        consentWithdrawnAt: iso(r.consentWithdrawnAt),
        submittedAt: iso(r.submittedAt),
        registeredAt: iso(r.registeredAt),
        closedAt: iso(r.closedAt),
        closeReason: r.closeReason ? CANCEL_REASON_LABELS[r.closeReason] : null,
        createdAt: iso(r.createdAt),
        updatedAt: iso(r.updatedAt),
      })),
      history: historyEntries(log).map((entry, i) => ({
        registrationId: log[i]!.registrationId,
        ...entry,
      })),
      caseworkers: memberships.map((m) => ({
        registrationId: m.registrationId,
        caseworker: staffCard(m.caseworkerOpenid),
        startedAt: iso(m.startedAt),
        endedAt: iso(m.endedAt),
        endReason: m.endReason ? MEMBERSHIP_END_REASON_LABELS[m.endReason] : null,
      })),
      insuranceClaims: claims.map((c) => ({
        registrationId: c.registrationId,
        status: c.status,
        lastEmployer: c.lastEmployer,
        separationDate: c.separationDate,
        createdAt: iso(c.createdAt),
      })),
      messages: messages.map((m) => ({
        at: iso(m.at),
        title: m.title,
        body: m.body,
        read: m.read,
      })),
    },
  };
};

export const requestCancellation: Handler<'registration', 'requestCancellation'> = async (
  input,
  ctx,
) => {
  // No consent needed: stopping the service must always be possible.
  const record = await ownOpen(ctx, '您没有可以注销的有效失业登记');
  const next = await applyEvent(
    ctx,
    record,
    { type: 'cancel', reason: 'ownRequest' },
    { reason: input.note || CANCEL_REASON_LABELS.ownRequest },
  );
  const caseworker = record.caseworkerOpenid
    ? await usersRepo(ctx.db).byOpenid(record.caseworkerOpenid)
    : null;
  await notifyStatus(ctx.db, next, caseworker, ctx.now);
  return { registration: await ownView(ctx.db, next, ctx.now) };
};
