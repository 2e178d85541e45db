/**
 * The in-app inbox (站内消息): a person sees only their own messages, newest first, a page at a
 * time, and marks only their own read; someone else's ids are ignored without a word.
 */
import type { LocalCloud } from '@nuanxin/local';

import { makeSeeker, register } from '../test/registration';
import { AS, caller, seededCloud } from '../test/support';

let cloud: LocalCloud;
beforeEach(async () => {
  cloud = await seededCloud();
});
afterEach(async () => {
  await cloud.close();
});

const ME = 'wx-inbox-0001';
const OTHER = 'wx-inbox-0002';
const BASE = Date.UTC(2026, 10, 22, 1, 30); // 2026-11-22 09:30 in Shanghai

/** Stores a message as `notify` does; `minute` counts from BASE. Returns its id. */
function put(openid: string, minute: number, extra: Record<string, unknown> = {}): string {
  return cloud.store.collection('messages').insert({
    openid,
    at: new Date(BASE + minute * 60_000),
    kind: 'registrationResult',
    title: `消息${minute}`,
    body: `正文${minute}`,
    page: 'packages/seeker/registration/mine/index',
    read: false,
    reason: 'noQuota',
    ...extra,
  });
}

const titles = (data: { messages: { title: string }[] }) => data.messages.map((m) => m.title);

describe('user.listMessages', () => {
  it('lists only the caller’s own messages, newest first, with the unread count', async () => {
    put(ME, 0);
    const read = put(ME, 5, { read: true, page: '' });
    put(ME, 2);
    put(OTHER, 3);
    put(OTHER, 4);

    const result = await caller(cloud, ME)('user', 'listMessages', {});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(titles(result.data)).toEqual(['消息5', '消息2', '消息0']);
    expect(result.data.unread).toBe(2);
    expect(result.data.nextBefore).toBeNull();
    expect(result.data.messages[0]).toEqual({
      id: read,
      title: '消息5',
      body: '正文5',
      page: null,
      at: new Date(BASE + 5 * 60_000).toISOString(),
      read: true,
    });
    expect(result.data.messages[1]).toMatchObject({
      page: 'packages/seeker/registration/mine/index',
      read: false,
    });
    // Nothing of the storage leaks: no openid, no reason, no kind.
    expect(JSON.stringify(result)).not.toMatch(/wx-inbox|noQuota|openid|reason/);
  });

  it('an account with no messages gets an empty inbox', async () => {
    put(OTHER, 1);
    for (const openid of [AS.newCitizen, AS.caseworker, AS.admin]) {
      expect(await caller(cloud, openid)('user', 'listMessages', { limit: 5 })).toEqual({
        ok: true,
        data: { messages: [], unread: 0, nextBefore: null },
      });
    }
  });

  it('pages through a long inbox with `before`, without gaps or repeats', async () => {
    for (let minute = 0; minute < 25; minute += 1) put(ME, minute, { read: minute % 2 === 0 });
    put(OTHER, 100);
    const call = caller(cloud, ME);
    const seen: string[] = [];
    let before: string | undefined;
    const sizes: number[] = [];
    for (let guard = 0; guard < 10; guard += 1) {
      const result = await call('user', 'listMessages', {
        limit: 10,
        ...(before ? { before } : {}),
      });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.data.unread).toBe(12);
      sizes.push(result.data.messages.length);
      seen.push(...titles(result.data));
      if (result.data.nextBefore === null) break;
      before = result.data.nextBefore;
    }
    expect(sizes).toEqual([10, 10, 5]);
    expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => `消息${24 - i}`));
  });

  it('the default page is 20 messages', async () => {
    for (let minute = 0; minute < 21; minute += 1) put(ME, minute);
    const result = await caller(cloud, ME)('user', 'listMessages', {});
    expect(result.ok && result.data.messages).toHaveLength(20);
    expect(result.ok && result.data.nextBefore).toBe(new Date(BASE + 60_000).toISOString());
  });

  it('never ends a page between two messages of the same instant', async () => {
    // One event telling the same person two things at once (same `at`), across a page edge.
    put(ME, 3);
    put(ME, 2, { title: '同时A' });
    put(ME, 2, { title: '同时B' });
    put(ME, 1);
    const call = caller(cloud, ME);
    const first = await call('user', 'listMessages', { limit: 2 });
    expect(first.ok && titles(first.data)).toEqual(['消息3']);
    const second = await call('user', 'listMessages', {
      limit: 2,
      before: first.ok ? first.data.nextBefore : undefined,
    });
    expect(second.ok && [...titles(second.data)].sort()).toEqual(['同时A', '同时B']);
    const third = await call('user', 'listMessages', {
      limit: 2,
      before: second.ok ? second.data.nextBefore : undefined,
    });
    expect(third.ok && titles(third.data)).toEqual(['消息1']);
    expect(third.ok && third.data.nextBefore).toBeNull();

    // A whole page of one instant: all of it, rather than losing some.
    const all = await call('user', 'listMessages', {
      limit: 1,
      before: first.ok ? first.data.nextBefore : undefined,
    });
    expect(all.ok && all.data.messages).toHaveLength(2);
    expect(all.ok && all.data.nextBefore).toBe(new Date(BASE + 2 * 60_000).toISOString());
  });

  it.each([
    [{ limit: 0 }, 'limit', '至少1条'],
    [{ limit: 51 }, 'limit', '不超过50条'],
    [{ limit: 2.5 }, 'limit', '整数'],
    [{ before: 'yesterday' }, 'before', 'ISO 8601'],
    [{ before: '2026-11-22 09:30' }, 'before', 'ISO 8601'],
    [{ before: '2026-13-45T99:00:00Z' }, 'before', 'ISO 8601'],
    [{ openid: OTHER }, '_', ''],
  ])('bad input %# is refused in Chinese on its field', async (payload, field, text) => {
    const result = await caller(cloud, ME)('user', 'listMessages', payload);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    expect(result.error.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(result.error.message).toContain(text);
    if (field !== '_') expect(Object.keys(result.error.fields ?? {})).toContain(field);
  });
});

describe('user.markRead', () => {
  const unreadOf = (openid: string) =>
    cloud.store.collection('messages').count({ openid, read: false });

  it('marks the chosen messages read and answers the unread count left', async () => {
    const a = put(ME, 1);
    const b = put(ME, 2);
    put(ME, 3);
    const result = await caller(cloud, ME)('user', 'markRead', { ids: [a, b, a] });
    expect(result).toEqual({ ok: true, data: { unread: 1 } });
    const [stored] = cloud.store.collection('messages').find({ _id: a });
    expect(stored).toMatchObject({ read: true, readAt: expect.any(Date) });
    const listed = await caller(cloud, ME)('user', 'listMessages', {});
    expect(listed.ok && listed.data.messages.map((m: { read: boolean }) => m.read)).toEqual([
      false,
      true,
      true,
    ]);
  });

  it('ignores someone else’s ids (and unknown ones) silently, writing nothing', async () => {
    const mine = put(ME, 1);
    const theirs = put(OTHER, 2);
    const before = cloud.writeCount();
    const result = await caller(cloud, ME)('user', 'markRead', {
      ids: [theirs, 'ffffffffffffffffffffffffffffffff'],
    });
    expect(result).toEqual({ ok: true, data: { unread: 1 } });
    expect(cloud.writeCount()).toBe(before);
    expect(unreadOf(OTHER)).toBe(1);

    // Mixed with one of mine: only mine changes.
    expect(await caller(cloud, ME)('user', 'markRead', { ids: [theirs, mine] })).toEqual({
      ok: true,
      data: { unread: 0 },
    });
    expect(unreadOf(OTHER)).toBe(1);
  });

  it('all: true marks every one of the caller’s messages, nobody else’s', async () => {
    for (let minute = 0; minute < 60; minute += 1) put(ME, minute);
    put(OTHER, 1);
    put(OTHER, 2);
    const result = await caller(cloud, ME)('user', 'markRead', { all: true });
    expect(result).toEqual({ ok: true, data: { unread: 0 } });
    expect(unreadOf(ME)).toBe(0);
    expect(unreadOf(OTHER)).toBe(2);
    // Already all read: nothing more is written.
    const before = cloud.writeCount();
    expect(await caller(cloud, ME)('user', 'markRead', { all: true })).toEqual({
      ok: true,
      data: { unread: 0 },
    });
    expect(cloud.writeCount()).toBe(before);
  });

  it.each([
    [{}, '二者选一'],
    [{ ids: [] }, '至少选择一条'],
    [{ ids: Array.from({ length: 51 }, (_, i) => `m${i}`) }, '最多标记50条'],
    [{ ids: ['{"$gt":""}'] }, '消息编号不正确'],
    [{ ids: [{ $gt: '' }] }, ''],
    [{ all: false }, 'all'],
    [{ ids: ['abc'], all: true }, '二者选一'],
    [{ all: true, openid: OTHER }, ''],
  ])('bad input %# is refused in Chinese and writes nothing', async (payload, text) => {
    put(ME, 1);
    put(OTHER, 1);
    const before = cloud.writeCount();
    const result = await caller(cloud, ME)('user', 'markRead', payload);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    expect(result.error.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(result.error.message).toContain(text);
    expect(cloud.writeCount()).toBe(before);
    expect(unreadOf(ME) + unreadOf(OTHER)).toBe(2);
  });

  it('no caller → UNAUTHENTICATED, nothing written', async () => {
    put(ME, 1);
    const before = cloud.writeCount();
    expect(await caller(cloud, undefined)('user', 'markRead', { all: true })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    expect(cloud.writeCount()).toBe(before);
  });
});

it('a 登记结果 that WeChat could not push shows up in the inbox, unread, linking to the registration', async () => {
  // No subscription granted: notify stores the in-app message instead (43101).
  const registered = await register(cloud, ME, makeSeeker().sections);
  expect(registered.ok).toBe(true);
  const call = caller(cloud, ME);
  const inbox = await call('user', 'listMessages', {});
  expect(inbox.ok && inbox.data).toMatchObject({
    unread: 1,
    messages: [
      {
        title: '失业登记：已登记',
        page: 'packages/seeker/registration/mine/index',
        read: false,
      },
    ],
  });
  const id = inbox.ok ? inbox.data.messages[0].id : '';
  expect(await call('user', 'markRead', { ids: [id] })).toEqual({ ok: true, data: { unread: 0 } });
  expect(await caller(cloud, AS.citizen)('user', 'listMessages', {})).toMatchObject({
    ok: true,
    data: { messages: [], unread: 0 },
  });
});
