/**
 * The employer's side of applications (issue 4 "Managing"): applicants to its own company's
 * vacancies only — another company's application is NOT_FOUND, the same answer as none — with
 * the masked ID and only what the applicant agreed to share; opening one tells the applicant
 * "企业已查看"; every move tells the applicant and is logged.
 */
import {
  APPLICATION_STATUSES,
  AppError,
  VACANCY_STATUS_LABELS,
  type ApplicationEvent,
  type ApplicationStatus,
  type StatusCounts,
} from '@nuanxin/shared';

import {
  applicationLogRepo,
  applicationsRepo,
  registrationsRepo,
  vacanciesRepo,
  type ActionContext,
  type ApplicationRecord,
  type Handler,
  type NewApplication,
} from '../_lib';

import { hireConfirmationOf, openHireConfirmation, tellCaseworkerOfHire } from './hires';
import { tellApplicant } from './notices';
import { move } from './transitions';
import { applicantDetail, applicantSummary } from './views';

const NO_COMPANY = '您还没有登记用人单位，请先完成企业入驻';
const NOT_YOURS_VACANCY = '没有找到这个岗位，或它不属于您的单位';
const NOT_YOURS = '没有找到这份应聘，或它不属于您的单位';

function companyOf(ctx: ActionContext): string {
  const id = ctx.caller.user?.companyId;
  if (!id) throw new AppError('NOT_FOUND', NO_COMPANY);
  return id;
}

async function ownApplication(ctx: ActionContext, id: string): Promise<ApplicationRecord> {
  const companyId = companyOf(ctx);
  const found = await applicationsRepo(ctx.db).find(id);
  if (!found || found.companyId !== companyId) throw new AppError('NOT_FOUND', NOT_YOURS);
  return found;
}

function countsOf(list: readonly ApplicationRecord[]): StatusCounts {
  const counts = Object.fromEntries(APPLICATION_STATUSES.map((s) => [s, 0])) as StatusCounts;
  for (const a of list) counts[a.status] += 1;
  return counts;
}

export const applicants: Handler<'jobs', 'applicants'> = async (input, ctx) => {
  const companyId = companyOf(ctx);
  const own = await vacanciesRepo(ctx.db).ofCompany(companyId);
  if (input.vacancyId && !own.some((v) => v._id === input.vacancyId)) {
    throw new AppError('NOT_FOUND', NOT_YOURS_VACANCY);
  }
  const all = await applicationsRepo(ctx.db).ofCompany(companyId);
  const byVacancy = new Map<string, ApplicationRecord[]>();
  for (const a of all) byVacancy.set(a.vacancyId, [...(byVacancy.get(a.vacancyId) ?? []), a]);

  // The filter's choices: the vacancies that have applications, latest application first
  // (`all` is newest first, so the map's order is already that).
  const ownById = new Map(own.map((v) => [v._id, v]));
  const vacancies = [...byVacancy.keys()]
    .map((id) => ownById.get(id))
    .filter((v): v is NonNullable<typeof v> => v !== undefined)
    .map((v) => {
      const list = byVacancy.get(v._id) ?? [];
      return {
        id: v._id,
        title: v.title,
        status: v.status,
        statusLabel: VACANCY_STATUS_LABELS[v.status],
        total: list.length,
        counts: countsOf(list),
      };
    });
  const ofVacancy = input.vacancyId ? (byVacancy.get(input.vacancyId) ?? []) : all;
  return {
    vacancies,
    counts: countsOf(ofVacancy),
    applications: ofVacancy
      .filter((a) => !input.status || a.status === input.status)
      .map(applicantSummary),
  };
};

export const applicant: Handler<'jobs', 'applicant'> = async (input, ctx) => {
  const { db, caller, now } = ctx;
  let current = await ownApplication(ctx, input.applicationId);
  if (current.status === 'applied') {
    // The first look by anyone of the company: 已投递 → 企业已查看, and the applicant is told.
    const viewed = await move(
      db,
      current._id,
      {
        event: { type: 'view' },
        actor: { openid: caller.openid, role: caller.role },
        patch: { viewedAt: now },
        note: null,
        onlyFrom: 'applied',
      },
      now,
    );
    if (viewed) {
      current = viewed;
      await tellApplicant(db, viewed, 'viewed', null, now);
    }
  }
  const log = await applicationLogRepo(db).of([current._id]);
  return { application: applicantDetail(current, log) };
};

export const moveApplication: Handler<'jobs', 'moveApplication'> = async (input, ctx) => {
  const { db, caller, now } = ctx;
  const current = await ownApplication(ctx, input.applicationId);
  const note = input.note || null;
  let event: ApplicationEvent;
  const patch: Partial<NewApplication> = {};
  switch (input.event) {
    case 'invite':
      event = { type: 'invite' };
      patch.interviewNote = input.note;
      break;
    case 'offer':
      event = { type: 'offer' };
      patch.offerNote = note;
      break;
    case 'hire':
      event = { type: 'hire' };
      break;
    case 'reject':
      event = { type: 'reject', reason: input.note };
      patch.rejectReason = input.note;
      break;
  }
  if (input.employerNote !== null) patch.employerNote = input.employerNote || null;
  // A hire and its confirmation task commit together (hires.ts): read whose caseworker first.
  const registration =
    event.type === 'hire' ? await registrationsRepo(db).find(current.registrationId) : null;
  const task = event.type === 'hire' ? hireConfirmationOf(current, registration, now) : null;
  const moved = await move(
    db,
    current._id,
    {
      event,
      actor: { openid: caller.openid, role: caller.role },
      patch,
      note,
      ...(task ? { also: openHireConfirmation(task) } : {}),
    },
    now,
  );
  const after = moved ?? current;
  await tellApplicant(db, after, after.status as ApplicationStatus, note, now);
  if (moved?.status === 'hired' && task && registration) {
    await tellCaseworkerOfHire(db, task, registration, now);
  }
  const log = await applicationLogRepo(db).of([after._id]);
  return { application: applicantDetail(after, log) };
};
