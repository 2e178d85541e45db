/**
 * Telling people about applications (issue 5: "the seeker sees every state change"; the
 * employer sees a new application in its list). Each goes through notify(): a subscription
 * message when the person has quota for it, else the in-app inbox. Pushes carry no applicant's
 * personal data: the employer reads it in the app, where only what was shared is shown.
 */
import { applicationStatusData, newApplicationData, type ApplicationStatus } from '@nuanxin/shared';

import { allRows, notify, type ApplicationRecord, type NotifyOptions, type Store } from '../_lib';

export const MY_APPLICATIONS_PAGE = 'packages/seeker/applications/index';
export const EMPLOYER_APPLICATIONS_PAGE = 'packages/employer/applications/index';

/** ≤ 5 Chinese characters for the template's phrase field. */
const STATUS_PHRASES: Record<ApplicationStatus, string> = {
  applied: '已投递',
  viewed: '企业已查看',
  interview: '邀请面试',
  offered: '录用通知',
  hired: '已入职',
  rejected: '未录用',
  withdrawn: '已撤回',
};

const STATUS_NEWS: Record<ApplicationStatus, (title: string, company: string) => string> = {
  applied: (t, c) => `您已投递${c}的“${t}”。`,
  viewed: (t, c) => `${c}查看了您投递的“${t}”，请留意后续通知。`,
  interview: (t, c) => `${c}邀请您参加“${t}”的面试。`,
  offered: (t, c) => `${c}决定录用您担任“${t}”。`,
  hired: (t, c) => `${c}已确认您入职“${t}”，祝工作顺利！`,
  rejected: (t, c) => `${c}认为您暂不适合“${t}”。`,
  withdrawn: (t, c) => `您已撤回对${c}“${t}”的投递。`,
};

const STATUS_TITLES: Record<ApplicationStatus, string> = {
  applied: '投递成功',
  viewed: '企业已查看您的简历',
  interview: '面试邀请',
  offered: '录用通知',
  hired: '入职确认',
  rejected: '投递结果',
  withdrawn: '投递已撤回',
};

/** Tells the applicant their application is now `status`, with the employer's words. */
export async function tellApplicant(
  db: Store,
  a: Pick<ApplicationRecord, 'openid' | 'vacancy'>,
  status: ApplicationStatus,
  note: string | null,
  now: Date,
): Promise<void> {
  const { title, companyName } = a.vacancy;
  const hint =
    note ??
    (status === 'viewed' ? '请保持电话畅通' : status === 'rejected' ? '还有更多岗位等您' : '');
  await notify(
    db,
    {
      openid: a.openid,
      template: 'applicationStatus',
      data: applicationStatusData({
        title,
        companyName,
        result: STATUS_PHRASES[status],
        note: hint || '点击查看详情',
        at: now,
      }),
      page: MY_APPLICATIONS_PAGE,
      title: STATUS_TITLES[status],
      body: `${STATUS_NEWS[status](title, companyName)}${note ? `\n${note}` : ''}`,
    },
    now,
  );
}

/** The company's employer users (the owner and colleagues). */
export async function companyUsers(db: Store, companyId: string): Promise<string[]> {
  const users = await allRows<{ openid: string }>(
    db.collection('users').where({ companyId, role: 'employer' }),
  );
  return [...new Set(users.map((u) => u.openid))];
}

/**
 * Tells the company's users about applications waiting for them. `options.alwaysInApp`: keep the
 * news in the inbox even when the subscription message went out (the 7-day reminder goes both
 * ways, issue 5).
 */
export async function tellEmployer(
  db: Store,
  companyId: string,
  message: { title: string; waiting: number; heading: string; body: string; note: string },
  now: Date,
  options: NotifyOptions = {},
): Promise<number> {
  const openids = await companyUsers(db, companyId);
  for (const openid of openids) {
    await notify(
      db,
      {
        openid,
        template: 'newApplication',
        data: newApplicationData({
          title: message.title,
          waiting: message.waiting,
          at: now,
          note: message.note,
        }),
        page: EMPLOYER_APPLICATIONS_PAGE,
        title: message.heading,
        body: message.body,
      },
      now,
      options,
    );
  }
  return openids.length;
}
