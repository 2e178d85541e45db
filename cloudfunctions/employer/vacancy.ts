/**
 * Posting and managing vacancies. Screening runs at every save (issue 4, Rules): a blocked phrase
 * refuses the save with the law named and nothing stored but the anonymous count for
 * 清理歧视性招聘信息数; flagged phrases or an unverified company send it to staff review. Every
 * step that can make a vacancy public — submit, edit, resume, renew — runs the check again.
 * Status changes are written in a transaction that re-reads the status, so a staff decision
 * landing meanwhile is never overwritten with a stale one.
 */
import {
  AppError,
  BLOCKED_AD_REASON,
  DEFAULT_VALIDITY_DAYS,
  findTownship,
  inShanghai,
  MAX_VALIDITY_DAYS,
  screenJobAd,
  summarizeFindings,
  type AdFinding,
  transitionVacancy,
  type VacancyCheck,
  type VacancyEvent,
  type VacancyStatus,
} from '@nuanxin/shared';
import { findOccupation } from '@nuanxin/shared/src/data/occupations';

import type { Handler } from '../_lib';
import {
  adTextKey,
  companiesRepo,
  companyPoint,
  docOf,
  enqueueMatch,
  logVacancy,
  newAdKey,
  screeningEventsRepo,
  townshipCentre,
  transaction,
  vacanciesRepo,
  vacancyAdKey,
  type CompanyRecord,
  type LngLat,
  type NewVacancy,
  type Store,
  type VacancyRecord,
} from '../_lib';

import { ownCompany, ownVacancy } from './access';
import { vacancyView } from './views';

export function today(now: Date): string {
  return inShanghai(now).format('YYYY-MM-DD');
}

export function daysFrom(now: Date, days: number): string {
  return inShanghai(now).add(days, 'day').format('YYYY-MM-DD');
}

/** The ad's wording as screening reads it. */
export interface AdWording {
  title: string;
  description: string;
  requirements: string;
  certificates?: readonly string[];
  benefits: string;
}

/** The ad's texts screened at every save, by the field that holds them. */
export function screenedTexts(input: AdWording): { field: string; text: string }[] {
  return [
    { field: 'title', text: input.title },
    { field: 'description', text: input.description },
    { field: 'requirements', text: input.requirements },
    { field: 'certificates', text: (input.certificates ?? []).join('、') },
    // Seekers read the benefits too: "限男性宿舍" or "本地户口另有补贴" discriminate there as well.
    { field: 'benefits', text: input.benefits },
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
export function screenAd(input: AdWording): { findings: FieldFinding[]; blocked: FieldFinding[] } {
  const findings = screenedTexts(input).flatMap(({ field, text }) =>
    screenJobAd(text).map((f) => ({ ...f, field })),
  );
  return { findings, blocked: findings.filter((f) => f.severity === 'block') };
}

/** The messages of the findings that send an ad to review. */
export function reviewMessages(findings: readonly FieldFinding[]): string[] {
  return findings.filter((f) => f.severity === 'review').map((f) => f.message);
}

/** The refusal of a blocked ad: the law's message under each field that holds a phrase. */
export function blockedError(blocked: readonly FieldFinding[]): AppError {
  const fields: Record<string, string> = {};
  for (const f of blocked) fields[f.field] ??= f.message;
  return new AppError('VALIDATION', blocked[0]!.message, fields);
}

/**
 * The check of a stored vacancy, as resume and renew run it: its wording screened again (the
 * rules may have grown), whether staff approved exactly this wording, and the company.
 */
export function storedCheck(v: VacancyRecord, company: CompanyRecord | null): VacancyCheck {
  const { findings } = screenAd({ ...v, certificates: v.certificates ?? [] });
  return {
    screening: summarizeFindings(findings),
    companyVerified: company?.status === 'verified',
    reviewed: !!v.reviewedText && v.reviewedText === adTextKey(v),
  };
}

/** The fields a review needs when a vacancy (back) in review shows why it waits. */
export function reviewFields(
  v: AdWording,
  check: VacancyCheck,
): Pick<NewVacancy, 'reviewFindings' | 'awaitsCompany'> {
  return {
    reviewFindings: check.reviewed ? [] : reviewMessages(screenAd(v).findings),
    awaitsCompany: !check.companyVerified,
  };
}

/** A vacancy just became public: its refusal episode (清理歧视性招聘信息数) is over. */
export async function published(db: Store, v: { _id: string; companyId: string }, now: Date) {
  await screeningEventsRepo(db).published(v.companyId, v._id, now);
}

type Step = { event: VacancyEvent; from: VacancyStatus; to: VacancyStatus };

/** Applies events one after another from `from`; a refusal is a CONFLICT with its reason. */
function stepper(from: VacancyStatus) {
  const steps: Step[] = [];
  let status = from;
  return {
    steps,
    status: () => status,
    apply(event: VacancyEvent) {
      const result = transitionVacancy(status, event);
      if (!result.ok) throw new AppError('CONFLICT', result.reason);
      steps.push({ event, from: status, to: result.to });
      status = result.to;
    },
  };
}

export const saveVacancy: Handler<'employer', 'saveVacancy'> = async (input, ctx) => {
  const { caller, db, now } = ctx;
  const company = await ownCompany(ctx);
  const existing = input.id ? await ownVacancy(ctx, input.id) : null;

  checkOccupation(input.occupationCode);
  const township = input.township ?? company.township;
  checkTownship(township);
  // A date given, else days from the server's today; else an edit keeps its date and a new
  // vacancy gets the default validity.
  const validUntil =
    input.validUntil ??
    (input.validDays !== null
      ? daysFrom(now, input.validDays)
      : (existing?.validUntil ?? daysFrom(now, DEFAULT_VALIDITY_DAYS)));
  if (validUntil !== existing?.validUntil) checkValidUntil(validUntil, now);

  const certificates = certificateList(input.certificates);
  const wording = { ...input, certificates };
  const { findings, blocked } = screenAd(wording);
  if (blocked.length > 0) {
    // Counted for 清理歧视性招聘信息数 once per ad and refusal episode (no personal data); the
    // vacancy itself is not written.
    await screeningEventsRepo(db).refused(
      {
        companyId: company._id,
        adKey: existing ? vacancyAdKey(existing._id) : newAdKey(input.title),
        vacancyId: existing?._id ?? null,
        township,
        kind: 'blocked',
        findings: blocked.map((f) => ({ phrase: f.phrase, category: f.category })),
      },
      now,
    );
    throw blockedError(blocked);
  }
  const textKey = adTextKey(wording);
  const companyVerified = company.status === 'verified';
  const fields = {
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
    reviewFindings: reviewMessages(findings),
    awaitsCompany: !companyVerified,
    closeReason: null,
    updatedAt: now,
  } satisfies Partial<NewVacancy>;

  const log = async (tx: Store, id: string, steps: readonly Step[]) => {
    for (const step of steps) {
      await logVacancy(tx, {
        vacancyId: id,
        event: step.event.type,
        from: step.from,
        to: step.to,
        actorOpenid: caller.openid,
        reason: null,
        at: now,
      });
    }
  };

  let id: string;
  let data: NewVacancy;
  if (!existing) {
    const run = stepper('draft');
    const check: VacancyCheck = { screening: summarizeFindings(findings), companyVerified };
    if (input.submit) run.apply({ type: 'submit', ...check });
    data = {
      ...fields,
      status: run.status(),
      rejectReason: null,
      staffNote: null,
      version: 1,
      reviewedText: null,
      createdBy: caller.openid,
      createdAt: now,
    };
    id = await vacanciesRepo(db).insert(data);
    await logVacancy(db, {
      vacancyId: id,
      event: 'create',
      from: null,
      to: 'draft',
      actorOpenid: caller.openid,
      reason: null,
      at: now,
    });
    await log(db, id, run.steps);
    // Refusals of this ad before it had an id become the vacancy's (one ad, one episode).
    await screeningEventsRepo(db).adopt(company._id, input.title, id);
  } else {
    id = existing._id;
    // Re-read in the transaction: the status (and what staff approved) as it is now, not as it
    // was when the employer opened the form.
    data = await transaction(db, async (tx) => {
      const ref = tx.collection('vacancies').doc(id);
      const current = await docOf<VacancyRecord>(ref);
      const check: VacancyCheck = {
        screening: summarizeFindings(findings),
        companyVerified,
        // Staff approved exactly this wording before: an edit of other fields keeps it public.
        reviewed: !!current.reviewedText && current.reviewedText === textKey,
      };
      const run = stepper(current.status);
      run.apply({ type: 'edit', ...check });
      if (input.submit && (run.status() === 'draft' || run.status() === 'rejected')) {
        run.apply({ type: 'submit', ...check });
      }
      const status = run.status();
      const next: NewVacancy = {
        ...fields,
        status,
        reviewFindings: check.reviewed ? [] : fields.reviewFindings,
        rejectReason: status === 'rejected' ? current.rejectReason : null,
        closeReason: current.closeReason,
        staffNote: current.staffNote ?? null,
        version: (current.version ?? 0) + 1,
        reviewedText: current.reviewedText ?? null,
        createdBy: current.createdBy,
        createdAt: current.createdAt,
      };
      await ref.update({ data: next });
      await log(tx, id, run.steps);
      return next;
    });
  }
  const status = data.status;
  if (status === 'published') await published(db, { _id: id, companyId: company._id }, now);
  // Published (or edited while published): merged into seekers' recommendations (matching).
  if (status === 'published') await enqueueMatch(db, 'vacancy', id, 'vacancy', now);
  return { vacancy: vacancyView({ _id: id, ...data }) };
};

export const myVacancies: Handler<'employer', 'myVacancies'> = async (_input, ctx) => {
  const company = await ownCompany(ctx);
  const list = await vacanciesRepo(ctx.db).ofCompany(company._id);
  list.sort((a, b) => new Date(b.updatedAt).getTime() - new Date(a.updatedAt).getTime());
  return { vacancies: list.map(vacancyView), today: today(ctx.now) };
};

function eventOf(
  input: {
    event: 'pause' | 'resume' | 'close' | 'renew';
    closeReason: 'filled' | 'withdrawn';
    validUntil: string | null;
    validDays: number | null;
  },
  now: Date,
  check: () => VacancyCheck,
): VacancyEvent {
  switch (input.event) {
    case 'pause':
      return { type: 'pause' };
    case 'resume':
      return { type: 'resume', ...check() };
    case 'close':
      return { type: 'close', reason: input.closeReason };
    case 'renew':
      return {
        type: 'renew',
        // The date is worked out here, on the server's clock, never on the phone's.
        validUntil: input.validUntil ?? daysFrom(now, input.validDays ?? DEFAULT_VALIDITY_DAYS),
        today: today(now),
        latest: daysFrom(now, MAX_VALIDITY_DAYS),
        ...check(),
      };
  }
}

export const setVacancyStatus: Handler<'employer', 'setVacancyStatus'> = async (input, ctx) => {
  const { db, now } = ctx;
  const vacancy = await ownVacancy(ctx, input.vacancyId);
  const company = await companiesRepo(db).find(vacancy.companyId);
  const outcome = await transaction(db, async (tx) => {
    const ref = tx.collection('vacancies').doc(vacancy._id);
    const current = await docOf<VacancyRecord>(ref);
    const check = () => storedCheck(current, company);
    const event = eventOf(input, now, check);
    const result = transitionVacancy(current.status, event);
    if (!result.ok) {
      if (result.reason === BLOCKED_AD_REASON) {
        const [first] = screenAd({ ...current, certificates: current.certificates ?? [] }).blocked;
        throw new AppError(
          'CONFLICT',
          `岗位内容需要修改后才能继续招聘：${first?.message ?? BLOCKED_AD_REASON}`,
        );
      }
      const fields: Record<string, string> | undefined =
        input.event === 'renew' ? { validUntil: result.reason } : undefined;
      throw new AppError(
        input.event === 'renew' ? 'VALIDATION' : 'CONFLICT',
        result.reason,
        fields,
      );
    }
    const patch: Partial<NewVacancy> = { status: result.to, updatedAt: now };
    if (result.validUntil) patch.validUntil = result.validUntil;
    if (event.type === 'close') patch.closeReason = event.reason;
    // Back in review (never approved, or the company not verified): show staff why it waits.
    if (result.to === 'pendingReview' && (event.type === 'renew' || event.type === 'resume')) {
      Object.assign(patch, reviewFields(current, event));
    }
    await ref.update({ data: patch });
    await logTransition(
      { db: tx, now, caller: ctx.caller },
      current._id,
      event.type,
      current.status,
      result.to,
      result.to === 'pendingReview' ? '需市场服务中心审核后公开' : null,
    );
    return { next: { ...current, ...patch }, to: result.to };
  });
  if (outcome.to === 'published') await published(db, vacancy, now);
  if (outcome.to === 'published') {
    await enqueueMatch(ctx.db, 'vacancy', vacancy._id, 'vacancy', ctx.now);
  }
  return { vacancy: vacancyView(outcome.next) };
};

export async function logTransition(
  ctx: { db: Store; now: Date; caller: { openid: string } | null },
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
