/**
 * Who is using the app right now. In h5 (local development and browser tests) the identity is a
 * demo openid picked on the dev login page and kept in Taro storage; in weapp the identity comes
 * from WeChat itself and no openid is ever stored. The current `whoami` answer is kept here so
 * the three tab pages share one copy and re-render when it changes.
 */
import Taro from '@tarojs/taro';

import type { Whoami } from '@nuanxin/shared';

const DEMO_OPENID_KEY = 'nuanxin.demoOpenid';

type Listener = () => void;

export interface SessionSnapshot {
  /** Bumped whenever the identity changes, so an answer for the previous account is dropped. */
  epoch: number;
  whoami: Whoami | null;
}

let snapshot: SessionSnapshot = { epoch: 0, whoami: null };
const listeners = new Set<Listener>();

function update(next: SessionSnapshot): void {
  snapshot = next;
  for (const listener of listeners) listener();
}

/** The demo openid chosen on the h5 dev login page, or null when none was chosen. */
export function getDemoOpenid(): string | null {
  try {
    const value: unknown = Taro.getStorageSync(DEMO_OPENID_KEY);
    return typeof value === 'string' && value.length > 0 ? value : null;
  } catch {
    return null;
  }
}

export function setDemoOpenid(openid: string): void {
  Taro.setStorageSync(DEMO_OPENID_KEY, openid);
  // A different account: the cached answer belongs to the previous one.
  update({ epoch: snapshot.epoch + 1, whoami: null });
}

/** Forget the demo account and its whoami (h5 "切换账号"). */
export function clearSession(): void {
  try {
    Taro.removeStorageSync(DEMO_OPENID_KEY);
  } catch {
    // Storage unavailable: nothing was stored either.
  }
  update({ epoch: snapshot.epoch + 1, whoami: null });
}

/** Immutable snapshot for `useSyncExternalStore`. */
export function getSnapshot(): SessionSnapshot {
  return snapshot;
}

export function getWhoami(): Whoami | null {
  return snapshot.whoami;
}

/** Keep the latest answer, unless the identity changed since `epoch` was read. */
export function setWhoami(next: Whoami, epoch = snapshot.epoch): void {
  if (epoch !== snapshot.epoch) return;
  update({ epoch: snapshot.epoch, whoami: next });
}

export function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
