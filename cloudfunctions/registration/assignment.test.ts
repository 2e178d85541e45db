/**
 * 包保 assignment end to end (000 §1(5)): the caseworker covering the person's township, of the
 * right organisation (graduates within 2 years → 人才服务中心, others → 就业中心), under their cap,
 * least loaded first, ties to the smaller openid; nobody fits → the supervisor's unassigned
 * queue; a supervisor's reassignment ends the old membership and keeps it.
 *
 * 兖州区 (370812) has one seeded employment caseworker, demo-caseworker-370812, with nobody yet.
 */
import type { LocalCloud } from '@nuanxin/local';

import {
  addStaff,
  consent,
  daysAgo,
  makeGraduate,
  makeSeeker,
  register,
  registered,
  callAs,
} from '../test/registration';
import { seededCloud } from '../test/support';

let cloud: LocalCloud;
beforeEach(async () => {
  cloud = await seededCloud();
});
afterEach(async () => {
  await cloud.close();
});

const YANZHOU = '370812001';
const YANZHOU_CASEWORKER = 'demo-caseworker-370812';
const call = (openid: string) => callAs(cloud, openid);
const caseworkerOf = (id: string) =>
  cloud.store.collection('registrations').find({ _id: id })[0]!.caseworkerOpenid;

describe('on submit', () => {
  it('the caseworker covering the township is chosen (coverage)', async () => {
    const id = await registered(cloud, 'wx-a1', makeSeeker({ township: YANZHOU }).sections);
    expect(caseworkerOf(id)).toBe(YANZHOU_CASEWORKER);
    const other = await registered(cloud, 'wx-a2', makeSeeker({ township: '370829001' }).sections);
    expect(caseworkerOf(other)).toBe('demo-caseworker-370829');
  });

  it('least loaded first; a tie goes to the smaller openid, the same every time', async () => {
    // cw-a (no people) and demo-caseworker-370812 (no people) both cover 兖州: tie → 'cw-a'.
    addStaff(cloud, {
      openid: 'cw-a',
      role: 'caseworker',
      org: 'employment',
      townships: [YANZHOU],
    });
    const first = await registered(cloud, 'wx-t1', makeSeeker({ township: YANZHOU }).sections);
    expect(caseworkerOf(first)).toBe('cw-a');
    // Now cw-a has one: the other is less loaded.
    const second = await registered(cloud, 'wx-t2', makeSeeker({ township: YANZHOU }).sections);
    expect(caseworkerOf(second)).toBe(YANZHOU_CASEWORKER);
    const third = await registered(cloud, 'wx-t3', makeSeeker({ township: YANZHOU }).sections);
    expect(caseworkerOf(third)).toBe('cw-a');
  });

  it('graduates within 2 years go to the 人才服务中心, others to the 就业中心 (organisation)', async () => {
    const graduate = await registered(
      cloud,
      'wx-g1',
      makeGraduate({ township: '370811002' }).sections,
    );
    expect(caseworkerOf(graduate)).toBe('demo-talent-1');
    const adult = await registered(cloud, 'wx-g2', makeSeeker({ township: '370811002' }).sections);
    expect(caseworkerOf(adult)).toBe('demo-caseworker-370811');
    // The 市场服务中心 also covers 任城区 but serves enterprises, never seekers.
    expect(
      cloud.store.collection('caseload_memberships').count({ caseworkerOpenid: 'demo-market-1' }),
    ).toBe(0);
  });

  it('a caseworker at their cap takes nobody more; with nobody else the person is unassigned', async () => {
    addStaff(cloud, {
      openid: 'talent-yz',
      role: 'caseworker',
      org: 'talent',
      townships: [YANZHOU],
      caseloadCap: 1,
    });
    const first = await registered(cloud, 'wx-c1', makeGraduate({ township: YANZHOU }).sections);
    expect(caseworkerOf(first)).toBe('talent-yz');
    const second = await register(cloud, 'wx-c2', makeGraduate({ township: YANZHOU }).sections);
    expect(second).toMatchObject({ ok: true, data: { registration: { caseworker: null } } });
    expect(second.data.registration.nextSteps[0]).toContain('业务主管正在为您安排');
    const id = second.data.registration.id;
    expect(caseworkerOf(id)).toBeNull();
    expect(cloud.store.collection('caseload_memberships').count({ registrationId: id })).toBe(0);
    expect(
      cloud.store.collection('registration_log').find({ registrationId: id }).at(-1),
    ).toMatchObject({
      event: 'awaitAssignment',
    });
  });
});

describe("the supervisor's unassigned queue", () => {
  it('shows the unassigned people of the supervisor townships only; a city supervisor sees all', async () => {
    // The seed's 钱思远 (高新区 graduate; no 人才服务中心 caseworker there).
    const queue = await call('demo-supervisor')('registration', 'unassigned', {});
    expect(queue).toMatchObject({
      ok: true,
      data: { people: [{ name: '钱思远', tags: [{ key: 'recentGraduate' }] }] },
    });
    // A graduate in 兖州 (no talent caseworker) is outside this supervisor's townships…
    await registered(
      cloud,
      'wx-q1',
      makeGraduate({ township: YANZHOU, name: '兖州学生' }).sections,
    );
    const again = await call('demo-supervisor')('registration', 'unassigned', {});
    expect(again.data.people.map((p: any) => p.name)).toEqual(['钱思远']);
    // …but a city-level supervisor sees both, longest waiting first.
    addStaff(cloud, { openid: 'sup-city', role: 'supervisor', org: 'employment', townships: [] });
    const city = await call('sup-city')('registration', 'unassigned', {});
    expect(city.data.people.map((p: any) => p.name)).toEqual(['钱思远', '兖州学生']);
    expect(cloud.store.collection('audit_log').count({ action: 'registration.unassigned' })).toBe(
      3,
    );
  });

  it('caseworkers in scope come with their load and cap', async () => {
    const result = await call('demo-supervisor')('registration', 'caseworkers', {});
    expect(result.ok).toBe(true);
    const byOpenid = Object.fromEntries(result.data.caseworkers.map((c: any) => [c.openid, c]));
    expect(byOpenid['demo-caseworker-370811']).toMatchObject({
      name: '张敏',
      orgLabel: '就业中心',
      load: 3,
      cap: 200,
    });
    expect(byOpenid['demo-talent-1']).toMatchObject({ orgLabel: '人才服务中心', load: 0 });
    expect(byOpenid['demo-caseworker-370829']).toBeUndefined();
  });
});

describe('assign (supervisor)', () => {
  const qian = () =>
    cloud.store.collection('registrations').find({ openid: 'demo-citizen-9' })[0]!._id as string;
  // A 人才服务中心 caseworker who covers 钱思远's 高新区 township (the seed has none there).
  const TALENT_GX = 'talent-gx';
  beforeEach(() => {
    addStaff(cloud, {
      openid: TALENT_GX,
      role: 'caseworker',
      org: 'talent',
      townships: ['370871001'],
      displayName: '吴静',
    });
  });

  it('assigns from the queue, reassigns, never deletes history; the claim follows the person', async () => {
    const id = qian();
    const first = await call('demo-supervisor')('registration', 'assign', {
      registrationId: id,
      caseworkerOpenid: TALENT_GX,
      reason: '高新区人才服务中心新到岗',
    });
    expect(first).toMatchObject({
      ok: true,
      data: { caseworker: { name: '吴静', orgLabel: '人才服务中心' } },
    });
    expect(first.data.history.at(-1)).toMatchObject({
      event: 'assign',
      by: '业务主管 孙建国',
      reason: expect.stringContaining('吴静'),
    });
    const queue = await call('demo-supervisor')('registration', 'unassigned', {});
    expect(queue.data.people).toEqual([]);
    // The new caseworker has the person; the citizen is told.
    const talent = await call(TALENT_GX)('registration', 'listMine', {});
    expect(talent.data.people.map((p: any) => p.name)).toEqual(['钱思远']);
    expect(
      cloud.store.collection('messages').find({ openid: 'demo-citizen-9' }).at(-1),
    ).toMatchObject({
      body: expect.stringContaining('吴静'),
    });

    const second = await call('demo-supervisor')('registration', 'assign', {
      registrationId: id,
      caseworkerOpenid: 'demo-caseworker-370871',
      reason: '',
    });
    expect(second).toMatchObject({ ok: true, data: { caseworker: { orgLabel: '就业中心' } } });
    const memberships = cloud.store
      .collection('caseload_memberships')
      .find({ registrationId: id })
      .sort((a, b) => +new Date(a.startedAt as Date) - +new Date(b.startedAt as Date));
    expect(memberships).toEqual([
      expect.objectContaining({
        caseworkerOpenid: TALENT_GX,
        endReason: 'reassigned',
        endedAt: expect.any(Date),
      }),
      expect.objectContaining({
        caseworkerOpenid: 'demo-caseworker-370871',
        endReason: null,
        endedAt: null,
      }),
    ]);
    // The previous caseworker no longer reads the person.
    expect(
      await call(TALENT_GX)('registration', 'getPerson', { registrationId: id }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('assigning the caseworker the person already has changes nothing', async () => {
    const id = qian();
    const assign = () =>
      call('demo-supervisor')('registration', 'assign', {
        registrationId: id,
        caseworkerOpenid: TALENT_GX,
      });
    await assign();
    const memberships = cloud.store
      .collection('caseload_memberships')
      .count({ registrationId: id });
    const logs = cloud.store.collection('registration_log').count({ registrationId: id });
    const again = await assign();
    expect(again).toMatchObject({ ok: true, data: { caseworker: { name: '吴静' } } });
    expect(cloud.store.collection('caseload_memberships').count({ registrationId: id })).toBe(
      memberships,
    );
    expect(cloud.store.collection('registration_log').count({ registrationId: id })).toBe(logs);
  });

  it('the insurance claim is routed to the newly assigned caseworker (000 §1(6))', async () => {
    addStaff(cloud, { openid: 'sup-city', role: 'supervisor', org: 'employment', townships: [] });
    const id = await registered(
      cloud,
      'wx-claim',
      makeGraduate({
        township: YANZHOU,
        insured: true,
        claimInsurance: true,
        separationReason: 'resigned',
        separationDate: daysAgo(30),
      }).sections,
    );
    expect(cloud.store.collection('insurance_claims').find({ registrationId: id })).toEqual([
      expect.objectContaining({ caseworkerOpenid: null }),
    ]);
    await call('sup-city')('registration', 'assign', {
      registrationId: id,
      caseworkerOpenid: YANZHOU_CASEWORKER,
    });
    expect(cloud.store.collection('insurance_claims').find({ registrationId: id })).toEqual([
      expect.objectContaining({ caseworkerOpenid: YANZHOU_CASEWORKER }),
    ]);
  });

  it.each([
    ['someone who is not a caseworker', 'demo-admin'],
    ['an unknown account', 'wx-nobody'],
  ])('refuses %s with CONFLICT and writes nothing', async (_what, target) => {
    const before = cloud.writeCount();
    const result = await call('demo-supervisor')('registration', 'assign', {
      registrationId: qian(),
      caseworkerOpenid: target,
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', fields: { caseworkerOpenid: expect.any(String) } },
    });
    expect(cloud.writeCount()).toBe(before);
  });

  it('refuses a caseworker at their cap with CONFLICT and writes nothing', async () => {
    addStaff(cloud, {
      openid: 'cw-full',
      role: 'caseworker',
      org: 'employment',
      townships: ['370871001'],
      caseloadCap: 0,
    });
    const before = cloud.writeCount();
    const result = await call('demo-supervisor')('registration', 'assign', {
      registrationId: qian(),
      caseworkerOpenid: 'cw-full',
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('上限') },
    });
    expect(cloud.writeCount()).toBe(before);
  });

  it("a person outside the supervisor's townships is NOT_FOUND", async () => {
    const other = cloud.store.collection('registrations').find({ openid: 'demo-citizen-4' })[0]!
      ._id;
    const before = cloud.writeCount();
    const result = await call('demo-supervisor')('registration', 'assign', {
      registrationId: other,
      caseworkerOpenid: 'demo-caseworker-370811',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(cloud.writeCount()).toBe(before);
  });
});

describe('assign: only a caseworker who can follow the person', () => {
  const qian = () =>
    cloud.store.collection('registrations').find({ openid: 'demo-citizen-9' })[0]!._id as string;

  it.each([
    ['a 市场服务中心 caseworker (serves enterprises)', 'demo-market-1', '不承担求职者包保'],
    ["a caseworker who does not cover the person's township", 'demo-talent-1', '不负责'],
  ])('refuses %s with CONFLICT and writes nothing', async (_what, target, message) => {
    const before = cloud.writeCount();
    const result = await call('demo-supervisor')('registration', 'assign', {
      registrationId: qian(),
      caseworkerOpenid: target,
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: expect.stringContaining(message),
        fields: { caseworkerOpenid: expect.any(String) },
      },
    });
    expect(cloud.writeCount()).toBe(before);
  });

  it('the caseworkers list leaves out 市场服务中心 staff and says who covers a given person', async () => {
    const all = await call('demo-supervisor')('registration', 'caseworkers', {});
    expect(all.data.caseworkers.map((c: any) => c.openid)).not.toContain('demo-market-1');
    expect(all.data.caseworkers.every((c: any) => c.covers === undefined)).toBe(true);
    const forQian = await call('demo-supervisor')('registration', 'caseworkers', {
      registrationId: qian(),
    });
    const byOpenid = Object.fromEntries(forQian.data.caseworkers.map((c: any) => [c.openid, c]));
    expect(byOpenid['demo-caseworker-370871']).toMatchObject({ covers: true });
    expect(byOpenid['demo-talent-1']).toMatchObject({ covers: false });
  });
});

describe('the cap under concurrency', () => {
  it('10 concurrent submits into a cap-1 caseworker: exactly one assigned, the rest unassigned', async () => {
    addStaff(cloud, {
      openid: 'talent-yz',
      role: 'caseworker',
      org: 'talent',
      townships: [YANZHOU],
      caseloadCap: 1,
    });
    const openids = Array.from({ length: 10 }, (_, i) => `wx-race-${i}`);
    for (const openid of openids) {
      const c = call(openid);
      expect((await consent(cloud, openid)).ok).toBe(true);
      const saved = await c('registration', 'saveDraft', {
        step: 3,
        sections: makeGraduate({ township: YANZHOU }).sections,
      });
      expect(saved.ok).toBe(true);
    }
    const results = await Promise.all(openids.map((o) => call(o)('registration', 'submit', {})));
    expect(results.every((r) => r.ok)).toBe(true);
    const assigned = results.filter((r) => r.data.registration.caseworker !== null);
    expect(assigned).toHaveLength(1);
    expect(
      cloud.store
        .collection('caseload_memberships')
        .count({ caseworkerOpenid: 'talent-yz', endedAt: null }),
    ).toBe(1);
    expect(cloud.store.collection('caseload_counters').find({ _id: 'talent-yz' })).toEqual([
      expect.objectContaining({ open: 1 }),
    ]);
    const queue = await call('demo-supervisor')('registration', 'unassigned', {});
    expect(queue.ok).toBe(true);
    addStaff(cloud, { openid: 'sup-city', role: 'supervisor', org: 'employment', townships: [] });
    const city = await call('sup-city')('registration', 'unassigned', {});
    expect(city.data.people.filter((p: any) => p.township === YANZHOU)).toHaveLength(9);
  });
});
