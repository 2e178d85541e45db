/**
 * Daily at 09:00 (Asia/Shanghai, config.json): applications nobody at the company has answered
 * for 7 days (still 已投递 or only 企业已查看) nudge the company's users once — in-app and by
 * subscription message when they have quota (issue 5, Applications). Each application is marked
 * and logged when its reminder goes out, so a rerun (a retry, a second trigger) reminds nobody
 * twice; the seeker's history shows that the employer was reminded.
 */
import { dayjs, type ApplicationStatus } from '@nuanxin/shared';

import {
  applicationLogRepo,
  applicationsRepo,
  type ApplicationRecord,
  type Database,
} from '../_lib';

import { tellEmployer } from './notices';

export const UNANSWERED_DAYS = 7;
const UNANSWERED: ApplicationStatus[] = ['applied', 'viewed'];

export async function remindEmployers(
  db: Database,
  now: Date,
): Promise<{ reminded: number; companies: number }> {
  const cutoff = dayjs(now).subtract(UNANSWERED_DAYS, 'day').toDate();
  const repo = applicationsRepo(db);
  const waiting = await repo.unremindedSince(UNANSWERED, cutoff);
  const byCompany = new Map<string, ApplicationRecord[]>();
  for (const a of waiting) {
    // Marked first: only the run that marks an application reminds about it.
    if (!(await repo.markReminded(a._id, a.status, now))) continue;
    await applicationLogRepo(db).append({
      applicationId: a._id,
      vacancyId: a.vacancyId,
      companyId: a.companyId,
      event: 'remind',
      from: a.status,
      to: a.status,
      actorOpenid: null,
      actorRole: 'system',
      note: null,
      at: now,
    });
    byCompany.set(a.companyId, [...(byCompany.get(a.companyId) ?? []), a]);
  }
  for (const [companyId, list] of byCompany) {
    const titles = [...new Set(list.map((a) => a.vacancy.title))];
    await tellEmployer(
      db,
      companyId,
      {
        title: titles.length === 1 ? titles[0]! : `${titles[0]}等${titles.length}个岗位`,
        waiting: list.length,
        heading: '有求职申请超过7天未答复',
        body: `您单位有${list.length}份求职申请超过${UNANSWERED_DAYS}天未答复（${titles.join('、')}），求职者在等待您的消息，请在“应聘管理”中尽快处理。`,
        note: '求职者在等您答复，请尽快处理',
      },
      now,
    );
  }
  return {
    reminded: [...byCompany.values()].reduce((n, l) => n + l.length, 0),
    companies: byCompany.size,
  };
}
