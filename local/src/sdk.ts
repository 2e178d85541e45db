/**
 * The real SDK modules the local cloud hooks into, resolved the way wx-server-sdk itself resolves
 * them: wx-server-sdk → @cloudbase/node-sdk → @cloudbase/database → bson. npm may nest copies, so
 * each step resolves from the directory of the module that requires it; patching a copy the SDK
 * does not use would silently send every call to the network.
 *
 * `require` (not `import`) on purpose: under jest it is jest's require, so the SDK, the function
 * code and this module share one module registry per test file.
 */
import { dirname, join } from 'node:path';

import { DEFAULT_FUNCTIONS_DIR } from './paths';

/** The wx-server-sdk version whose internals (Db.reqClass, response shapes) this module mirrors. */
export const PINNED_WX_SERVER_SDK = '4.0.2';

/** The requester class contract of @cloudbase/database: `new Db.reqClass(config).send(...)`. */
export interface RequesterClass {
  new (config: unknown): {
    send(action: string, params?: unknown, opts?: unknown): Promise<unknown>;
  };
}

export interface DbClass {
  reqClass?: RequesterClass;
}

export interface Ejson {
  parse(text: string, options?: { relaxed?: boolean }): unknown;
  stringify(value: unknown, options?: { relaxed?: boolean }): string;
}

/** The parts of the wx-server-sdk module object that the local cloud replaces per invocation. */
export interface WxServerSdk {
  version?: string;
  getWXContext: () => Record<string, unknown>;
  callFunction: (options: unknown) => Promise<unknown>;
  openapi: unknown;
  [key: string]: unknown;
}

export interface SdkHandles {
  wxPath: string;
  dbPath: string;
  bsonPath: string;
  version: string;
  wx: WxServerSdk;
  Db: DbClass;
  EJSON: Ejson;
  BSONRegExp: abstract new (...args: never[]) => { pattern: string; options: string };
  ObjectId: abstract new (...args: never[]) => { toHexString(): string };
}

let cached: SdkHandles | undefined;

/** Resolves wx-server-sdk as the cloud functions see it (from cloudfunctions/), then its deps. */
export function resolveSdkPaths(fromDir: string = DEFAULT_FUNCTIONS_DIR): {
  wxPath: string;
  nodeSdkPath: string;
  dbPath: string;
  bsonPath: string;
} {
  const wxPath = require.resolve('wx-server-sdk', { paths: [fromDir] });
  const nodeSdkPath = require.resolve('@cloudbase/node-sdk', { paths: [dirname(wxPath)] });
  const dbPath = require.resolve('@cloudbase/database', { paths: [dirname(nodeSdkPath)] });
  const bsonPath = require.resolve('bson', { paths: [dirname(dbPath)] });
  return { wxPath, nodeSdkPath, dbPath, bsonPath };
}

function packageVersion(modulePath: string, name: string): string {
  // The package.json sits at .../node_modules/<name>/package.json above the resolved entry.
  const marker = `${join('node_modules', name)}`;
  const at = modulePath.lastIndexOf(marker);
  if (at < 0) return 'unknown';
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pkg = require(join(modulePath.slice(0, at + marker.length), 'package.json')) as {
    version?: string;
  };
  return pkg.version ?? 'unknown';
}

export function loadSdk(): SdkHandles {
  if (cached) return cached;
  // Offline, node-sdk crashes the process on the first request without credentials; dummy values
  // make any call that still reaches the network fail normally instead (see PLATFORM-NOTES).
  process.env.TENCENTCLOUD_SECRETID ??= 'local-dummy-secret-id';
  process.env.TENCENTCLOUD_SECRETKEY ??= 'local-dummy-secret-key';
  const paths = resolveSdkPaths();
  /* eslint-disable @typescript-eslint/no-require-imports */
  const wx = require(paths.wxPath) as WxServerSdk;
  const database = require(paths.dbPath) as { Db?: DbClass };
  const bson = require(paths.bsonPath) as {
    EJSON: Ejson;
    BSONRegExp: SdkHandles['BSONRegExp'];
    ObjectId: SdkHandles['ObjectId'];
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
  if (!database.Db) {
    throw new Error(`本地云：${paths.dbPath} 不再导出 Db，wx-server-sdk 的传输接缝已变化`);
  }
  cached = {
    wxPath: paths.wxPath,
    dbPath: paths.dbPath,
    bsonPath: paths.bsonPath,
    version: packageVersion(paths.wxPath, 'wx-server-sdk'),
    wx,
    Db: database.Db,
    EJSON: bson.EJSON,
    BSONRegExp: bson.BSONRegExp,
    ObjectId: bson.ObjectId,
  };
  return cached;
}
