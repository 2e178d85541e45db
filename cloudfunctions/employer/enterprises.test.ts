/**
 * Key enterprises (重点企业白名单): supervisors name a market staff member whose townships cover
 * the company, change and end the naming with history kept, and the employer sees their named
 * staff member.
 */
import type { LocalCloud } from '@nuanxin/local';

import { AS, seededCloud } from '../test/support';

import { caller, MARKET } from './fixtures';

let cloud: LocalCloud;
beforeEach(async () => {
  cloud = await seededCloud();
});
afterEach(async () => {
  await cloud.close();
});

const companyId = (name: string) =>
  (cloud.store.collection('companies').find({ name })[0] as any)._id as string;
/** demo-employer-1's company, in 任城区 (the supervisor's and the market staff's townships). */
const LUYUN = '济宁鲁运物流有限公司';
/** demo-employer-2's company, in 兖州区 (outside both). */
const KANGTAI = '济宁康泰食品有限公司';
const memberships = () => cloud.store.collection('enterprise_memberships').find({}) as any[];

/** A second market staff member covering 任城区 too. */
function addMarketStaff(openid: string, displayName: string, townships: string[]) {
  cloud.store.collection('users').insert({
    openid,
    role: 'caseworker',
    displayName,
    org: 'market',
    townships,
    createdAt: new Date(),
    updatedAt: new Date(),
  });
}

it('a supervisor names a staff member; the employer sees them; staff see the list', async () => {
  const sup = caller(cloud, AS.supervisor);
  const options = await sup('marketStaff', { companyId: companyId(LUYUN) });
  expect(options.data.staff.map((s: any) => s.displayName)).toEqual(['郑凯']);
  expect(options.data.staff[0]).toMatchObject({
    serving: 0,
    areaLabel: expect.stringContaining('任城区'),
  });

  const res = await sup('setKeyEnterprise', {
    companyId: companyId(LUYUN),
    staffOpenid: MARKET,
    reason: '年度重点用工企业',
  });
  expect(res).toMatchObject({ ok: true });
  expect((await caller(cloud, AS.employer)('myCompany', {})).data.serviceStaff).toEqual({
    name: '郑凯',
  });

  const list = await caller(cloud, MARKET)('keyEnterprises', {});
  expect(list.data.enterprises).toEqual([
    expect.objectContaining({
      companyName: LUYUN,
      mine: true,
      current: expect.objectContaining({
        staffName: '郑凯',
        reason: '年度重点用工企业',
        endedAt: null,
      }),
    }),
  ]);
  expect((await sup('marketStaff', {})).data.staff[0].serving).toBe(1);
});

it('changing the staff member ends the old membership and starts a new one, history kept', async () => {
  addMarketStaff('market-2', '吴倩', ['370811002']);
  const sup = caller(cloud, AS.supervisor);
  const id = companyId(LUYUN);
  await sup('setKeyEnterprise', { companyId: id, staffOpenid: MARKET, reason: '年度重点用工企业' });
  await sup('setKeyEnterprise', { companyId: id, staffOpenid: 'market-2', reason: '郑凯调岗' });
  expect(memberships().map((m) => [m.staffName, m.endedAt === null, m.endReason])).toEqual(
    expect.arrayContaining([
      ['郑凯', false, '更换服务专员：郑凯调岗'],
      ['吴倩', true, null],
    ]),
  );
  const [enterprise] = (await sup('keyEnterprises', {})).data.enterprises;
  expect(enterprise.current.staffName).toBe('吴倩');
  expect(enterprise.history.map((p: any) => p.staffName)).toEqual(['吴倩', '郑凯']);
  expect((await caller(cloud, AS.employer)('myCompany', {})).data.serviceStaff).toEqual({
    name: '吴倩',
  });
});

it('ending keeps the history and the employer no longer has a named staff member', async () => {
  const sup = caller(cloud, AS.supervisor);
  const id = companyId(LUYUN);
  await sup('setKeyEnterprise', { companyId: id, staffOpenid: MARKET, reason: '年度重点用工企业' });
  expect(await sup('endKeyEnterprise', { companyId: id, reason: '用工需求已满足' })).toMatchObject({
    ok: true,
  });
  expect((await caller(cloud, AS.employer)('myCompany', {})).data.serviceStaff).toBeNull();
  const [enterprise] = (await sup('keyEnterprises', {})).data.enterprises;
  expect(enterprise).toMatchObject({ current: null, history: [{ endReason: '用工需求已满足' }] });
  const before = cloud.writeCount();
  expect(await sup('endKeyEnterprise', { companyId: id, reason: '再结束一次' })).toMatchObject({
    ok: false,
    error: { code: 'CONFLICT' },
  });
  expect(cloud.writeCount()).toBe(before);
});

it('refuses staff who do not cover the company, non-market staff and out-of-scope companies', async () => {
  addMarketStaff('market-far', '钱多', ['370812003']);
  const sup = caller(cloud, AS.supervisor);
  const before = cloud.writeCount();
  for (const staffOpenid of ['market-far', AS.caseworker, AS.employer, 'nobody']) {
    const res = await sup('setKeyEnterprise', {
      companyId: companyId(LUYUN),
      staffOpenid,
      reason: '年度重点用工企业',
    });
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(res.error.fields.staffOpenid).toMatch(/市场服务中心/);
  }
  expect(
    await sup('setKeyEnterprise', {
      companyId: companyId(KANGTAI),
      staffOpenid: MARKET,
      reason: '年度重点用工企业',
    }),
  ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  expect(
    await sup('setKeyEnterprise', { companyId: companyId(LUYUN), staffOpenid: MARKET, reason: '' }),
  ).toMatchObject({
    ok: false,
    error: { code: 'VALIDATION', fields: { reason: expect.any(String) } },
  });
  expect(cloud.writeCount()).toBe(before);
});

it('only supervisors name and end; market staff may read; others are refused', async () => {
  const payload = { companyId: companyId(LUYUN), staffOpenid: MARKET, reason: '年度重点用工企业' };
  for (const openid of [MARKET, AS.employer, AS.citizen, AS.caseworker]) {
    expect(await caller(cloud, openid)('setKeyEnterprise', payload)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await caller(cloud, openid)('marketStaff', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  }
  expect(await caller(cloud, AS.caseworker)('keyEnterprises', {})).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });
  expect(await caller(cloud, AS.employer)('keyEnterprises', {})).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });
  expect(memberships()).toEqual([]);
});

it('candidates: verified companies in scope by name, not yet key enterprises', async () => {
  const sup = caller(cloud, AS.supervisor);
  const found = await sup('keyEnterprises', { keyword: '济宁' });
  const names = found.data.candidates.map((c: any) => c.name);
  expect(names).toContain(LUYUN);
  expect(names).not.toContain(KANGTAI);
  await sup('setKeyEnterprise', {
    companyId: companyId(LUYUN),
    staffOpenid: MARKET,
    reason: '重点',
  });
  const again = await sup('keyEnterprises', { keyword: '济宁' });
  expect(again.data.candidates.map((c: any) => c.name)).not.toContain(LUYUN);
});

it('two supervisors naming at once leave exactly one open membership', async () => {
  addMarketStaff('market-2', '吴倩', ['370811002']);
  const id = companyId(LUYUN);
  const results = await Promise.all(
    [MARKET, 'market-2'].map((staffOpenid) =>
      caller(cloud, AS.supervisor)('setKeyEnterprise', {
        companyId: id,
        staffOpenid,
        reason: '重点',
      }),
    ),
  );
  expect(results.filter((r) => r.ok).length).toBeGreaterThanOrEqual(1);
  expect(memberships().filter((m) => m.endedAt === null)).toHaveLength(1);
});
