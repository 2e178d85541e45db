/**
 * The pin on the transport seam. Everything local/ does rests on wx-server-sdk 4.0.2 building its
 * database requests with `new Db.reqClass(config).send(action, params)` from the
 * @cloudbase/database copy it resolves itself. If an upgrade moves any of that, these tests fail
 * with a message that says what moved — before any function test fails for obscure reasons.
 */
import { PINNED_WX_SERVER_SDK, loadSdk, resolveSdkPaths } from '../src/sdk';
import { installTransport, isLocalRequester, requesterStats } from '../src/transport';

import { FIXTURE_FUNCTIONS, newCloud, wxSdk, type Sdk } from './helpers';

const MOVED = (what: string): string =>
  `wx-server-sdk 的传输接缝已变化：${what}。local/ 依赖 wx-server-sdk ${PINNED_WX_SERVER_SDK} 的 @cloudbase/database Db.reqClass；升级 SDK 前请先更新 local/src/transport.ts 并重新核对响应格式。`;

function pin(condition: boolean, what: string): void {
  if (!condition) throw new Error(MOVED(what));
}

describe('transport seam pin (wx-server-sdk internals local/ relies on)', () => {
  it('wx-server-sdk resolves to the pinned version 4.0.2, from the functions and from local/', () => {
    const sdk = loadSdk();
    pin(
      sdk.version === PINNED_WX_SERVER_SDK,
      `安装的版本是 ${sdk.version}，不是 ${PINNED_WX_SERVER_SDK}`,
    );
    pin(
      require.resolve('wx-server-sdk') === resolveSdkPaths(FIXTURE_FUNCTIONS).wxPath,
      'cloudfunctions 与 local 解析到了不同的 wx-server-sdk 副本',
    );
    expect(sdk.version).toBe('4.0.2');
  });

  it('node-sdk assigns the @cloudbase/database Db.reqClass (a class with send) on cloud.database()', () => {
    const paths = resolveSdkPaths();
    pin(paths.dbPath.includes('@cloudbase/database'), `解析到的路径异常：${paths.dbPath}`);
    // A fresh module registry: the SDK exactly as installed, before local/ pins anything.
    jest.isolateModules(() => {
      /* eslint-disable @typescript-eslint/no-require-imports */
      const cloud = require(paths.wxPath) as Sdk;
      const { Db } = require(paths.dbPath) as {
        Db?: { reqClass?: { prototype?: { send?: unknown } } };
      };
      /* eslint-enable @typescript-eslint/no-require-imports */
      pin(Db !== undefined, '@cloudbase/database 不再导出 Db');
      cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
      cloud.database();
      pin(typeof Db?.reqClass === 'function', 'cloud.database() 之后 Db.reqClass 不是一个类');
      pin(
        typeof Db?.reqClass?.prototype?.send === 'function',
        'Db.reqClass 的实例没有 send(action, params) 方法',
      );
      expect(isLocalRequester(Db?.reqClass)).toBe(false);
    });
  });

  it('the pinned reqClass survives cloud.database(), which re-assigns it on every call', () => {
    installTransport();
    const cloud = wxSdk();
    cloud.database();
    cloud.database();
    pin(
      isLocalRequester(loadSdk().Db.reqClass),
      'cloud.database() 之后 Db.reqClass 不再是本地请求器',
    );
    expect(isLocalRequester(loadSdk().Db.reqClass)).toBe(true);
  });

  it('a database call through the real SDK is answered by the local requester, not the network', async () => {
    const local = await newCloud();
    try {
      const before = requesterStats.sent;
      const cloud = wxSdk();
      const result = await local.runAs({ openid: 'o-pin' }, async () => {
        const db = cloud.database();
        const added = await db.collection('items').add({ data: { sku: 'PIN-1' } });
        return db.collection('items').doc(added._id).get();
      });
      pin(
        requesterStats.sent - before === 2,
        `本地请求器没有收到请求（收到 ${requesterStats.sent - before} 个）`,
      );
      expect(result.data.sku).toBe('PIN-1');
      expect(result.errMsg).toBe('document.get:ok');
    } finally {
      await local.close();
    }
  });
});
