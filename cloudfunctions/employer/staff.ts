/**
 * The 市场服务中心's side: the review queue of new companies and flagged vacancies, the decision,
 * and the vacancy ledger. Scope: the staff member's townships (a supervisor with none: the city).
 * A decision is written in a transaction that re-reads the record: two staff deciding at once
 * apply one decision (the other is told it was already decided), and an approval of wording the
 * employer has changed since is refused.
 */
import {
  AppError,
  COMPANY_STATUS_LABELS,
  transitionCompany,
  transitionVacancy,
  VACANCY_STATUS_LABELS,
  VACANCY_STATUSES,
  vacancyReviewData,
  type CompanyStatus,
  type VacancyStatus,
} from '@nuanxin/shared';

import {
  adTextKey,
  allRows,
  auditRepo,
  command,
  docOf,
  logCompany,
  rows,
  screeningEventsRepo,
  transaction,
  vacancyAdKey,
  type CompanyRecord,
  type Handler,
  type VacancyRecord,
} from '../_lib';
import { companiesRepo, enqueueMatch, vacanciesRepo } from '../_lib';

import { inScope, marketScope } from './access';
import { COMPANY_PAGE, MY_VACANCIES_PAGE, notifyCompany } from './notices';
import { logTransition, published as vacancyPublished, screenAd } from './vacancy';
import { companyView, ledgerRow } from './views';

export const NOT_IN_SCOPE = '没有找到这条记录，或它不在您的服务范围内';
/** An approval of wording the staff member has not seen. */
export const CHANGED_SINCE_SEEN = '岗位内容已被修改，请重新审核';

/** `township` condition of a staff member's scope: the city (none), or their townships. */
function scopeWhere(scope: string[] | null): Record<string, unknown> {
  return scope === null ? {} : { township: command().in(scope) };
}

export const reviewQueue: Handler<'employer', 'reviewQueue'> = async (_input, ctx) => {
  const scope = marketScope(ctx.caller);
  const where = scopeWhere(scope);
  const [companies, vacancies] = await Promise.all([
    allRows<CompanyRecord>(ctx.db.collection('companies').where({ status: 'pending', ...where })),
    allRows<VacancyRecord>(
      ctx.db.collection('vacancies').where({ status: 'pendingReview', ...where }),
    ),
  ]);
  // Oldest first: whoever has waited longest is looked at first.
  const byAge = (a: { updatedAt: Date }, b: { updatedAt: Date }) =>
    +new Date(a.updatedAt) - +new Date(b.updatedAt);
  return {
    companies: companies.sort(byAge).map(companyView),
    vacancies: vacancies.sort(byAge).map(ledgerRow),
  };
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
    const event =
      input.decision === 'approve'
        ? ({ type: 'verify' } as const)
        : ({ type: 'reject', reason: input.reason } as const);
    const status: CompanyStatus = await transaction(db, async (tx) => {
      const ref = tx.collection('companies').doc(company._id);
      const current = await docOf<CompanyRecord>(ref);
      const result = transitionCompany(current.status, event);
      if (!result.ok) {
        throw new AppError(
          'CONFLICT',
          current.status === 'pending'
            ? result.reason
            : `该企业当前状态为“${COMPANY_STATUS_LABELS[current.status]}”，无需再审核`,
        );
      }
      await ref.update({
        data: {
          status: result.to,
          rejectReason: event.type === 'reject' ? event.reason : null,
          // A rejected record releases its 统一社会信用代码: the real company can register it.
          usccReleased: result.to === 'rejected' ? current._id : null,
          updatedAt: now,
        },
      });
      await logCompany(tx, {
        companyId: current._id,
        event: event.type,
        from: current.status,
        to: result.to,
        actorOpenid: caller.openid,
        reason: event.type === 'reject' ? event.reason : null,
        at: now,
      });
      await auditRepo(tx).append(
        {
          actorOpenid: caller.openid,
          action: `employer.review.company.${input.decision}`,
          subjectId: company._id,
        },
        now,
      );
      return result.to;
    });
    let published = 0;
    if (status === 'verified') {
      // Vacancies that waited only for the company's verification go public now; those with
      // flagged wording still wait for their own review.
      for (const v of await vacancies.ofCompany(company._id)) {
        if (!v.awaitsCompany) continue;
        const to = await transaction(db, async (tx) => {
          const ref = tx.collection('vacancies').doc(v._id);
          const current = await docOf<VacancyRecord>(ref);
          if (!current.awaitsCompany) return null;
          if (current.status !== 'pendingReview' || current.reviewFindings.length > 0) {
            await ref.update({ data: { awaitsCompany: false } });
            return null;
          }
          const result = transitionVacancy(current.status, { type: 'approve' });
          if (!result.ok) return null;
          await ref.update({ data: { status: result.to, awaitsCompany: false, updatedAt: now } });
          await logTransition(
            { db: tx, now, caller },
            v._id,
            'approve',
            current.status,
            result.to,
            '企业已通过核验',
          );
          return result.to;
        });
        if (to !== 'published') continue;
        await vacancyPublished(db, v, now);
        await enqueueMatch(db, 'vacancy', v._id, 'vacancy', now);
        published += 1;
      }
    }
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
          : `市场服务中心未通过“${company.name}”的核验，原因：${input.reason}。请在“企业信息”页面修改后重新提交。`,
      },
      now,
    );
    return { status, statusLabel: COMPANY_STATUS_LABELS[status], published };
  }

  const vacancy = await vacancies.find(input.id);
  if (!vacancy || !inScope(scope, vacancy.township)) throw new AppError('NOT_FOUND', NOT_IN_SCOPE);
  // The wording the staff member looked at; without one, what was there when the call arrived.
  const seen = input.version ?? vacancy.version ?? 0;
  const event =
    input.decision === 'approve'
      ? ({ type: 'approve' } as const)
      : ({ type: 'reject', reason: input.reason } as const);
  const decided = await transaction(db, async (tx) => {
    const ref = tx.collection('vacancies').doc(vacancy._id);
    const current = await docOf<VacancyRecord>(ref);
    if ((current.version ?? 0) !== seen) throw new AppError('CONFLICT', CHANGED_SINCE_SEEN);
    if (event.type === 'approve' && current.awaitsCompany) {
      throw new AppError('CONFLICT', '请先核验该企业，企业核验通过后岗位才能公开');
    }
    const result = transitionVacancy(current.status, event);
    if (!result.ok) throw new AppError('CONFLICT', result.reason);
    await ref.update({
      data: {
        status: result.to,
        rejectReason: event.type === 'reject' ? event.reason : null,
        // Staff approve a wording: an edit that keeps it needs no new review.
        ...(event.type === 'approve'
          ? { reviewedText: adTextKey({ ...current, certificates: current.certificates ?? [] }) }
          : {}),
        updatedAt: now,
      },
    });
    await logTransition(
      { db: tx, now, caller },
      current._id,
      event.type,
      current.status,
      result.to,
      input.reason || null,
    );
    return { current, to: result.to };
  });
  const result = decided;
  if (result.to === 'published') await vacancyPublished(db, vacancy, now);
  if (result.to === 'published') await enqueueMatch(db, 'vacancy', vacancy._id, 'vacancy', now);
  if (event.type === 'reject') {
    // A review-rejected ad counts for 清理歧视性招聘信息数, with what the screening had flagged —
    // once per ad and refusal episode (merged with an earlier block of the same ad).
    const { current } = decided;
    const flagged = screenAd({ ...current, certificates: current.certificates ?? [] }).findings;
    await screeningEventsRepo(db).refused(
      {
        companyId: current.companyId,
        adKey: vacancyAdKey(current._id),
        vacancyId: current._id,
        township: current.township,
        kind: 'rejected',
        findings: flagged.map((f) => ({ phrase: f.phrase, category: f.category })),
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

/** Escapes a user's keyword for a regular expression (matched literally, case-insensitive). */
function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The statuses of the ledger: drafts are the employer's own until submitted, not yet demand. */
const LEDGER_STATUSES = VACANCY_STATUSES.filter((s) => s !== 'draft');

/**
 * The ledger, answered by the database: the scope's townships (`township_status` index), the
 * filters, a count per status and one page — never the whole collection in memory.
 */
export const ledger: Handler<'employer', 'ledger'> = async (input, ctx) => {
  const { db } = ctx;
  const scope = marketScope(ctx.caller);
  const _ = command();
  const counts = Object.fromEntries(VACANCY_STATUSES.map((s) => [s, 0])) as Record<
    VacancyStatus,
    number
  >;
  const empty = { vacancies: [], total: 0, page: input.page, pageSize: input.pageSize, counts };
  if (input.township && !inScope(scope, input.township)) return empty;
  if (scope !== null && scope.length === 0) return empty;

  const where: Record<string, unknown> = input.township
    ? { township: input.township }
    : scopeWhere(scope);
  if (input.flag) where[`flags.${input.flag}`] = true;
  if (input.occupation) {
    // A code at any level of the classification: '6-31' matches 6-31-05-00, never 6-3x.
    where.occupationCode = db.RegExp({ regexp: `^${literal(input.occupation)}(-|$)`, options: '' });
  }
  const keyword = input.keyword
    ? db.RegExp({ regexp: literal(input.keyword), options: 'i' })
    : null;
  const query = (status: unknown) => {
    const base = { ...where, status };
    return keyword ? _.and([base, _.or([{ title: keyword }, { companyName: keyword }])]) : base;
  };
  const coll = db.collection('vacancies');
  await Promise.all(
    LEDGER_STATUSES.map(async (status) => {
      const { total } = (await coll.where(query(status)).count()) as { total: number };
      counts[status] = total;
    }),
  );
  const total = input.status
    ? input.status === 'draft'
      ? 0
      : counts[input.status]
    : LEDGER_STATUSES.reduce((sum, s) => sum + counts[s], 0);
  if (input.status === 'draft') return { ...empty, counts };
  const list = await rows<VacancyRecord>(
    coll
      .where(query(input.status ?? _.in(LEDGER_STATUSES)))
      .orderBy('updatedAt', 'desc')
      .orderBy('_id', 'asc')
      .skip((input.page - 1) * input.pageSize)
      .limit(input.pageSize),
  );
  return {
    vacancies: list.map(ledgerRow),
    total,
    page: input.page,
    pageSize: input.pageSize,
    counts,
  };
};
