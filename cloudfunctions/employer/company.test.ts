/**
 * The company's lifecycle: a rejected company does not block its 统一社会信用代码 (a squatted code
 * is freed when staff reject the squatter), the owner corrects a rejected company and submits it
 * again into the staff's queue, and every step is in `company_log` with who, when and why.
 */
import type { LocalCloud } from '@nuanxin/local';

import { AS, seededCloud } from '../test/support';

import { caller, company, MARKET, uscc } from './fixtures';

let cloud: LocalCloud;
beforeEach(async () => {
  cloud = await seededCloud();
});
afterEach(async () => {
  await cloud.close();
});

const SQUATTER = 'wx-squatter';
const REAL_OWNER = 'wx-real-owner';
const CODE = uscc('91370811MA3D5Y8L3');
const stored = (id: string) => cloud.store.collection('companies').find({ _id: id })[0] as any;
const log = (companyId: string) =>
  (cloud.store.collection('company_log').find({ companyId }) as any[]).map((e) => [
    e.event,
    e.from,
    e.to,
    e.actorOpenid,
    e.reason,
  ]);

async function rejected(reason = '营业执照名称与信用代码不一致'): Promise<string> {
  const reg = await caller(cloud, SQUATTER)('registerCompany', company({ uscc: CODE }));
  expect(reg.ok).toBe(true);
  const id = reg.data.company.id as string;
  const res = await caller(cloud, MARKET)('review', {
    kind: 'company',
    id,
    decision: 'reject',
    reason,
  });
  expect(res.data.status).toBe('rejected');
  return id;
}

describe('a rejected company does not hold its code', () => {
  it('a pending registration blocks the code, with what to do and the centre’s number', async () => {
    await caller(cloud, SQUATTER)('registerCompany', company({ uscc: CODE }));
    const before = cloud.writeCount();
    const res = await caller(cloud, REAL_OWNER)('registerCompany', company({ uscc: CODE }));
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', fields: { uscc: '该统一社会信用代码已登记' } },
    });
    expect(res.error.message).toMatch(/邀请码/);
    expect(res.error.message).toMatch(/市场服务中心（0537-12333）/);
    expect(cloud.writeCount()).toBe(before);
  });

  it('once staff reject the squatter, the real company registers; the rejected record keeps its history', async () => {
    const squatted = await rejected('经电话核实，登记人不是该企业人员');
    const res = await caller(cloud, REAL_OWNER)('registerCompany', company({ uscc: CODE }));
    expect(res).toMatchObject({ ok: true, data: { company: { status: 'pending', uscc: CODE } } });
    expect(stored(squatted)).toMatchObject({
      status: 'rejected',
      uscc: CODE,
      rejectReason: '经电话核实，登记人不是该企业人员',
    });
    expect(log(squatted)).toEqual([
      ['register', null, 'pending', SQUATTER, null],
      ['reject', 'pending', 'rejected', MARKET, '经电话核实，登记人不是该企业人员'],
    ]);
    // The squatter cannot take the code back by resubmitting.
    const again = await caller(cloud, SQUATTER)('updateCompany', company({ uscc: CODE }));
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', fields: { uscc: expect.any(String) } },
    });
    expect(stored(squatted).status).toBe('rejected');
  });
});

describe('correcting and resubmitting', () => {
  it('the owner corrects a rejected company; it returns to the queue; staff see the earlier reason and verify it', async () => {
    const id = await rejected();
    const mine = await caller(cloud, SQUATTER)('myCompany', {});
    expect(mine.data.company).toMatchObject({
      status: 'rejected',
      rejectReason: '营业执照名称与信用代码不一致',
    });

    const res = await caller(cloud, SQUATTER)(
      'updateCompany',
      company({ uscc: CODE, name: '济宁新星电子科技有限公司' }),
    );
    expect(res).toMatchObject({
      ok: true,
      data: {
        company: { status: 'pending', name: '济宁新星电子科技有限公司', rejectReason: null },
      },
    });
    expect(stored(id).usccReleased).toBeNull();

    const queue = await caller(cloud, MARKET)('reviewQueue', {});
    const row = queue.data.companies.find((c: any) => c.id === id);
    expect(row).toMatchObject({
      name: '济宁新星电子科技有限公司',
      previousRejectReason: '营业执照名称与信用代码不一致',
    });
    await caller(cloud, MARKET)('review', { kind: 'company', id, decision: 'approve' });
    expect(stored(id).status).toBe('verified');
    expect(log(id).map(([event, from, to]) => [event, from, to])).toEqual([
      ['register', null, 'pending'],
      ['reject', 'pending', 'rejected'],
      ['resubmit', 'rejected', 'pending'],
      ['verify', 'pending', 'verified'],
    ]);
    // Once verified, changes go through the 市场服务中心.
    const locked = await caller(cloud, SQUATTER)('updateCompany', company({ uscc: CODE }));
    expect(locked).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(locked.error.message).toMatch(/0537-12333/);
  });

  it('a pending company is corrected and keeps waiting; only the owner may change it', async () => {
    const reg = await caller(cloud, SQUATTER)('registerCompany', company({ uscc: CODE }));
    const id = reg.data.company.id;
    const res = await caller(cloud, SQUATTER)(
      'updateCompany',
      company({ uscc: CODE, address: '任城区示例路9号' }),
    );
    expect(res.data.company).toMatchObject({ status: 'pending', address: '任城区示例路9号' });
    expect(log(id).map(([event]) => event)).toEqual(['register', 'update']);

    const { code } = (await caller(cloud, SQUATTER)('inviteColleague', {})).data;
    await caller(cloud, 'wx-colleague')('joinCompany', { code, displayName: '刘晓' });
    const before = cloud.writeCount();
    const colleague = await caller(cloud, 'wx-colleague')('updateCompany', company({ uscc: CODE }));
    expect(colleague).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(cloud.writeCount()).toBe(before);
  });

  it('citizens and staff cannot call it; a verified demo company is refused', async () => {
    for (const openid of [AS.citizen, MARKET]) {
      expect(await caller(cloud, openid)('updateCompany', company())).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    }
    const before = cloud.writeCount();
    const res = await caller(cloud, AS.employer)('updateCompany', company());
    expect(res).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(cloud.writeCount()).toBe(before);
  });
});

describe('two staff deciding at once', () => {
  it('one decision applies, logged and told once', async () => {
    const reg = await caller(cloud, SQUATTER)('registerCompany', company({ uscc: CODE }));
    const id = reg.data.company.id;
    const [a, b] = await Promise.all([
      caller(cloud, MARKET)('review', { kind: 'company', id, decision: 'approve' }),
      caller(cloud, AS.supervisor)('review', {
        kind: 'company',
        id,
        decision: 'reject',
        reason: '名称不符',
      }),
    ]);
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
    const loser = a.ok ? b : a;
    expect(loser).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(log(id).filter(([event]) => event !== 'register')).toHaveLength(1);
    expect(
      cloud.store.collection('messages').find({ openid: SQUATTER, kind: 'vacancyReview' }),
    ).toHaveLength(1);
  });
});
