/**
 * Applications nobody answers (issue 5, Applications): after 7 days the employer is nudged; after
 * 14 days the application goes to the company's 包保 staff member — its named 重点企业 staff, or
 * the 市场服务中心 staff covering its township — once per application, in the app or by
 * subscription message, and the application's history says so.
 */
import type { LocalCloud } from '@nuanxin/local';
import { dayjs, type FunctionName } from '@nuanxin/shared';

import { addVacancy } from '../push/fixtures';
import { fixClock, makeSeeker, registered } from '../test/registration';
import { AS, caller as callerOf, seededCloud } from '../test/support';

// Monday 2026-03-02 09:00 in Shanghai, when the daily trigger fires.
const START = new Date('2026-03-02T01:00:00Z');
const MARKET = 'demo-market-1';

let cloud: LocalCloud;
beforeEach(async () => {
  fixClock(START);
  cloud = await seededCloud();
});
afterEach(async () => {
  jest.useRealTimers();
  await cloud.close();
});
/** Calls any function as `openid`; answers are read loosely, as the assertions say what must hold. */
function callAs(openid: string) {
  const call = callerOf(cloud, openid);
  return (fn: FunctionName, action: string, payload: unknown = {}): Promise<any> =>
    call(fn, action as never, payload);
}

const store = (name: string) => cloud.store.collection(name);
/** The daily run `days` after the application (a minute later than the day it was made). */
const after = (days: number) => dayjs(START).add(days, 'day').add(1, 'minute').toDate();

async function run(at: Date) {
  jest.setSystemTime(at);
  return cloud.scheduler.runTimer('jobs', at);
}

async function application(openid: string): Promise<string> {
  await registered(cloud, openid, makeSeeker({ name: '投递测试' }).sections);
  const vacancyId = addVacancy(cloud, { title: '叉车司机' });
  const res = await callAs(openid)('jobs', 'apply', { vacancyId });
  expect(res.ok).toBe(true);
  return res.data.application.id as string;
}

const staffMessages = (openid: string) =>
  store('messages').find({ openid, title: '企业应聘超期未答复' });

it('unanswered for 14 days: the market staff covering the township is told once, and the history says so', async () => {
  const id = await application('wx-esc-a');
  await run(after(7));
  expect(store('application_log').find({ applicationId: id, event: 'remind' })).toHaveLength(1);
  expect(staffMessages(MARKET)).toEqual([]);

  await run(after(13));
  expect(store('application_log').find({ applicationId: id, event: 'escalate' })).toEqual([]);

  await run(after(14));
  expect(store('application_log').find({ applicationId: id, event: 'escalate' })).toEqual([
    expect.objectContaining({ actorRole: 'system', note: '服务专员：郑凯', from: 'applied' }),
  ]);
  const [message] = staffMessages(MARKET);
  expect(String(message!.body)).toContain('叉车司机');
  expect(store('applications').find({ _id: id })[0]).toMatchObject({ escalatedAt: after(14) });

  // The next days (and a retried run): nothing more.
  await run(after(14));
  await run(after(15));
  expect(store('application_log').find({ applicationId: id, event: 'escalate' })).toHaveLength(1);
  expect(staffMessages(MARKET)).toHaveLength(1);

  // The applicant reads it in their history.
  const mine = await callAs('wx-esc-a')('jobs', 'myApplications', {});
  const history = mine.data.applications[0].history.map((h: any) => h.label);
  expect(history).toContain('企业超过14天未答复，已转交企业服务专员督促处理');
});

it('a key enterprise’s named staff member gets it, by subscription message when they have quota', async () => {
  const id = await application('wx-esc-b');
  const [user] = store('users').find({ openid: AS.employer });
  const companyId = user!.companyId as string;
  const named = await callAs(AS.supervisor)('employer', 'setKeyEnterprise', {
    companyId,
    staffOpenid: MARKET,
    reason: '重点物流企业',
  });
  expect(named.ok).toBe(true);
  cloud.grantSubscription(MARKET, 'local-requestAlert');

  await run(after(14));
  const sent = cloud.outbox().filter((m) => m.touser === MARKET);
  expect(sent).toHaveLength(1);
  expect(sent[0]!.data.thing1!.value).toBe('企业应聘超期未答复');
  expect(staffMessages(MARKET)).toEqual([]);
  expect(store('application_log').find({ applicationId: id, event: 'escalate' })).toHaveLength(1);
});

it('an answered application is not escalated', async () => {
  const id = await application('wx-esc-c');
  const moved = await callAs(AS.employer)('jobs', 'moveApplication', {
    applicationId: id,
    event: 'invite',
    note: '3月5日上午面试',
  });
  expect(moved.ok).toBe(true);
  await run(after(20));
  expect(store('application_log').find({ applicationId: id, event: 'escalate' })).toEqual([]);
  expect(staffMessages(MARKET)).toEqual([]);
});
