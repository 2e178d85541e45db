/**
 * The caseworker's tasks of issue 5: a hire to confirm with the person (the registration then
 * moves to employed through its lifecycle and the follow-ups go from monthly to yearly), and a
 * pushed position that reached only the app, to tell the person by phone or WeChat. Only the
 * person's own caseworker sees and acts on them; every refusal writes nothing.
 */
import type { LocalCloud } from '@nuanxin/local';
import type { ActionName, FunctionName } from '@nuanxin/shared';

import { addVacancy, recommend } from '../push/fixtures';
import { fixClock, makeSeeker, registered } from '../test/registration';
import { AS, caller as callerOf, seededCloud } from '../test/support';

// Monday 2026-03-02 10:00 in Shanghai.
const START = new Date('2026-03-02T02:00:00Z');
const OTHER_CASEWORKER = 'demo-caseworker-370812'; // 兖州区

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

function as(openid: string) {
  const call = callerOf(cloud, openid);
  return (action: ActionName<'casework'>, payload: unknown = {}): Promise<any> =>
    call('casework', action, payload);
}
const zhang = () => as(AS.caseworker);
const store = (name: string) => cloud.store.collection(name);

/** A registered person who applied, was invited, offered and hired: the application id. */
async function hired(openid: string, name: string) {
  const registrationId = await registered(cloud, openid, makeSeeker({ name }).sections);
  const vacancyId = addVacancy(cloud, { title: '仓储管理员' });
  const seeker = callAs(openid);
  const employer = callAs(AS.employer);
  const applied = await seeker('jobs', 'apply', { vacancyId });
  expect(applied.ok).toBe(true);
  const applicationId = applied.data.application.id as string;
  for (const [event, note] of [
    ['invite', '3月5日上午9点面试'],
    ['offer', ''],
    ['hire', ''],
  ]) {
    const moved = await employer('jobs', 'moveApplication', { applicationId, event, note });
    expect(moved.ok).toBe(true);
  }
  return { registrationId, applicationId };
}

describe('a hire to confirm', () => {
  it('the employer’s hire opens a task for the caseworker, once; confirming moves the registration to employed and the follow-ups to yearly', async () => {
    const { registrationId, applicationId } = await hired('wx-hire-a', '入职甲');
    expect(store('hire_confirmations').find({ _id: applicationId })).toEqual([
      expect.objectContaining({ registrationId, status: 'pending', personName: '入职甲' }),
    ]);
    // The caseworker is told (no quota: in the app).
    expect(store('messages').find({ openid: AS.caseworker, title: '包保对象入职待确认' })).toEqual([
      expect.objectContaining({ page: 'packages/caseworker/tasks/index' }),
    ]);

    const listed = await zhang()('tasks', {});
    expect(listed.data.counts.confirmHire).toBe(1);
    expect(listed.data.tasks).toEqual([
      expect.objectContaining({
        id: applicationId,
        kind: 'confirmHire',
        kindLabel: '入职待确认',
        registrationId,
        personName: '入职甲',
        title: expect.stringContaining('仓储管理员'),
      }),
    ]);
    const before = await zhang()('person', { registrationId });
    expect(before.data.tasks).toEqual([expect.objectContaining({ kind: 'confirmHire' })]);
    expect(before.data.person.followUp).toMatchObject({ intervalLabel: '每月', due: '2026-04-02' });

    const confirmed = await zhang()('confirmHire', {
      applicationId,
      employed: true,
      note: '电话核实，已于3月2日入职',
    });
    expect(confirmed.ok).toBe(true);
    expect(confirmed.data.person).toMatchObject({
      status: 'employed',
      followUp: { situation: 'employed', intervalLabel: '每年', due: '2027-03-02' },
      progress131: null,
      pushPlan: null,
    });
    expect(confirmed.data.tasks).toEqual([]);
    const [record] = store('registrations').find({ _id: registrationId });
    expect(record).toMatchObject({ status: 'employed', closedAt: START });
    expect(store('registration_log').find({ registrationId, event: 'employ' })).toEqual([
      expect.objectContaining({
        actorOpenid: AS.caseworker,
        reason: expect.stringContaining('包保责任人核实：已入职'),
      }),
    ]);
    expect(store('hire_confirmations').find({ _id: applicationId })[0]).toMatchObject({
      status: 'confirmed',
      decidedBy: AS.caseworker,
      note: '电话核实，已于3月2日入职',
    });
    // The person is told their registration's new status.
    expect(store('messages').find({ openid: 'wx-hire-a', title: '失业登记：已就业' })).toHaveLength(
      1,
    );
    expect(store('audit_log').find({ action: 'casework.confirmHire' })).toHaveLength(1);
    expect((await zhang()('tasks', {})).data.tasks).toEqual([]);

    // Again (a retry, a double tap): refused, nothing written.
    const writes = cloud.writeCount();
    expect(await zhang()('confirmHire', { applicationId, employed: true, note: '' })).toMatchObject(
      { ok: false, error: { code: 'CONFLICT' } },
    );
    expect(cloud.writeCount()).toBe(writes);
  });

  it('did not start work: the task closes with the reason, the registration stays', async () => {
    const { registrationId, applicationId } = await hired('wx-hire-b', '入职乙');
    expect(
      await zhang()('confirmHire', { applicationId, employed: false, note: '' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { note: expect.any(String) } },
    });
    const res = await zhang()('confirmHire', {
      applicationId,
      employed: false,
      note: '本人说入职前放弃了',
    });
    expect(res.ok).toBe(true);
    expect(res.data.person).toMatchObject({
      status: 'registered',
      followUp: { intervalLabel: '每月' },
    });
    expect(store('hire_confirmations').find({ _id: applicationId })[0]).toMatchObject({
      status: 'notEmployed',
      note: '本人说入职前放弃了',
    });
    expect(store('registration_log').find({ registrationId, event: 'employ' })).toEqual([]);
  });

  it('only the person’s own caseworker sees and confirms it', async () => {
    const { applicationId } = await hired('wx-hire-c', '入职丙');
    expect((await as(OTHER_CASEWORKER)('tasks', {})).data.tasks).toEqual([]);
    const writes = cloud.writeCount();
    for (const payload of [
      { applicationId, employed: true, note: '' },
      { applicationId: 'no-such-application', employed: true, note: '' },
    ]) {
      expect(await as(OTHER_CASEWORKER)('confirmHire', payload)).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
    }
    expect(cloud.writeCount()).toBe(writes);
    expect(store('hire_confirmations').find({ _id: applicationId })[0]).toMatchObject({
      status: 'pending',
    });
  });

  it('a hire of someone no longer registered opens no task', async () => {
    const registrationId = await registered(
      cloud,
      'wx-hire-d',
      makeSeeker({ name: '入职丁' }).sections,
    );
    const vacancyId = addVacancy(cloud);
    const applied = await callAs('wx-hire-d')('jobs', 'apply', { vacancyId });
    const applicationId = applied.data.application.id;
    // Found work meanwhile, recorded by the caseworker.
    const contact = await zhang()('recordContact', {
      registrationId,
      kind: 'followUp',
      channel: 'phone',
      outcome: 'reached',
      situation: 'employed',
      note: '已在别处就业',
    });
    expect(contact.ok).toBe(true);
    const employer = callAs(AS.employer);
    for (const [event, note] of [
      ['invite', '面试'],
      ['offer', ''],
      ['hire', ''],
    ]) {
      await employer('jobs', 'moveApplication', { applicationId, event, note });
    }
    expect(store('hire_confirmations').find({ _id: applicationId })).toEqual([]);
  });
});

describe('a pushed position to tell the person about', () => {
  async function pushedInApp(openid: string) {
    const registrationId = await registered(
      cloud,
      openid,
      makeSeeker({ name: '告知测试' }).sections,
    );
    const vacancyId = addVacancy(cloud, { title: '分拣员' });
    recommend(cloud, registrationId, [vacancyId]);
    await cloud.scheduler.runTimer('push', START);
    const [push] = store('pushes').find({ registrationId });
    expect(push).toMatchObject({ caseworkerTask: true, channel: 'inApp' });
    return { registrationId, pushId: String(push!._id) };
  }

  it('is listed with the person, shows in the timeline, and leaves the list once told', async () => {
    const { registrationId, pushId } = await pushedInApp('wx-tell-a');
    const listed = await zhang()('tasks', {});
    expect(listed.data.tasks).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: pushId,
          kind: 'tellPush',
          personName: '告知测试',
          title: expect.stringContaining('分拣员'),
        }),
      ]),
    );
    const page = await zhang()('person', { registrationId });
    expect(page.data.timeline).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          source: 'push',
          label: '推送岗位：分拣员',
          reason: expect.stringContaining('待电话或微信告知'),
        }),
      ]),
    );
    expect(page.data.person.pushPlan).toMatchObject({ pushes: 1 });
    expect(page.data.person.progress131.jobIntroduction.done).toBe(1);

    const told = await zhang()('markTold', { pushId, channel: 'phone' });
    expect(told.ok).toBe(true);
    expect(told.data.tasks).toEqual([]);
    expect(told.data.timeline).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ source: 'push', reason: expect.stringContaining('已电话告知') }),
      ]),
    );
    expect(store('pushes').find({ _id: pushId })[0]).toMatchObject({
      toldBy: AS.caseworker,
      toldChannel: 'phone',
      toldAt: START,
    });
    expect((await zhang()('tasks', {})).data.tasks.map((t: any) => t.id)).not.toContain(pushId);

    const writes = cloud.writeCount();
    expect(await zhang()('markTold', { pushId, channel: 'wechat' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(cloud.writeCount()).toBe(writes);
  });

  it('another caseworker cannot mark it; a push WeChat delivered needs no telling', async () => {
    const { pushId } = await pushedInApp('wx-tell-b');
    const writes = cloud.writeCount();
    expect(await as(OTHER_CASEWORKER)('markTold', { pushId, channel: 'phone' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(cloud.writeCount()).toBe(writes);

    const registrationId = await registered(
      cloud,
      'wx-tell-c',
      makeSeeker({ name: '订阅' }).sections,
    );
    recommend(cloud, registrationId, [addVacancy(cloud)]);
    cloud.grantSubscription('wx-tell-c', 'local-jobRecommendation');
    await callAs('wx-tell-c')('push', 'consent', {
      templateIds: ['local-jobRecommendation'],
    });
    // A later day: today's pass is done.
    const next = new Date('2026-03-03T02:00:00Z');
    jest.setSystemTime(next);
    await cloud.scheduler.runTimer('push', next);
    const [delivered] = store('pushes').find({ registrationId });
    expect(delivered).toMatchObject({ channel: 'subscription', caseworkerTask: false });
    expect(await zhang()('markTold', { pushId: delivered!._id, channel: 'phone' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });
});
