/**
 * The built weapp's main package, loaded as WeChat would load it: app.js, then each tab page
 * with onLoad/onShow, checking what the page hands to setData.
 */
import { ROLE_LABELS } from '@nuanxin/shared';

import {
  flush,
  idsOf,
  installWeapp,
  lifecycle,
  loadApp,
  loadPage,
  readAppJson,
  requireBuild,
  textOf,
  type PageInstance,
  type WeappWorld,
} from './harness';

const CASEWORKER = {
  role: 'caseworker',
  roleLabel: ROLE_LABELS.caseworker,
  displayName: '张敏',
  org: 'employment',
  orgLabel: '就业中心',
  townships: ['370811002'],
  isNew: false,
};

const INBOX = {
  messages: [
    {
      id: 'm0001',
      title: '失业登记：已登记',
      body: '包保责任人张敏将与您联系。',
      page: 'packages/seeker/registration/mine/index',
      at: '2026-11-22T01:30:00.000Z',
      read: false,
    },
  ],
  unread: 1,
  nextBefore: null,
};

let world: WeappWorld;

beforeAll(() => {
  requireBuild();
  world = installWeapp((name, data) => {
    const { action } = data as { action: string };
    if (name === 'user' && action === 'whoami') return { ok: true, data: CASEWORKER };
    if (name === 'user' && action === 'listMessages') return { ok: true, data: INBOX };
    return { ok: false, error: { code: 'NOT_FOUND', message: '没有找到相关内容' } };
  });
  const app = loadApp(world);
  app.onLaunch?.call(app, { path: 'pages/home/index', query: {}, scene: 1001 });
  app.onShow?.call(app, { path: 'pages/home/index', query: {}, scene: 1001 });
});

async function open(route: string): Promise<PageInstance> {
  const page = loadPage(world, route);
  world.stack.push(page);
  lifecycle(page, 'onLoad', {});
  lifecycle(page, 'onShow');
  lifecycle(page, 'onReady');
  await flush();
  return page;
}

describe('app.json', () => {
  it('starts on home, keeps only tab pages in the main package and lazy-loads components', () => {
    const appJson = readAppJson();
    expect(appJson.pages).toEqual(['pages/home/index', 'pages/inbox/index', 'pages/me/index']);
    expect(appJson.tabBar?.list.map((t) => t.text)).toEqual(['首页', '消息', '我的']);
    expect(appJson.lazyCodeLoading).toBe('requiredComponents');
    expect(appJson.usingComponents).toBeUndefined();
    const roots = (appJson.subPackages ?? appJson.subpackages ?? []).map((p) => p.root);
    expect(roots).toEqual([
      'packages/seeker',
      'packages/employer',
      'packages/market',
      'packages/training',
      'packages/caseworker',
      'packages/supervisor',
      'packages/admin',
    ]);
  });
});

describe('home', () => {
  it('asks the cloud who the user is, then greets them and lists their services', async () => {
    const page = await open('pages/home/index');

    expect(world.cloud.init).toHaveBeenCalledTimes(1);
    // The environment baked in at build time (config/index.ts: NUANXIN_CLOUD_ENV or the default).
    const env = process.env.NUANXIN_CLOUD_ENV || 'nuanxin-prod';
    expect(world.cloud.init).toHaveBeenCalledWith({ env, traceUser: true });
    expect(world.cloud.callFunction).toHaveBeenCalledWith(
      expect.objectContaining({ name: 'user', data: { action: 'whoami', payload: {} } }),
    );

    const text = textOf(page.data);
    expect(text).toContain('您好，张敏');
    expect(text).toContain('包保责任人');
    for (const title of ['我的包保对象', '待办工单', '今日回访']) expect(text).toContain(title);
    expect(text).not.toContain('失业登记');
    expect(idsOf(page.data)).toEqual(
      expect.arrayContaining([
        'home-greeting',
        'entry-my-seekers',
        'entry-tasks',
        'entry-visits-today',
      ]),
    );
    // h5-only pieces never reach the weapp.
    expect(text).not.toContain('演示账号');
  });
});

describe('inbox', () => {
  it('asks for the first page when the tab is shown and lists the messages', async () => {
    const page = await open('pages/inbox/index');
    expect(world.cloud.callFunction).toHaveBeenCalledWith(
      expect.objectContaining({
        name: 'user',
        data: { action: 'listMessages', payload: { limit: 20 } },
      }),
    );
    const text = textOf(page.data);
    expect(text).toContain('失业登记：已登记');
    expect(text).toContain('11月22日 09:30');
    expect(text).toContain('全部标为已读');
    expect(idsOf(page.data)).toEqual(expect.arrayContaining(['inbox', 'message-m0001']));
  });
});

describe('me', () => {
  it('shows the name, role, organisation and townships, without the h5 account switch', async () => {
    const page = await open('pages/me/index');
    const text = textOf(page.data);
    expect(text).toContain('张敏');
    expect(text).toContain('包保责任人');
    expect(text).toContain('就业中心');
    expect(text).toContain('任城区 许庄街道');
    expect(text).not.toContain('切换账号');
    // The cloud is initialised once for the whole app, not per page.
    expect(world.cloud.init).toHaveBeenCalledTimes(1);
  });
});
