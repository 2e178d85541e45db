/** 消息 (inbox): the person's own notices, marking read, opening the linked page, paging. */
import Taro from '@tarojs/taro';
import { act, render } from '@testing-library/react';

import { yearKey } from '@nuanxin/shared';

import InboxPage from '../../src/pages/inbox/index';
import { clearSession, setDemoOpenid } from '../../src/services/session';

import { byAction, ok, payloadsOf, refused } from './caseloadFixtures';
import { cloudCalls, settle, stubFetch, tap } from './helpers';

// Page lifecycle is a platform boundary: jsdom has no tab bar to show a page again. Here
// `useDidShow` runs when the page mounts (its first show, as in WeChat) and again on `showAgain()`.
const mockShows = new Set<() => void>();
jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual('@tarojs/taro');
  const { useEffect, useRef } = jest.requireActual('react');
  return {
    __esModule: true,
    ...actual,
    default: actual.default,
    useDidShow(fn: () => void) {
      const ref = useRef(fn);
      ref.current = fn;
      useEffect(() => {
        const show = () => ref.current();
        mockShows.add(show);
        show();
        return () => void mockShows.delete(show);
      }, []);
    },
  };
});

async function showAgain(): Promise<void> {
  await act(async () => {
    for (const show of mockShows) show();
  });
  await settle();
}

beforeEach(() => {
  clearSession();
  setDemoOpenid('demo-citizen-1');
  jest.restoreAllMocks();
});

const YEAR = yearKey(new Date());
const MINE_PAGE = 'packages/seeker/registration/mine/index';

let next = 0;
function makeMessage(overrides: Record<string, unknown> = {}) {
  next += 1;
  return {
    id: `m${String(next).padStart(4, '0')}`,
    title: '失业登记：已登记',
    body: '包保责任人张敏将在3个工作日内与您联系。',
    page: MINE_PAGE,
    at: `${YEAR}-11-22T01:30:00.000Z`,
    read: false,
    ...overrides,
  };
}

const inbox = (
  messages: ReturnType<typeof makeMessage>[],
  extra: { unread?: number; nextBefore?: string | null } = {},
) =>
  ok({
    messages,
    unread: extra.unread ?? messages.filter((m) => !m.read).length,
    nextBefore: extra.nextBefore ?? null,
  });

const rowIds = (container: Element) =>
  [...container.querySelectorAll('.inbox-item')].map((row) => row.id);
const dots = (container: Element) =>
  [...container.querySelectorAll('.inbox-item__dot')].map((dot) => dot.closest('.inbox-item')!.id);

it('lists the messages with title, body, Shanghai time and an unread dot', async () => {
  const result = makeMessage();
  const older = makeMessage({
    title: '失业登记：已提交',
    body: '您的登记已提交，请等待核验。',
    at: '2024-03-05T23:05:00.000Z',
    read: true,
    page: null,
  });
  const { requests } = stubFetch(byAction({ listMessages: () => inbox([result, older]) }));
  const { container } = render(<InboxPage />);
  expect(container.querySelector('#inbox #page-loading')).not.toBeNull();
  await settle();

  expect(payloadsOf(requests, 'listMessages')).toEqual([{ limit: 20 }]);
  expect(rowIds(container)).toEqual([`message-${result.id}`, `message-${older.id}`]);
  const first = container.querySelector(`#message-${result.id}`)!;
  expect(first.querySelector('.inbox-item__title')?.textContent).toBe('失业登记：已登记');
  expect(first.querySelector('.inbox-item__body')?.textContent).toContain('张敏');
  expect(first.querySelector('.inbox-item__time')?.textContent).toBe('11月22日 09:30');
  expect(first.textContent).toContain('查看详情');
  const second = container.querySelector(`#message-${older.id}`)!;
  expect(second.querySelector('.inbox-item__time')?.textContent).toBe('2024年3月6日 07:05');
  expect(second.textContent).not.toContain('查看详情');
  expect(dots(container)).toEqual([`message-${result.id}`]);
  expect(container.querySelector('#inbox-unread')?.textContent).toBe('1 条未读');
  expect(container.querySelector('#inbox-more')).toBeNull();
  expect(container.textContent).toContain('没有更多消息了');
});

it('a tap marks the message read and opens its page', async () => {
  const unread = makeMessage();
  const other = makeMessage();
  const { requests } = stubFetch(
    byAction({
      listMessages: () => inbox([unread, other]),
      markRead: () => ok({ unread: 1 }),
    }),
  );
  const navigateTo = jest.spyOn(Taro, 'navigateTo');
  const { container } = render(<InboxPage />);
  await settle();
  expect(container.querySelector('#inbox-unread')?.textContent).toBe('2 条未读');

  await tap(container.querySelector(`#message-${unread.id}`));
  await settle();
  expect(payloadsOf(requests, 'markRead')).toEqual([{ ids: [unread.id] }]);
  expect(navigateTo).toHaveBeenCalledWith({ url: `/${MINE_PAGE}` });
  expect(dots(container)).toEqual([`message-${other.id}`]);
  expect(container.querySelector('#inbox-unread')?.textContent).toBe('1 条未读');
});

it('a read message without a page: nothing to mark, nowhere to go; a tab page opens as a tab', async () => {
  const plain = makeMessage({ read: true, page: null });
  const toMe = makeMessage({ read: true, page: 'pages/me/index' });
  const { requests } = stubFetch(byAction({ listMessages: () => inbox([plain, toMe]) }));
  const navigateTo = jest.spyOn(Taro, 'navigateTo');
  const switchTab = jest.spyOn(Taro, 'switchTab');
  const { container } = render(<InboxPage />);
  await settle();

  await tap(container.querySelector(`#message-${plain.id}`));
  await settle();
  expect(navigateTo).not.toHaveBeenCalled();
  await tap(container.querySelector(`#message-${toMe.id}`));
  await settle();
  expect(switchTab).toHaveBeenCalledWith({ url: '/pages/me/index' });
  expect(navigateTo).not.toHaveBeenCalled();
  expect(cloudCalls(requests)).toEqual(['user.listMessages']);
  expect(container.querySelector('#inbox-unread')?.textContent).toBe('全部已读');
  expect(container.querySelector('#inbox-read-all')).toBeNull();
});

it('全部标为已读 marks everything read', async () => {
  const messages = [makeMessage(), makeMessage(), makeMessage({ read: true })];
  const { requests } = stubFetch(
    byAction({
      listMessages: () => inbox(messages, { unread: 5 }),
      markRead: () => ok({ unread: 0 }),
    }),
  );
  const { container } = render(<InboxPage />);
  await settle();
  expect(dots(container)).toHaveLength(2);
  expect(container.querySelector('#inbox-unread')?.textContent).toBe('5 条未读');

  await tap(container.querySelector('#inbox-read-all'));
  await settle();
  expect(payloadsOf(requests, 'markRead')).toEqual([{ all: true }]);
  expect(dots(container)).toEqual([]);
  expect(container.querySelector('#inbox-unread')?.textContent).toBe('全部已读');
  expect(container.querySelector('#inbox-read-all')).toBeNull();
});

it('全部标为已读 failing says why and keeps the messages unread', async () => {
  stubFetch(
    byAction({
      listMessages: () => inbox([makeMessage()]),
      markRead: () => refused('INTERNAL', '服务暂时不可用，请稍后重试'),
    }),
  );
  const showToast = jest.spyOn(Taro, 'showToast');
  const { container } = render(<InboxPage />);
  await settle();
  await tap(container.querySelector('#inbox-read-all'));
  await settle();
  expect(showToast).toHaveBeenCalledWith({ title: '服务暂时不可用，请稍后重试', icon: 'none' });
  expect(dots(container)).toHaveLength(1);
});

it('loads more with the cursor, appends, and retries a failed page', async () => {
  const page1 = [makeMessage(), makeMessage()];
  const page2 = [makeMessage({ read: true })];
  const cursor = `${YEAR}-11-22T01:29:00.000Z`;
  let failMore = true;
  const { requests } = stubFetch(
    byAction({
      listMessages: (payload) => {
        if (!payload.before) return inbox(page1, { nextBefore: cursor });
        if (failMore) return refused('INTERNAL', '网络不可用，请检查网络后重试');
        return inbox(page2, { unread: 2 });
      },
    }),
  );
  const { container } = render(<InboxPage />);
  await settle();
  expect(container.textContent).not.toContain('没有更多消息了');

  await tap(container.querySelector('#inbox-more'));
  await settle();
  expect(container.querySelector('#inbox-more-error')?.textContent).toBe(
    '网络不可用，请检查网络后重试',
  );
  expect(rowIds(container)).toHaveLength(2);

  failMore = false;
  await tap(container.querySelector('#inbox-more'));
  await settle();
  expect(payloadsOf(requests, 'listMessages')).toEqual([
    { limit: 20 },
    { before: cursor, limit: 20 },
    { before: cursor, limit: 20 },
  ]);
  expect(rowIds(container)).toEqual([...page1, ...page2].map((m) => `message-${m.id}`));
  expect(container.querySelector('#inbox-more')).toBeNull();
  expect(container.querySelector('#inbox-more-error')).toBeNull();
  expect(container.textContent).toContain('没有更多消息了');
});

it('refreshes every time the tab is shown again', async () => {
  const first = makeMessage({ title: '第一条' });
  const later = makeMessage({ title: '新消息' });
  let messages = [first];
  const { requests } = stubFetch(byAction({ listMessages: () => inbox(messages) }));
  const { container } = render(<InboxPage />);
  await settle();
  expect(rowIds(container)).toEqual([`message-${first.id}`]);

  messages = [later, first];
  await showAgain();
  expect(cloudCalls(requests)).toEqual(['user.listMessages', 'user.listMessages']);
  expect(rowIds(container)).toEqual([`message-${later.id}`, `message-${first.id}`]);
});

it('coming back after loading more asks for as many as were on screen', async () => {
  const page1 = Array.from({ length: 20 }, () => makeMessage());
  const page2 = Array.from({ length: 5 }, () => makeMessage({ read: true }));
  const cursor = `${YEAR}-11-22T01:00:00.000Z`;
  const { requests } = stubFetch(
    byAction({
      listMessages: (payload) =>
        payload.before
          ? inbox(page2, { unread: 20 })
          : payload.limit === 20
            ? inbox(page1, { nextBefore: cursor })
            : inbox([...page1, ...page2]),
    }),
  );
  const { container } = render(<InboxPage />);
  await settle();
  await tap(container.querySelector('#inbox-more'));
  await settle();
  expect(rowIds(container)).toHaveLength(25);

  await showAgain();
  expect(payloadsOf(requests, 'listMessages')).toEqual([
    { limit: 20 },
    { before: cursor, limit: 20 },
    { limit: 25 },
  ]);
  expect(rowIds(container)).toHaveLength(25);
  expect(container.querySelector('#inbox-more')).toBeNull();
});

it('a failed refresh keeps the list on screen and says why', async () => {
  let online = true;
  stubFetch(() => (online ? inbox([makeMessage()]) : new TypeError('Failed to fetch')));
  const showToast = jest.spyOn(Taro, 'showToast');
  const { container } = render(<InboxPage />);
  await settle();
  online = false;
  await showAgain();
  expect(rowIds(container)).toHaveLength(1);
  expect(showToast).toHaveBeenCalledWith({ title: '网络不可用，请检查网络后重试', icon: 'none' });
});

it('an empty inbox says so kindly', async () => {
  stubFetch(byAction({ listMessages: () => inbox([]) }));
  const { container } = render(<InboxPage />);
  await settle();
  const empty = container.querySelector('#inbox #page-empty');
  expect(empty?.textContent).toContain('暂无消息');
  expect(empty?.textContent).toContain('会在这里提醒您');
  expect(container.querySelector('#inbox-read-all')).toBeNull();
  expect(container.querySelector('#inbox-more')).toBeNull();
});

it('a failure shows the message in Chinese, and retry loads the inbox', async () => {
  let fail = true;
  stubFetch(
    byAction({
      listMessages: () =>
        fail ? refused('INTERNAL', '服务暂时不可用，请稍后重试') : inbox([makeMessage()]),
    }),
  );
  const { container } = render(<InboxPage />);
  await settle();
  expect(container.querySelector('#page-error-message')?.textContent).toBe(
    '服务暂时不可用，请稍后重试',
  );
  fail = false;
  await tap(container.querySelector('#page-retry'));
  await settle();
  expect(container.querySelector('#page-error')).toBeNull();
  expect(rowIds(container)).toHaveLength(1);
});

it('sends an h5 visitor without a chosen account to the login page, without calling the cloud', async () => {
  clearSession();
  const { fetch } = stubFetch(() => ({ body: {} }));
  const reLaunch = jest.spyOn(Taro, 'reLaunch');
  const { container } = render(<InboxPage />);
  await settle();
  expect(reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' });
  expect(fetch).not.toHaveBeenCalled();
  expect(container.querySelector('#inbox')).not.toBeNull();
});
