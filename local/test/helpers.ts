/**
 * Shared test setup: a fresh in-memory local cloud over the fixture functions, with a few test
 * collections beside the manifest (a unique index, a hash index, a 2dsphere index).
 */
import { request } from 'node:http';
import { join } from 'node:path';

import type { CollectionSpec } from '@nuanxin/shared';

import {
  createLocalCloud,
  loadCloudFunctions,
  type LocalCloud,
  type LocalCloudOptions,
} from '../src';

export const FIXTURE_FUNCTIONS = join(__dirname, 'fixtures', 'functions');

export const TEST_COLLECTIONS: readonly CollectionSpec[] = [
  {
    name: 'items',
    title: '测试：商品',
    indexes: [
      { name: 'sku_unique', keys: { sku: 1 }, unique: true },
      { name: 'category', keys: { category: 1 } },
    ],
  },
  {
    name: 'places',
    title: '测试：地点',
    indexes: [{ name: 'loc_geo', keys: { loc: '2dsphere' } }],
  },
  { name: 'ticks', title: '测试：定时记录', indexes: [] },
  { name: 'orders', title: '测试：订单', indexes: [{ name: 'item', keys: { itemId: 1 } }] },
];

export function newCloud(extra: Partial<LocalCloudOptions> = {}): Promise<LocalCloud> {
  return createLocalCloud({
    functions: loadCloudFunctions(FIXTURE_FUNCTIONS),
    extraCollections: TEST_COLLECTIONS,
    ...extra,
  });
}

/**
 * The real wx-server-sdk, as function code sees it. Typed loosely on purpose: its own d.ts
 * declares every result as `Promise<T> | void | string`, which would need a cast per call.
 */

export type Sdk = any;

export function wxSdk(): Sdk {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cloud = require('wx-server-sdk') as Sdk;
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
  return cloud;
}

/** What an awaited SDK promise rejected with (fails the test if it resolved). */
export async function rejection(
  promise: Promise<unknown>,
): Promise<{ errCode?: unknown; errMsg?: string; message: string; code?: unknown }> {
  try {
    await promise;
  } catch (error) {
    return error as { errCode?: unknown; errMsg?: string; message: string };
  }
  throw new Error('expected the call to fail, but it succeeded');
}

export interface HttpReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/**
 * A raw HTTP request to a local gateway on `port` (the path is sent as is, e.g. with ../
 * segments). A `Transfer-Encoding: chunked` header sends the body without a Content-Length.
 */
export function httpRequest(
  port: number,
  method: string,
  path: string,
  opts: { headers?: Record<string, string>; body?: Buffer | string } = {},
): Promise<HttpReply> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      outcome();
    };
    let reset: NodeJS.ErrnoException | null = null;
    let answered = false;
    const req = request({ host: '127.0.0.1', port, method, path, headers: opts.headers }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      const reply = () => ({
        status: res.statusCode ?? 0,
        headers: res.headers,
        body: Buffer.concat(chunks),
      });
      res.on('data', (c: Buffer) => chunks.push(c));
      // The whole answer, or what arrived of it before the connection was cut.
      res.on('end', () => settle(() => resolve(reply())));
      res.on('error', () => undefined);
      res.on('close', () => settle(() => resolve(reply())));
    });
    // A server that stops reading an oversized body may reset the socket while we still write,
    // and still answer: wait for the connection to close, then take the answer if one came.
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE' || error.code === 'ECONNRESET') reset = error;
      else settle(() => reject(error));
    });
    req.on('close', () => {
      if (answered) return; // the response's own end/close settles
      settle(() =>
        reject(
          new Error(
            `${method} ${path}: connection closed without an answer` +
              (reset ? ` (${reset.code}: ${reset.message})` : ''),
          ),
        ),
      );
    });
    req.end(opts.body);
  });
}
