/**
 * The local cloud: the real wx-server-sdk with only its transport swapped, serving one store.
 * `invoke` runs a function the way CloudBase does — JSON event in, JSON result out, a WX context
 * per call, bounded by the function's timeout — and `runAs` runs any SDK code as a caller.
 */
import { randomUUID } from 'node:crypto';

import { COLLECTIONS, type CollectionSpec } from '@nuanxin/shared';

import { deepClone } from './clone';
import {
  LOCAL_APPID,
  LOCAL_ENV,
  runInInvocation,
  type CloudBackend,
  type Invocation,
  type WxContext,
} from './context';
import { ensureDataKey } from './dataKey';
import type { Clock } from './ejson';
import { FileStore } from './files';
import { DEFAULT_TIMEOUT_SECONDS, type FunctionConfig, type FunctionLoader } from './functions';
import { InvokeError, isInvokeError } from './invokeError';
import { Journal, DEFAULT_COMPACT_EVERY_WRITES } from './journal';
import { INTERNAL_COLLECTIONS, Outbox, type OutboxEntry } from './openapi';
import { Scheduler, type TimerEvent } from './scheduler';
import { loadSdk } from './sdk';
import { Store, type DocId } from './store';
import { TransactionManager } from './transactions';
import { installTransport } from './transport';
import { installWxPatches } from './wxPatches';

export interface LocalCloudOptions {
  /** Persist under this directory (journal + snapshot); in memory when absent. */
  dataDir?: string;
  functions: FunctionLoader;
  /** The cloud's clock: serverDate(), the scheduler, outbox times. Defaults to the system clock. */
  clock?: () => Date;
  /** Compact the journal into a snapshot every N write batches (default 1000). */
  compactEveryWrites?: number;
  /** Collections in addition to the manifest (test fixtures, e.g. one with a 2dsphere index). */
  extraCollections?: readonly CollectionSpec[];
}

export interface Caller {
  openid?: string;
  unionid?: string;
}

export interface StoreCollectionHandle {
  /** Matching documents (deep copies), MongoDB query syntax. */
  find(q?: object): Record<string, unknown>[];
  count(q?: object): number;
  /** Inserts a copy; returns its _id. Applied at once, durable by the next flush or close(). */
  insert(doc: object): string;
  /** How a query would be answered: access path and documents examined. */
  explain(q?: object): { using: string; examined: number; matched: number };
}

export interface LocalCloud {
  invoke(fn: string, event: unknown, caller?: Caller): Promise<unknown>;
  runAs<T>(caller: Caller, body: () => Promise<T>): Promise<T>;
  store: { collection(name: string): StoreCollectionHandle; collections(): string[] };
  writeCount(): number;
  outbox(): OutboxEntry[];
  grantSubscription(openid: string, templateId: string, times?: number): void;
  subscriptionQuota(openid: string, templateId: string): number;
  /** Cloud storage (request photos): what the gateway's upload and file routes use. */
  files: FileStore;
  scheduler: { start(): void; stop(): void; runTimer(fn: string, at?: Date): Promise<unknown> };
  close(): Promise<void>;
}

/** A JSON round trip: what crosses the function boundary on the cloud is JSON. */
function jsonCopy(value: unknown): unknown {
  if (value === undefined) return null;
  return JSON.parse(JSON.stringify(value)) as unknown;
}

export { InvokeError, isInvokeError, type InvokeErrorCode } from './invokeError';

class LocalCloudImpl implements CloudBackend {
  readonly transactions: TransactionManager;
  readonly clock: Clock;
  readonly files: FileStore;
  readonly scheduler: LocalCloud['scheduler'];
  private readonly outboxes: Outbox;
  private readonly timers: Scheduler;
  private closed = false;

  constructor(
    readonly store: Store,
    private readonly functions: FunctionLoader,
    clock: Clock,
    private readonly journal: Journal | undefined,
    dataDir: string | undefined,
  ) {
    this.clock = clock;
    this.files = new FileStore(dataDir, clock);
    this.transactions = new TransactionManager(store);
    this.outboxes = new Outbox(store, clock);
    this.timers = new Scheduler(functions, (fn, event) => this.fireTimer(fn, event), clock);
    this.scheduler = {
      start: () => this.timers.start(),
      stop: () => this.timers.stop(),
      runTimer: (fn, at) => this.timers.runTimer(fn, at),
    };
  }

  // ── invocation ─────────────────────────────────────────────────────────────────────────

  invoke(fn: string, event: unknown, caller: Caller = {}): Promise<unknown> {
    return this.execute(fn, event, this.wxContext(caller, 'wx_client'));
  }

  runAs<T>(caller: Caller, body: () => Promise<T>): Promise<T> {
    this.assertOpen();
    const invocation: Invocation = {
      backend: this,
      wx: this.wxContext(caller, 'wx_client'),
      fn: undefined,
      config: {},
      requestId: randomUUID(),
      expired: false,
    };
    return runInInvocation(invocation, body).finally(() =>
      this.transactions.abortOwnedBy(invocation),
    );
  }

  async callFunction(
    name: string,
    data: unknown,
    parent: Invocation,
  ): Promise<{ result: unknown; requestId: string }> {
    // The callee sees the same user; SOURCE records the chain, e.g. "wx_client,scf".
    const requestId = randomUUID();
    const wx = { ...parent.wx, SOURCE: `${parent.wx.SOURCE},scf` };
    return { result: await this.execute(name, data, wx, requestId), requestId };
  }

  private fireTimer(fn: string, event: TimerEvent): Promise<unknown> {
    return this.execute(fn, event, { ENV: LOCAL_ENV, SOURCE: 'wx_trigger' });
  }

  private wxContext(caller: Caller, source: string): WxContext {
    const wx: WxContext = { ENV: LOCAL_ENV, SOURCE: source };
    // OPENID and APPID exist only when a WeChat user calls (not for timers or anonymous calls).
    if (caller.openid) {
      wx.OPENID = caller.openid;
      wx.APPID = LOCAL_APPID;
      if (caller.unionid) wx.UNIONID = caller.unionid;
    }
    return wx;
  }

  private async execute(
    fn: string,
    event: unknown,
    wx: WxContext,
    requestId: string = randomUUID(),
  ): Promise<unknown> {
    if (this.closed) throw new InvokeError('CLOUD_CLOSED', -501001, '本地云已关闭', requestId);
    const entry = Object.prototype.hasOwnProperty.call(this.functions, fn)
      ? this.functions[fn]
      : undefined;
    if (!entry) {
      throw new InvokeError(
        'FUNCTION_NOT_FOUND',
        -501000,
        `[ResourceNotFound.FunctionName] FunctionName parameter could not be found. (${fn})`,
        requestId,
      );
    }
    const config: FunctionConfig = entry.config;
    const seconds = config.timeout ?? DEFAULT_TIMEOUT_SECONDS;
    const invocation: Invocation = { backend: this, wx, fn, config, requestId, expired: false };
    const context = {
      request_id: requestId,
      function_name: fn,
      function_version: '$LATEST',
      namespace: LOCAL_ENV,
      memory_limit_in_mb: 256,
      time_limit_in_ms: seconds * 1000,
    };
    const payload = jsonCopy(event);
    const run = runInInvocation(invocation, async () => entry.load().main(payload, context));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        invocation.expired = true;
        reject(
          new InvokeError(
            'FUNCTION_TIMEOUT',
            -504003,
            `Invoking task timed out after ${seconds} seconds`,
            requestId,
          ),
        );
      }, seconds * 1000);
    });
    // A function that keeps running after its timeout must not crash the process later.
    run.catch(() => undefined);
    try {
      return jsonCopy(await Promise.race([run, timeout]));
    } catch (error) {
      if (isInvokeError(error) && error.code === 'FUNCTION_TIMEOUT') throw error;
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      throw new InvokeError('FUNCTION_ERROR', -504002, message, requestId, { cause: error });
    } finally {
      clearTimeout(timer);
      this.transactions.abortOwnedBy(invocation);
    }
  }

  // ── openapi ────────────────────────────────────────────────────────────────────────────

  sendSubscribeMessage(params: unknown, invocation: Invocation): Promise<unknown> {
    return this.outboxes.send(params, invocation);
  }

  outbox(): OutboxEntry[] {
    return this.outboxes.list();
  }

  grantSubscription(openid: string, templateId: string, times = 1): void {
    this.track(this.outboxes.grant(openid, templateId, times));
  }

  subscriptionQuota(openid: string, templateId: string): number {
    return this.outboxes.quota(openid, templateId);
  }

  // ── store access for harnesses and the seed ────────────────────────────────────────────

  writeCount(): number {
    return this.store.writeCount();
  }

  readonly storeApi = {
    collections: (): string[] => this.store.names(),
    collection: (name: string): StoreCollectionHandle => {
      const coll = this.store.collection(name);
      return {
        find: (q = {}) => coll.match(q as Record<string, unknown>).map((doc) => deepClone(doc)),
        count: (q = {}) => coll.match(q as Record<string, unknown>).length,
        insert: (doc) => {
          const { ids, done } = this.store.insertNow(name, [
            deepClone(doc) as Record<string, unknown>,
          ]);
          this.track(done);
          return String(ids[0] as DocId);
        },
        explain: (q = {}) => {
          const before = coll.examined;
          const matched = coll.match(q as Record<string, unknown>).length;
          return { using: coll.lastPlan, examined: coll.examined - before, matched };
        },
      };
    },
  };

  /** Durability of synchronous writes is awaited by close(); a failure is reported, not thrown. */
  private track(done: Promise<void>): void {
    done.catch((error: unknown) => {
      console.error(
        `本地云：写入未能保存：${error instanceof Error ? error.message : String(error)}`,
      );
    });
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('本地云已关闭');
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.timers.stop();
    this.transactions.abortAll();
    await this.journal?.close();
  }
}

/** Creates a local cloud; with `dataDir`, restores it from disk and journals every write. */
export async function createLocalCloud(opts: LocalCloudOptions): Promise<LocalCloud> {
  const sdk = loadSdk();
  installTransport(sdk);
  installWxPatches(sdk);
  const store = new Store([
    ...COLLECTIONS,
    ...INTERNAL_COLLECTIONS,
    ...(opts.extraCollections ?? []),
  ]);
  const journal = opts.dataDir
    ? await Journal.open(
        opts.dataDir,
        store,
        opts.compactEveryWrites ?? DEFAULT_COMPACT_EVERY_WRITES,
      )
    : undefined;
  ensureDataKey(opts.dataDir);
  const cloud = new LocalCloudImpl(
    store,
    opts.functions,
    opts.clock ?? (() => new Date()),
    journal,
    opts.dataDir,
  );
  return {
    invoke: (fn, event, caller) => cloud.invoke(fn, event, caller),
    runAs: (caller, body) => cloud.runAs(caller, body),
    store: cloud.storeApi,
    writeCount: () => cloud.writeCount(),
    outbox: () => cloud.outbox(),
    grantSubscription: (openid, templateId, times) =>
      cloud.grantSubscription(openid, templateId, times),
    subscriptionQuota: (openid, templateId) => cloud.subscriptionQuota(openid, templateId),
    files: cloud.files,
    scheduler: cloud.scheduler,
    close: () => cloud.close(),
  };
}
