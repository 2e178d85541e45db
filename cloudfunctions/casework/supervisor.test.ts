/**
 * The supervisor's side: caseloads per caseworker (people, overdue, unanswered, cap), moving a
 * person to another caseworker with the membership history kept and the counters moved, and caps.
 */
import type { LocalCloud } from '@nuanxin/local';
import { dayjs, type ActionName } from '@nuanxin/shared';

import { addStaff, fixClock, makeSeeker, registered } from '../test/registration';
import { AS, caller as callerOf, seededCloud } from '../test/support';

const START = new Date('2026-03-02T02:00:00Z');
const SECOND = 'cw-second';

let cloud: LocalCloud;
beforeEach(async () => {
  fixClock(START);
  cloud = await seededCloud();
  addStaff(cloud, {
    openid: SECOND,
    role: 'caseworker',
    org: 'employment',
    townships: ['370811002'],
    displayName: '李娜',
    caseloadCap: 50,
  });
});
afterEach(async () => {
  jest.useRealTimers();
  await cloud.close();
});

function as(openid: string) {
  const call = callerOf(cloud, openid);
  return (action: ActionName<'casework'>, payload: unknown): Promise<any> =>
    call('casework', action, payload);
}
const supervisor = () => as(AS.supervisor);
const counter = (openid: string) =>
  (cloud.store.collection('caseload_counters').find({ _id: openid })[0] as any)?.open;

/** A person of 张敏's (the least loaded caseworker covering the township takes new people). */
async function zhangsPerson(openid: string, name: string) {
  const id = await registered(cloud, openid, makeSeeker({ name }).sections);
  const [reg] = cloud.store.collection('registrations').find({ _id: id });
  return { id, caseworker: (reg as any).caseworkerOpenid as string };
}

it('caseloads: each caseworker in scope with people, overdue, unanswered and cap', async () => {
  const { id, caseworker } = await zhangsPerson('wx-sv-1', '逾期人');
  await as('wx-sv-1')('ask', { kind: 'policy', text: '请问创业补贴怎么申请？' });
  jest.setSystemTime(dayjs(START).add(45, 'day').toDate());
  const res = await supervisor()('caseloads', {});
  expect(res.ok).toBe(true);
  const row = res.data.caseworkers.find((c: any) => c.openid === caseworker);
  expect(row.overdue).toBeGreaterThanOrEqual(1);
  expect(row.unanswered).toBeGreaterThanOrEqual(1);
  expect(row).toMatchObject({ cap: expect.any(Number), load: expect.any(Number) });
  // Only caseworkers following job seekers in the supervisor's townships.
  const openids = res.data.caseworkers.map((c: any) => c.openid);
  expect(openids).not.toContain('demo-market-1');
  expect(openids).not.toContain('demo-caseworker-370812');
  expect(res.data.unassignedPeople).toBeGreaterThanOrEqual(1); // 钱思远 (seed)
  expect(id).toBeTruthy();
});

it('reassign: the old membership ends with its reason, a new one starts, counters move', async () => {
  const { id, caseworker } = await zhangsPerson('wx-sv-2', '转移人');
  await as('wx-sv-2')('ask', { kind: 'job', text: '有没有附近的仓库工作？' });
  const target = caseworker === SECOND ? AS.caseworker : SECOND;
  const loads = { from: counter(caseworker), to: counter(target) ?? 0 };

  const res = await supervisor()('reassign', {
    registrationId: id,
    caseworkerOpenid: target,
    reason: '按片区重新分工',
  });
  expect(res).toMatchObject({
    ok: true,
    data: { registrationId: id, previousName: expect.any(String) },
  });

  const memberships = cloud.store.collection('caseload_memberships').find({ registrationId: id });
  expect(memberships).toEqual([
    expect.objectContaining({ caseworkerOpenid: caseworker, endReason: 'reassigned' }),
    expect.objectContaining({ caseworkerOpenid: target, endedAt: null, endReason: null }),
  ]);
  expect(counter(caseworker)).toBe(loads.from - 1);
  expect(counter(target)).toBe(loads.to + 1);
  const [log] = cloud.store
    .collection('registration_log')
    .find({ registrationId: id, event: 'assign', reason: { $regex: '按片区重新分工' } });
  expect(log).toBeTruthy();

  // The person (and their request) is now the new caseworker's, and no longer the old one's.
  const newList = await as(target)('caseload', {});
  expect(newList.data.people.map((p: any) => p.id)).toContain(id);
  const oldList = await as(caseworker)('caseload', {});
  expect(oldList.data.people.map((p: any) => p.id)).not.toContain(id);
  const inboxOf = async (openid: string) =>
    (await as(openid)('inbox', {})).data.requests.map((r: any) => r.registrationId);
  expect(await inboxOf(target)).toContain(id);
  expect(await inboxOf(caseworker)).not.toContain(id);
  expect((await as(caseworker)('person', { registrationId: id })).error.code).toBe('NOT_FOUND');
});

it.each([
  ['to the caseworker they already have', 'same', '已由这名包保责任人负责'],
  ['to a caseworker not covering the township', 'demo-caseworker-370812', '不负责'],
  ['to someone who is not a caseworker', 'demo-market-1', '不承担求职者包保'],
])('reassign %s is refused, nothing written', async (_name, who, message) => {
  const { id, caseworker } = await zhangsPerson('wx-sv-3', '拒绝人');
  const before = cloud.writeCount();
  const res = await supervisor()('reassign', {
    registrationId: id,
    caseworkerOpenid: who === 'same' ? caseworker : who,
    reason: '测试',
  });
  expect(res).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  expect(res.error.message).toContain(message);
  expect(cloud.writeCount()).toBe(before);
});

it('reassign refuses someone without a caseworker (the unassigned queue is for that)', async () => {
  const [qian] = cloud.store.collection('registrations').find({ openid: 'demo-citizen-9' });
  const before = cloud.writeCount();
  const res = await supervisor()('reassign', {
    registrationId: (qian as any)._id,
    caseworkerOpenid: 'demo-talent-1',
    reason: '测试',
  });
  expect(res).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  expect(res.error.message).toContain('待分配人员');
  expect(cloud.writeCount()).toBe(before);
});

it('a reason is required to reassign', async () => {
  const { id } = await zhangsPerson('wx-sv-4', '无因人');
  const res = await supervisor()('reassign', {
    registrationId: id,
    caseworkerOpenid: SECOND,
    reason: '',
  });
  expect(res).toMatchObject({ ok: false, error: { fields: { reason: expect.any(String) } } });
});

it('setCap: a caseworker in scope gets the new cap (audited), shown in the caseloads', async () => {
  const res = await supervisor()('setCap', { caseworkerOpenid: SECOND, cap: 1 });
  expect(res).toMatchObject({ ok: true, data: { openid: SECOND, name: '李娜', cap: 1 } });
  const [user] = cloud.store.collection('users').find({ openid: SECOND });
  expect(user).toMatchObject({ caseloadCap: 1 });
  expect(
    cloud.store.collection('audit_log').count({ action: 'casework.setCap', subjectId: SECOND }),
  ).toBe(1);
  const caseloads = await supervisor()('caseloads', {});
  expect(caseloads.data.caseworkers.find((c: any) => c.openid === SECOND).cap).toBe(1);
});

it.each([
  [{ caseworkerOpenid: SECOND, cap: 0 }, 'VALIDATION'],
  [{ caseworkerOpenid: SECOND, cap: 2.5 }, 'VALIDATION'],
  [{ caseworkerOpenid: 'demo-caseworker-370812', cap: 10 }, 'NOT_FOUND'],
  [{ caseworkerOpenid: 'demo-market-1', cap: 10 }, 'NOT_FOUND'],
  [{ caseworkerOpenid: AS.citizen, cap: 10 }, 'NOT_FOUND'],
])('setCap %j is refused (%s), nothing written', async (payload, code) => {
  const before = cloud.writeCount();
  expect(await supervisor()('setCap', payload)).toMatchObject({ ok: false, error: { code } });
  expect(cloud.writeCount()).toBe(before);
});
