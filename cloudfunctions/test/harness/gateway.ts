/** A seeded local cloud behind a real HTTP gateway on an ephemeral port, for the harnesses. */
import { startGateway, type LocalCloud } from '@nuanxin/local';
import type { Role } from '@nuanxin/shared';

import { AS, seededCloud } from '../support';

export interface ContractEntry {
  fn: string;
  action: string;
  roles: Role[];
  writes: boolean;
  example: unknown;
  input: unknown;
  output: unknown;
}

export interface Harness {
  cloud: LocalCloud;
  url: string;
  contracts: ContractEntry[];
  post(fn: string, body: unknown, openid?: string): Promise<{ status: number; json: any }>;
  close(): Promise<void>;
}

/** One demo caller per role; citizens are tried both as new and as known users. */
export const CALLERS: Record<Role, string[]> = {
  citizen: [AS.newCitizen, AS.citizen],
  employer: [AS.employer],
  caseworker: [AS.caseworker],
  supervisor: [AS.supervisor],
  admin: [AS.admin],
};

export async function startHarness(): Promise<Harness> {
  const cloud = await seededCloud();
  const gateway = await startGateway({ cloud, port: 0, host: '127.0.0.1' });
  const contracts = (
    (await (await fetch(`${gateway.url}/cloud/_contract`)).json()) as {
      actions: ContractEntry[];
    }
  ).actions;
  return {
    cloud,
    url: gateway.url,
    contracts,
    async post(fn, body, openid) {
      const res = await fetch(`${gateway.url}/cloud/${fn}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(openid ? { 'x-wx-openid': openid } : {}),
        },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await res.text();
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        json = text;
      }
      return { status: res.status, json };
    },
    async close() {
      await gateway.close();
      await cloud.close();
    },
  };
}
