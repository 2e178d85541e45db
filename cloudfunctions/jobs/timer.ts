/**
 * Daily at 09:00 (Asia/Shanghai, config.json): applications nobody at the company has answered
 * for 7 days (still 已投递 or only 企业已查看) nudge the company's users once — in-app and by
 * subscription message when they have quota (issue 5, Applications). Each application is marked
 * and logged when its reminder goes out, so a rerun (a retry, a second trigger) reminds nobody
 * twice; the seeker's history shows that the employer was reminded. After 14 days the
 * application goes to the company's 包保 staff member (escalateUnanswered).
 */
import { dayjs, requestNoticeData, type ApplicationStatus } from '@nuanxin/shared';

import {
  allRows,
  applicationLogRepo,
  applicationsRepo,
  companiesRepo,
  notify,
  type ApplicationRecord,
  type Database,
  type UserRecord,
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
      // In the app's inbox as well as by subscription message (issue 5: "in-app and subscription
      // message"), so the reminder can be found again after the WeChat notice is gone.
      { alwaysInApp: true },
    );
  }
  return {
    reminded: [...byCompany.values()].reduce((n, l) => n + l.length, 0),
    companies: byCompany.size,
  };
}

/** After this many days unanswered, the application goes to the company's 包保 staff member. */
export const ESCALATION_DAYS = 14;

export const MARKET_ENTERPRISES_PAGE = 'packages/market/enterprises/index';

interface Responsible {
  openid: string;
  name: string;
}

/**
 * Who serves the company's hiring: its named 重点企业 staff member (the open enterprise
 * membership, 002 §9); else the 市场服务中心 staff covering its township; else the supervisors
 * responsible for it (a township nobody covers must still reach someone).
 */
export async function responsibleFor(db: Database, companyId: string): Promise<Responsible[]> {
  const company = await companiesRepo(db).find(companyId);
  if (!company) return [];
  if (company.keyStaff) {
    return [{ openid: company.keyStaff.staffOpenid, name: company.keyStaff.staffName }];
  }
  const staff = await allRows<UserRecord>(db.collection('users').where({ role: 'caseworker' }));
  const market = staff.filter((u) => u.org === 'market' && u.townships.includes(company.township));
  if (market.length > 0) return market.map((u) => ({ openid: u.openid, name: u.displayName }));
  const supervisors = await allRows<UserRecord>(
    db.collection('users').where({ role: 'supervisor' }),
  );
  return supervisors
    .filter((u) => u.townships.length === 0 || u.townships.includes(company.township))
    .map((u) => ({ openid: u.openid, name: u.displayName }));
}

/**
 * Daily, after the 7-day reminders: applications still unanswered 14 days after they were sent
 * (appliedAt: opening one without answering does not restart the clock) go to the company's 包保
 * staff member (issue 5, Applications) — once per application (marked before anything is sent,
 * so a rerun escalates nothing twice), logged in the application's history, and told to the
 * staff member in the app or by subscription message.
 */
export async function escalateUnanswered(
  db: Database,
  now: Date,
): Promise<{ escalated: number; companies: number }> {
  const cutoff = dayjs(now).subtract(ESCALATION_DAYS, 'day').toDate();
  const repo = applicationsRepo(db);
  const waiting = await repo.unescalatedSince(UNANSWERED, cutoff);
  const byCompany = new Map<string, ApplicationRecord[]>();
  for (const a of waiting) {
    if (!(await repo.markEscalated(a._id, a.status, now))) continue;
    byCompany.set(a.companyId, [...(byCompany.get(a.companyId) ?? []), a]);
  }
  for (const [companyId, list] of byCompany) {
    const staff = await responsibleFor(db, companyId);
    for (const a of list) {
      await applicationLogRepo(db).append({
        applicationId: a._id,
        vacancyId: a.vacancyId,
        companyId: a.companyId,
        event: 'escalate',
        from: a.status,
        to: a.status,
        actorOpenid: null,
        actorRole: 'system',
        // Who has it now, for the applicant and the employer alike.
        note: staff.length > 0 ? `服务专员：${staff.map((s) => s.name).join('、')}` : null,
        at: now,
      });
    }
    const companyName = list[0]!.vacancy.companyName;
    const titles = [...new Set(list.map((a) => a.vacancy.title))];
    for (const person of staff) {
      await notify(
        db,
        {
          openid: person.openid,
          template: 'requestAlert',
          data: requestNoticeData({
            subject: '企业应聘超期未答复',
            result: '请督促',
            note: `${companyName}${list.length}份申请超${ESCALATION_DAYS}天`,
            at: now,
          }),
          page: MARKET_ENTERPRISES_PAGE,
          title: '企业应聘超期未答复',
          body: `您服务的${companyName}有${list.length}份求职申请超过${ESCALATION_DAYS}天未答复（${titles.join('、')}），已提醒过企业。请联系企业尽快处理，求职者在等待答复。`,
        },
        now,
      );
    }
  }
  return {
    escalated: [...byCompany.values()].reduce((n, l) => n + l.length, 0),
    companies: byCompany.size,
  };
}
