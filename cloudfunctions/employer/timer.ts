/**
 * Nightly from 02:30 (Asia/Shanghai, config.json; again each hour until 05:30): vacancies past
 * their valid-until date are expired (issue 4, Expiry), logged, and each company's people told
 * once, by subscription message and in the app, with the list of its vacancies that expired — an
 * expired vacancy is never shown, recommended or pushed.
 *
 * Scale: the database finds them (`status_valid_until` index: one status, `validUntil` before
 * today), a page of 100 at a time in _id order; nothing loads the open vacancies to filter them.
 * A run stops taking pages at its time budget. No cursor is needed to resume: an expired vacancy
 * no longer matches the query, so the next run's query is exactly what is left. The `jobs`
 * record shows how far a run got and when a pass last completed.
 */
import { transitionVacancy, vacancyExpiredData, type VacancyStatus } from '@nuanxin/shared';

import {
  docOf,
  jobsRepo,
  transaction,
  vacanciesRepo,
  type Database,
  type VacancyRecord,
} from '../_lib';

import { MY_VACANCIES_PAGE, notifyCompany } from './notices';
import { logTransition, today } from './vacancy';

export { MY_VACANCIES_PAGE };

export const EXPIRE_JOB = 'employer.expireVacancies';
export const PAGE_SIZE = 100;
const OPEN: VacancyStatus[] = ['pendingReview', 'published', 'paused'];

/** Stop taking new pages after this long (functions are designed for ≤ 20 s per invocation). */
function budgetMs(): number {
  const configured = Number(process.env.NUANXIN_TIMER_BUDGET_MS);
  return Number.isFinite(configured) && configured >= 0 ? configured : 15_000;
}

export interface ExpireResult {
  expired: number;
  /** Companies told (one notice each). */
  companies: number;
  /** False when the run stopped for time; the next run continues. */
  completed: boolean;
}

/**
 * Expires one vacancy if it still is open and past its date when the transaction reads it (an
 * employer renewing it at that moment wins).
 */
async function expireOne(
  db: Database,
  id: string,
  day: string,
  now: Date,
): Promise<VacancyRecord | null> {
  return transaction(db, async (tx) => {
    const ref = tx.collection('vacancies').doc(id);
    const current = await docOf<VacancyRecord>(ref);
    // validUntil is the last Shanghai day the vacancy is open.
    if (current.validUntil >= day) return null;
    const result = transitionVacancy(current.status, { type: 'expire' });
    if (!result.ok) return null;
    await ref.update({ data: { status: result.to, updatedAt: now } });
    await logTransition(
      { db: tx, now, caller: null },
      id,
      'expire',
      current.status,
      result.to,
      null,
    );
    return current;
  });
}

/** "仓库包装工" or "仓库包装工等3个岗位". */
function listTitle(list: readonly VacancyRecord[]): string {
  const first = list[0]!.title;
  return list.length === 1 ? first : `${first}等${list.length}个岗位`;
}

export async function expireVacancies(db: Database, now: Date): Promise<ExpireResult> {
  const started = Date.now();
  const day = today(now);
  const repo = vacanciesRepo(db);
  const jobs = jobsRepo(db);
  const previous = await jobs.get(EXPIRE_JOB);
  const byCompany = new Map<string, VacancyRecord[]>();
  let expired = 0;
  let completed = true;
  let last: string | null = null;
  scan: for (const status of OPEN) {
    let after: string | null = null;
    for (;;) {
      const page = await repo.pastDate(status, day, after, PAGE_SIZE);
      for (const v of page) {
        const done = await expireOne(db, v._id, day, now);
        if (!done) continue;
        expired += 1;
        byCompany.set(done.companyId, [...(byCompany.get(done.companyId) ?? []), done]);
      }
      if (page.length > 0) last = page[page.length - 1]!._id;
      if (page.length < PAGE_SIZE) break;
      after = last;
      if (Date.now() - started >= budgetMs()) {
        completed = false;
        break scan;
      }
    }
  }

  // One notice per company and run, listing its vacancies — both ways: the subscription
  // message, and in the app where it can be found again (the message is gone once read).
  for (const [companyId, list] of byCompany) {
    list.sort((a, b) => a.validUntil.localeCompare(b.validUntil) || a.title.localeCompare(b.title));
    const titles = list.map((v) => `“${v.title}”（有效期至${v.validUntil}）`).join('、');
    await notifyCompany(
      db,
      companyId,
      {
        template: 'vacancyExpired',
        data: vacancyExpiredData({
          title: listTitle(list),
          validUntil: list[0]!.validUntil,
          note: '如仍需招聘，请续期',
        }),
        page: MY_VACANCIES_PAGE,
        title: list.length === 1 ? '岗位已到期' : `${list.length}个岗位已到期`,
        body: `您单位发布的${list.length === 1 ? '岗位' : `${list.length}个岗位`}${titles}已到期，已停止向求职者展示；如仍需招聘，请在“我的岗位”续期。`,
      },
      now,
      { alwaysInApp: true },
    );
  }

  await jobs.save(EXPIRE_JOB, {
    cursor: completed ? null : last,
    lastRunAt: now,
    lastCompletedAt: completed ? now : (previous?.lastCompletedAt ?? null),
    processed: expired,
  });
  return { expired, companies: byCompany.size, completed };
}
