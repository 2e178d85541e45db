/**
 * Staff work on registrations: the caseworker's own people only, ID numbers masked everywhere,
 * every read of personal data audited, the full number revealed only to the own caseworker and
 * audited, verification and status changes through the lifecycle; supervisors within their
 * townships. The seed gives 张敏 (demo-caseworker-370811) 李秀英, 张伟 (disability pending) and 孙丽.
 */
import type { LocalCloud } from '@nuanxin/local';
import { dateKey, dayjs, statutoryRetirementDate } from '@nuanxin/shared';

import { addStaff, consent, makeSeeker, register, callAs, fixClock } from '../test/registration';
import { seededCloud } from '../test/support';

let cloud: LocalCloud;
beforeEach(async () => {
  cloud = await seededCloud();
});
afterEach(async () => {
  await cloud.close();
});

const ZHANG_MIN = 'demo-caseworker-370811';
const JIAXIANG = 'demo-caseworker-370829';
const SUPERVISOR = 'demo-supervisor';
const call = (openid: string) => callAs(cloud, openid);
const idOf = (openid: string) =>
  cloud.store.collection('registrations').find({ openid })[0]!._id as string;

/** Every full ID number of the seeded registrations, read back through their owners. */
async function fullIdNumbers(): Promise<string[]> {
  const owners = [
    'demo-citizen-2',
    'demo-citizen-3',
    'demo-citizen-4',
    'demo-citizen-7',
    'demo-citizen-9',
  ];
  const ids: string[] = [];
  for (const openid of owners) {
    const mine = await call(openid)('registration', 'getMine', {});
    ids.push(mine.data.registration.draft.identity.idNumber);
  }
  return ids;
}

describe('listMine', () => {
  it("lists the caseworker's own people, pending verification first, ID numbers masked", async () => {
    const result = await call(ZHANG_MIN)('registration', 'listMine', {});
    expect(result.ok).toBe(true);
    const people = result.data.people;
    expect(people.map((p: any) => p.name).sort()).toEqual(['孙丽', '张伟', '李秀英']);
    expect(people[0]).toMatchObject({
      name: '张伟',
      status: 'submitted',
      pendingVerifications: [{ key: 'disabled', label: '残疾' }],
      idMasked: expect.stringMatching(/^370811\*{8}\d{3}[\dX]$/),
      townshipLabel: '任城区 仙营街道',
    });
    expect(result.data.total).toBe(3);
    expect(people.find((p: any) => p.name === '孙丽')).toMatchObject({
      tags: [{ key: 'dibao', label: '低保家庭' }],
      employmentDifficulty: true,
    });
    const text = JSON.stringify(result);
    for (const id of await fullIdNumbers()) expect(text).not.toContain(id);
    expect(text).not.toContain('13805371002');
  });

  it('filters by status and township', async () => {
    const submitted = await call(ZHANG_MIN)('registration', 'listMine', { status: 'submitted' });
    expect(submitted.data.people.map((p: any) => p.name)).toEqual(['张伟']);
    const li = await call(ZHANG_MIN)('registration', 'listMine', { township: '370811005' });
    expect(li.data.people.map((p: any) => p.name)).toEqual(['李秀英']);
  });

  it('another caseworker sees only their own', async () => {
    const result = await call(JIAXIANG)('registration', 'listMine', {});
    expect(result.data.people.map((p: any) => p.name)).toEqual(['刘桂兰']);
  });

  it('a person who reaches retirement age goes on the cancellation list (000 §1(4))', async () => {
    // A man whose statutory retirement date is tomorrow registers today…
    const tomorrow = dateKey(dayjs().add(1, 'day').toDate());
    let birthDate = '';
    for (let days = 59 * 366; days < 64 * 366 && !birthDate; days += 1) {
      const candidate = dateKey(dayjs().subtract(days, 'day').toDate());
      if (statutoryRetirementDate(candidate, 'male') === tomorrow) birthDate = candidate;
    }
    expect(birthDate).not.toBe('');
    const result = await register(
      cloud,
      'wx-retiring',
      makeSeeker({ sex: 'male', birthDate }).sections,
    );
    expect(result.ok).toBe(true);
    const today = await call(ZHANG_MIN)('registration', 'listMine', {});
    expect(today.data.people.find((p: any) => p.id === result.data.registration.id)).toMatchObject({
      reachedRetirement: false,
    });
    // …and two days later he is flagged, after the people waiting for verification.
    fixClock(Date.now() + 2 * 864e5);
    try {
      const later = await call(ZHANG_MIN)('registration', 'listMine', {});
      expect(later.data.people.map((p: any) => [p.name, p.reachedRetirement])).toEqual([
        ['张伟', false],
        ['测试男', true],
        ...later.data.people.slice(2).map((p: any) => [p.name, false]),
      ]);
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('getPerson', () => {
  it('the own caseworker sees details with the mobile, the ID masked, and the read is audited', async () => {
    const id = idOf('demo-citizen-2');
    const before = cloud.store.collection('audit_log').count({ action: 'registration.getPerson' });
    const result = await call(ZHANG_MIN)('registration', 'getPerson', { registrationId: id });
    expect(result).toMatchObject({
      ok: true,
      data: {
        id,
        name: '李秀英',
        mobile: '13805371002',
        educationLabel: '高中',
        work: { separationReasonLabel: '劳动合同期满终止', insured: true },
        claimInsurance: true,
        caseworker: { name: '张敏' },
        history: [
          { event: 'submit', by: '本人' },
          { event: 'assign', by: '系统', reason: expect.stringContaining('张敏') },
        ],
      },
    });
    const text = JSON.stringify(result);
    for (const full of await fullIdNumbers()) expect(text).not.toContain(full);
    expect(
      cloud.store.collection('audit_log').find({ action: 'registration.getPerson' }),
    ).toHaveLength(before + 1);
    expect(
      cloud.store.collection('audit_log').find({ action: 'registration.getPerson', subjectId: id }),
    ).toEqual([expect.objectContaining({ actorOpenid: ZHANG_MIN, at: expect.any(Date) })]);
  });

  it("a caseworker cannot read someone else's person: NOT_FOUND, no data, nothing written", async () => {
    const other = idOf('demo-citizen-4');
    const before = cloud.writeCount();
    for (const action of ['getPerson', 'revealIdNumber'] as const) {
      const result = await call(ZHANG_MIN)('registration', action, { registrationId: other });
      expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(JSON.stringify(result)).not.toContain('刘桂兰');
    }
    expect(
      await call(ZHANG_MIN)('registration', 'verify', {
        registrationId: other,
        verified: { zeroEmploymentFamily: true },
      }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(
      await call(ZHANG_MIN)('registration', 'changeStatus', {
        registrationId: other,
        to: 'employed',
      }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(cloud.writeCount()).toBe(before);
  });

  it('a supervisor sees people of their townships (mobile masked), not others', async () => {
    const inScope = await call(SUPERVISOR)('registration', 'getPerson', {
      registrationId: idOf('demo-citizen-2'),
    });
    expect(inScope).toMatchObject({ ok: true, data: { name: '李秀英', mobile: '138****1002' } });
    const before = cloud.writeCount();
    const outside = await call(SUPERVISOR)('registration', 'getPerson', {
      registrationId: idOf('demo-citizen-4'),
    });
    expect(outside).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(cloud.writeCount()).toBe(before);
  });

  it('a supervisor without townships sees the whole city', async () => {
    addStaff(cloud, { openid: 'sup-city', role: 'supervisor', org: 'employment', townships: [] });
    const result = await call('sup-city')('registration', 'getPerson', {
      registrationId: idOf('demo-citizen-4'),
    });
    expect(result).toMatchObject({ ok: true, data: { name: '刘桂兰' } });
  });

  it('nobody sees a draft', async () => {
    await call('wx-drafter')('registration', 'giveConsent', { version: '2026-11-v1' });
    await call('wx-drafter')('registration', 'saveDraft', {
      step: 0,
      sections: { identity: { name: '草稿人', township: '370811002' } },
    });
    const draftId = idOf('wx-drafter');
    addStaff(cloud, { openid: 'sup-city', role: 'supervisor', org: 'employment', townships: [] });
    for (const openid of [SUPERVISOR, 'sup-city', ZHANG_MIN]) {
      expect(
        await call(openid)('registration', 'getPerson', { registrationId: draftId }),
      ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
  });
});

describe('revealIdNumber', () => {
  it('shows the full number to the own caseworker only, and writes an audit entry', async () => {
    const id = idOf('demo-citizen-3');
    const result = await call(ZHANG_MIN)('registration', 'revealIdNumber', { registrationId: id });
    expect(result).toMatchObject({
      ok: true,
      data: { idNumber: expect.stringMatching(/^370811\d{11}[\dX]$/) },
    });
    const own = await call('demo-citizen-3')('registration', 'getMine', {});
    expect(result.data.idNumber).toBe(own.data.registration.draft.identity.idNumber);
    expect(
      cloud.store.collection('audit_log').find({ action: 'registration.revealIdNumber' }),
    ).toEqual([expect.objectContaining({ actorOpenid: ZHANG_MIN, subjectId: id })]);
  });
});

describe('verify', () => {
  it('the disability verified: registered, 残疾 tag, logged, the person told', async () => {
    const id = idOf('demo-citizen-3');
    const result = await call(ZHANG_MIN)('registration', 'verify', {
      registrationId: id,
      verified: { disabled: true },
      note: '已核验残疾人证',
    });
    expect(result).toMatchObject({
      ok: true,
      data: {
        status: 'registered',
        pendingVerifications: [],
        declared: [{ key: 'disabled', verified: true }],
        employmentDifficulty: true,
      },
    });
    expect(result.data.tags.map((t: any) => t.key)).toEqual(['disabled', 'longTermUnemployed']);
    expect(result.data.history.at(-1)).toMatchObject({
      event: 'verify',
      by: '包保责任人 张敏',
      reason: '核验属实：残疾；已核验残疾人证',
    });
    expect(
      cloud.store.collection('messages').find({ openid: 'demo-citizen-3' }).at(-1),
    ).toMatchObject({ title: '失业登记：已登记', reason: 'noQuota' });
    expect(
      cloud.store.collection('audit_log').count({ action: 'registration.verify', subjectId: id }),
    ).toBe(1);
  });

  it('a declaration that does not hold is taken off, and the registration completes', async () => {
    const id = idOf('demo-citizen-3');
    const result = await call(ZHANG_MIN)('registration', 'verify', {
      registrationId: id,
      verified: { disabled: false },
      note: '残联名单中查无此人',
    });
    expect(result).toMatchObject({
      ok: true,
      data: { status: 'registered', declared: [], pendingVerifications: [] },
    });
    const [stored] = cloud.store.collection('registrations').find({ _id: id });
    expect(stored).toMatchObject({
      declarations: { disabled: false, disabilityCertNoEnc: null },
    });
  });

  it('verifying a finished registration is refused without writing', async () => {
    const id = idOf('demo-citizen-2');
    await call(ZHANG_MIN)('registration', 'changeStatus', { registrationId: id, to: 'employed' });
    const before = cloud.writeCount();
    const result = await call(ZHANG_MIN)('registration', 'verify', {
      registrationId: id,
      verified: { dibao: true },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(cloud.writeCount()).toBe(before);
  });
});

describe('changeStatus', () => {
  it('employed: the ID number is free again, the caseworker keeps the person for follow-up', async () => {
    const id = idOf('demo-citizen-2');
    const result = await call(ZHANG_MIN)('registration', 'changeStatus', {
      registrationId: id,
      to: 'employed',
      note: '已在鲁运物流上岗',
    });
    expect(result).toMatchObject({ ok: true, data: { status: 'employed', statusLabel: '已就业' } });
    const [stored] = cloud.store.collection('registrations').find({ _id: id });
    expect(stored).toMatchObject({ activeKey: `closed:${id}`, closedAt: expect.any(Date) });
    expect(cloud.store.collection('caseload_memberships').find({ registrationId: id })).toEqual([
      expect.objectContaining({ endedAt: null }),
    ]);
    const list = await call(ZHANG_MIN)('registration', 'listMine', { status: 'employed' });
    expect(list.data.people.map((p: any) => p.name)).toEqual(['李秀英']);
  });

  it('cancelled needs a reason; it ends the membership and is logged with the reason', async () => {
    const id = idOf('demo-citizen-7');
    const before = cloud.writeCount();
    const noReason = await call(ZHANG_MIN)('registration', 'changeStatus', {
      registrationId: id,
      to: 'cancelled',
    });
    expect(noReason).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { reason: '注销登记请选择原因' } },
    });
    expect(cloud.writeCount()).toBe(before);

    const result = await call(ZHANG_MIN)('registration', 'changeStatus', {
      registrationId: id,
      to: 'cancelled',
      reason: 'movedAway',
      note: '迁往济南',
    });
    expect(result).toMatchObject({ ok: true, data: { status: 'cancelled' } });
    expect(result.data.history.at(-1)).toMatchObject({
      event: 'cancel',
      reason: '迁出本地：迁往济南',
    });
    expect(cloud.store.collection('caseload_memberships').find({ registrationId: id })).toEqual([
      expect.objectContaining({ endReason: 'cancelled', endedAt: expect.any(Date) }),
    ]);
    // No longer theirs.
    expect(
      await call(ZHANG_MIN)('registration', 'getPerson', { registrationId: id }),
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('re-registering after employment starts a new membership and ends the old one', async () => {
    const seeker = makeSeeker();
    const first = await register(cloud, 'wx-back', seeker.sections);
    const firstId = first.data.registration.id;
    await call(ZHANG_MIN)('registration', 'changeStatus', {
      registrationId: firstId,
      to: 'flexible',
    });
    const second = await register(cloud, 'wx-back', seeker.sections);
    expect(second).toMatchObject({ ok: true, data: { registration: { status: 'registered' } } });
    expect(
      cloud.store.collection('caseload_memberships').find({ registrationId: firstId }),
    ).toEqual([expect.objectContaining({ endReason: 'superseded' })]);
  });
});

describe('after consent is withdrawn, sensitive processing stops (PIPL 第15条)', () => {
  const withdrawn = async () => {
    const id = idOf('demo-citizen-3');
    const w = await call('demo-citizen-3')('registration', 'withdrawConsent', {});
    expect(w.ok).toBe(true);
    return id;
  };

  it('revealIdNumber is FORBIDDEN, says why and what to do, and writes nothing', async () => {
    const id = await withdrawn();
    const before = cloud.writeCount();
    const result = await call(ZHANG_MIN)('registration', 'revealIdNumber', { registrationId: id });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringContaining('撤回') },
    });
    expect(result.error.message).toContain('重新同意');
    expect(JSON.stringify(result)).not.toMatch(/370811\d{11}[\dX]/);
    expect(cloud.writeCount()).toBe(before);
  });

  it('verify is FORBIDDEN and changes nothing', async () => {
    const id = await withdrawn();
    const before = cloud.writeCount();
    const result = await call(ZHANG_MIN)('registration', 'verify', {
      registrationId: id,
      verified: { disabled: true },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(cloud.writeCount()).toBe(before);
  });

  it('once the person consents again, the caseworker may reveal and verify again', async () => {
    const id = await withdrawn();
    expect((await consent(cloud, 'demo-citizen-3')).ok).toBe(true);
    const result = await call(ZHANG_MIN)('registration', 'revealIdNumber', { registrationId: id });
    expect(result.ok).toBe(true);
  });
});

describe('verify accepts only what the person declared', () => {
  it('an undeclared key group is VALIDATION on verified.<key>, and nothing is written', async () => {
    // 张伟 declared a disability only.
    const id = idOf('demo-citizen-3');
    const before = cloud.writeCount();
    const result = await call(ZHANG_MIN)('registration', 'verify', {
      registrationId: id,
      verified: { disabled: true, veteran: true },
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { 'verified.veteran': expect.any(String) } },
    });
    expect(result.error.fields['verified.disabled']).toBeUndefined();
    expect(cloud.writeCount()).toBe(before);
    const [stored] = cloud.store.collection('registrations').find({ _id: id });
    expect(stored!.verified).toEqual({});
  });
});

describe('retirement flag only for active registrations (000 §1(4))', () => {
  it('an employed person past retirement age is not flagged; an active one is', async () => {
    // Two men whose statutory retirement date is tomorrow register today; one finds work.
    const tomorrow = dateKey(dayjs().add(1, 'day').toDate());
    let birthDate = '';
    for (let days = 59 * 366; days < 64 * 366 && !birthDate; days += 1) {
      const candidate = dateKey(dayjs().subtract(days, 'day').toDate());
      if (statutoryRetirementDate(candidate, 'male') === tomorrow) birthDate = candidate;
    }
    const active = await register(
      cloud,
      'wx-ret-a',
      makeSeeker({ sex: 'male', birthDate }).sections,
    );
    const employed = await register(
      cloud,
      'wx-ret-e',
      makeSeeker({ sex: 'male', birthDate }).sections,
    );
    const employedId = employed.data.registration.id;
    const changed = await call(ZHANG_MIN)('registration', 'changeStatus', {
      registrationId: employedId,
      to: 'employed',
    });
    expect(changed.ok).toBe(true);
    fixClock(Date.now() + 2 * 864e5);
    try {
      const list = await call(ZHANG_MIN)('registration', 'listMine', {});
      const flag = (id: string) => list.data.people.find((p: any) => p.id === id).reachedRetirement;
      expect(flag(active.data.registration.id)).toBe(true);
      expect(flag(employedId)).toBe(false);
      const detail = await call(ZHANG_MIN)('registration', 'getPerson', {
        registrationId: employedId,
      });
      expect(detail.data.reachedRetirement).toBe(false);
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('listMine audit', () => {
  it('records which registrations were shown, not only how many', async () => {
    const result = await call(ZHANG_MIN)('registration', 'listMine', {});
    const [entry] = cloud.store.collection('audit_log').find({ action: 'registration.listMine' });
    expect(entry!.detail).toMatchObject({ count: 3, idsTruncated: false });
    expect(
      String((entry!.detail as any).ids)
        .split(',')
        .sort(),
    ).toEqual(result.data.people.map((p: any) => p.id).sort());
  });
});

describe('caseloads count active people only (001 §3(一)3)', () => {
  it("an employed person keeps the membership but leaves the caseworker's load", async () => {
    addStaff(cloud, {
      openid: 'cw-one',
      role: 'caseworker',
      org: 'employment',
      townships: ['370811002'],
      caseloadCap: 1,
    });
    // cw-one (no people) is less loaded than 张敏, who also covers 370811002.
    const first = await register(cloud, 'wx-l1', makeSeeker({ township: '370811002' }).sections);
    expect(first.data.registration.caseworker).toMatchObject({ name: 'cw-one' });
    await call('cw-one')('registration', 'changeStatus', {
      registrationId: first.data.registration.id,
      to: 'employed',
    });
    expect(
      cloud.store
        .collection('caseload_memberships')
        .find({ registrationId: first.data.registration.id }),
    ).toEqual([expect.objectContaining({ caseworkerOpenid: 'cw-one', endedAt: null })]);
    expect(cloud.store.collection('caseload_counters').find({ _id: 'cw-one' })).toEqual([
      expect.objectContaining({ open: 0 }),
    ]);
    // Under the cap again: the next person goes to cw-one (a tie at 0 → the smaller openid).
    const second = await register(cloud, 'wx-l2', makeSeeker({ township: '370811002' }).sections);
    expect(second.data.registration.caseworker).toMatchObject({ name: 'cw-one' });
    const list = await call(SUPERVISOR)('registration', 'caseworkers', {});
    expect(list.data.caseworkers.find((c: any) => c.openid === 'cw-one')).toMatchObject({
      load: 1,
      cap: 1,
    });
  });
});

describe('one person, one 包保 caseworker, whichever WeChat account', () => {
  it('re-registering the same ID number from another account supersedes the open membership', async () => {
    const seeker = makeSeeker();
    const first = await register(cloud, 'wx-phone-1', seeker.sections);
    const firstId = first.data.registration.id;
    await call(ZHANG_MIN)('registration', 'changeStatus', {
      registrationId: firstId,
      to: 'employed',
    });
    const second = await register(cloud, 'wx-phone-2', seeker.sections);
    expect(second.ok).toBe(true);
    expect(
      cloud.store.collection('caseload_memberships').find({ registrationId: firstId }),
    ).toEqual([expect.objectContaining({ endReason: 'superseded', endedAt: expect.any(Date) })]);
    const open = cloud.store
      .collection('caseload_memberships')
      .find({ endedAt: null })
      .filter((m) => [firstId, second.data.registration.id].includes(m.registrationId));
    expect(open).toHaveLength(1);
  });
});
