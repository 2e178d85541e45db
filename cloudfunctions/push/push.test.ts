/**
 * The push run (issue 5, Pushes): each registered seeker's month is topped up from their
 * recommendations — 3 positions spread over the month (000 §4(6)), a 公益性岗位 for 就业困难人员, a
 * 见习岗位 for recent graduates (000 §5(3)) — never a closed or expired vacancy, never the same one
 * twice however often or concurrently the run goes; by subscription message while the person has
 * quota, else in the app with a task for their caseworker; months on the Shanghai calendar.
 */
import type { LocalCloud } from '@nuanxin/local';
import type { ActionName, FunctionName } from '@nuanxin/shared';

import { addStaff, fixClock, makeGraduate, makeSeeker, registered } from '../test/registration';
import { AS, caller as callerOf, seededCloud } from '../test/support';

import { addVacancy as fixtureVacancy, recommend as fixtureRecommend } from './fixtures';

// Sunday 2026-03-01 10:00 in Shanghai (02:00 UTC): the first day of a 31-day month.
const MARCH_1 = new Date('2026-03-01T02:00:00Z');
const TEMPLATE = 'local-jobRecommendation';

let cloud: LocalCloud;
beforeEach(async () => {
  fixClock(MARCH_1);
  cloud = await seededCloud();
});
afterEach(async () => {
  jest.useRealTimers();
  delete process.env.NUANXIN_TIMER_BUDGET_MS;
  await cloud.close();
});
/** Calls any function as `openid`; answers are read loosely, as the assertions say what must hold. */
function callAs(openid: string) {
  const call = callerOf(cloud, openid);
  return (fn: FunctionName, action: string, payload: unknown = {}): Promise<any> =>
    call(fn, action as never, payload);
}

/** Shanghai 10:00 of a March (or later) day, as an instant. */
const day = (date: string, time = '10:00') => new Date(`${date}T${time}:00+08:00`);

function as(openid: string) {
  const call = callerOf(cloud, openid);
  return (action: ActionName<'push'>, payload: unknown = {}): Promise<any> =>
    call('push', action, payload);
}

async function run(at: Date) {
  jest.setSystemTime(at);
  return cloud.scheduler.runTimer('push', at);
}

const store = (name: string) => cloud.store.collection(name);
const pushesOf = (registrationId: string) =>
  store('pushes')
    .find({ registrationId })
    .sort((a: any, b: any) => +new Date(a.at) - +new Date(b.at)) as any[];

const addVacancy = (over: Record<string, unknown> = {}) => fixtureVacancy(cloud, over);
const recommend = (
  registrationId: string,
  vacancyIds: string[],
  extras: { publicWelfare?: string; internship?: string } = {},
) => fixtureRecommend(cloud, registrationId, vacancyIds, extras);

let hires = 0;
/** `n` applications to the vacancy marked hired by its employer (a fixture). */
function hire(vacancyId: string, n: number) {
  const [v] = store('vacancies').find({ _id: vacancyId });
  for (let i = 0; i < n; i += 1) {
    hires += 1;
    store('applications').insert({
      vacancyId,
      companyId: v!.companyId,
      openid: `wx-push-hired-${hires}`,
      registrationId: `reg-push-hired-${hires}`,
      status: 'hired',
      appliedAt: new Date(),
      updatedAt: new Date(),
    });
  }
}

async function person(openid: string, over: Parameters<typeof makeSeeker>[0] = {}) {
  return registered(cloud, openid, makeSeeker({ name: '推送测试', ...over }).sections);
}

async function planOf(registrationId: string) {
  const res = await callAs(AS.caseworker)('casework', 'person', { registrationId });
  expect(res.ok).toBe(true);
  return res.data.person;
}

describe('the monthly plan', () => {
  it('one position on the 1st, the second around the 11th, the third around the 21st: met, and counted in "131"', async () => {
    const id = await person('wx-push-a');
    const [v1, v2, v3, v4] = [addVacancy(), addVacancy(), addVacancy(), addVacancy()];
    recommend(id, [v1, v2, v3, v4]);

    await run(day('2026-03-01'));
    expect(pushesOf(id).map((p) => p.vacancyId)).toEqual([v1]);
    expect(pushesOf(id)[0]).toMatchObject({
      _id: `${id}:${v1}`,
      month: '2026-03',
      channel: 'inApp',
      caseworkerTask: true,
      basis: 'recommended',
      publicWelfare: false,
      internship: false,
    });
    // Nothing more until the next slot, however often the run goes.
    await run(day('2026-03-01', '15:00'));
    await run(day('2026-03-05'));
    await run(day('2026-03-10'));
    expect(pushesOf(id)).toHaveLength(1);
    expect((await planOf(id)).pushPlan).toMatchObject({ pushes: 1, state: 'onTrack' });

    await run(day('2026-03-11'));
    expect(pushesOf(id).map((p) => p.vacancyId)).toEqual([v1, v2]);
    await run(day('2026-03-21'));
    expect(pushesOf(id).map((p) => p.vacancyId)).toEqual([v1, v2, v3]);
    await run(day('2026-03-28'));
    expect(pushesOf(id)).toHaveLength(3);

    const entry = await planOf(id);
    expect(entry.pushPlan).toMatchObject({
      pushes: 3,
      target: 3,
      state: 'met',
      stateLabel: '已完成',
    });
    expect(entry.progress131.jobIntroduction).toMatchObject({ done: 3, met: true });
  });

  it('a new registrant late in the month catches up at once', async () => {
    jest.setSystemTime(day('2026-03-25'));
    const id = await person('wx-push-late');
    const ids = [addVacancy(), addVacancy(), addVacancy(), addVacancy()];
    recommend(id, ids);
    await run(day('2026-03-25'));
    expect(pushesOf(id).map((p) => p.vacancyId)).toEqual(ids.slice(0, 3));
    expect((await planOf(id)).pushPlan.state).toBe('met');
  });

  it('the month is Shanghai’s: 00:30 on April 1st in Shanghai is still March 31st in UTC', async () => {
    jest.setSystemTime(day('2026-03-31', '20:00'));
    const id = await person('wx-push-month');
    const ids = [addVacancy(), addVacancy(), addVacancy(), addVacancy(), addVacancy()];
    recommend(id, ids);

    // 23:30 on March 31st in Shanghai: the last day of March, everything owed goes out.
    await run(new Date('2026-03-31T15:30:00Z'));
    expect(pushesOf(id).map((p) => p.month)).toEqual(['2026-03', '2026-03', '2026-03']);
    // An hour later it is April in Shanghai (still March in UTC): a new month, a new plan.
    const april = new Date('2026-03-31T16:30:00Z');
    await run(april);
    const pushes = pushesOf(id);
    expect(pushes).toHaveLength(4);
    expect(pushes[3]).toMatchObject({ month: '2026-04', vacancyId: ids[3] });
    expect((await planOf(id)).pushPlan).toMatchObject({
      month: '2026-04',
      pushes: 1,
      state: 'onTrack',
    });
  });
});

describe('what is pushed', () => {
  it('never an expired, paused, closed, past-date, unverified-company or applied-to vacancy', async () => {
    jest.setSystemTime(day('2026-03-25'));
    const id = await person('wx-push-never');
    const bad = [
      addVacancy({ status: 'expired', validUntil: '2026-03-20' }),
      addVacancy({ status: 'paused' }),
      addVacancy({ status: 'closed', closeReason: 'filled' }),
      // Still 'published' until the nightly expiry run, but its last day has passed.
      addVacancy({ validUntil: '2026-03-24' }),
      addVacancy({ status: 'pendingReview' }),
    ];
    const unverified = store('companies').insert({
      name: '济宁未核验有限公司',
      uscc: '91370800MA00000000',
      industry: 'C',
      township: '370811002',
      status: 'pending',
      createdAt: new Date(),
      updatedAt: new Date(),
    });
    bad.push(addVacancy({ companyId: unverified }));
    const applied = addVacancy();
    const good = addVacancy();
    recommend(id, [...bad, applied, good]);
    const res = await callAs('wx-push-never')('jobs', 'apply', { vacancyId: applied });
    expect(res.ok).toBe(true);

    await run(day('2026-03-25'));
    const pushed = pushesOf(id).map((p) => p.vacancyId);
    expect(pushed[0]).toBe(good);
    for (const v of [...bad, applied]) expect(pushed).not.toContain(v);
    // Nothing else recommended is open: the rest are new positions near them, said so.
    expect(
      pushesOf(id)
        .slice(1)
        .every((p) => p.basis === 'nearby'),
    ).toBe(true);
    // Everything pushed was open when pushed.
    for (const vacancyId of pushed) {
      const [v] = store('vacancies').find({ _id: vacancyId });
      expect(v).toMatchObject({ status: 'published' });
      expect(String(v!.validUntil) >= '2026-03-25').toBe(true);
    }
  });

  it('never a vacancy the employer already invited them to apply to', async () => {
    jest.setSystemTime(day('2026-03-25'));
    const id = await person('wx-push-invited');
    const invited = addVacancy();
    const good = addVacancy();
    recommend(id, [invited, good]);
    const agreed = await callAs('wx-push-invited')('matching', 'setPreferences', {
      personalised: true,
      suggestToEmployers: true,
    });
    expect(agreed.ok).toBe(true);
    // The invitation went out as a "岗位推荐" message already (and used a subscription if any).
    const res = await callAs(AS.employer)('matching', 'inviteCandidate', {
      vacancyId: invited,
      candidateId: id,
    });
    expect(res.data).toMatchObject({ invited: true });

    await run(day('2026-03-25'));
    const pushed = pushesOf(id).map((p) => p.vacancyId);
    expect(pushed[0]).toBe(good);
    expect(pushed).not.toContain(invited);
  });

  it('never a vacancy filled since it was ranked: as many hired as its headcount', async () => {
    jest.setSystemTime(day('2026-03-25'));
    const id = await person('wx-push-full');
    const full = addVacancy({ title: '已招满岗位', headcount: 1 });
    const room = addVacancy({ title: '还差一人', headcount: 2 });
    const other = addVacancy();
    recommend(id, [full, room, other]);
    // Hired after the nightly ranking (the recommendation still names them).
    hire(full, 1);
    hire(room, 1);

    await run(day('2026-03-25'));
    const pushed = pushesOf(id).map((p) => p.vacancyId);
    expect(pushed).not.toContain(full);
    expect(pushed.slice(0, 2)).toEqual([room, other]);
    // Nor as a new position near them (the non-personalised list reads fullness the same way).
    const off = await person('wx-push-full-off', { township: '370811002' });
    store('match_preferences').insert({
      _id: 'wx-push-full-off',
      personalised: false,
      suggestToEmployers: false,
      updatedAt: new Date(),
    });
    await run(day('2026-03-26'));
    expect(pushesOf(off).length).toBeGreaterThan(0);
    expect(pushesOf(off).map((p) => p.vacancyId)).not.toContain(full);
  });

  it('a 就业困难人员 gets a 公益性岗位 first; a recent graduate a 见习岗位; nobody else gets either', async () => {
    // A woman of 52 is 大龄 and so 就业困难 (province rule).
    const difficult = await person('wx-push-difficult', { age: 52 });
    const graduate = await registered(
      cloud,
      'wx-push-graduate',
      makeGraduate({ name: '推送毕业生' }).sections,
    );
    const ordinary = await person('wx-push-ordinary');
    const welfare = addVacancy({ title: '社区公益岗', flags: { publicWelfare: true } });
    const intern = addVacancy({ title: '见习文员', flags: { internship: true } });
    const plain = [addVacancy(), addVacancy(), addVacancy()];
    recommend(difficult, plain, { publicWelfare: welfare });
    recommend(graduate, plain, { internship: intern });
    // A list that (wrongly) names both for an ordinary seeker: the run still holds the rule.
    recommend(ordinary, [welfare, intern, ...plain]);

    await run(day('2026-03-01'));
    expect(pushesOf(difficult).map((p) => p.vacancyId)).toEqual([welfare]);
    expect(pushesOf(difficult)[0]).toMatchObject({ publicWelfare: true });
    expect(pushesOf(graduate).map((p) => p.vacancyId)).toEqual([intern]);
    expect(pushesOf(graduate)[0]).toMatchObject({ internship: true });
    expect(pushesOf(ordinary).map((p) => p.vacancyId)).toEqual([plain[0]]);

    await run(day('2026-03-21'));
    expect(pushesOf(difficult).map((p) => p.vacancyId)).toEqual([welfare, plain[0], plain[1]]);
    const plan = (await planOf(difficult)).pushPlan;
    expect(plan).toMatchObject({ state: 'met', publicWelfare: { done: 1, required: true } });
    expect(pushesOf(ordinary).map((p) => p.vacancyId)).not.toContain(welfare);
    expect(pushesOf(ordinary).map((p) => p.vacancyId)).not.toContain(intern);
  });

  it('personalised recommendations off: the newest open positions near them, and the message says so', async () => {
    const id = await person('wx-push-off', { township: '370811002' });
    const recommended = addVacancy({ title: '按画像推荐的岗位' });
    recommend(id, [recommended]);
    store('match_preferences').insert({
      _id: 'wx-push-off',
      personalised: false,
      suggestToEmployers: false,
      updatedAt: new Date(),
    });
    jest.setSystemTime(day('2026-03-02'));
    const newest = addVacancy({ title: '附近最新岗位' });

    await run(day('2026-03-02'));
    const [push] = pushesOf(id);
    expect(push).toMatchObject({ vacancyId: newest, basis: 'nearby', reasons: [] });
    const [message] = store('messages').find({ openid: 'wx-push-off', kind: 'jobRecommendation' });
    expect(message).toMatchObject({ title: '附近新岗位：附近最新岗位' });
    expect(String(message!.body)).toContain('您已关闭个性化推荐');
    expect(String(message!.page)).toBe(`packages/seeker/jobs/detail/index?id=${newest}`);
  });

  it('the in-app message names the position, the pay, the place and the reasons', async () => {
    const id = await person('wx-push-words');
    const v = addVacancy({ title: '仓储管理员', salaryMin: 3500, salaryMax: 5000 });
    recommend(id, [v]);
    await run(day('2026-03-01'));
    const [message] = store('messages').find({
      openid: 'wx-push-words',
      kind: 'jobRecommendation',
    });
    expect(message).toMatchObject({
      title: '为您推荐岗位：仓储管理员',
      reason: 'noQuota',
      page: `packages/seeker/jobs/detail/index?id=${v}`,
    });
    expect(String(message!.body)).toContain('3500-5000元/月');
    expect(String(message!.body)).toContain('推荐理由：意向职业一致：仓储管理员；');
  });
});

describe('delivery', () => {
  it('with quota: one "岗位推荐" subscription message per consent, fields cut to WeChat limits; then the inbox and the caseworker', async () => {
    jest.setSystemTime(day('2026-03-25'));
    const id = await person('wx-push-sub');
    const long = addVacancy({ title: '一个名字非常非常非常非常非常长的仓储物流管理岗位' });
    recommend(id, [long, addVacancy(), addVacancy()]);
    // The tap: WeChat records the consent; the client reports the accepted id.
    cloud.grantSubscription('wx-push-sub', TEMPLATE);
    const consent = await as('wx-push-sub')('consent', { templateIds: [TEMPLATE] });
    expect(consent).toEqual({ ok: true, data: { accepted: true, remaining: 1 } });

    await run(day('2026-03-25'));
    const pushes = pushesOf(id);
    expect(pushes.map((p) => [p.channel, p.caseworkerTask])).toEqual([
      ['subscription', false],
      ['inApp', true],
      ['inApp', true],
    ]);
    const sent = cloud.outbox().filter((m) => m.touser === 'wx-push-sub');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      templateId: TEMPLATE,
      page: `packages/seeker/jobs/detail/index?id=${long}`,
    });
    for (const [key, field] of Object.entries(sent[0]!.data)) {
      if (key.startsWith('thing')) expect([...field.value].length).toBeLessThanOrEqual(20);
    }
    expect(sent[0]!.data.thing1!.value.endsWith('…')).toBe(true);
    expect(store('push_subscriptions').find({ _id: 'wx-push-sub' })[0]).toMatchObject({
      remaining: 0,
    });
    expect(store('messages').count({ openid: 'wx-push-sub', kind: 'jobRecommendation' })).toBe(2);
  });

  it('43101: WeChat has no quota after all — our count goes to zero, the inbox and the caseworker take over', async () => {
    const id = await person('wx-push-43101');
    recommend(id, [addVacancy(), addVacancy()]);
    // Reported as accepted, but WeChat never recorded it (or it was spent elsewhere).
    await as('wx-push-43101')('consent', { templateIds: [TEMPLATE] });
    expect(store('push_subscriptions').find({ _id: 'wx-push-43101' })[0]).toMatchObject({
      remaining: 1,
    });

    await run(day('2026-03-01'));
    expect(pushesOf(id)).toEqual([
      expect.objectContaining({ channel: 'inApp', caseworkerTask: true, toldAt: null }),
    ]);
    expect(cloud.outbox().filter((m) => m.touser === 'wx-push-43101')).toEqual([]);
    expect(store('push_subscriptions').find({ _id: 'wx-push-43101' })[0]).toMatchObject({
      remaining: 0,
      zeroedAt: day('2026-03-01'),
    });
    expect(store('messages').find({ openid: 'wx-push-43101', kind: 'jobRecommendation' })).toEqual([
      expect.objectContaining({
        reason: 'noQuota',
        title: expect.stringContaining('为您推荐岗位'),
      }),
    ]);
    // The caseworker's task, on their tasks page and the person's page.
    const tasks = await callAs(AS.caseworker)('casework', 'tasks', {});
    expect(tasks.data.tasks).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'tellPush',
          kindLabel: '请电话或微信告知',
          registrationId: id,
          id: pushesOf(id)[0]._id,
        }),
      ]),
    );
    expect(
      (await callAs(AS.caseworker)('casework', 'person', { registrationId: id })).data.tasks,
    ).toEqual([expect.objectContaining({ kind: 'tellPush', registrationId: id })]);
  });

  it('nobody who withdrew their consent to data processing gets pushes', async () => {
    const id = await person('wx-push-withdrawn');
    recommend(id, [addVacancy()]);
    const res = await callAs('wx-push-withdrawn')('registration', 'withdrawConsent', {});
    expect(res.ok).toBe(true);
    await run(day('2026-03-01'));
    expect(pushesOf(id)).toEqual([]);
  });
});

describe('idempotency', () => {
  it('concurrent runs push each position once and tell each person once', async () => {
    jest.setSystemTime(day('2026-03-25'));
    const id = await person('wx-push-race');
    const ids = [addVacancy(), addVacancy(), addVacancy(), addVacancy()];
    recommend(id, ids);
    cloud.grantSubscription('wx-push-race', TEMPLATE, 5);
    for (let i = 0; i < 5; i += 1) await as('wx-push-race')('consent', { templateIds: [TEMPLATE] });

    const at = day('2026-03-25');
    await Promise.all([
      cloud.scheduler.runTimer('push', at),
      cloud.scheduler.runTimer('push', at),
      cloud.scheduler.runTimer('push', at),
    ]);
    expect(pushesOf(id).map((p) => p.vacancyId)).toEqual(ids.slice(0, 3));
    expect(cloud.outbox().filter((m) => m.touser === 'wx-push-race')).toHaveLength(3);
    // Run again, later the same day and concurrently: nothing more for anyone today.
    const later = day('2026-03-25', '15:00');
    await Promise.all([
      cloud.scheduler.runTimer('push', later),
      cloud.scheduler.runTimer('push', later),
    ]);
    expect(pushesOf(id)).toHaveLength(3);

    // Over the whole city, from what reached people rather than from the push records' ids:
    // every (person, vacancy) was told exactly once — a WeChat message or an inbox message, never
    // both, never twice — and nobody was told of a position that has no push record.
    const told = new Map<string, number>();
    const tell = (openid: string, page: string | undefined) => {
      const vacancyId = /[?&]id=([^&]+)/.exec(page ?? '')?.[1] ?? '(no vacancy)';
      const key = `${openid} ${vacancyId}`;
      told.set(key, (told.get(key) ?? 0) + 1);
    };
    for (const m of cloud.outbox()) if (m.templateId === TEMPLATE) tell(m.touser, m.page);
    for (const m of store('messages').find({ kind: 'jobRecommendation' }) as any[]) {
      tell(m.openid, m.page);
    }
    const pushed = (store('pushes').find({}) as any[]).map((p) => `${p.openid} ${p.vacancyId}`);
    expect(pushed.length).toBeGreaterThan(3);
    expect([...told].filter(([, times]) => times !== 1)).toEqual([]);
    expect([...told.keys()].sort()).toEqual([...pushed].sort());
    // And no person holds more of this month's positions than the plan owed them by today.
    const perPerson = new Map<string, number>();
    for (const p of store('pushes').find({ month: '2026-03' }) as any[]) {
      perPerson.set(p.registrationId, (perPerson.get(p.registrationId) ?? 0) + 1);
    }
    expect(Math.max(...perPerson.values())).toBeLessThanOrEqual(3);
  });

  it('a run out of time resumes where it stopped; a finished pass waits for the next day', async () => {
    // 120 more registered people (copies of a registered demo person) make two pages.
    const [template] = store('registrations').find({ status: 'registered' });
    for (let i = 0; i < 120; i += 1) {
      const { _id, ...rest } = template as any;
      store('registrations').insert({
        ...rest,
        openid: `wx-push-page-${i}`,
        activeKey: `id:push-page-${i}`,
        caseworkerOpenid: null,
      });
    }
    process.env.NUANXIN_TIMER_BUDGET_MS = '0';
    const at = day('2026-03-01');
    await run(at);
    const [job] = store('jobs').find({ _id: 'push.topUp' });
    expect(job).toMatchObject({ lastCompletedAt: null, processed: 100 });
    const cursor = String(job!.cursor);
    const firstPeople = new Set(
      store('pushes')
        .find({})
        .map((p: any) => p.registrationId),
    );
    expect(firstPeople.size).toBeGreaterThan(0);
    for (const id of firstPeople) expect(id <= cursor).toBe(true);

    await run(day('2026-03-01', '11:00'));
    const open = store('registrations').count({ status: { $in: ['submitted', 'registered'] } });
    expect(store('jobs').find({ _id: 'push.topUp' })[0]).toMatchObject({
      cursor: null,
      lastCompletedAt: day('2026-03-01', '11:00'),
      processed: open,
    });
    // The second run took up after the cursor: nobody of the first page was handled again.
    const later = store('pushes')
      .find({ at: day('2026-03-01', '11:00') })
      .map((p: any) => p.registrationId);
    expect(later.length).toBeGreaterThan(0);
    for (const id of later) expect(id > cursor).toBe(true);
    const total = store('pushes').count({});

    await run(day('2026-03-01', '12:00'));
    expect(store('pushes').count({})).toBe(total);
  });
});

describe('consent, my pushes and the statistics', () => {
  it('counts one push per acceptance of the configured template, never of another id', async () => {
    const seeker = as(AS.citizen);
    expect(await seeker('consent', { templateIds: ['tmpl-from-elsewhere'] })).toEqual({
      ok: true,
      data: { accepted: false, remaining: 0 },
    });
    expect(store('push_subscriptions').count({})).toBe(0);
    await seeker('consent', { templateIds: [TEMPLATE] });
    expect(await seeker('consent', { templateIds: ['other', TEMPLATE] })).toEqual({
      ok: true,
      data: { accepted: true, remaining: 2 },
    });
    expect((await seeker('mine', {})).data).toMatchObject({ remaining: 2, pushes: [] });
  });

  it('the seeker sees this month’s pushes with how they were chosen', async () => {
    const id = await person('wx-push-mine');
    const v = addVacancy({ title: '我的推送岗位' });
    recommend(id, [v]);
    await run(day('2026-03-01'));
    const mine = await as('wx-push-mine')('mine', {});
    expect(mine.data).toMatchObject({
      month: '2026-03',
      registered: true,
      remaining: 0,
      pushes: [
        {
          vacancyId: v,
          title: '我的推送岗位',
          channel: 'inApp',
          channelLabel: '站内消息',
          basis: 'recommended',
          reasons: expect.arrayContaining(['意向职业一致：仓储管理员']),
        },
      ],
    });
    // Another seeker sees none of them.
    expect((await as(AS.citizen)('mine', {})).data.pushes).toEqual([]);
  });

  it('推送提供就业岗位数 by township, drilling down to the people (audited); only in the supervisor’s scope', async () => {
    const id = await person('wx-push-stats', { township: '370811002', name: '统计测试' });
    recommend(id, [addVacancy()]);
    await run(day('2026-03-01'));
    const supervisor = callAs(AS.supervisor);

    const all = await supervisor('push', 'stats', { month: '2026-03' });
    expect(all.ok).toBe(true);
    const row = all.data.townships.find((t: any) => t.township === '370811002');
    expect(row).toMatchObject({ townshipLabel: '任城区 许庄街道' });
    const inTownship = store('pushes').find({ month: '2026-03', township: '370811002' });
    expect(row.pushes).toBe(inTownship.length);
    expect(all.data.total).toBe(all.data.townships.reduce((n: number, t: any) => n + t.pushes, 0));
    expect(all.data.details).toBeNull();

    const drill = await supervisor('push', 'stats', { month: '2026-03', township: '370811002' });
    const mine = drill.data.details.find((p: any) => p.registrationId === id);
    expect(mine).toMatchObject({
      name: '统计测试',
      townshipLabel: '任城区 许庄街道',
      pushes: [expect.objectContaining({ channelLabel: '站内消息', basisLabel: '个性化推荐' })],
    });
    expect(drill.data.details.reduce((n: number, p: any) => n + p.pushes.length, 0)).toBe(
      row.pushes,
    );
    expect(store('audit_log').find({ action: 'push.stats' })).toEqual([
      expect.objectContaining({ actorOpenid: AS.supervisor }),
    ]);

    // Another month: nothing; a township outside the supervisor's scope: refused, nothing written.
    expect((await supervisor('push', 'stats', { month: '2026-02' })).data.total).toBe(0);
    addStaff(cloud, {
      openid: 'wx-supervisor-yanzhou',
      role: 'supervisor',
      org: 'employment',
      townships: ['370812001'],
    });
    const before = cloud.writeCount();
    expect(
      await callAs('wx-supervisor-yanzhou')('push', 'stats', { township: '370811002' }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(cloud.writeCount()).toBe(before);
    const yanzhou = await callAs('wx-supervisor-yanzhou')('push', 'stats', {});
    expect(yanzhou.data.townships.map((t: any) => t.township)).not.toContain('370811002');
  });
  it('推送提供就业岗位数 also counts the caseworker’s job referrals, each position once per person, as "131" does', async () => {
    const id = await person('wx-push-ref', { township: '370811002', name: '推介测试' });
    const [v1, v2, v3] = [addVacancy(), addVacancy(), addVacancy()];
    recommend(id, [v1, v2]);
    await run(day('2026-03-01'));
    expect(pushesOf(id).map((p) => p.vacancyId)).toEqual([v1]);

    const refer = async (date: string, payload: Record<string, unknown>) => {
      jest.setSystemTime(day(date));
      const res = await callAs(AS.caseworker)('casework', 'recordContact', {
        registrationId: id,
        kind: 'jobReferral',
        channel: 'phone',
        ...payload,
      });
      expect(res.ok).toBe(true);
    };
    // The pushed position again by phone: the same position, not one more.
    await refer('2026-03-03', { vacancyId: v1 });
    // A platform position never pushed to them, and one elsewhere (named in the note).
    await refer('2026-03-04', { vacancyId: v3 });
    await refer('2026-03-05', { note: '社区保洁公益岗（许庄街道）', publicWelfare: true });

    const supervisor = callAs(AS.supervisor);
    const drill = await supervisor('push', 'stats', { month: '2026-03', township: '370811002' });
    expect(drill.ok).toBe(true);
    const mine = drill.data.details.find((p: any) => p.registrationId === id);
    expect(mine.pushes.map((p: any) => [p.vacancyId, p.channel])).toEqual([
      [v1, 'inApp'],
      [v3, 'referral'],
      [null, 'referral'],
    ]);
    expect(mine.pushes[1]).toMatchObject({
      channelLabel: '包保责任人推荐（电话）',
      basisLabel: '包保责任人推荐',
    });
    expect(mine.pushes[2]).toMatchObject({
      title: '平台外岗位（见服务记录）',
      publicWelfare: true,
    });
    // The same count as the person's monthly plan and "131".
    const entry = await planOf(id);
    expect(entry.pushPlan.pushes).toBe(mine.pushes.length);
    expect(entry.progress131.jobIntroduction.done).toBe(mine.pushes.length);

    // The township's number is its people's positions, split by how they were provided.
    const row = drill.data.townships.find((t: any) => t.township === '370811002');
    expect(row.pushes).toBe(
      drill.data.details.reduce((n: number, p: any) => n + p.pushes.length, 0),
    );
    expect(row.pushes).toBe(row.subscription + row.inApp + row.referrals);
    expect(row.referrals).toBe(2);
    expect(drill.data.total).toBe(
      drill.data.townships.reduce((n: number, t: any) => n + t.pushes, 0),
    );

    // Next month: the position pushed in March, referred again, is not new; another one is.
    await refer('2026-04-02', { vacancyId: v1 });
    await refer('2026-04-02', { vacancyId: v2 });
    const april = await supervisor('push', 'stats', { month: '2026-04', township: '370811002' });
    const inApril = april.data.details.find((p: any) => p.registrationId === id);
    expect(inApril.pushes.map((p: any) => p.vacancyId)).toEqual([v2]);
    expect((await planOf(id)).pushPlan).toMatchObject({ month: '2026-04', pushes: 1 });

    // Outside a supervisor's townships, referrals are no more visible than pushes.
    addStaff(cloud, {
      openid: 'wx-supervisor-yanzhou-2',
      role: 'supervisor',
      org: 'employment',
      townships: ['370812001'],
    });
    const yanzhou = await callAs('wx-supervisor-yanzhou-2')('push', 'stats', { month: '2026-03' });
    expect(yanzhou.data.townships.map((t: any) => t.township)).not.toContain('370811002');
  });
});
