/**
 * The citizen's rights over their own data: see its history, export everything held about them
 * (PIPL 第45条: the right to access and copy), ask for the registration to be cancelled.
 *
 * The export holds, besides the registration itself: the person's requests (工单) with their
 * threads and ratings — a photo only as "已附照片" and a 10-minute link, never its storage fileID
 * —, the vacancies they marked 感兴趣, the employers' invitations they received, their
 * recommendation settings, their applications (投递) with their history and what they chose to
 * share, the positions pushed to them, the service records (contacts) staff made about them, their
 * 一人一策 plan (every version), their training bookings, the hires employers reported and their
 * caseworker's check of them, and whether a 差 rating was reviewed (not the supervisor's internal
 * note) — staff by name, never by openid, and nothing of any other person.
 */
import {
  ALWAYS_SHARED,
  APPLICANT_HISTORY_LABELS,
  APPLICATION_STATUS_LABELS,
  CANCEL_REASON_LABELS,
  CONTACT_CHANNEL_LABELS,
  CONTACT_KIND_LABELS,
  CONTACT_OUTCOME_LABELS,
  EDUCATION_LABELS,
  EMPLOYMENT_SITUATION_LABELS,
  HIRE_CONFIRMATION_STATUS_LABELS,
  KEY_GROUP_LABELS,
  MEMBERSHIP_END_REASON_LABELS,
  PLAN_NEED_TYPE_LABELS,
  PREFERENCE_TEXTS,
  PUSH_CHANNEL_LABELS,
  RATING_LABELS,
  REGISTRATION_STATUS_LABELS,
  REQUEST_KIND_LABELS,
  REQUEST_STATUS_LABELS,
  SHARE_KEYS,
  SHARE_LABELS,
} from '@nuanxin/shared';
import { BOOKING_STATUS_LABELS } from '@nuanxin/shared/src/training';

import {
  allRows,
  applicationLogRepo,
  applicationsRepo,
  bookingsRepo,
  claimsRepo,
  command,
  consentsRepo,
  contactsRepo,
  coursesRepo,
  hireConfirmationsRepo,
  interestsRepo,
  membershipsRepo,
  messagesRepo,
  PHOTO_LINK_SECONDS,
  plansRepo,
  preferencesRepo,
  pushesRepo,
  registrationLogRepo,
  registrationsRepo,
  requestsRepo,
  rows,
  tempUrls,
  usersRepo,
  type BookingRecord,
  type ContactRecord,
  type CourseRecord,
  type Handler,
  type HireConfirmationRecord,
  type PlanRecord,
  type PushRecord,
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
const REVIEW_LABELS = { open: '复核中', done: '已复核' } as const;
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
    // Only whether and when: the supervisor's note is the centre's internal record.
    review: r.review
      ? {
          reviewed: r.review.status === 'done',
          label: REVIEW_LABELS[r.review.status],
          reviewedAt: r.review.status === 'done' ? iso(r.review.closedAt) : null,
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

const SEX_LABELS = { male: '男', female: '女' } as const;

/**
 * The person's applications, newest first: as they see them (the employer's internal note is the
 * employer's own record, as in the jobs function), and exactly what the employer received.
 */
async function exportedApplications(db: Store, openid: string) {
  const applications = await applicationsRepo(db).ofApplicant(openid);
  const log = await applicationLogRepo(db).of(applications.map((a) => a._id));
  return applications.map((a) => ({
    vacancyTitle: a.vacancy.title,
    companyName: a.vacancy.companyName,
    appliedAt: iso(a.appliedAt)!,
    status: a.status,
    statusLabel: APPLICATION_STATUS_LABELS[a.status],
    message: a.message,
    interviewNote: a.interviewNote,
    offerNote: a.offerNote,
    rejectReason: a.rejectReason,
    history: log
      .filter((e) => e.applicationId === a._id)
      .map((e) => ({
        at: iso(e.at)!,
        label: APPLICANT_HISTORY_LABELS[e.event] ?? e.event,
        note: e.note,
      })),
    sharedLabels: [
      ...ALWAYS_SHARED,
      ...SHARE_KEYS.filter((k) => a.share[k]).map((k) => SHARE_LABELS[k]),
    ],
    shared: {
      name: a.applicant.name,
      sexLabel: a.applicant.sex ? SEX_LABELS[a.applicant.sex] : null,
      age: a.applicant.age,
      idMasked: a.applicant.idMasked,
      mobile: a.share.mobile ? a.applicant.mobile : null,
      educationLabel:
        a.share.education && a.applicant.education ? EDUCATION_LABELS[a.applicant.education] : null,
      workHistory: a.share.workHistory ? a.applicant.workHistory : null,
    },
  }));
}

/** The positions pushed to the person, newest first. */
function exportedPushes(pushes: readonly PushRecord[]) {
  return [...pushes]
    .sort((a, b) => +new Date(b.at) - +new Date(a.at))
    .map((p) => ({
      vacancyTitle: p.vacancy.title,
      companyName: p.vacancy.companyName,
      pushedAt: iso(p.at)!,
      channelLabel: PUSH_CHANNEL_LABELS[p.channel],
      reasons: [...p.reasons],
    }));
}

/** The service records about the person, newest first; staff by name. */
function exportedContacts(contacts: readonly ContactRecord[]) {
  return [...contacts]
    .sort((a, b) => +new Date(b.at) - +new Date(a.at))
    .map((c) => ({
      at: iso(c.at)!,
      kind: c.kind,
      kindLabel: CONTACT_KIND_LABELS[c.kind],
      channelLabel: c.channel ? CONTACT_CHANNEL_LABELS[c.channel] : null,
      outcomeLabel: CONTACT_OUTCOME_LABELS[c.outcome],
      situationLabel: c.situation ? EMPLOYMENT_SITUATION_LABELS[c.situation] : null,
      note: c.note,
      staffName: c.actorName,
      reliefYuan: c.amountFen === null || c.amountFen === undefined ? null : c.amountFen / 100,
      referredVacancy: c.vacancy
        ? { title: c.vacancy.title, companyName: c.vacancy.companyName }
        : null,
      referredCourse: c.course?.title ?? null,
    }));
}

/** Every version of the person's 一人一策 plan, newest first; who saved it by name. */
function exportedPlans(plans: readonly PlanRecord[]) {
  return [...plans]
    .sort((a, b) => +new Date(b.savedAt) - +new Date(a.savedAt))
    .map((p) => ({
      needType: p.needType,
      needTypeLabel: PLAN_NEED_TYPE_LABELS[p.needType],
      goals: p.goals,
      nextSteps: p.nextSteps,
      advisorName: p.advisorName,
      updatedAt: iso(p.savedAt)!,
      updatedByName: p.savedByName,
    }));
}

const RESULT_LABELS: Partial<Record<BookingRecord['status'], string>> = {
  passed: '考核合格',
  failed: '考核未通过',
};

/**
 * Whether the booking took one of the person's yearly free trainings: counted when the seat was
 * confirmed, and given back when it was cancelled before the start or with the course (the
 * training seats' own rule, training/seats.ts).
 */
function usedFreeQuota(b: BookingRecord, course: CourseRecord | undefined): boolean {
  if (b.quotaYear === null) return false;
  if (b.status !== 'cancelled') return true;
  const beforeStart =
    !!course && !!b.cancelledAt && +new Date(b.cancelledAt) < +new Date(course.startsAt);
  const withTheCourse =
    course?.status === 'cancelled' && !!b.cancelReason?.startsWith('课程已取消');
  return !beforeStart && !withTheCourse;
}

/** The person's training bookings, newest first, with the course's institution and dates. */
async function exportedBookings(db: Store, openid: string) {
  const bookings = (await bookingsRepo(db).ofOpenid(openid)).sort(
    (a, b) => +new Date(b.bookedAt) - +new Date(a.bookedAt),
  );
  const courses = new Map(
    (await coursesRepo(db).byIds([...new Set(bookings.map((b) => b.courseId))])).map((c) => [
      c._id,
      c,
    ]),
  );
  return bookings.map((b) => {
    const course = courses.get(b.courseId);
    return {
      courseTitle: course?.title ?? b.courseTitle,
      institutionName: course?.institutionName ?? '',
      startsAt: iso(course?.startsAt),
      endsAt: iso(course?.endsAt),
      bookedAt: iso(b.bookedAt)!,
      status: b.status,
      statusLabel: BOOKING_STATUS_LABELS[b.status],
      resultLabel: RESULT_LABELS[b.status] ?? null,
      usedFreeQuota: usedFreeQuota(b, course),
    };
  });
}

/** The hires reported for the person and the caseworker's check, newest first; staff by name. */
function exportedHires(hires: readonly HireConfirmationRecord[]) {
  return [...hires]
    .sort((a, b) => +new Date(b.hiredAt) - +new Date(a.hiredAt))
    .map((h) => ({
      vacancyTitle: h.vacancy.title,
      companyName: h.vacancy.companyName,
      hiredAt: iso(h.hiredAt)!,
      status: h.status,
      statusLabel: HIRE_CONFIRMATION_STATUS_LABELS[h.status],
      decidedAt: iso(h.decidedAt),
      decidedByName: h.decidedByName,
    }));
}

export const history: Handler<'registration', 'history'> = async (_input, ctx) => {
  const records = await registrationsRepo(ctx.db).allOf(ctx.caller.openid);
  const log = await registrationLogRepo(ctx.db).of(records.map((r) => r._id));
  return { entries: historyEntries(log) };
};

/**
 * The caller's copy of what is stored about them (PIPL 第45条): registrations, consents, history,
 * caseworker, claims, messages, requests, interests, invitations, recommendation settings,
 * applications, pushes, service records, 一人一策 plans, training bookings, hire confirmations
 * and whether a 差 rating was reviewed — everything held about them —, their own sensitive data
 * decrypted, and nothing about anyone else: staff appear by name and organisation as on the
 * caseworker card, never by openid.
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
  const [applications, pushes, contacts] = await Promise.all([
    exportedApplications(db, caller.openid),
    pushesRepo(db).ofRegistrations(ids),
    contactsRepo(db).of(ids),
  ]);
  const [plans, bookings, hires] = await Promise.all([
    plansRepo(db).of(ids),
    exportedBookings(db, caller.openid),
    hireConfirmationsRepo(db).ofRegistrations(ids, false),
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
      applications,
      pushes: exportedPushes(pushes),
      contacts: exportedContacts(contacts),
      assistancePlans: exportedPlans(plans),
      trainingBookings: bookings,
      hireConfirmations: exportedHires(hires),
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
