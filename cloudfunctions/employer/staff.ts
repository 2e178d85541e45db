/**
 * The 市场服务中心's side: the review queue of new companies and flagged vacancies, the decision,
 * and the vacancy ledger. Scope: the staff member's townships (a supervisor with none: the city).
 */
import {
  AppError,
  COMPANY_STATUS_LABELS,
  screenJobAd,
  transitionVacancy,
  VACANCY_STATUS_LABELS,
  VACANCY_STATUSES,
  vacancyReviewData,
  type VacancyStatus,
} from '@nuanxin/shared';

import { auditRepo, type Handler } from '../_lib';
import { companiesRepo, countScreening, vacanciesRepo } from '../_lib';

import { inScope, marketScope } from './access';
import { COMPANY_PAGE, MY_VACANCIES_PAGE, notifyCompany } from './notices';
import { logTransition } from './vacancy';
import { companyView, ledgerRow } from './views';

export const NOT_IN_SCOPE = '没有找到这条记录，或它不在您的服务范围内';

export const reviewQueue: Handler<'employer', 'reviewQueue'> = async (_input, ctx) => {
  const scope = marketScope(ctx.caller);
  const companies = (await companiesRepo(ctx.db).pending()).filter((c) =>
    inScope(scope, c.township),
  );
  const vacancies = (await vacanciesRepo(ctx.db).byStatus(['pendingReview'])).filter((v) =>
    inScope(scope, v.township),
  );
  return { companies: companies.map(companyView), vacancies: vacancies.map(ledgerRow) };
};

export const review: Handler<'employer', 'review'> = async (input, ctx) => {
  const { db, now, caller } = ctx;
  const scope = marketScope(caller);
  if (input.decision === 'reject' && !input.reason) {
    throw new AppError('VALIDATION', '请填写不通过的原因，企业会看到', {
      reason: '请填写不通过的原因，企业会看到',
    });
  }
  const vacancies = vacanciesRepo(db);
  if (input.kind === 'company') {
    const companies = companiesRepo(db);
    const company = await companies.find(input.id);
    if (!company || !inScope(scope, company.township))
      throw new AppError('NOT_FOUND', NOT_IN_SCOPE);
    if (company.status !== 'pending') {
      throw new AppError(
        'CONFLICT',
        `该企业当前状态为“${COMPANY_STATUS_LABELS[company.status]}”，无需再审核`,
      );
    }
    const status = input.decision === 'approve' ? 'verified' : 'rejected';
    await companies.update(company._id, {
      status,
      rejectReason: status === 'rejected' ? input.reason : null,
      updatedAt: now,
    });
    let published = 0;
    if (status === 'verified') {
      // Vacancies that waited only for the company's verification go public now; those with
      // flagged wording still wait for their own review.
      for (const v of await vacancies.ofCompany(company._id)) {
        if (!v.awaitsCompany) continue;
        if (v.status === 'pendingReview' && v.reviewFindings.length === 0) {
          const result = transitionVacancy(v.status, { type: 'approve' });
          if (!result.ok) continue;
          await vacancies.update(v._id, {
            status: result.to,
            awaitsCompany: false,
            updatedAt: now,
          });
          await logTransition(ctx, v._id, 'approve', v.status, result.to, '企业已通过核验');
          published += 1;
        } else {
          await vacancies.update(v._id, { awaitsCompany: false });
        }
      }
    }
    await auditRepo(db).append(
      {
        actorOpenid: caller.openid,
        action: `employer.review.company.${input.decision}`,
        subjectId: company._id,
      },
      now,
    );
    const verified = status === 'verified';
    const note = verified
      ? published > 0
        ? `已有${published}个岗位随之公开`
        : '提交的岗位审核通过后即可公开'
      : input.reason;
    await notifyCompany(
      db,
      company._id,
      {
        template: 'vacancyReview',
        data: vacancyReviewData({
          subject: company.name,
          result: verified ? '核验通过' : '未通过',
          at: now,
          note,
        }),
        page: COMPANY_PAGE,
        title: verified ? '单位信息已核验' : '单位信息未通过核验',
        body: verified
          ? `市场服务中心已核验“${company.name}”的信息，${note}。`
          : `市场服务中心未通过“${company.name}”的核验，原因：${input.reason}`,
      },
      now,
    );
    return { status, statusLabel: COMPANY_STATUS_LABELS[status], published };
  }

  const vacancy = await vacancies.find(input.id);
  if (!vacancy || !inScope(scope, vacancy.township)) throw new AppError('NOT_FOUND', NOT_IN_SCOPE);
  if (input.decision === 'approve' && vacancy.awaitsCompany) {
    throw new AppError('CONFLICT', '请先核验该企业，企业核验通过后岗位才能公开');
  }
  const event =
    input.decision === 'approve'
      ? ({ type: 'approve' } as const)
      : ({ type: 'reject', reason: input.reason } as const);
  const result = transitionVacancy(vacancy.status, event);
  if (!result.ok) throw new AppError('CONFLICT', result.reason);
  await vacancies.update(vacancy._id, {
    status: result.to,
    rejectReason: event.type === 'reject' ? event.reason : null,
    updatedAt: now,
  });
  await logTransition(
    ctx,
    vacancy._id,
    event.type,
    vacancy.status,
    result.to,
    input.reason || null,
  );
  if (event.type === 'reject') {
    // A review-rejected ad counts for 清理歧视性招聘信息数, with what the screening had flagged.
    const findings = screenJobAd(
      `${vacancy.title}\n${vacancy.description}\n${vacancy.requirements}`,
    );
    const first = findings[0];
    await countScreening(
      db,
      {
        kind: 'rejected',
        category: first?.category ?? 'staff',
        phrase: first?.phrase ?? '',
        township: vacancy.township,
      },
      now,
    );
  }
  const approved = event.type === 'approve';
  await notifyCompany(
    db,
    vacancy.companyId,
    {
      template: 'vacancyReview',
      data: vacancyReviewData({
        subject: vacancy.title,
        result: approved ? '审核通过' : '未通过',
        at: now,
        note: approved ? '岗位已向求职者公开' : input.reason,
      }),
      page: MY_VACANCIES_PAGE,
      title: approved ? '岗位审核通过' : '岗位未通过审核',
      body: approved
        ? `您的岗位“${vacancy.title}”已通过审核，向求职者公开。`
        : `您的岗位“${vacancy.title}”未通过审核，原因：${input.reason}。修改后可重新提交。`,
    },
    now,
  );
  return { status: result.to, statusLabel: VACANCY_STATUS_LABELS[result.to], published: 0 };
};

/** A code at any level of the classification matches its own descendants: '6-31' ⊃ '6-31-05-00'. */
export function occupationMatches(code: string, prefix: string): boolean {
  return code === prefix || code.startsWith(`${prefix}-`);
}

export const ledger: Handler<'employer', 'ledger'> = async (input, ctx) => {
  const scope = marketScope(ctx.caller);
  const keyword = input.keyword.toLowerCase();
  // Drafts are the employer's own until submitted: not yet demand, not in the ledger.
  const matching = (await vacanciesRepo(ctx.db).all()).filter(
    (v) =>
      v.status !== 'draft' &&
      inScope(scope, v.township) &&
      (!input.township || v.township === input.township) &&
      (!input.flag || v.flags[input.flag]) &&
      (!input.occupation || occupationMatches(v.occupationCode, input.occupation)) &&
      (!keyword ||
        v.title.toLowerCase().includes(keyword) ||
        v.companyName.toLowerCase().includes(keyword)),
  );
  const counts = Object.fromEntries(VACANCY_STATUSES.map((s) => [s, 0])) as Record<
    VacancyStatus,
    number
  >;
  for (const v of matching) counts[v.status] += 1;
  const list = matching.filter((v) => !input.status || v.status === input.status);
  list.sort(
    (a, b) => +new Date(b.updatedAt) - +new Date(a.updatedAt) || a._id.localeCompare(b._id),
  );
  const start = (input.page - 1) * input.pageSize;
  return {
    vacancies: list.slice(start, start + input.pageSize).map(ledgerRow),
    total: list.length,
    page: input.page,
    pageSize: input.pageSize,
    counts,
  };
};
