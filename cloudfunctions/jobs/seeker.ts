/**
 * The seeker's side: browsing open vacancies (the non-personalised view of issue 5), a
 * vacancy's page, applying with the fields they choose to share, their applications, and
 * withdrawing one.
 */
import { ageOn, AppError } from '@nuanxin/shared';

import {
  applicationLogRepo,
  applicationsRepo,
  isDuplicateWrite,
  registrationsRepo,
  vacanciesRepo,
  type ActionContext,
  type ApplicantSnapshot,
  type Handler,
  type NewApplication,
  type RegistrationRecord,
  type VacancyRecord,
} from '../_lib';

import { tellEmployer } from './notices';
import { isOpen, openAmong, searchOpen, vacanciesByIds } from './open';
import { move } from './transitions';
import { myApplicationView, publicVacancy } from './views';

export const NO_SUCH_VACANCY = '没有找到这个岗位';
export const STOPPED = '该岗位已停止招聘';
export const ALREADY_APPLIED = '您已投递过该岗位';
export const NOT_REGISTERED =
  '请先办理失业登记：登记后就可以在线投递简历，也能获得包保服务和岗位推荐';
const NO_SUCH_APPLICATION = '没有找到这份投递记录';

/** Statuses of a vacancy that once was public: it "stopped"; others never existed for seekers. */
const ONCE_PUBLIC = new Set(['published', 'paused', 'closed', 'expired']);

function notFoundFor(v: VacancyRecord | null): AppError {
  return new AppError('NOT_FOUND', v && ONCE_PUBLIC.has(v.status) ? STOPPED : NO_SUCH_VACANCY);
}

const CONSENT_WITHDRAWN =
  '您已撤回个人信息处理同意，暂不能投递简历；如需投递，请先在“我的登记”中重新同意';

/** Why this caller may not apply now (the apply action refuses the same cases), or null. */
async function applyBlock(
  ctx: ActionContext,
  open: boolean,
): Promise<{
  reason: 'notRegistered' | 'consentWithdrawn' | 'notCitizen' | 'closed';
  message: string;
} | null> {
  if (!open) return { reason: 'closed', message: STOPPED };
  if (ctx.caller.role !== 'citizen') {
    return { reason: 'notCitizen', message: '只有求职者本人可以投递简历' };
  }
  const registration = await registrationsRepo(ctx.db).openOf(ctx.caller.openid);
  if (!registration) return { reason: 'notRegistered', message: NOT_REGISTERED };
  if (registration.consentWithdrawnAt !== null) {
    return { reason: 'consentWithdrawn', message: CONSENT_WITHDRAWN };
  }
  return null;
}

export const search: Handler<'jobs', 'search'> = async (input, ctx) => {
  const { vacancies, total } = await searchOpen(ctx.db, input, ctx.now);
  const applied =
    ctx.caller.role === 'citizen'
      ? await applicationsRepo(ctx.db).appliedAmong(
          ctx.caller.openid,
          vacancies.map((v) => v._id),
        )
      : new Set<string>();
  return {
    vacancies: vacancies.map((v) => publicVacancy(v, applied.has(v._id))),
    total,
    page: input.page,
    pageSize: input.pageSize,
  };
};

export const detail: Handler<'jobs', 'detail'> = async (input, ctx) => {
  const { db, caller, now } = ctx;
  const vacancy = await vacanciesRepo(db).find(input.vacancyId);
  if (!vacancy) throw notFoundFor(null);
  const open = await isOpen(db, vacancy, now);
  const application = await applicationsRepo(db).of(caller.openid, vacancy._id);
  // A stopped vacancy stays readable for those who applied, so they can follow their application.
  if (!open && !application) throw notFoundFor(vacancy);
  const log = application ? await applicationLogRepo(db).of([application._id]) : [];
  const cannotApply = application ? null : await applyBlock(ctx, open);
  return {
    vacancy: {
      ...publicVacancy(vacancy, application !== null),
      description: vacancy.description,
      requirements: vacancy.requirements,
      benefits: vacancy.benefits,
      open,
      statusLabel: open ? '招聘中' : '已停止招聘',
      application: application ? myApplicationView(application, log, open) : null,
      cannotApply,
    },
  };
};

function snapshot(
  r: RegistrationRecord,
  share: { mobile: boolean; education: boolean; workHistory: boolean },
  now: Date,
): ApplicantSnapshot {
  const { identity, work } = r;
  // Only what the applicant ticked is copied; key-group tags, disability and 低保 never are.
  return {
    name: identity.name ?? '',
    sex: identity.sex ?? null,
    age: identity.birthDate ? ageOn(identity.birthDate, now) : null,
    idMasked: identity.idMasked ?? '',
    mobile: share.mobile ? (identity.mobile ?? null) : null,
    education: share.education ? (identity.education ?? null) : null,
    workHistory: share.workHistory
      ? { lastEmployer: work.lastEmployer ?? '', separationDate: work.separationDate ?? null }
      : null,
  };
}

export const apply: Handler<'jobs', 'apply'> = async (input, ctx) => {
  const { db, caller, now } = ctx;
  // Applying needs a registration (submitted or registered): the employer gets the identity
  // from it, and the application counts toward the person's services.
  const registration = await registrationsRepo(db).openOf(caller.openid);
  if (!registration) throw new AppError('FORBIDDEN', NOT_REGISTERED);
  if (registration.consentWithdrawnAt !== null) {
    throw new AppError('FORBIDDEN', CONSENT_WITHDRAWN);
  }
  const vacancy = await vacanciesRepo(db).find(input.vacancyId);
  if (!vacancy || !(await isOpen(db, vacancy, now))) throw notFoundFor(vacancy);

  const applications = applicationsRepo(db);
  if (await applications.of(caller.openid, vacancy._id)) {
    throw new AppError('CONFLICT', ALREADY_APPLIED);
  }
  const record: NewApplication = {
    vacancyId: vacancy._id,
    companyId: vacancy.companyId,
    openid: caller.openid,
    registrationId: registration._id,
    status: 'applied',
    vacancy: {
      title: vacancy.title,
      companyName: vacancy.companyName,
      township: vacancy.township,
      salaryMin: vacancy.salaryMin,
      salaryMax: vacancy.salaryMax,
      workType: vacancy.workType,
    },
    applicant: snapshot(registration, input.share, now),
    share: { ...input.share },
    message: input.message,
    interviewNote: null,
    offerNote: null,
    rejectReason: null,
    employerNote: null,
    appliedAt: now,
    viewedAt: null,
    remindedAt: null,
    escalatedAt: null,
    updatedAt: now,
  };
  let id: string;
  try {
    // The unique (vacancyId, openid) index settles double taps: the second insert fails.
    id = await applications.insert(record);
  } catch (error) {
    if (isDuplicateWrite(error)) throw new AppError('CONFLICT', ALREADY_APPLIED);
    throw error;
  }
  const entry = {
    applicationId: id,
    vacancyId: vacancy._id,
    companyId: vacancy.companyId,
    event: 'apply',
    from: null,
    to: 'applied' as const,
    actorOpenid: caller.openid,
    actorRole: caller.role,
    note: null,
    at: now,
  };
  await applicationLogRepo(db).append(entry);

  const waiting = (await applications.ofCompany(vacancy.companyId)).filter(
    (a) => a.status === 'applied',
  ).length;
  await tellEmployer(
    db,
    vacancy.companyId,
    {
      title: vacancy.title,
      waiting,
      heading: '收到新的求职申请',
      body: `“${vacancy.title}”收到一份新的求职申请，请在“应聘管理”中查看并答复。`,
      note: '请及时查看并答复求职者',
    },
    now,
  );
  return {
    application: myApplicationView({ _id: id, ...record }, [{ _id: '', ...entry }], true),
  };
};

export const myApplications: Handler<'jobs', 'myApplications'> = async (_input, ctx) => {
  const { db, caller, now } = ctx;
  const list = await applicationsRepo(db).ofApplicant(caller.openid);
  const log = await applicationLogRepo(db).of(list.map((a) => a._id));
  const open = await openAmong(
    db,
    await vacanciesByIds(
      db,
      list.map((a) => a.vacancyId),
    ),
    now,
  );
  return {
    applications: list.map((a) =>
      myApplicationView(
        a,
        log.filter((e) => e.applicationId === a._id),
        open.has(a.vacancyId),
      ),
    ),
  };
};

export const withdraw: Handler<'jobs', 'withdraw'> = async (input, ctx) => {
  const { db, caller, now } = ctx;
  const found = await applicationsRepo(db).find(input.applicationId);
  // Another person's application: the same answer as none.
  if (!found || found.openid !== caller.openid)
    throw new AppError('NOT_FOUND', NO_SUCH_APPLICATION);
  const moved = await move(
    db,
    found._id,
    {
      event: { type: 'withdraw' },
      actor: { openid: caller.openid, role: caller.role },
      note: null,
    },
    now,
  );
  const after = moved ?? found;
  const log = await applicationLogRepo(db).of([after._id]);
  const vacancy = await vacanciesRepo(db).find(after.vacancyId);
  return {
    application: myApplicationView(after, log, vacancy ? await isOpen(db, vacancy, now) : false),
  };
};
