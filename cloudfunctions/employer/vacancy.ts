/**
 * Posting and managing vacancies. Screening runs at every save (issue 4, Rules): a blocked phrase
 * refuses the save with the law named and nothing stored but the anonymous count for
 * 清理歧视性招聘信息数; flagged phrases or an unverified company send it to staff review.
 */
import {
  AppError,
  DEFAULT_VALIDITY_DAYS,
  findTownship,
  inShanghai,
  MAX_VALIDITY_DAYS,
  screenJobAd,
  summarizeFindings,
  type AdFinding,
  transitionVacancy,
  type VacancyEvent,
  type VacancyStatus,
} from '@nuanxin/shared';
import { findOccupation } from '@nuanxin/shared/src/data/occupations';

import type { ActionContext, Handler } from '../_lib';
import {
  companyPoint,
  countScreening,
  logVacancy,
  townshipCentre,
  vacanciesRepo,
  type CompanyRecord,
  type LngLat,
  type NewVacancy,
} from '../_lib';

import { ownCompany, ownVacancy } from './access';
import { vacancyView } from './views';

export function today(now: Date): string {
  return inShanghai(now).format('YYYY-MM-DD');
}

export function daysFrom(now: Date, days: number): string {
  return inShanghai(now).add(days, 'day').format('YYYY-MM-DD');
}

/** The ad's texts screened at every save, by the field that holds them. */
export function screenedTexts(input: {
  title: string;
  description: string;
  requirements: string;
  certificates: readonly string[];
}): { field: string; text: string }[] {
  return [
    { field: 'title', text: input.title },
    { field: 'description', text: input.description },
    { field: 'requirements', text: input.requirements },
    { field: 'certificates', text: input.certificates.join('、') },
  ];
}

/** Trimmed, without repeats, in the order given. */
export function certificateList(certificates: readonly string[]): string[] {
  return [...new Set(certificates.map((c) => c.trim()).filter(Boolean))];
}

/**
 * Where the work is: the point given; else the company's own point when the work is in the
 * company's township; else the township's centre.
 */
export function workPoint(
  given: LngLat | null,
  township: string,
  company: CompanyRecord,
): LngLat | null {
  if (given) return given;
  if (township === company.township) return companyPoint(company);
  return townshipCentre(township);
}

export function checkOccupation(code: string): void {
  const occupation = findOccupation(code);
  if (!occupation || occupation.level !== 'occupation') {
    throw new AppError('VALIDATION', '请从职业列表中选择具体职业', {
      occupationCode: '请从职业列表中选择具体职业',
    });
  }
}

export function checkTownship(code: string): void {
  if (!findTownship(code)) {
    throw new AppError('VALIDATION', '请选择工作地点所在乡镇（街道）', {
      township: '请选择工作地点所在乡镇（街道）',
    });
  }
}

/** A valid-until date after today and no later than today + MAX_VALIDITY_DAYS. */
export function checkValidUntil(validUntil: string, now: Date): void {
  const latest = daysFrom(now, MAX_VALIDITY_DAYS);
  if (
    inShanghai(validUntil).format('YYYY-MM-DD') !== validUntil ||
    validUntil <= today(now) ||
    validUntil > latest
  ) {
    const message = `有效期至应晚于今天，最长至${latest}`;
    throw new AppError('VALIDATION', message, { validUntil: message });
  }
}

export type FieldFinding = AdFinding & { field: string };

/** Every finding of the ad's texts, with the field that holds it. */
export function screenAd(input: {
  title: string;
  description: string;
  requirements: string;
  certificates: readonly string[];
}): { findings: FieldFinding[]; blocked: FieldFinding[] } {
  const findings = screenedTexts(input).flatMap(({ field, text }) =>
    screenJobAd(text).map((f) => ({ ...f, field })),
  );
  return { findings, blocked: findings.filter((f) => f.severity === 'block') };
}

/** The refusal of a blocked ad: the law's message under each field that holds a phrase. */
export function blockedError(blocked: readonly FieldFinding[]): AppError {
  const fields: Record<string, string> = {};
  for (const f of blocked) fields[f.field] ??= f.message;
  return new AppError('VALIDATION', blocked[0]!.message, fields);
}

export const saveVacancy: Handler<'employer', 'saveVacancy'> = async (input, ctx) => {
  const { caller, db, now } = ctx;
  const company = await ownCompany(ctx);
  const existing = input.id ? await ownVacancy(ctx, input.id) : null;

  checkOccupation(input.occupationCode);
  const township = input.township ?? company.township;
  checkTownship(township);
  const validUntil = input.validUntil ?? daysFrom(now, DEFAULT_VALIDITY_DAYS);
  checkValidUntil(validUntil, now);

  const certificates = certificateList(input.certificates);
  const { findings, blocked } = screenAd({ ...input, certificates });
  if (blocked.length > 0) {
    // Counted for 清理歧视性招聘信息数 (no personal data); the vacancy itself is not written.
    for (const f of blocked) {
      await countScreening(
        db,
        { kind: 'blocked', category: f.category, phrase: f.phrase, township },
        now,
      );
    }
    throw blockedError(blocked);
  }
  const screening = summarizeFindings(findings);
  const check = { screening, companyVerified: company.status === 'verified' };

  let from: VacancyStatus = existing?.status ?? 'draft';
  const steps: { event: VacancyEvent; from: VacancyStatus; to: VacancyStatus }[] = [];
  const apply = (event: VacancyEvent) => {
    const result = transitionVacancy(from, event);
    if (!result.ok) throw new AppError('CONFLICT', result.reason);
    steps.push({ event, from, to: result.to });
    from = result.to;
  };
  if (existing) apply({ type: 'edit', ...check });
  if (input.submit && (from === 'draft' || from === 'rejected'))
    apply({ type: 'submit', ...check });

  const status = from;
  const data: NewVacancy = {
    companyId: company._id,
    companyName: company.name,
    title: input.title,
    description: input.description,
    occupationCode: input.occupationCode,
    headcount: input.headcount,
    salaryMin: input.salaryMin,
    salaryMax: input.salaryMax,
    workType: input.workType,
    township,
    location: workPoint(input.location, township, company),
    requirements: input.requirements,
    minEducation: input.minEducation,
    minExperienceYears: input.minExperienceYears,
    certificates,
    benefits: input.benefits,
    flags: input.flags,
    validUntil,
    status,
    reviewFindings: findings.filter((f) => f.severity === 'review').map((f) => f.message),
    awaitsCompany: !check.companyVerified,
    rejectReason: status === 'rejected' ? (existing?.rejectReason ?? null) : null,
    closeReason: null,
    staffNote: existing?.staffNote ?? null,
    createdBy: existing?.createdBy ?? caller.openid,
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  };
  const repo = vacanciesRepo(db);
  let id = existing?._id;
  if (id) await repo.update(id, data);
  else {
    id = await repo.insert(data);
    await logVacancy(db, {
      vacancyId: id,
      event: 'create',
      from: null,
      to: 'draft',
      actorOpenid: caller.openid,
      reason: null,
      at: now,
    });
  }
  for (const step of steps) {
    await logVacancy(db, {
      vacancyId: id,
      event: step.event.type,
      from: step.from,
      to: step.to,
      actorOpenid: caller.openid,
      reason: null,
      at: now,
    });
  }
  return { vacancy: vacancyView({ _id: id, ...data }) };
};

export const myVacancies: Handler<'employer', 'myVacancies'> = async (_input, ctx) => {
  const company = await ownCompany(ctx);
  const list = await vacanciesRepo(ctx.db).ofCompany(company._id);
  list.sort((a, b) => new Date(b.updatedAt).getTime() - new Date(a.updatedAt).getTime());
  return { vacancies: list.map(vacancyView) };
};

function eventOf(
  input: {
    event: 'pause' | 'resume' | 'close' | 'renew';
    closeReason: 'filled' | 'withdrawn';
    validUntil: string | null;
  },
  now: Date,
): VacancyEvent {
  switch (input.event) {
    case 'pause':
      return { type: 'pause' };
    case 'resume':
      return { type: 'resume' };
    case 'close':
      return { type: 'close', reason: input.closeReason };
    case 'renew':
      return {
        type: 'renew',
        validUntil: input.validUntil ?? '',
        today: today(now),
        latest: daysFrom(now, MAX_VALIDITY_DAYS),
      };
  }
}

export const setVacancyStatus: Handler<'employer', 'setVacancyStatus'> = async (input, ctx) => {
  const vacancy = await ownVacancy(ctx, input.vacancyId);
  const event = eventOf(input, ctx.now);
  const result = transitionVacancy(vacancy.status, event);
  if (!result.ok) {
    const fields: Record<string, string> | undefined =
      input.event === 'renew' ? { validUntil: result.reason } : undefined;
    throw new AppError(input.event === 'renew' ? 'VALIDATION' : 'CONFLICT', result.reason, fields);
  }
  const patch: Partial<NewVacancy> = { status: result.to, updatedAt: ctx.now };
  if (result.validUntil) patch.validUntil = result.validUntil;
  if (event.type === 'close') patch.closeReason = event.reason;
  await vacanciesRepo(ctx.db).update(vacancy._id, patch);
  await logTransition(ctx, vacancy._id, event.type, vacancy.status, result.to, null);
  return { vacancy: vacancyView({ ...vacancy, ...patch }) };
};

export async function logTransition(
  ctx: Pick<ActionContext, 'db' | 'now'> & { caller: { openid: string } | null },
  vacancyId: string,
  event: string,
  from: VacancyStatus,
  to: VacancyStatus,
  reason: string | null,
): Promise<void> {
  await logVacancy(ctx.db, {
    vacancyId,
    event,
    from,
    to,
    actorOpenid: ctx.caller?.openid ?? null,
    reason,
    at: ctx.now,
  });
}
