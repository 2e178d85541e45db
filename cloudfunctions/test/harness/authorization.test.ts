/**
 * The authorization matrix: every registered action, called with its valid example by every role
 * it does not allow, is refused with FORBIDDEN and writes nothing. New actions join by being
 * registered in the contracts.
 */
import { ROLES } from '@nuanxin/shared';

import { CALLERS, startHarness, type Harness } from './gateway';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

it('the contract lists actions', () => {
  expect(h.contracts.length).toBeGreaterThan(0);
});

it('every action refuses each role it does not allow, writing nothing', async () => {
  const checked: string[] = [];
  for (const contract of h.contracts) {
    for (const role of ROLES.filter((r) => !contract.roles.includes(r))) {
      for (const openid of CALLERS[role]) {
        const before = h.cloud.writeCount();
        const { status, json } = await h.post(
          contract.fn,
          { action: contract.action, payload: contract.example },
          openid,
        );
        expect({
          action: `${contract.fn}.${contract.action}`,
          role,
          status,
          code: json?.error?.code,
        }).toEqual({
          action: `${contract.fn}.${contract.action}`,
          role,
          status: 200,
          code: 'FORBIDDEN',
        });
        expect(json.error.message).toMatch(/[\u4e00-\u9fa5]/);
        expect(h.cloud.writeCount()).toBe(before);
        checked.push(`${contract.fn}.${contract.action}/${role}`);
      }
    }
  }
  expect(checked.length).toBeGreaterThan(0);
});

it('every action refuses a call with no caller as UNAUTHENTICATED', async () => {
  for (const contract of h.contracts) {
    const { json } = await h.post(contract.fn, {
      action: contract.action,
      payload: contract.example,
    });
    expect(json).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  }
});
