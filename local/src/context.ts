/**
 * The invocation context: who is calling (the WX context a function reads with getWXContext) and
 * which local cloud serves the call. It travels with the async call chain (AsyncLocalStorage), so
 * several local clouds can live in one process (one per jest test) and every SDK call made while a
 * function runs reaches the store of the cloud that invoked it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

import type { Clock } from './ejson';
import type { FileStore } from './files';
import type { FunctionConfig } from './functions';
import type { Store } from './store';
import type { TransactionManager } from './transactions';

/** What `cloud.getWXContext()` returns inside an invocation. */
export interface WxContext {
  OPENID?: string;
  APPID?: string;
  UNIONID?: string;
  ENV: string;
  SOURCE: string;
}

/** The services of one local cloud that the SDK hooks reach through the context. */
export interface CloudBackend {
  readonly store: Store;
  readonly transactions: TransactionManager;
  readonly clock: Clock;
  /** Cloud storage: request photos, signed links for `cloud.getTempFileURL`. */
  readonly files: FileStore;
  /** Runs another function in-process for `cloud.callFunction`, as the same caller. */
  callFunction(
    name: string,
    data: unknown,
    parent: Invocation,
  ): Promise<{ result: unknown; requestId: string }>;
  /** `cloud.openapi.subscribeMessage.send` into the outbox. */
  sendSubscribeMessage(params: unknown, invocation: Invocation): Promise<unknown>;
}

export interface Invocation {
  readonly backend: CloudBackend;
  readonly wx: WxContext;
  /** The function being run, or undefined for `runAs` bodies. */
  readonly fn: string | undefined;
  readonly config: FunctionConfig;
  readonly requestId: string;
  /** Set when the function's timeout fired: its late database calls are refused. */
  expired: boolean;
}

const storage = new AsyncLocalStorage<Invocation>();

export function currentInvocation(): Invocation | undefined {
  return storage.getStore();
}

export function runInInvocation<T>(invocation: Invocation, body: () => Promise<T>): Promise<T> {
  return storage.run(invocation, body);
}

/** The environment id local functions see as ENV (on CloudBase, the cloud environment id). */
export const LOCAL_ENV = 'local';
/** The AppID local callers appear to come from. */
export const LOCAL_APPID = 'wx0000000000local';
