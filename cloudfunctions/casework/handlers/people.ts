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
  transition,
  yearKey,
  type CaseloadEntry,
  type RegistrationEvent,
  type Workbench,
} from '@nuanxin/shared';

import {
  auditRepo,
  command,
  contactsRepo,
  membershipsRepo,
  plansRepo,
  registrationLogRepo,
  registrationsRepo,
  requestsRepo,
  usersRepo,
  type ActionContext,
  type ApplicationRecord,
  type Handler,
  type RegistrationRecord,
  type UserRecord,
} from '../../_lib';
import { caseworkerPerson, supervisorPerson } from '../../registration/access';
import { notifyStatus } from '../../registration/events';
import { applyEvent } from '../../registration/lifecycle';
import { caseworkerInScope } from '../access';
import {
  entryOf,
  followUpFor,
  gatherFacts,
  optionalRows,
  type PersonFacts,
  type StoredBooking,
} from '../facts';
import { planView, timeline } from '../views';

/** At most this many registration ids in one caseload audit entry (as registration.listMine). */
const AUDITED_IDS_MAX = 300;

async function audit(
  ctx: ActionContext,
  action: string,
  subjectId?: string,
  detail?: Record<string, string | number | boolean | null>,
): Promise<void> {
  await auditRepo(ctx.db).append(
    {
      actorOpenid: ctx.caller.openid,
      action: `casework.${action}`,
      ...(subjectId ? { subjectId } : {}),
      ...(detail ? { detail } : {}),
    },
    ctx.now,
  );
}

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
async function workbench(
  ctx: ActionContext,
  record: RegistrationRecord,
  canRecord: boolean,
): Promise<Workbench> {
  const { db, now } = ctx;
  const [[facts], log, plans, requests, applications, bookings, caseworker] = await Promise.all([
    gatherFacts(db, [record]) as Promise<[PersonFacts]>,
    registrationLogRepo(db).of([record._id]),
    plansRepo(db).of([record._id]),
    requestsRepo(db).ofRegistrations([record._id]),
    optionalRows<ApplicationRecord>(db, 'applications', () => ({ openid: record.openid }), [
      record.openid,
    ]),
    optionalRows<StoredBooking>(
      db,
      'training_bookings',
      (ids) => ({ registrationId: command().in(ids) }),
      [record._id],
    ),
    record.caseworkerOpenid ? usersRepo(db).byOpenid(record.caseworkerOpenid) : null,
  ]);
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
    }),
    caseworkerName: caseworker?.displayName ?? null,
    canRecord,
    wishes: {
      entrepreneurship: record.wishes.entrepreneurship === true,
      wantsTraining: record.wishes.wantsTraining === true,
    },
  };
}

export const person: Handler<'casework', 'person'> = async (input, ctx) => {
  const own = ctx.caller.role === 'caseworker';
  const record = own
    ? (await caseworkerPerson(ctx, input.registrationId)).record
    : await supervisorPerson(ctx, input.registrationId);
  const view = await workbench(ctx, record, own);
  // Shown only once the read is on record.
  await audit(ctx, 'person', record._id);
  return view;
};

const EVENT_FOR: Partial<Record<string, RegistrationEvent>> = {
  employed: { type: 'employ' },
  flexible: { type: 'employFlexibly' },
};

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

  // Found work (as employed or flexibly employed) while registered: the registration follows,
  // through its own lifecycle and log (000 §1(4)); the contact records what was learnt.
  const event = input.situation ? EVENT_FOR[input.situation] : undefined;
  if (event && isActive(record.status) && transition(record.status, event).ok) {
    record = await applyEvent(ctx, record, event, {
      reason: `${CONTACT_KIND_LABELS[input.kind]}时了解到：${EMPLOYMENT_SITUATION_LABELS[input.situation!]}${input.note ? `（${input.note}）` : ''}`,
      audit: 'changeStatus',
    });
    await notifyStatus(db, record, caller.user, now);
  }
  await contactsRepo(db).add({
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
    at: now,
    actorOpenid: caller.openid,
    actorRole: caller.role,
    actorName: caller.user?.displayName ?? null,
  });
  await audit(ctx, 'recordContact', record._id, { kind: input.kind });
  return workbench(ctx, record, true);
};

export const savePlan: Handler<'casework', 'savePlan'> = async (input, ctx) => {
  const { caller, db, now } = ctx;
  const { record } = await caseworkerPerson(ctx, input.registrationId);
  if (!isActive(record.status) && record.status !== 'employed' && record.status !== 'flexible') {
    throw new AppError('CONFLICT', '该人员的失业登记已注销，不能再制定帮扶计划');
  }
  await plansRepo(db).add({
    registrationId: record._id,
    needType: input.needType,
    goals: input.goals,
    nextSteps: input.nextSteps,
    advisorName: input.needType === 'entrepreneurship' ? input.advisorName : null,
    savedAt: now,
    savedByOpenid: caller.openid,
    savedByName: caller.user?.displayName ?? null,
  });
  await audit(ctx, 'savePlan', record._id, { needType: input.needType });
  return workbench(ctx, record, true);
};
