/**
 * 消息: the in-app inbox. Notices WeChat could not push as subscription messages (登记结果 and
 * the like, when the person has no one-time quota) are kept here, newest first. Tapping one marks
 * it read and opens the page it is about; the list refreshes every time the tab is shown.
 */
import { Button } from '@antmjs/vantui';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';

import { formatShanghai, yearKey } from '@nuanxin/shared';

import { Chevron } from '../../components/Chevron';
import { EmptyState, ErrorState, LoadingState } from '../../components/PageStatus';
import { call, type CallOutput } from '../../services/cloud';
import { getDemoOpenid } from '../../services/session';

import './index.less';

type Inbox = CallOutput<'user', 'listMessages'>;
type Message = Inbox['messages'][number];

type Load =
  { status: 'loading' } | { status: 'error'; message: string } | ({ status: 'ready' } & Inbox);

const LOGIN_URL = '/pages/login/index';
const PAGE_SIZE = 20;
/** The contract's largest page. */
const MAX_PAGE = 50;
/** Tab pages cannot be opened with navigateTo (app.config.ts tabBar). */
const TAB_PAGES = ['pages/home/index', 'pages/inbox/index', 'pages/me/index'];

/** '11月22日 09:30' in Shanghai time; a message from another year names the year. */
function messageTime(at: string, now = new Date()): string {
  return formatShanghai(at, yearKey(at) === yearKey(now) ? 'M月D日 HH:mm' : 'YYYY年M月D日 HH:mm');
}

function toast(title: string): void {
  void Taro.showToast({ title, icon: 'none' });
}

/** Opens the page a message links to (stored without the leading slash). */
function openPage(page: string): void {
  const url = page.startsWith('/') ? page : `/${page}`;
  const path = url.slice(1).split('?')[0] ?? '';
  const opened = TAB_PAGES.includes(path)
    ? Taro.switchTab({ url: `/${path}` })
    : Taro.navigateTo({ url });
  void Promise.resolve(opened).catch(() => toast('页面暂时无法打开，请稍后再试'));
}

function MessageRow({ message, onOpen }: { message: Message; onOpen: (m: Message) => void }) {
  return (
    <View
      className={message.read ? 'inbox-item' : 'inbox-item inbox-item--unread'}
      id={`message-${message.id}`}
      onClick={() => onOpen(message)}
    >
      <View className="inbox-item__head">
        {message.read ? null : <View className="inbox-item__dot" aria-label="未读" />}
        <Text className="inbox-item__title">{message.title}</Text>
        <Text className="inbox-item__time">{messageTime(message.at)}</Text>
      </View>
      <Text className="inbox-item__body">{message.body}</Text>
      {message.page ? (
        <View className="inbox-item__link">
          <Text>查看详情</Text>
          <Chevron />
        </View>
      ) : null}
    </View>
  );
}

export default function InboxPage() {
  // h5 without a chosen demo account has nobody to ask the cloud about (as on home).
  const needsLogin = process.env.TARO_ENV === 'h5' && getDemoOpenid() === null;
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<string | null>(null);
  const [readingAll, setReadingAll] = useState(false);
  // The newest refresh wins over an answer that arrives late (and over a late "load more").
  const latest = useRef(0);
  const hasList = useRef(false);
  const shownCount = useRef(0);
  useEffect(() => {
    if (load.status === 'ready') shownCount.current = load.messages.length;
  }, [load]);

  useEffect(() => {
    if (needsLogin) void Taro.reLaunch({ url: LOGIN_URL });
  }, [needsLogin]);

  const refresh = useCallback(async () => {
    const ticket = ++latest.current;
    // A list already on screen stays there while it refreshes.
    if (!hasList.current) setLoad({ status: 'loading' });
    // Coming back from a message: as many as were on screen (one call, at most 50), so the list
    // does not shrink under the person's thumb.
    const limit = Math.min(MAX_PAGE, Math.max(PAGE_SIZE, shownCount.current));
    const result = await call('user', 'listMessages', { limit });
    if (ticket !== latest.current) return;
    if (!result.ok) {
      if (hasList.current) toast(result.error.message);
      else setLoad({ status: 'error', message: result.error.message });
      return;
    }
    hasList.current = true;
    setMoreError(null);
    setLoad({ status: 'ready', ...result.data });
  }, []);

  useDidShow(() => {
    if (!needsLogin) void refresh();
  });

  const loadMore = async () => {
    if (load.status !== 'ready' || !load.nextBefore || loadingMore) return;
    const ticket = latest.current;
    setLoadingMore(true);
    setMoreError(null);
    const result = await call('user', 'listMessages', {
      before: load.nextBefore,
      limit: PAGE_SIZE,
    });
    setLoadingMore(false);
    if (ticket !== latest.current) return;
    if (!result.ok) {
      setMoreError(result.error.message);
      return;
    }
    setLoad((prev) => {
      if (prev.status !== 'ready') return prev;
      const known = new Set(prev.messages.map((m) => m.id));
      return {
        status: 'ready',
        messages: [...prev.messages, ...result.data.messages.filter((m) => !known.has(m.id))],
        unread: result.data.unread,
        nextBefore: result.data.nextBefore,
      };
    });
  };

  const open = (message: Message) => {
    if (!message.read) {
      // Shown as read at once; the answer brings the true unread count. Should marking fail
      // (offline), the next refresh shows the message unread again.
      setLoad((prev) =>
        prev.status === 'ready'
          ? {
              ...prev,
              unread: Math.max(0, prev.unread - 1),
              messages: prev.messages.map((m) => (m.id === message.id ? { ...m, read: true } : m)),
            }
          : prev,
      );
      void call('user', 'markRead', { ids: [message.id] }).then((result) => {
        if (!result.ok) return;
        setLoad((prev) =>
          prev.status === 'ready' ? { ...prev, unread: result.data.unread } : prev,
        );
      });
    }
    if (message.page) openPage(message.page);
  };

  const readAll = async () => {
    if (readingAll) return;
    setReadingAll(true);
    const result = await call('user', 'markRead', { all: true });
    setReadingAll(false);
    if (!result.ok) {
      toast(result.error.message);
      return;
    }
    setLoad((prev) =>
      prev.status === 'ready'
        ? {
            ...prev,
            unread: result.data.unread,
            messages: prev.messages.map((m) => (m.read ? m : { ...m, read: true })),
          }
        : prev,
    );
  };

  let content;
  if (needsLogin) content = <LoadingState text="正在前往登录…" />;
  else if (load.status === 'loading') content = <LoadingState />;
  else if (load.status === 'error') {
    content = (
      <ErrorState
        message={load.message}
        onRetry={() => {
          setLoad({ status: 'loading' });
          void refresh();
        }}
      />
    );
  } else if (load.messages.length === 0) {
    content = (
      <EmptyState title="暂无消息" text="有新的岗位推荐、培训通知或办理进度时，会在这里提醒您。" />
    );
  } else {
    content = (
      <>
        <View className="inbox-bar">
          <Text className="inbox-bar__count" id="inbox-unread">
            {load.unread > 0 ? `${load.unread} 条未读` : '全部已读'}
          </Text>
          {load.unread > 0 ? (
            <Button
              plain
              round
              size="small"
              className="outline-button outline-button--primary"
              id="inbox-read-all"
              loading={readingAll}
              onClick={() => void readAll()}
            >
              全部标为已读
            </Button>
          ) : null}
        </View>
        <View className="inbox-list">
          {load.messages.map((message) => (
            <MessageRow key={message.id} message={message} onOpen={open} />
          ))}
        </View>
        <View className="inbox-footer">
          {moreError ? (
            <Text className="inbox-footer__error" id="inbox-more-error">
              {moreError}
            </Text>
          ) : null}
          {load.nextBefore ? (
            <Button
              plain
              round
              block
              className="outline-button"
              id="inbox-more"
              loading={loadingMore}
              onClick={() => void loadMore()}
            >
              {moreError ? '重新加载更多' : '加载更多'}
            </Button>
          ) : (
            <Text className="inbox-footer__end">没有更多消息了</Text>
          )}
        </View>
      </>
    );
  }

  return (
    <View className="inbox" id="inbox">
      {content}
    </View>
  );
}
