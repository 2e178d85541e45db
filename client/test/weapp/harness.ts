/**
 * Loads the built weapp (`client/dist/weapp`) in Node with small stand-ins for what WeChat
 * provides — `wx`, `App`, `getApp`, `Page`, `Component`, `getCurrentPages` — so a test can
 * `require` the real `app.js` and page files, drive their lifecycle and read the data the pages
 * hand to `setData` (the tree WeChat would render).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const DIST = path.resolve(__dirname, '..', '..', 'dist', 'weapp');

/** Fail (never skip) when the build is missing: the weapp layer tests the build output. */
export function requireBuild(): void {
  if (!existsSync(path.join(DIST, 'app.js'))) {
    throw new Error(
      `找不到 weapp 构建产物 ${DIST}。请先在仓库根目录运行 \`npm run build:weapp\`，再运行这一层测试。` +
        `(weapp build missing: run \`npm run build:weapp\` first)`,
    );
  }
}

export interface AppJson {
  pages: string[];
  subPackages?: { root: string; pages: string[] }[];
  subpackages?: { root: string; pages: string[] }[];
  tabBar?: { list: { pagePath: string; text: string }[] };
  lazyCodeLoading?: string;
  usingComponents?: unknown;
}

export function readAppJson(): AppJson {
  return JSON.parse(readFileSync(path.join(DIST, 'app.json'), 'utf8')) as AppJson;
}

type Data = Record<string, unknown>;
type Hook = (this: PageInstance, ...args: unknown[]) => unknown;
type AppHook = (this: unknown, ...args: unknown[]) => unknown;

export interface PageInstance {
  route: string;
  data: Data;
  options: Record<string, string>;
  setData: (patch: Data, callback?: () => void) => void;
  /** Every `setData` patch, in order. */
  patches: Data[];
  [key: string]: unknown;
}

export interface CloudStandIn {
  init: jest.Mock;
  callFunction: jest.Mock;
}

export interface WeappWorld {
  app: Record<string, AppHook> | null;
  pageConfigs: Map<string, Record<string, unknown>>;
  stack: PageInstance[];
  cloud: CloudStandIn;
  storage: Map<string, unknown>;
}

/** Split a setData path such as `root.cn.[0].cn.[2].v` into keys. */
function parsePath(expression: string): (string | number)[] {
  const keys: (string | number)[] = [];
  for (const match of expression.matchAll(/\[(\d+)\]|[^.[\]]+/g)) {
    keys.push(match[1] !== undefined ? Number(match[1]) : match[0]);
  }
  return keys;
}

function applyPatch(data: Data, patch: Data): void {
  for (const [expression, value] of Object.entries(patch)) {
    const keys = parsePath(expression);
    let target: Record<string | number, unknown> = data;
    for (let i = 0; i < keys.length - 1; i += 1) {
      const key = keys[i]!;
      const next = target[key];
      if (typeof next !== 'object' || next === null) {
        target[key] = typeof keys[i + 1] === 'number' ? [] : {};
      }
      target = target[key] as Record<string | number, unknown>;
    }
    target[keys[keys.length - 1]!] = structuredClone(value);
  }
}

/**
 * The text a user would read: every text node (`v`) of the rendered tree, in document order,
 * one per line. Class names, styles and Taro's node ids are left out.
 */
export function textOf(tree: unknown): string {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (typeof record.v === 'string') out.push(record.v);
      Object.values(record).forEach(walk);
    }
  };
  walk(tree);
  return out.join('\n');
}

/** Every `id` in a rendered tree (Taro keeps element ids in the node's `uid`/`sid`/`id`). */
export function idsOf(tree: unknown): string[] {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (typeof record.uid === 'string') out.push(record.uid);
      if (typeof record.id === 'string') out.push(record.id);
      Object.values(record).forEach(walk);
    }
  };
  walk(tree);
  return out;
}

/** Install the WeChat globals; `callFunction` answers with `answer(name, data)`. */
export function installWeapp(answer: (name: string, data: unknown) => unknown): WeappWorld {
  const world: WeappWorld = {
    app: null,
    pageConfigs: new Map(),
    stack: [],
    cloud: {
      init: jest.fn(),
      callFunction: jest.fn(async ({ name, data }: { name: string; data: unknown }) => ({
        errMsg: 'cloud.callFunction:ok',
        result: answer(name, data),
      })),
    },
    storage: new Map(),
  };
  const ok =
    (name: string) =>
    (options: { success?: (r: unknown) => void } = {}) => {
      const result = { errMsg: `${name}:ok` };
      options.success?.(result);
      return Promise.resolve(result);
    };
  const systemInfo = {
    platform: 'android',
    model: 'Redmi 9A',
    pixelRatio: 2,
    windowWidth: 375,
    windowHeight: 667,
    screenWidth: 375,
    screenHeight: 667,
    SDKVersion: '3.4.0',
    version: '8.0.50',
    language: 'zh_CN',
  };
  const wx: Record<string, unknown> = {
    cloud: world.cloud,
    getSystemInfoSync: () => systemInfo,
    getWindowInfo: () => systemInfo,
    getDeviceInfo: () => systemInfo,
    getAppBaseInfo: () => systemInfo,
    getStorageSync: (key: string) => world.storage.get(key) ?? '',
    setStorageSync: (key: string, value: unknown) => void world.storage.set(key, value),
    removeStorageSync: (key: string) => void world.storage.delete(key),
    navigateTo: ok('navigateTo'),
    redirectTo: ok('redirectTo'),
    reLaunch: ok('reLaunch'),
    switchTab: ok('switchTab'),
    navigateBack: ok('navigateBack'),
    showToast: ok('showToast'),
    hideToast: ok('hideToast'),
    setClipboardData: ok('setClipboardData'),
    nextTick: (fn: () => void) => setTimeout(fn, 0),
    createSelectorQuery: () => ({
      in() {
        return this;
      },
      select() {
        return this;
      },
      selectAll() {
        return this;
      },
      boundingClientRect() {
        return this;
      },
      exec: (cb?: (r: unknown[]) => void) => cb?.([]),
    }),
    onAppShow: () => undefined,
    onAppHide: () => undefined,
    canIUse: () => true,
  };
  Object.assign(globalThis, {
    wx,
    App: (config: Record<string, AppHook>) => {
      world.app = config;
    },
    getApp: () => world.app,
    Page: (config: Record<string, unknown>) => {
      world.pageConfigs.set(currentlyLoading, config);
    },
    Component: () => undefined,
    Behavior: (config: unknown) => config,
    getCurrentPages: () => world.stack,
    requirePlugin: () => ({}),
  });
  return world;
}

let currentlyLoading = '';

export function loadApp(world: WeappWorld): Record<string, AppHook> {
  // The built bundle is CommonJS for WeChat's own `require`; load it the same way.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(path.join(DIST, 'app.js'));
  if (!world.app) throw new Error('app.js did not call App()');
  return world.app;
}

/** Require a built page file and create the instance WeChat would, without running hooks. */
export function loadPage(world: WeappWorld, route: string): PageInstance {
  currentlyLoading = route;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(path.join(DIST, `${route}.js`));
  const config = world.pageConfigs.get(route);
  if (!config) throw new Error(`${route}.js did not call Page()`);
  const page: PageInstance = {
    ...(config as Record<string, unknown>),
    route,
    options: {},
    data: structuredClone((config.data as Data | undefined) ?? {}),
    patches: [],
    setData(patch, callback) {
      this.patches.push(patch);
      applyPatch(this.data, patch);
      callback?.();
    },
  };
  return page;
}

/** Call a lifecycle hook the way WeChat does, with the page as `this`. */
export function lifecycle(page: PageInstance, hook: string, ...args: unknown[]): void {
  const fn = page[hook];
  if (typeof fn !== 'function') throw new Error(`${page.route} has no ${hook}`);
  (fn as Hook).apply(page, args);
}

/** Let React commit and Taro flush its batched setData. */
export async function flush(ms = 20): Promise<void> {
  for (let i = 0; i < 3; i += 1) await new Promise((resolve) => setTimeout(resolve, ms));
}
