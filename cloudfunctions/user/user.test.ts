import type { LocalCloud } from '@nuanxin/local';

import { AS, caller, seededCloud } from '../test/support';

let cloud: LocalCloud;
beforeEach(async () => {
  cloud = await seededCloud();
});
afterEach(async () => {
  await cloud.close();
});

describe('user.whoami', () => {
  it('a WeChat user with no record is a new citizen, and sees no openid in the answer', async () => {
    const result = await caller(cloud, AS.newCitizen)('user', 'whoami', {});
    expect(result).toEqual({
      ok: true,
      data: {
        role: 'citizen',
        roleLabel: '求职者',
        displayName: '微信用户',
        org: null,
        orgLabel: null,
        townships: [],
        isNew: true,
      },
    });
  });

  it('a caseworker sees role, organisation and the townships covered', async () => {
    const result = await caller(cloud, AS.caseworker)('user', 'whoami', {});
    expect(result.ok).toBe(true);
    expect(result.ok && result.data).toMatchObject({
      role: 'caseworker',
      roleLabel: '包保责任人',
      orgLabel: '就业中心',
      isNew: false,
    });
    expect(result.ok && result.data.townships).toContain('370811002');
    expect(JSON.stringify(result)).not.toContain(AS.caseworker);
  });

  it('no caller → UNAUTHENTICATED; unknown action → NOT_FOUND; no action → VALIDATION', async () => {
    expect(await caller(cloud, undefined)('user', 'whoami', {})).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    expect(await cloud.invoke('user', { action: 'nope' }, { openid: AS.citizen })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringContaining('没有这个操作') },
    });
    expect(await cloud.invoke('user', 'whoami', { openid: AS.citizen })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
  });

  it('a caller claiming to be a timer is treated as a normal bad call', async () => {
    const result = await cloud.invoke(
      'user',
      { Type: 'Timer', TriggerName: 'x', Time: '' },
      { openid: AS.citizen },
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

describe('staff binding by invitation', () => {
  const invite = {
    role: 'caseworker',
    org: 'employment',
    displayName: '新同事',
    townships: ['370811002', '370811005'],
  };

  it('an admin creates a code; a new WeChat user redeems it and becomes that staff member', async () => {
    const created = await caller(cloud, AS.admin)('user', 'createInvitation', invite);
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    expect(created.data.code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/);
    expect(new Date(created.data.expiresAt).getTime()).toBeGreaterThan(Date.now() + 6 * 864e5);

    const redeemed = await caller(cloud, 'wx-new-staff')('user', 'redeemInvitation', {
      code: created.data.code.toLowerCase(),
    });
    expect(redeemed).toMatchObject({
      ok: true,
      data: { role: 'caseworker', displayName: '新同事', orgLabel: '就业中心', isNew: false },
    });
    const me = await caller(cloud, 'wx-new-staff')('user', 'whoami', {});
    expect(me.ok && me.data.townships).toEqual(['370811002', '370811005']);
    const audit = cloud.store.collection('audit_log').find({ action: 'user.redeemInvitation' });
    expect(audit).toHaveLength(1);
  });

  it.each([
    ['citizen', AS.citizen],
    ['employer', AS.employer],
    ['caseworker', AS.caseworker],
    ['supervisor', AS.supervisor],
  ])('a %s cannot create invitations, and nothing is written', async (_role, openid) => {
    const before = cloud.writeCount();
    const result = await caller(cloud, openid)('user', 'createInvitation', invite);
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(cloud.writeCount()).toBe(before);
  });

  it.each([
    [{ ...invite, townships: ['110101001'] }, 'townships', '乡镇'],
    [{ ...invite, displayName: '张' }, 'displayName', '至少2个字'],
    [{ ...invite, role: 'citizen' }, 'role', ''],
    [{ ...invite, validDays: 90 }, 'validDays', '不超过30天'],
  ])(
    'bad input %# is refused in Chinese on its field and writes nothing',
    async (payload, field, text) => {
      const before = cloud.writeCount();
      const result = await caller(cloud, AS.admin)('user', 'createInvitation', payload);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('VALIDATION');
      expect(result.error.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(result.error.fields?.[field]).toEqual(expect.stringContaining(text));
      expect(cloud.writeCount()).toBe(before);
    },
  );

  it('a used code is refused to the next person; an unknown code is not found', async () => {
    const created = await caller(cloud, AS.admin)('user', 'createInvitation', invite);
    if (!created.ok) throw new Error('setup');
    await caller(cloud, 'wx-first')('user', 'redeemInvitation', { code: created.data.code });
    const second = await caller(cloud, 'wx-second')('user', 'redeemInvitation', {
      code: created.data.code,
    });
    expect(second).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await caller(cloud, 'wx-second')('user', 'whoami', {})).toMatchObject({
      ok: true,
      data: { role: 'citizen', isNew: true },
    });
    const unknown = await caller(cloud, 'wx-second')('user', 'redeemInvitation', {
      code: 'ZZZZZZZZ',
    });
    expect(unknown).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', fields: { code: '邀请码不存在' } },
    });
  });

  it('two people redeeming the same code at once: exactly one becomes staff', async () => {
    const created = await caller(cloud, AS.admin)('user', 'createInvitation', invite);
    if (!created.ok) throw new Error('setup');
    const results = await Promise.all(
      ['wx-a', 'wx-b', 'wx-c'].map((openid) =>
        caller(cloud, openid)('user', 'redeemInvitation', { code: created.data.code }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(cloud.store.collection('users').count({ displayName: '新同事' })).toBe(1);
  });

  it('an expired code is refused with what to do', async () => {
    const created = await caller(cloud, AS.admin)('user', 'createInvitation', {
      ...invite,
      validDays: 1,
    });
    if (!created.ok) throw new Error('setup');
    jest.useFakeTimers({
      now: Date.now() + 2 * 864e5,
      doNotFake: [
        'nextTick',
        'setImmediate',
        'setTimeout',
        'clearTimeout',
        'setInterval',
        'clearInterval',
        'queueMicrotask',
      ],
    });
    try {
      const result = await caller(cloud, 'wx-late')('user', 'redeemInvitation', {
        code: created.data.code,
      });
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', message: expect.stringContaining('已过期') },
      });
    } finally {
      jest.useRealTimers();
    }
  });

  it('staff cannot redeem a second invitation', async () => {
    const created = await caller(cloud, AS.admin)('user', 'createInvitation', invite);
    if (!created.ok) throw new Error('setup');
    const result = await caller(cloud, AS.caseworker)('user', 'redeemInvitation', {
      code: created.data.code,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
