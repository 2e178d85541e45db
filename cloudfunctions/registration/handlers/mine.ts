/**
 * The citizen's rights over their own data: see its history, export everything held about them
 * (PIPL 第45条: the right to access and copy), ask for the registration to be cancelled.
 *
 * The export holds, besides the registration itself: the person's requests (工单) with their
 * threads and ratings — a photo only as "已附照片" and a 10-minute link, never its storage fileID
 * —, the vacancies they marked 感兴趣, the employers' invitations they received, and their
 * recommendation settings.
 */
import {
  CANCEL_REASON_LABELS,
  KEY_GROUP_LABELS,
  MEMBERSHIP_END_REASON_LABELS,
  PREFERENCE_TEXTS,
  RATING_LABELS,
  REGISTRATION_STATUS_LABELS,
  REQUEST_KIND_LABELS,
  REQUEST_STATUS_LABELS,
} from '@nuanxin/shared';

import {
  allRows,
  claimsRepo,
  command,
  consentsRepo,
  interestsRepo,
  membershipsRepo,
  messagesRepo,
  PHOTO_LINK_SECONDS,
  preferencesRepo,
  registrationLogRepo,
  registrationsRepo,
  requestsRepo,
  rows,
  tempUrls,
  usersRepo,
  type Handler,
  type RequestRecord,
  type Store,
} from '../../_lib';
import { ownOpen } from '../access';
import { notifyStatus } from '../events';
import { applyEvent } from '../lifecycle';
import { draftView } from '../sections';
import { caseworkerCard, historyEntries, ownView } from '../views';

const iso = (d: Date | string | null | undefined): string | null =>
  d ? new Date(d).toISOString() : null;

const PHOTO_NOTE = '已附照片';
const onOff = (on: boolean) => (on ? '已开启' : '已关闭');

/** fileID → a short-lived link (null: storage cannot serve it now; the export still goes out). */
async function photoLinks(requests: readonly RequestRecord[]): Promise<Map<string, string | null>> {
  const fileIDs = requests.map((r) => r.photo).filter((f): f is string => !!f);
  if (fileIDs.length === 0) return new Map();
  try {
    return await tempUrls(fileIDs);
  } catch (error) {
    console.error('[registration] export: photo links failed', error);
    return new Map();
  }
}

/** The person's requests, newest first, each with its thread (staff by name, never by openid). */
async function exportedRequests(db: Store, openid: string) {
  const repo = requestsRepo(db);
  const requests = (await repo.ofOpenid(openid)).sort(
    (a, b) => +new Date(b.createdAt) - +new Date(a.createdAt),
  );
  const [links, threads] = await Promise.all([
    photoLinks(requests),
    Promise.all(requests.map((r) => repo.messagesOf(r._id))),
  ]);
  return requests.map((r, i) => ({
    kind: r.kind,
    kindLabel: REQUEST_KIND_LABELS[r.kind],
    text: r.text,
    status: r.status,
    statusLabel: REQUEST_STATUS_LABELS[r.status],
    createdAt: iso(r.createdAt)!,
    firstAnsweredAt: iso(r.firstAnsweredAt),
    closedAt: iso(r.closedAt),
    photo: r.photo
      ? {
          note: PHOTO_NOTE,
          link: links.get(r.photo) ?? null,
          linkValidMinutes: PHOTO_LINK_SECONDS / 60,
        }
      : null,
    messages: threads[i]!.map((m) => ({
      at: iso(m.at)!,
      from: m.from === 'citizen' ? '本人' : (m.authorName ?? '工作人员'),
      text: m.text,
    })),
    rating: r.rating
      ? {
          value: r.rating.value,
          label: RATING_LABELS[r.rating.value],
          comment: r.rating.comment,
          at: iso(r.rating.at)!,
        }
      : null,
  }));
}

interface InvitationRow {
  vacancyId: string;
  at: Date;
}

/** The employers' invitations to apply the person received, newest first, with the vacancy. */
async function exportedInvitations(db: Store, openid: string) {
  const invitations = (
    await allRows<InvitationRow>(
      db.collection('match_invitations').where({ openid }).field({ vacancyId: true, at: true }),
    )
  ).sort((a, b) => +new Date(b.at) - +new Date(a.at));
  const ids = [...new Set(invitations.map((i) => i.vacancyId))];
  const vacancies = new Map<string, { title: string; companyName: string }>();
  for (let i = 0; i < ids.length; i += 100) {
    const chunk = ids.slice(i, i + 100);
    const found = await rows<{ _id: string; title: string; companyName: string }>(
      db
        .collection('vacancies')
        .where({ _id: command().in(chunk) })
        .field({ _id: true, title: true, companyName: true })
        .limit(chunk.length),
    );
    for (const v of found) vacancies.set(v._id, { title: v.title, companyName: v.companyName });
  }
  return invitations.map((i) => ({
    vacancyTitle: vacancies.get(i.vacancyId)?.title ?? '（岗位已不存在）',
    companyName: vacancies.get(i.vacancyId)?.companyName ?? '',
    invitedAt: iso(i.at)!,
  }));
}

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
  const [requests, interests, invitations, preferences] = await Promise.all([
    exportedRequests(db, caller.openid),
    interestsRepo(db).ofOpenid(caller.openid),
    exportedInvitations(db, caller.openid),
    preferencesRepo(db).get(caller.openid),
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
      requests,
      jobInterests: interests.map((i) => ({
        vacancyTitle: i.vacancy.title,
        companyName: i.vacancy.companyName,
        markedAt: iso(i.at)!,
      })),
      invitations,
      recommendationSettings: {
        personalised: preferences.personalised,
        personalisedLabel: `${PREFERENCE_TEXTS.personalised.label}：${onOff(preferences.personalised)}`,
        suggestToEmployers: preferences.suggestToEmployers,
        suggestToEmployersLabel: `${PREFERENCE_TEXTS.suggestToEmployers.label}：${onOff(preferences.suggestToEmployers)}`,
        updatedAt: iso(preferences.updatedAt),
      },
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
