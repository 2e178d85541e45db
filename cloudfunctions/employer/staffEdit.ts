/**
 * Market staff edit a vacancy with the employer's knowledge (issue 4, staff journey): the new
 * text is screened like any save (a blocked phrase is refused, staff or not), the note saying
 * what changed and why is logged and shown to the employer, the company's people are told, and a
 * vacancy waiting for review may be approved in the same step.
 */
import {
  AppError,
  summarizeFindings,
  transitionVacancy,
  vacancyReviewData,
  type VacancyCheck,
  type VacancyEvent,
  type VacancyStatus,
} from '@nuanxin/shared';

import {
  adTextKey,
  auditRepo,
  companiesRepo,
  docOf,
  enqueueMatch,
  transaction,
  vacanciesRepo,
  type Handler,
  type NewVacancy,
  type VacancyRecord,
} from '../_lib';

import { inScope, marketScope } from './access';
import { MY_VACANCIES_PAGE, notifyCompany } from './notices';
import { CHANGED_SINCE_SEEN, NOT_IN_SCOPE } from './staff';
import {
  blockedError,
  certificateList,
  checkOccupation,
  checkTownship,
  checkValidUntil,
  logTransition,
  published as vacancyPublished,
  reviewMessages,
  screenAd,
  workPoint,
} from './vacancy';
import { ledgerRow } from './views';

export const staffEditVacancy: Handler<'employer', 'staffEditVacancy'> = async (input, ctx) => {
  const { caller, db, now } = ctx;
  const scope = marketScope(caller);
  const vacancies = vacanciesRepo(db);
  const vacancy = await vacancies.find(input.id);
  if (!vacancy || !inScope(scope, vacancy.township)) throw new AppError('NOT_FOUND', NOT_IN_SCOPE);
  if (vacancy.status === 'draft') {
    throw new AppError('CONFLICT', '企业还没有提交这个岗位（草稿），不能修改');
  }
  const company = await companiesRepo(db).find(vacancy.companyId);
  if (!company) throw new AppError('NOT_FOUND', NOT_IN_SCOPE);

  checkOccupation(input.occupationCode);
  const township = input.township ?? vacancy.township;
  checkTownship(township);
  if (!inScope(scope, township)) {
    const message = '工作地点不在您的服务范围内';
    throw new AppError('VALIDATION', message, { township: message });
  }
  const validUntil = input.validUntil ?? vacancy.validUntil;
  if (validUntil !== vacancy.validUntil) checkValidUntil(validUntil, now);

  const certificates = certificateList(input.certificates);
  const wording = { ...input, certificates };
  const { findings, blocked } = screenAd(wording);
  if (blocked.length > 0) throw blockedError(blocked);
  const textKey = adTextKey(wording);
  const companyVerified = company.status === 'verified';
  if (input.approve && !companyVerified) {
    throw new AppError('CONFLICT', '请先核验该企业，企业核验通过后岗位才能公开');
  }
  // The version the staff member edited; the employer's save landing meanwhile is not overwritten.
  const seen = input.version ?? vacancy.version ?? 0;

  const location =
    input.location ??
    (township === vacancy.township && vacancy.location
      ? vacancy.location
      : workPoint(null, township, company));
  const { patch, steps } = await transaction(db, async (tx) => {
    const ref = tx.collection('vacancies').doc(vacancy._id);
    const current = await docOf<VacancyRecord>(ref);
    if ((current.version ?? 0) !== seen) throw new AppError('CONFLICT', CHANGED_SINCE_SEEN);
    const check: VacancyCheck = {
      screening: summarizeFindings(findings),
      companyVerified,
      reviewed: !!current.reviewedText && current.reviewedText === textKey,
    };
    let status: VacancyStatus = current.status;
    const steps: { event: VacancyEvent; from: VacancyStatus; to: VacancyStatus }[] = [];
    const apply = (event: VacancyEvent) => {
      const result = transitionVacancy(status, event);
      if (!result.ok) throw new AppError('CONFLICT', result.reason);
      steps.push({ event, from: status, to: result.to });
      status = result.to;
    };
    apply({ type: 'edit', ...check });
    if (input.approve) {
      if (status !== 'pendingReview') {
        throw new AppError('CONFLICT', '该岗位不在待审核状态，无需审核通过');
      }
      apply({ type: 'approve' });
    }
    const patch: Partial<NewVacancy> = {
      title: input.title,
      description: input.description,
      occupationCode: input.occupationCode,
      headcount: input.headcount,
      salaryMin: input.salaryMin,
      salaryMax: input.salaryMax,
      workType: input.workType,
      township,
      location,
      requirements: input.requirements,
      minEducation: input.minEducation,
      minExperienceYears: input.minExperienceYears,
      certificates,
      benefits: input.benefits,
      flags: input.flags,
      validUntil,
      status,
      reviewFindings: check.reviewed ? [] : reviewMessages(findings),
      awaitsCompany: !companyVerified,
      rejectReason: status === 'rejected' ? current.rejectReason : null,
      staffNote: { at: now, note: input.note, staffOpenid: caller.openid },
      version: (current.version ?? 0) + 1,
      // Approved in this step: staff approve the wording they wrote.
      reviewedText: input.approve ? textKey : (current.reviewedText ?? null),
      updatedAt: now,
    };
    await ref.update({ data: patch });
    const [edit, approval] = steps;
    await logTransition(
      { db: tx, now, caller },
      vacancy._id,
      'staffEdit',
      edit!.from,
      edit!.to,
      input.note,
    );
    if (approval) {
      await logTransition(
        { db: tx, now, caller },
        vacancy._id,
        'approve',
        approval.from,
        approval.to,
        '工作人员修改后审核通过',
      );
    }
    return { patch, steps };
  });
  const status = patch.status!;
  const approval = steps[1];
  await auditRepo(db).append(
    { actorOpenid: caller.openid, action: 'employer.staffEditVacancy', subjectId: vacancy._id },
    now,
  );
  const published = status === 'published';
  if (published) await vacancyPublished(db, vacancy, now);
  if (published) await enqueueMatch(db, 'vacancy', vacancy._id, 'vacancy', now);
  await notifyCompany(
    db,
    vacancy.companyId,
    {
      template: 'vacancyReview',
      data: vacancyReviewData({
        subject: input.title,
        result: approval ? '审核通过' : '已修改',
        at: now,
        note: input.note,
      }),
      page: MY_VACANCIES_PAGE,
      title: '工作人员修改了您的岗位',
      body:
        `工作人员修改了您的岗位“${input.title}”：${input.note}` +
        (approval
          ? '。修改后已审核通过，向求职者公开。'
          : published
            ? '。'
            : `。当前状态：${ledgerRow({ ...vacancy, ...patch }).statusLabel}。`),
    },
    now,
  );
  return { vacancy: ledgerRow({ ...vacancy, ...patch }) };
};
