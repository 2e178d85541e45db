/**
 * Test support for function tests: a fresh in-memory local cloud per test with the demo city
 * seeded, and a typed `call` that goes through the real wx-server-sdk on the local transport.
 */
import { createLocalCloud, loadCloudFunctions, seedDemo, type LocalCloud } from '@nuanxin/local';
import type { ActionName, Contracts, FunctionName, InputOf, Result } from '@nuanxin/shared';

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
