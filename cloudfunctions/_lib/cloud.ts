/**
 * The one place that touches `wx-server-sdk` (house style 7): `cloud.init` runs once here, and
 * everything else asks this module for the database, the caller's WeChat context and openapi.
 */
import cloud from 'wx-server-sdk';

// DYNAMIC_CURRENT_ENV: the environment the function is deployed in (typed as a string by the SDK).
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

export type Database = ReturnType<typeof cloud.database>;

/** What repositories need: the database itself, or a transaction (same `collection()` surface). */
export type Store = Pick<Database, 'collection'>;

/**
 * Runs `body` in a database transaction: all its writes commit together or none do; throwing
 * (e.g. an AppError) rolls back and rethrows. Only doc() get/update/set/remove and add inside.
 */
export function transaction<T>(db: Database, body: (tx: Store) => Promise<T>): Promise<T> {
  return (
    db as unknown as { runTransaction(cb: (tx: Store) => Promise<T>): Promise<T> }
  ).runTransaction(body);
}

export function database(): Database {
  return cloud.database();
}

/** Query and update operators (`_.in`, `_.gt`, `_.set`, …); usable inside transactions too. */
export function command(): Database['command'] {
  return cloud.database().command;
}

interface PageableQuery {
  orderBy(field: string, direction: 'asc' | 'desc'): PageableQuery;
  skip(n: number): PageableQuery;
  limit(n: number): PageableQuery;
  get(): unknown;
}

/**
 * Reads every row of a query in pages, in _id order (a server-side get() returns 100 rows by
 * default and at most 1000). For bounded sets only — a caseworker's people, one person's log.
 */
export async function allRows<T>(query: unknown, pageSize = 100): Promise<T[]> {
  const ordered = (query as PageableQuery).orderBy('_id', 'asc');
  const out: T[] = [];
  for (let offset = 0; ; offset += pageSize) {
    const page = await rows<T>(ordered.skip(offset).limit(pageSize));
    out.push(...page);
    if (page.length < pageSize) return out;
  }
}

/** The caller's identity as WeChat injects it; only valid inside an invocation. */
export interface WxContext {
  OPENID?: string;
  APPID?: string;
  UNIONID?: string;
  /** What triggered this run: 'wx_client', 'wx_trigger' (timer), 'wx_client,scf', … */
  SOURCE?: string;
}

export function wxContext(): WxContext {
  return cloud.getWXContext() as WxContext;
}

export async function callFunction(name: string, data: unknown): Promise<unknown> {
  const res = (await cloud.callFunction({ name, data: data as Record<string, unknown> })) as {
    result?: unknown;
  };
  return res.result;
}

/** The SDK's promise-or-callback typings, narrowed to what a server-side `get()` resolves to. */
export async function rows<T>(query: { get(): unknown }): Promise<T[]> {
  const res = (await query.get()) as { data: T[] };
  return res.data;
}

/** A `doc(id).get()` narrowed; the cloud rejects a missing id, so this never returns nothing. */
export async function docOf<T>(ref: { get(): unknown }): Promise<T> {
  const res = (await ref.get()) as { data: T };
  return res.data;
}

export { cloud };
