/**
 * The caseworker's workbench under 包保 (000 §1(5)): their people sorted by urgency, one person's
 * schedule, "131" progress, plan and timeline, and recording a contact or a plan in a few taps.
 * Every read of personal data is audited; every contact and plan is appended, never edited.
 */
import {
  AppError,
  byUrgency,
  CONTACT_KIND_LABELS,
  dateKey,
  EMPLOYMENT_SITUATION_LABELS,
  GUIDANCE_SESSIONS_FOR_JOB_SEEKERS,
  isActive,
  isVacancyPublic,
  transition,
  yearKey,
  type CaseloadEntry,
  type RegistrationEvent,
  type Workbench,
} from '@nuanxin/shared';
import { enrolmentState } from '@nuanxin/shared/src/training';

import {
  auditRepo,
  contactsRepo,
  coursesRepo,
  hireConfirmationsRepo,
  isDuplicateWrite,
  membershipsRepo,
  offersRepo,
  plansRepo,
  registrationLogRepo,
  registrationsRepo,
  requestsRepo,
  transaction,
  usersRepo,
  vacanciesRepo,
  type ActionContext,
  type ApplicationRecord,
  type Handler,
  type NewContact,
  type OfferRecord,
  type RegistrationRecord,
  type Store,
  type UserRecord,
} from '../../_lib';
import { caseworkerPerson, supervisorPerson } from '../../registration/access';
import { notifyStatus } from '../../registration/events';
import { applyEvent } from '../../registration/lifecycle';
import { caseworkerInScope } from '../access';
import { attachRequests } from '../attach';
import { audit, AUDITED_IDS_MAX } from '../audit';
import { entryOf, followUpFor, gatherFacts, optionalRows, type PersonFacts } from '../facts';
import { hireTask, planView, pushTask, timeline } from '../views';

/** Whose caseload: a caseworker's own; a supervisor names a caseworker in their scope. */
async function caseloadOwner(
  ctx: ActionContext,
  requested: string | undefined,
): Promise<UserRecord> {
  const { caller } = ctx;
  if (caller.role === 'caseworker') {
    if (requested !== undefined && requested !== caller.openid) {
      throw new AppError('FORBIDDEN', '只能查看自己的包保对象');
    }
    return caller.user!;
  }
  if (requested === undefined) {
    throw new AppError('VALIDATION', '请选择要查看的包保责任人', {
      caseworkerOpenid: '请选择包保责任人',
    });
  }
  return caseworkerInScope(ctx, requested);
}

export const caseload: Handler<'casework', 'caseload'> = async (input, ctx) => {
  const { db, now } = ctx;
  const owner = await caseloadOwner(ctx, input.caseworkerOpenid);
  const memberships = await membershipsRepo(db).openOf(owner.openid);
  const records = await registrationsRepo(db).byIds(memberships.map((m) => m.registrationId));
  // Requests asked before registering count among the people's unanswered ones.
  await attachRequests(db, [...new Set(records.map((r) => r.openid))]);
  const all = (await gatherFacts(db, records))
    .map((facts) => entryOf(facts, now))
    .filter((e): e is CaseloadEntry => e !== null);
  const today = dateKey(now);
  const people = all
    .filter((p) => !input.township || p.township === input.township)
    .filter((p) => !input.status || p.status === input.status)
    .filter((p) =>
      !input.tag
        ? true
        : input.tag === 'employmentDifficulty'
          ? p.employmentDifficulty
          : p.tags.some((t) => t.key === input.tag),
    )
    .filter((p) =>
      !input.state
        ? true
        : input.state === 'due'
          ? p.followUp.state === 'overdue' || p.followUp.state === 'dueToday'
          : p.followUp.state === input.state,
    )
    .map((p) => ({ ...p, due: p.followUp.due }))
    .sort(byUrgency(today))
    .map(({ due: _, ...p }) => p);
  const count = (state: string) => all.filter((p) => p.followUp.state === state).length;
  // Which people were shown, not only how many (PIPL 第51条), bounded as in listMine.
  const shown = people.slice(0, AUDITED_IDS_MAX).map((p) => p.id);
  await audit(ctx, 'caseload', undefined, {
    caseworkerOpenid: owner.openid,
    count: people.length,
    ids: shown.join(','),
    idsTruncated: shown.length < people.length,
  });
  return {
    people,
    total: people.length,
    today,
    counts: {
      overdue: count('overdue'),
      dueToday: count('dueToday'),
      dueSoon: count('dueSoon'),
      openRequests: all.reduce((n, p) => n + p.openRequests, 0),
    },
    caseworkerName: owner.displayName,
  };
};

/** The workbench of one person, from their records (nothing written). */
export async function workbench(
  ctx: ActionContext,
  record: RegistrationRecord,
  canRecord: boolean,
): Promise<Workbench> {
  const { db, now } = ctx;
  const [[facts], log, plans, requests, applications, offers, caseworker, hires] =
    await Promise.all([
      gatherFacts(db, [record]) as Promise<[PersonFacts]>,
      registrationLogRepo(db).of([record._id]),
      plansRepo(db).of([record._id]),
      requestsRepo(db).ofRegistrations([record._id]),
      optionalRows<ApplicationRecord>(db, 'applications', () => ({ openid: record.openid }), [
        record.openid,
      ]),
      offersRepo(db).ofRegistrations([record._id]),
      record.caseworkerOpenid ? usersRepo(db).byOpenid(record.caseworkerOpenid) : null,
      hireConfirmationsRepo(db).ofRegistrations([record._id], true),
    ]);
  const { pushes, bookings } = facts;
  const person = entryOf(facts, now);
  if (!person) throw new AppError('NOT_FOUND', '该人员的失业登记已注销，不再跟踪回访');
  const year = yearKey(now);
  const latestPlan = plans[plans.length - 1];
  return {
    person,
    today: dateKey(now),
    guidanceSessions: {
      done: facts.contacts.filter((c) => c.kind === 'guidance' && yearKey(c.at) === year).length,
      target: GUIDANCE_SESSIONS_FOR_JOB_SEEKERS,
    },
    plan: latestPlan ? planView(latestPlan) : null,
    timeline: timeline({
      log,
      contacts: facts.contacts,
      plans,
      requests,
      // Applications of this registration (a person may have registered before).
      applications: applications.filter(
        (a) => !a.registrationId || a.registrationId === record._id,
      ),
      bookings,
      pushes,
      offers,
    }),
    caseworkerName: caseworker?.displayName ?? null,
    canRecord,
    wishes: {
      entrepreneurship: record.wishes.entrepreneurship === true,
      wantsTraining: record.wishes.wantsTraining === true,
    },
    tasks: [
      ...hires.map(hireTask),
      ...pushes.filter((p) => p.caseworkerTask && !p.toldAt).map((p) => pushTask(p, person.name)),
    ],
  };
}

export const person: Handler<'casework', 'person'> = async (input, ctx) => {
  const own = ctx.caller.role === 'caseworker';
  const record = own
    ? (await caseworkerPerson(ctx, input.registrationId)).record
    : await supervisorPerson(ctx, input.registrationId);
  // Requests asked before registering belong in the timeline.
  await attachRequests(ctx.db, [record.openid]);
  const view = await workbench(ctx, record, own);
  // Shown only once the read is on record.
  await audit(ctx, 'person', record._id);
  return view;
};

const EVENT_FOR: Partial<Record<string, RegistrationEvent>> = {
  employed: { type: 'employ' },
  flexible: { type: 'employFlexibly' },
};

const VACANCY_GONE = '这个岗位已不在招聘中，请重新选择岗位';
const COURSE_CLOSED = '这门课程现在不能报名，请推荐其他课程';

type NewOffer = Omit<OfferRecord, '_id'>;
type Referral = Pick<NewContact, 'vacancy' | 'course'> & { offer: NewOffer | null };

/**
 * What a referral points at: a published vacancy (its 公益性/见习 flags decide the push plan) or a
 * course open for enrolment (whose institution is then offered to the person, 000 §3(2)); or a
 * position or training elsewhere, named in the note.
 */
async function referralOf(
  ctx: ActionContext,
  record: RegistrationRecord,
  input: Parameters<Handler<'casework', 'recordContact'>>[0],
): Promise<Referral> {
  const { caller, db, now } = ctx;
  if (input.kind === 'jobReferral') {
    if (input.vacancyId === null) {
      const vacancy = {
        id: null,
        title: '',
        companyName: '',
        publicWelfare: input.publicWelfare,
        internship: input.internship,
      };
      return { vacancy, course: null, offer: null };
    }
    const found = await vacanciesRepo(db).find(input.vacancyId);
    if (!found || !isVacancyPublic(found.status)) {
      throw new AppError('CONFLICT', VACANCY_GONE, { vacancyId: VACANCY_GONE });
    }
    const vacancy = {
      id: found._id,
      title: found.title,
      companyName: found.companyName,
      publicWelfare: found.flags.publicWelfare,
      internship: found.flags.internship,
    };
    return { vacancy, course: null, offer: null };
  }
  if (input.kind === 'trainingReferral' && input.courseId !== null) {
    const found = await coursesRepo(db).find(input.courseId);
    if (!found || enrolmentState(found, now) !== 'open') {
      throw new AppError('CONFLICT', COURSE_CLOSED, { courseId: COURSE_CLOSED });
    }
    const course = {
      id: found._id,
      title: found.title,
      institutionId: found.institutionId,
      institutionName: found.institutionName,
    };
    const offered = (await offersRepo(db).ofRegistrations([record._id])).some(
      (o) => o.courseId === found._id,
    );
    // The training function's own record of an institution offered, as its offerCourse writes.
    const offer: NewOffer | null = offered
      ? null
      : {
          offerKey: offerKey(record._id, found._id),
          registrationId: record._id,
          openid: record.openid,
          institutionId: found.institutionId,
          institutionName: found.institutionName,
          courseId: found._id,
          courseTitle: found.title,
          source: 'caseworker',
          byOpenid: caller.openid,
          at: now,
        };
    return { vacancy: null, course, offer };
  }
  return { vacancy: null, course: null, offer: null };
}

const offerKey = (registrationId: string, courseId: string) => `${registrationId}:${courseId}`;

export const recordContact: Handler<'casework', 'recordContact'> = async (input, ctx) => {
  const { caller, db, now } = ctx;
  let { record } = await caseworkerPerson(ctx, input.registrationId);
  // Referring someone who withdrew consent would process their data for a new purpose (PIPL
  // 第15条); the follow-up itself, a visit or relief is still recorded.
  if (
    record.consentWithdrawnAt !== null &&
    (input.kind === 'jobReferral' || input.kind === 'trainingReferral')
  ) {
    throw new AppError(
      'FORBIDDEN',
      '该人员已撤回个人信息处理同意，不能再为其推荐岗位或培训；请先与本人沟通，重新同意后再推荐',
    );
  }
  const [facts] = (await gatherFacts(db, [record])) as [PersonFacts];
  const before = followUpFor(facts, now);
  if (!before) throw new AppError('NOT_FOUND', '该人员的失业登记已注销，不再跟踪回访');
  const { offer, ...referral } = await referralOf(ctx, record, input);

  const contact: NewContact = {
    registrationId: record._id,
    seekerOpenid: record.openid,
    kind: input.kind,
    channel: input.kind === 'visit' && input.channel === null ? 'home' : input.channel,
    outcome: input.outcome,
    // Only a change is a change: the same situation again is not a new one.
    situation:
      input.situation !== null && input.situation !== before.situation ? input.situation : null,
    amountFen: input.amount !== null ? Math.round(input.amount * 100) : null,
    counsellor: input.counsellor || null,
    note: input.note,
    ...referral,
    // Where the person lives now: the statistics count the contact there for good.
    township: record.township ?? record.identity.township ?? null,
    at: now,
    actorOpenid: caller.openid,
    actorRole: caller.role,
    actorName: caller.user?.displayName ?? null,
  };
  // The contact, the offer it makes and the audit entry commit together — and with the status
  // change the contact learnt of, when there is one: never a status change without its contact.
  const writeAll = async (tx: Store) => {
    await contactsRepo(tx).add(contact);
    if (offer) await offersRepo(tx).add(offer);
    await auditRepo(tx).append(
      {
        actorOpenid: caller.openid,
        action: 'casework.recordContact',
        subjectId: record._id,
        detail: { kind: input.kind },
      },
      now,
    );
  };

  // Found work (as employed or flexibly employed) while registered: the registration follows,
  // through its own lifecycle and log (000 §1(4)); the contact records what was learnt.
  const event = input.situation ? EVENT_FOR[input.situation] : undefined;
  try {
    if (event && isActive(record.status) && transition(record.status, event).ok) {
      record = await applyEvent(ctx, record, event, {
        reason: `${CONTACT_KIND_LABELS[input.kind]}时了解到：${EMPLOYMENT_SITUATION_LABELS[input.situation!]}${input.note ? `（${input.note}）` : ''}`,
        audit: 'changeStatus',
        alongside: writeAll,
      });
      await notifyStatus(db, record, caller.user, now);
    } else {
      await transaction(db, writeAll);
    }
  } catch (error) {
    // The same course offered meanwhile (another tap, the training page): nothing was written.
    if (isDuplicateWrite(error)) {
      throw new AppError('CONFLICT', '这门课程刚刚已推荐给本人，请刷新后再看');
    }
    throw error;
  }
  return workbench(ctx, record, true);
};

export const savePlan: Handler<'casework', 'savePlan'> = async (input, ctx) => {
  const { caller, db, now } = ctx;
  const { record } = await caseworkerPerson(ctx, input.registrationId);
  if (!isActive(record.status) && record.status !== 'employed' && record.status !== 'flexible') {
    throw new AppError('CONFLICT', '该人员的失业登记已注销，不能再制定帮扶计划');
  }
  // The plan and its audit entry commit together.
  await transaction(db, async (tx) => {
    await plansRepo(tx).add({
      registrationId: record._id,
      needType: input.needType,
      goals: input.goals,
      nextSteps: input.nextSteps,
      advisorName: input.needType === 'entrepreneurship' ? input.advisorName : null,
      savedAt: now,
      savedByOpenid: caller.openid,
      savedByName: caller.user?.displayName ?? null,
    });
    await auditRepo(tx).append(
      {
        actorOpenid: caller.openid,
        action: 'casework.savePlan',
        subjectId: record._id,
        detail: { needType: input.needType },
      },
      now,
    );
  });
  return workbench(ctx, record, true);
};
