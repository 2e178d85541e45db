/**
 * The citizen's rights over their own registration: correct it (PIPL 第46条), see its history,
 * export everything held about them and nothing about anyone else (PIPL 第45条), and cancel it.
 */
import type { LocalCloud } from '@nuanxin/local';

import { makeGraduate, makeSeeker, register, callAs } from '../test/registration';
import { seededCloud } from '../test/support';

let cloud: LocalCloud;
beforeEach(async () => {
  cloud = await seededCloud();
});
afterEach(async () => {
  await cloud.close();
});

const ME = 'wx-seeker-0002';
const call = (openid = ME) => callAs(cloud, openid);

describe('correct', () => {
  it('changes the allowed fields, keeps the rest, and logs which fields — not the values', async () => {
    const seeker = makeSeeker();
    await register(cloud, ME, seeker.sections);
    const result = await call()('registration', 'correct', {
      identity: { mobile: '13700001111', community: '新社区' },
    });
    expect(result).toMatchObject({
      ok: true,
      data: {
        registration: {
          draft: {
            identity: {
              mobile: '13700001111',
              community: '新社区',
              // Untouched fields stay as they were.
              location: seeker.sections.identity.location,
              idNumber: seeker.idNumber,
              name: seeker.sections.identity.name,
            },
          },
        },
      },
    });
    const history = await call()('registration', 'history', {});
    expect(history.ok && history.data.entries.map((e: any) => [e.event, e.by])).toEqual([
      ['submit', '本人'],
      ['assign', '系统'],
      ['correct', '本人'],
    ]);
    const corrected = history.ok && history.data.entries[2];
    expect(corrected.label).toBe('更正登记信息：手机号码、居住的社区或村');
    expect(JSON.stringify(history)).not.toContain('13700001111');
    const [log] = cloud.store.collection('registration_log').find({ event: 'correct' });
    expect(log).toMatchObject({ fields: ['identity.mobile', 'identity.community'] });
    expect(JSON.stringify(log)).not.toContain('13700001111');
  });

  it('name and ID number cannot be corrected online', async () => {
    await register(cloud, ME, makeSeeker().sections);
    const before = cloud.writeCount();
    const result = await call()('registration', 'correct', { identity: { name: '换个名字' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(cloud.writeCount()).toBe(before);
  });

  it('applies the strict checks: an unknown township is refused and nothing changes', async () => {
    await register(cloud, ME, makeSeeker().sections);
    const before = cloud.writeCount();
    const result = await call()('registration', 'correct', { identity: { township: '370811999' } });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { 'identity.township': expect.any(String) } },
    });
    expect(cloud.writeCount()).toBe(before);
  });

  it('a newly declared key group waits for verification; tags are derived again', async () => {
    const seeker = makeSeeker();
    const submitted = await register(cloud, ME, seeker.sections);
    expect(submitted.ok && submitted.data.registration.status).toBe('registered');
    const result = await call()('registration', 'correct', {
      declarations: { ...seeker.sections.declarations, dibao: true },
    });
    expect(result).toMatchObject({
      ok: true,
      data: {
        registration: {
          status: 'registered',
          pendingVerifications: [{ key: 'dibao', label: '低保家庭' }],
          tags: [],
        },
      },
    });
    const list = await call('demo-caseworker-370811')('registration', 'listMine', {});
    expect(list.ok && list.data.people[0]).toMatchObject({
      name: '测试女',
      pendingVerifications: [{ key: 'dibao' }],
    });
  });

  it('the same data again changes nothing and writes nothing', async () => {
    await register(cloud, ME, makeSeeker().sections);
    const before = cloud.writeCount();
    const result = await call()('registration', 'correct', { identity: { mobile: '13912345678' } });
    expect(result.ok).toBe(true);
    expect(cloud.writeCount()).toBe(before);
  });

  it('without a registration there is nothing to correct', async () => {
    await callAs(cloud, ME)('registration', 'giveConsent', { version: '2026-11-v1' });
    expect(
      await call()('registration', 'correct', { identity: { mobile: '13700001111' } }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('exportMine (个人信息查阅复制权)', () => {
  it("holds the caller's own data in full and nothing of anyone else", async () => {
    const seeker = makeSeeker({ insured: true, claimInsurance: true });
    await register(cloud, ME, seeker.sections);
    await call()('registration', 'correct', { identity: { mobile: '13700001111' } });
    const result = await call()('registration', 'exportMine', {});
    expect(result.ok).toBe(true);
    const { data } = result.data;
    expect(data.consents).toEqual([
      expect.objectContaining({ version: '2026-11-v1', withdrawnAt: null }),
    ]);
    expect(data.registrations).toEqual([
      expect.objectContaining({
        status: 'registered',
        identity: expect.objectContaining({ idNumber: seeker.idNumber, mobile: '13700001111' }),
        work: expect.objectContaining({ claimInsurance: true }),
      }),
    ]);
    expect(data.history.map((h: any) => h.event)).toEqual(['submit', 'assign', 'correct']);
    expect(data.caseworkers).toEqual([
      expect.objectContaining({
        caseworker: expect.objectContaining({ name: '张敏', orgLabel: '就业中心' }),
        endedAt: null,
      }),
    ]);
    expect(data.insuranceClaims).toHaveLength(1);
    expect(data.messages).toEqual([expect.objectContaining({ title: '失业登记：已登记' })]);

    const text = JSON.stringify(result);
    // Staff appear by name and organisation only; other people not at all.
    expect(text).not.toMatch(/demo-caseworker|demo-citizen|openid/i);
    for (const other of ['李秀英', '张伟', '孙丽', '370811********'])
      expect(text).not.toContain(other);
  });

  it('a citizen who never registered gets an empty export, not an error', async () => {
    const result = await call('wx-never')('registration', 'exportMine', {});
    expect(result).toMatchObject({
      ok: true,
      data: { data: { consents: [], registrations: [], history: [], messages: [] } },
    });
  });
});

describe('requestCancellation', () => {
  it('cancels with reason own request, ends the membership, frees the ID number, tells the person', async () => {
    const submitted = await register(cloud, ME, makeSeeker().sections);
    const id = submitted.ok && submitted.data.registration.id;
    const result = await call()('registration', 'requestCancellation', { note: '已找到工作' });
    expect(result).toMatchObject({
      ok: true,
      data: {
        registration: {
          status: 'cancelled',
          statusLabel: '已注销',
          closeReasonLabel: '本人申请注销',
          closedAt: expect.any(String),
          nextSteps: [expect.stringContaining('重新办理')],
        },
      },
    });
    const [stored] = cloud.store.collection('registrations').find({ _id: id });
    expect(stored).toMatchObject({ activeKey: `closed:${id}`, closeReason: 'ownRequest' });
    expect(cloud.store.collection('caseload_memberships').find({ registrationId: id })).toEqual([
      expect.objectContaining({ endedAt: expect.any(Date), endReason: 'cancelled' }),
    ]);
    const [log] = cloud.store
      .collection('registration_log')
      .find({ registrationId: id, event: 'cancel' });
    expect(log).toMatchObject({ from: 'registered', to: 'cancelled', reason: '已找到工作' });
    expect(
      cloud.store
        .collection('messages')
        .find({ openid: ME })
        .map((m) => m.title),
    ).toEqual(['失业登记：已登记', '失业登记：已注销']);
    // Off the caseworker's list.
    const list = await call('demo-caseworker-370811')('registration', 'listMine', {});
    expect(list.ok && list.data.people.map((p: any) => p.id)).not.toContain(id);
    // getMine shows the cancelled one; cancelling again finds nothing.
    expect(await call()('registration', 'getMine', {})).toMatchObject({
      ok: true,
      data: { registration: { status: 'cancelled' } },
    });
    const before = cloud.writeCount();
    expect(await call()('registration', 'requestCancellation', { note: '' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(cloud.writeCount()).toBe(before);
  });
});

describe('correct: 包保 and the insurance claim follow the corrected facts', () => {
  const memberships = (id: string) =>
    cloud.store
      .collection('caseload_memberships')
      .find({ registrationId: id })
      .sort((a, b) => +new Date(a.startedAt as Date) - +new Date(b.startedAt as Date));
  const claims = (id: string) =>
    cloud.store.collection('insurance_claims').find({ registrationId: id });

  it("moving to a township the caseworker does not cover ends the membership ('moved') and assigns again; the claim follows", async () => {
    const seeker = makeSeeker({ insured: true, claimInsurance: true });
    const id = (await register(cloud, ME, seeker.sections)).data.registration.id;
    expect(memberships(id)).toEqual([
      expect.objectContaining({ caseworkerOpenid: 'demo-caseworker-370811' }),
    ]);
    const result = await call()('registration', 'correct', {
      identity: { township: '370812001', community: '兖州社区' },
    });
    expect(result).toMatchObject({
      ok: true,
      data: { registration: { caseworker: { orgLabel: '就业中心' } } },
    });
    expect(memberships(id)).toEqual([
      expect.objectContaining({ caseworkerOpenid: 'demo-caseworker-370811', endReason: 'moved' }),
      expect.objectContaining({ caseworkerOpenid: 'demo-caseworker-370812', endedAt: null }),
    ]);
    expect(claims(id)).toEqual([
      expect.objectContaining({ caseworkerOpenid: 'demo-caseworker-370812' }),
    ]);
    expect(
      cloud.store.collection('caseload_counters').find({ _id: 'demo-caseworker-370812' }),
    ).toEqual([expect.objectContaining({ open: 1 })]);
    // The old caseworker no longer has the person.
    const old = await callAs(cloud, 'demo-caseworker-370811')('registration', 'getPerson', {
      registrationId: id,
    });
    expect(old).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it("a move within the caseworker's townships keeps the membership", async () => {
    const id = (await register(cloud, ME, makeSeeker().sections)).data.registration.id;
    await call()('registration', 'correct', { identity: { township: '370811008' } });
    expect(memberships(id)).toEqual([expect.objectContaining({ endedAt: null })]);
  });

  it("becoming a graduate within 2 years moves the person to the 人才服务中心 ('orgChanged')", async () => {
    const id = (await register(cloud, ME, makeSeeker({ age: 23 }).sections)).data.registration.id;
    const graduate = makeGraduate().sections.identity;
    const result = await call()('registration', 'correct', {
      identity: { education: graduate.education, graduationDate: graduate.graduationDate },
    });
    expect(result).toMatchObject({
      ok: true,
      data: { registration: { caseworker: { orgLabel: '人才服务中心' } } },
    });
    expect(memberships(id)).toEqual([
      expect.objectContaining({
        caseworkerOpenid: 'demo-caseworker-370811',
        endReason: 'orgChanged',
      }),
      expect.objectContaining({ caseworkerOpenid: 'demo-talent-1', endedAt: null }),
    ]);
  });

  it('moving where nobody fits leaves the person to the supervisor', async () => {
    const id = (await register(cloud, ME, makeGraduate().sections)).data.registration.id;
    // 高新区 has no 人才服务中心 caseworker.
    await call()('registration', 'correct', { identity: { township: '370871001' } });
    expect(memberships(id)).toEqual([expect.objectContaining({ endReason: 'moved' })]);
    const queue = await callAs(cloud, 'demo-supervisor')('registration', 'unassigned', {});
    expect(queue.data.people.map((p: any) => p.id)).toContain(id);
  });

  it('switching the insurance claim on makes it, routed to the caseworker; off withdraws it', async () => {
    const seeker = makeSeeker({ insured: true, claimInsurance: false });
    const id = (await register(cloud, ME, seeker.sections)).data.registration.id;
    expect(claims(id)).toEqual([]);
    const on = await call()('registration', 'correct', {
      work: { ...seeker.sections.work, claimInsurance: true },
    });
    expect(on).toMatchObject({ ok: true, data: { registration: { claimInsurance: true } } });
    expect(claims(id)).toEqual([
      expect.objectContaining({ status: 'submitted', caseworkerOpenid: 'demo-caseworker-370811' }),
    ]);
    const off = await call()('registration', 'correct', {
      work: { ...seeker.sections.work, claimInsurance: false },
    });
    expect(off.ok).toBe(true);
    expect(claims(id)).toEqual([expect.objectContaining({ status: 'withdrawn' })]);
  });

  it('a woman may correct her retirement category (female55 ↔ female50); a man may not', async () => {
    await register(cloud, ME, makeSeeker({ age: 40 }).sections);
    const result = await call()('registration', 'correct', {
      identity: { retirementCategory: 'female50' },
    });
    expect(result.ok).toBe(true);
    const [stored] = cloud.store.collection('registrations').find({ openid: ME });
    expect(stored!.identity).toMatchObject({ retirementCategory: 'female50' });

    await register(cloud, 'wx-man', makeSeeker({ sex: 'male' }).sections);
    const man = await call('wx-man')('registration', 'correct', {
      identity: { retirementCategory: 'female55' },
    });
    expect(man).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { 'identity.retirementCategory': expect.any(String) } },
    });
  });
});
