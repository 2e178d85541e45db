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
} from '@nuanxin/shared';

import { auditRepo, type Handler } from '../_lib';
import { companiesRepo, countScreening, vacanciesRepo } from '../_lib';

import { inScope, marketScope } from './access';
import { logTransition } from './vacancy';
import { companyView, ledgerRow } from './views';

const NOT_IN_SCOPE = '没有找到这条记录，或它不在您的服务范围内';

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
  return { status: result.to, statusLabel: VACANCY_STATUS_LABELS[result.to], published: 0 };
};

export const ledger: Handler<'employer', 'ledger'> = async (input, ctx) => {
  const scope = marketScope(ctx.caller);
  const list = (await vacanciesRepo(ctx.db).all()).filter(
    (v) =>
      inScope(scope, v.township) &&
      (!input.township || v.township === input.township) &&
      (!input.status || v.status === input.status) &&
      (!input.flag || v.flags[input.flag]),
  );
  list.sort((a, b) => a.township.localeCompare(b.township) || a._id.localeCompare(b._id));
  return { vacancies: list.map(ledgerRow) };
};
