/**
 * Test support for function tests: a fresh in-memory local cloud per test with the demo city
 * seeded, and a typed `call` that goes through the real wx-server-sdk on the local transport.
 */
import { createLocalCloud, loadCloudFunctions, seedDemo, type LocalCloud } from '@nuanxin/local';
import type { ActionName, Contracts, FunctionName, InputOf, Result } from '@nuanxin/shared';

import { callerFrom, database, usersRepo, type ActionContext, type Database } from '../_lib';

const functions = loadCloudFunctions();

export async function seededCloud(): Promise<LocalCloud> {
  const cloud = await createLocalCloud({ functions });
  await seedDemo(cloud);
  return cloud;
}

/** Demo accounts by role (see local/src/seed/data.ts). A never-seen openid is a new citizen. */
export const AS = {
  newCitizen: 'wx-new-user-0001',
  citizen: 'demo-citizen-1',
  employer: 'demo-employer-1',
  caseworker: 'demo-caseworker-370811',
  supervisor: 'demo-supervisor',
  admin: 'demo-admin',
} as const;

export function caller(cloud: LocalCloud, openid: string | undefined) {
  return async function call<F extends FunctionName, A extends ActionName<F>>(
    fn: F,
    action: A,
    payload: InputOf<Contracts[F][A]> | unknown,
  ): Promise<Result<any>> {
    return (await cloud.invoke(fn, { action, payload }, openid ? { openid } : {})) as Result<any>;
  };
}

/**
 * Crash injection, at the database handle an action is given (the platform's side), never in our
 * modules: what a dying instance throws.
 */
export const CRASH = '云函数实例已退出（测试注入）';

/** `target[key]`, a method bound to `target`: what a Proxy's `get` passes through untouched. */
export function bound<T extends object>(target: T, key: PropertyKey): unknown {
  const value = Reflect.get(target, key) as unknown;
  return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
}

/** The database of an instance that dies as soon as its first transaction has committed. */
export function diesAfterCommit(db: Database): Database {
  return new Proxy(db, {
    get: (target, key) => {
      if (key !== 'runTransaction') return bound(target, key);
      return async (body: unknown) => {
        await (
          target as unknown as { runTransaction(b: unknown): Promise<unknown> }
        ).runTransaction(body);
        throw new Error(CRASH);
      };
    },
  });
}

/** Runs a handler as `openid` in `cloud`, on the database `wrap` makes of the real one. */
export function runHandler<I, O>(
  cloud: LocalCloud,
  openid: string,
  handler: (input: I, ctx: ActionContext) => Promise<O>,
  input: I,
  wrap: (db: Database) => Database,
): Promise<O> {
  return cloud.runAs({ openid }, async () => {
    const db = database();
    const caller = callerFrom(openid, await usersRepo(db).byOpenid(openid));
    return handler(input, { caller, db: wrap(db), now: new Date() });
  });
}
