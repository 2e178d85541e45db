/**
 * The router's timer path: only the platform's timer trigger (SOURCE 'wx_trigger') runs timer
 * work; an event that merely claims `Type: 'Timer'` — with or without a caller, through the
 * gateway or in-process — runs nothing.
 */
import { createLocalCloud, startGateway, type LocalCloud } from '@nuanxin/local';

import { createFunction } from './router';

let fired: string[] = [];
const someone = {
  role: 'citizen' as const,
  roleLabel: '求职者',
  displayName: 'x',
  org: null,
  orgLabel: null,
  townships: [],
  isNew: true,
};
const nightly = createFunction(
  'user',
  {
    whoami: async () => someone,
    createInvitation: async () => ({ code: 'x', expiresAt: '' }),
    redeemInvitation: async () => someone,
    listMessages: async () => ({ messages: [], unread: 0, nextBefore: null }),
    markRead: async () => ({ unread: 0 }),
  },
  {
    onTimer: async (event) => {
      fired.push(event.TriggerName);
    },
  },
);

let cloud: LocalCloud;
beforeEach(async () => {
  fired = [];
  cloud = await createLocalCloud({
    functions: {
      nightly: {
        load: () => ({ main: nightly }),
        config: {
          timeout: 5,
          triggers: [{ name: 'nightly', type: 'timer', config: '0 0 2 * * * *' }],
        },
      },
    },
  });
});
afterEach(() => cloud.close());

it('the timer trigger runs the timer work', async () => {
  await expect(cloud.scheduler.runTimer('nightly')).resolves.toEqual({ ok: true, data: null });
  expect(fired).toEqual(['nightly']);
});

it.each([
  ['no caller', {}],
  ['a caller', { openid: 'demo-admin' }],
])('a %s sending a Timer event runs nothing', async (_who, caller) => {
  const result = await cloud.invoke(
    'nightly',
    { Type: 'Timer', TriggerName: 'nightly', Time: '' },
    caller,
  );
  expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  expect(fired).toEqual([]);
});

it('a Timer event through the HTTP gateway runs nothing', async () => {
  const gateway = await startGateway({ cloud, port: 0, host: '127.0.0.1' });
  try {
    const res = await fetch(`${gateway.url}/cloud/nightly`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ Type: 'Timer', TriggerName: 'nightly', Time: '' }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: false });
    expect(fired).toEqual([]);
  } finally {
    await gateway.close();
  }
});
