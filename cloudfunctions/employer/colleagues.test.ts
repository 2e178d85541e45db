/**
 * Colleagues: the owner's one-time invitation code, joining with it (wrong, expired and used
 * codes refused at the code field; two people racing for one code: exactly one wins), the list
 * with history, and removing a colleague (their account goes back to a plain resident).
 */
import type { LocalCloud } from '@nuanxin/local';
import { dayjs, INVITATION_ALPHABET } from '@nuanxin/shared';

import { fixClock } from '../test/registration';
import { AS, seededCloud } from '../test/support';

import { caller, company, OTHER_EMPLOYER } from './fixtures';

let cloud: LocalCloud;
beforeEach(async () => {
  cloud = await seededCloud();
});
afterEach(async () => {
  jest.useRealTimers();
  await cloud.close();
});

const users = (openid: string) => cloud.store.collection('users').find({ openid });
const members = () => cloud.store.collection('company_members').find({});

async function invite(openid: string = AS.employer): Promise<string> {
  const res = await caller(cloud, openid)('inviteColleague', {});
  expect(res).toMatchObject({ ok: true });
  return res.data.code as string;
}

describe('inviting and joining', () => {
  it('the owner gets a one-time 8-character code valid for 7 days; a resident joins with it', async () => {
    const before = Date.now();
    const res = await caller(cloud, AS.employer)('inviteColleague', {});
    expect(res.data.code).toMatch(new RegExp(`^[${INVITATION_ALPHABET}]{8}$`));
    const days = (Date.parse(res.data.expiresAt) - before) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThan(7.01);

    const joined = await caller(cloud, 'wx-colleague-1')('joinCompany', {
      code: res.data.code.toLowerCase(),
      displayName: '刘晓',
    });
    expect(joined).toMatchObject({ ok: true, data: { company: { name: '济宁鲁运物流有限公司' } } });
    expect(users('wx-colleague-1')[0]).toMatchObject({
      role: 'employer',
      displayName: '刘晓',
      companyId: users(AS.employer)[0]!.companyId,
    });

    const mine = await caller(cloud, 'wx-colleague-1')('myCompany', {});
    expect(mine.data).toMatchObject({
      company: { name: '济宁鲁运物流有限公司' },
      myRole: 'member',
    });

    const list = await caller(cloud, AS.employer)('colleagues', {});
    expect(list.data.myRole).toBe('owner');
    expect(list.data.colleagues.map((c: any) => [c.displayName, c.role, c.isMe, c.leftAt])).toEqual(
      [
        ['王经理', 'owner', true, null],
        ['刘晓', 'member', false, null],
      ],
    );
    // No openid leaks to the employer's list.
    expect(JSON.stringify(list.data)).not.toContain('wx-colleague-1');
    // The code is used: no longer listed as open.
    expect(list.data.invitations).toEqual([]);
  });

  it('an open code is listed for the owner until it is used', async () => {
    const code = await invite();
    const list = await caller(cloud, AS.employer)('colleagues', {});
    expect(list.data.invitations.map((i: any) => i.code)).toEqual([code]);
  });

  it.each([
    ['a code that does not exist', async () => 'ZZZZ2222', /邀请码不正确/],
    [
      'a used code',
      async () => {
        const code = await invite();
        await caller(cloud, 'wx-first')('joinCompany', { code, displayName: '第一位' });
        return code;
      },
      /已被使用/,
    ],
  ])('%s is refused at the code field, nothing written', async (_name, codeOf, reason) => {
    const code = await codeOf();
    const before = cloud.writeCount();
    const res = await caller(cloud, 'wx-colleague-2')('joinCompany', { code, displayName: '赵敏' });
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(res.error.fields.code).toMatch(reason);
    expect(cloud.writeCount()).toBe(before);
    expect(users('wx-colleague-2')).toEqual([]);
  });

  it('an expired code is refused', async () => {
    const code = await invite();
    fixClock(dayjs().add(7, 'day').add(1, 'minute').valueOf());
    const before = cloud.writeCount();
    const res = await caller(cloud, 'wx-colleague-2')('joinCompany', { code, displayName: '赵敏' });
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(res.error.fields.code).toMatch(/已过期/);
    expect(cloud.writeCount()).toBe(before);
  });

  it('a malformed code or a missing name is refused at its field', async () => {
    const res = await caller(cloud, 'wx-colleague-2')('joinCompany', {
      code: '12',
      displayName: '',
    });
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(Object.keys(res.error.fields).sort()).toEqual(['code', 'displayName']);
  });

  it('two people redeeming one code at once: exactly one joins', async () => {
    const code = await invite();
    const results = await Promise.all(
      ['wx-racer-1', 'wx-racer-2', 'wx-racer-3'].map((openid, i) =>
        caller(cloud, openid)('joinCompany', { code, displayName: `同事${i + 1}` }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((x) => !x.ok)) {
      expect(r.error).toMatchObject({
        code: 'VALIDATION',
        fields: { code: expect.stringMatching(/已被使用/) },
      });
    }
    expect(members().filter((m: any) => m.role === 'member')).toHaveLength(1);
    expect(cloud.store.collection('users').find({ openid: { $regex: '^wx-racer' } })).toHaveLength(
      1,
    );
  });

  it('only the owner invites; only residents without a company join', async () => {
    const code = await invite();
    await caller(cloud, 'wx-colleague-1')('joinCompany', { code, displayName: '刘晓' });
    const another = await invite();
    const before = cloud.writeCount();
    expect(await caller(cloud, 'wx-colleague-1')('inviteColleague', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    for (const openid of [OTHER_EMPLOYER, AS.caseworker, AS.supervisor]) {
      expect(
        await caller(cloud, openid)('joinCompany', { code: another, displayName: '某人' }),
      ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(await caller(cloud, AS.citizen)('inviteColleague', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(cloud.writeCount()).toBe(before);
  });

  it('registering a company makes the caller its owner', async () => {
    const reg = await caller(cloud, AS.newCitizen)('registerCompany', company());
    expect(members().filter((m: any) => m.companyId === reg.data.company.id)).toEqual([
      expect.objectContaining({ openid: AS.newCitizen, role: 'owner', leftAt: null }),
    ]);
    expect((await caller(cloud, AS.newCitizen)('myCompany', {})).data.myRole).toBe('owner');
  });
});

describe('removing a colleague', () => {
  async function withColleague(): Promise<string> {
    const code = await invite();
    await caller(cloud, 'wx-colleague-1')('joinCompany', { code, displayName: '刘晓' });
    const list = await caller(cloud, AS.employer)('colleagues', {});
    return list.data.colleagues.find((c: any) => c.displayName === '刘晓').id;
  }

  it('the owner removes a colleague: history kept, their account a resident again', async () => {
    const id = await withColleague();
    const memberships = members().length;
    const res = await caller(cloud, AS.employer)('removeColleague', { memberId: id });
    expect(res.data.colleague).toMatchObject({ displayName: '刘晓', leftAt: expect.any(String) });
    expect(users('wx-colleague-1')[0]).toMatchObject({ role: 'citizen', companyId: null });
    expect(await caller(cloud, 'wx-colleague-1')('myVacancies', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const list = await caller(cloud, AS.employer)('colleagues', {});
    expect(list.data.colleagues.map((c: any) => [c.displayName, c.leftAt !== null])).toEqual([
      ['王经理', false],
      ['刘晓', true],
    ]);
    expect(members()).toHaveLength(memberships); // ended, not deleted
    expect(members().find((m: any) => m._id === id)).toMatchObject({ leftAt: expect.any(Date) });
  });

  it('refuses removing oneself, another company’s member, or someone already gone; members cannot remove', async () => {
    const id = await withColleague();
    const ownerId = (await caller(cloud, AS.employer)('colleagues', {})).data.colleagues.find(
      (c: any) => c.isMe,
    ).id;
    const before = cloud.writeCount();
    expect(
      await caller(cloud, AS.employer)('removeColleague', { memberId: ownerId }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await caller(cloud, OTHER_EMPLOYER)('removeColleague', { memberId: id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(
      await caller(cloud, 'wx-colleague-1')('removeColleague', { memberId: ownerId }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(cloud.writeCount()).toBe(before);
    await caller(cloud, AS.employer)('removeColleague', { memberId: id });
    const after = cloud.writeCount();
    expect(await caller(cloud, AS.employer)('removeColleague', { memberId: id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(cloud.writeCount()).toBe(after);
  });
});
