/**
 * Subscription messages: cloud.openapi.subscribeMessage.send puts the message in the outbox when
 * the user holds a one-time subscription for that template (each grant allows one send), and
 * otherwise fails like WeChat with errCode 43101. Functions need the openapi permission.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { LocalCloud } from '../src';

import { newCloud } from './helpers';

let local: LocalCloud;
const NOW = new Date('2024-05-01T00:00:00.000Z');
beforeEach(async () => {
  local = await newCloud({ clock: () => NOW });
});
afterEach(() => local.close());

type SendResult = {
  sent?: { errCode: number; errMsg: string };
  error?: { errCode: number; errMsg: string; message: string };
};

const send = (touser: string, templateId: string, data?: unknown): Promise<SendResult> =>
  local.invoke(
    'notify',
    { touser, templateId, data },
    { openid: 'o-staff' },
  ) as Promise<SendResult>;

it('with a one-time subscription the message goes to the outbox and answers errCode 0', async () => {
  local.grantSubscription('o-user', 'TPL_JOB');
  const res = await send('o-user', 'TPL_JOB');
  expect(res.sent).toEqual({ errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' });
  expect(local.outbox()).toEqual([
    {
      id: expect.any(String),
      at: NOW.toISOString(),
      fn: 'notify',
      touser: 'o-user',
      templateId: 'TPL_JOB',
      page: 'pages/index/index',
      data: { thing1: { value: '招聘会提醒' }, time2: { value: '2024-05-01 09:00' } },
      miniprogramState: 'developer',
    },
  ]);
  expect(local.subscriptionQuota('o-user', 'TPL_JOB')).toBe(0);
});

it('without a subscription the send fails with errCode 43101 like WeChat, and nothing is queued', async () => {
  const res = await send('o-user', 'TPL_JOB');
  expect(res.error?.errCode).toBe(43101);
  expect(res.error?.errMsg).toMatch(
    /^openapi\.subscribeMessage\.send:fail user refuse to accept the msg rid: /,
  );
  expect(res.error?.message).toMatch(
    /^errCode: 43101 {2}\| errMsg: openapi\.subscribeMessage\.send:fail user refuse/,
  );
  expect(local.outbox()).toEqual([]);
});

it('each grant allows exactly one send', async () => {
  local.grantSubscription('o-user', 'TPL_JOB', 2);
  expect(local.subscriptionQuota('o-user', 'TPL_JOB')).toBe(2);
  expect((await send('o-user', 'TPL_JOB')).sent?.errCode).toBe(0);
  expect((await send('o-user', 'TPL_JOB')).sent?.errCode).toBe(0);
  expect((await send('o-user', 'TPL_JOB')).error?.errCode).toBe(43101);
  expect(local.outbox()).toHaveLength(2);
});

it('quotas belong to one (openid, templateId) pair', async () => {
  local.grantSubscription('o-user', 'TPL_JOB');
  expect((await send('o-user', 'TPL_OTHER')).error?.errCode).toBe(43101);
  expect((await send('o-someone-else', 'TPL_JOB')).error?.errCode).toBe(43101);
  expect(local.subscriptionQuota('o-user', 'TPL_JOB')).toBe(1);
});

it('template data breaking the field limits fails with 47003 and keeps the quota', async () => {
  local.grantSubscription('o-user', 'TPL_JOB');
  const res = await send('o-user', 'TPL_JOB', {
    thing1: { value: '这是一段明显超过二十个字符限制的订阅消息事项内容文字' },
  });
  expect(res.error?.errCode).toBe(47003);
  expect(res.error?.errMsg).toContain('data.thing1.value exceeds 20 characters');
  expect(local.subscriptionQuota('o-user', 'TPL_JOB')).toBe(1);
});

it('a function without "subscribeMessage.send" in permissions.openapi is refused (-604101)', async () => {
  local.grantSubscription('o-user', 'TPL_JOB');
  const res = (await local.invoke('notifyNoPerm', {
    touser: 'o-user',
    templateId: 'TPL_JOB',
  })) as SendResult;
  expect(res.error?.errCode).toBe(-604101);
  expect(local.subscriptionQuota('o-user', 'TPL_JOB')).toBe(1);
});

it('a send counts as a write; a refused send writes nothing', async () => {
  local.grantSubscription('o-user', 'TPL_JOB');
  const before = local.writeCount();
  await send('o-user', 'TPL_OTHER');
  expect(local.writeCount()).toBe(before);
  await send('o-user', 'TPL_JOB');
  expect(local.writeCount()).toBe(before + 1);
});

it('quotas and the outbox are durable with a data directory', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nuanxin-outbox-'));
  try {
    const first = await newCloud({ dataDir: dir });
    first.grantSubscription('o-user', 'TPL_A', 2);
    await first.invoke('notify', { touser: 'o-user', templateId: 'TPL_A' });
    await first.close();
    const second = await newCloud({ dataDir: dir });
    expect(second.subscriptionQuota('o-user', 'TPL_A')).toBe(1);
    expect(second.outbox().map((m) => m.templateId)).toEqual(['TPL_A']);
    await second.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
