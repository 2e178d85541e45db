/**
 * Property-based fuzzing of every registered action: mutations of its valid example, sent by each
 * role it allows, never produce INTERNAL or an HTTP 5xx, and a refused call writes nothing.
 */
import fc from 'fast-check';

import { CALLERS, startHarness, type Harness } from './gateway';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const junk = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.constantFrom('', ' ', '<script>', '${x}', '{"$gt":""}', '../../etc', '\u0000', '１２３'),
  fc.array(fc.anything(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.anything(), { maxKeys: 3 }),
  fc.constant({ $where: 'sleep(1)' }),
  fc.constant({ $gt: '' }),
);

/** A payload that is the example with one or more keys dropped, retyped or added. */
function mutations(example: unknown): fc.Arbitrary<unknown> {
  const base = (example && typeof example === 'object' ? example : {}) as Record<string, unknown>;
  const keys = Object.keys(base);
  const mutateOne = fc
    .record({
      key: keys.length > 0 ? fc.constantFrom(...keys) : fc.string({ maxLength: 8 }),
      how: fc.constantFrom('drop', 'replace', 'add'),
      value: junk,
      extra: fc.string({ minLength: 1, maxLength: 12 }),
    })
    .map(({ key, how, value, extra }) => {
      const next: Record<string, unknown> = { ...base };
      if (how === 'drop') delete next[key];
      else if (how === 'replace') next[key] = value;
      else next[extra] = value;
      return next;
    });
  return fc.oneof(mutateOne, junk, fc.constant(undefined));
}

it('mutated payloads never crash an action, and refusals write nothing', async () => {
  let calls = 0;
  for (const contract of h.contracts) {
    const openids = contract.roles.flatMap((role) => CALLERS[role]);
    await fc.assert(
      fc.asyncProperty(
        mutations(contract.example),
        fc.constantFrom(...openids),
        async (payload, openid) => {
          const before = h.cloud.writeCount();
          const { status, json } = await h.post(
            contract.fn,
            { action: contract.action, payload },
            openid,
          );
          calls += 1;
          expect(status).toBeLessThan(500);
          expect(json.ok === true || json.error.code !== 'INTERNAL').toBe(true);
          if (json.ok === false) {
            expect(json.error.message).toMatch(/[\u4e00-\u9fa5]/);
            expect(JSON.stringify(json)).not.toMatch(/at .+\.(ts|js):\d+|Error:/);
            expect(h.cloud.writeCount()).toBe(before);
          }
        },
      ),
      { numRuns: 60, seed: 20261122 },
    );
  }
  expect(calls).toBeGreaterThan(0);
});

it('mutated events (action, Type, extra top-level keys) never crash a function or write', async () => {
  const fns = [...new Set(h.contracts.map((c) => c.fn))];
  const actions = h.contracts.map((c) => c.action);
  const openids = [undefined, ...Object.values(CALLERS).flat()];
  const event = fc.record(
    {
      action: fc.oneof(fc.constantFrom(...actions), junk),
      payload: junk,
      Type: fc.constantFrom('Timer', 'timer', undefined),
      TriggerName: fc.string({ maxLength: 10 }),
      Time: fc.string({ maxLength: 25 }),
      userInfo: fc.dictionary(fc.string({ maxLength: 6 }), junk, { maxKeys: 2 }),
    },
    { requiredKeys: [] },
  );
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...fns),
      event,
      fc.constantFrom(...openids),
      async (fn, body, openid) => {
        const before = h.cloud.writeCount();
        const { status, json } = await h.post(fn, body, openid);
        expect(status).toBeLessThan(500);
        expect(json.ok === true || json.error.code !== 'INTERNAL').toBe(true);
        if (json.ok === false) expect(h.cloud.writeCount()).toBe(before);
      },
    ),
    { numRuns: 150, seed: 20261123 },
  );
});

it('garbage bodies are refused with JSON errors, never 5xx', async () => {
  const fn = h.contracts[0]!.fn;
  const notJson = await h.post(fn, '{not json', 'demo-citizen-1');
  expect(notJson.status).toBe(400);
  expect(notJson.json.error.message).toMatch(/[\u4e00-\u9fa5]/);
  const unknownFn = await h.post('no-such-function', { action: 'x' }, 'demo-citizen-1');
  expect(unknownFn.status).toBe(404);
  const big = await h.post(
    fn,
    { action: 'whoami', payload: { x: 'x'.repeat(1_100_000) } },
    'demo-citizen-1',
  );
  expect(big.status).toBe(413);
});
