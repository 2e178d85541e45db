/**
 * The seeded demo city's registrations, made through this function: what demos and the e2e
 * journeys rely on.
 */
import type { LocalCloud } from '@nuanxin/local';

import { callAs } from '../test/registration';
import { seededCloud } from '../test/support';

let cloud: LocalCloud;
beforeAll(async () => {
  cloud = await seededCloud();
});
afterAll(async () => {
  await cloud.close();
});

const regs = () => cloud.store.collection('registrations');

it('张敏 (任城区就业中心) has several people, one with a disability waiting for verification', async () => {
  const list = await callAs(cloud, 'demo-caseworker-370811')('registration', 'listMine', {});
  expect(list.data.people.map((p: any) => [p.name, p.status])).toEqual([
    ['张伟', 'submitted'],
    ...list.data.people.slice(1).map((p: any) => [p.name, 'registered']),
  ]);
  expect(list.data.people).toHaveLength(3);
  expect(list.data.people[0].pendingVerifications.map((p: any) => p.key)).toEqual(['disabled']);
});

it("the supervisor's unassigned queue holds the 高新区 graduate", async () => {
  const queue = await callAs(cloud, 'demo-supervisor')('registration', 'unassigned', {});
  expect(queue.data.people.map((p: any) => p.name)).toEqual(['钱思远']);
});

it('王小雨 and 周建华 are left unregistered for the e2e journeys', () => {
  expect(regs().count({ openid: { $in: ['demo-citizen-1', 'demo-citizen-8'] } })).toBe(0);
  expect(cloud.store.collection('consents').count({ openid: 'demo-citizen-1' })).toBe(0);
});

it('every other demo citizen is registered with a valid, encrypted ID number', () => {
  const all = regs().find({ openid: /^demo-citizen-/ });
  expect(all.map((r) => r.openid).sort()).toEqual(
    ['2', '3', '4', '5', '6', '7', '9'].map((n) => `demo-citizen-${n}`),
  );
  for (const r of all) {
    expect(r.activeKey).toMatch(/^id:/);
    expect((r.identity as any).idNumberEnc).toMatch(/^v1:/);
  }
});
