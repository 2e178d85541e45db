/**
 * Daily at 02:30 (Asia/Shanghai, config.json): vacancies past their valid-until date are expired
 * (issue 4, Expiry), logged, and the company's users told — an expired vacancy is never shown,
 * recommended or pushed.
 */
import { transitionVacancy, vacancyExpiredData, type VacancyStatus } from '@nuanxin/shared';

import { vacanciesRepo, type Database } from '../_lib';

import { MY_VACANCIES_PAGE, notifyCompany } from './notices';
import { logTransition, today } from './vacancy';

export { MY_VACANCIES_PAGE };

const OPEN: VacancyStatus[] = ['pendingReview', 'published', 'paused'];

export async function expireVacancies(db: Database, now: Date): Promise<{ expired: number }> {
  const day = today(now);
  const repo = vacanciesRepo(db);
  let expired = 0;
  for (const v of await repo.byStatus(OPEN)) {
    // validUntil is the last Shanghai day the vacancy is open.
    if (v.validUntil >= day) continue;
    const result = transitionVacancy(v.status, { type: 'expire' });
    if (!result.ok) continue;
    await repo.update(v._id, { status: result.to, updatedAt: now });
    await logTransition({ db, now, caller: null }, v._id, 'expire', v.status, result.to, null);
    expired += 1;
    await notifyCompany(
      db,
      v.companyId,
      {
        template: 'vacancyExpired',
        data: vacancyExpiredData({
          title: v.title,
          validUntil: v.validUntil,
          note: '如仍需招聘，请续期',
        }),
        page: MY_VACANCIES_PAGE,
        title: '岗位已到期',
        body: `您发布的岗位“${v.title}”已于${v.validUntil}到期，已停止展示；如仍需招聘，请续期。`,
      },
      now,
    );
  }
  return { expired };
}
