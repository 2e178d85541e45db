/**
 * The deployable folders made by `npm run build:functions`: each holds index.js with shared code
 * inlined (only wx-server-sdk and Node built-ins required), package.json depending on wx-server-sdk
 * alone, and config.json; and the built code answers like the source through the local cloud.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';

import {
  createLocalCloud,
  loadCloudFunctions,
  seedDemo,
  type FunctionLoader,
} from '@nuanxin/local';

const dist = join(__dirname, '..', '..', '..', 'dist', 'cloudfunctions');
const sourceNames = Object.keys(loadCloudFunctions()).sort();

it('every cloud function has a deployable folder (run npm run build:functions first)', () => {
  expect(existsSync(dist)).toBe(true);
  expect(readdirSync(dist).sort()).toEqual(sourceNames);
});

describe.each(sourceNames)('%s', (name) => {
  const dir = join(dist, name);

  it('package.json depends on wx-server-sdk only, pinned', () => {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    expect(pkg.main).toBe('index.js');
    expect(pkg.dependencies).toEqual({ 'wx-server-sdk': '4.0.2' });
  });

  it('index.js requires nothing but wx-server-sdk and Node built-ins', () => {
    const code = readFileSync(join(dir, 'index.js'), 'utf8');
    const required = [...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]!);
    const allowed = new Set([
      'wx-server-sdk',
      ...builtinModules,
      ...builtinModules.map((m) => `node:${m}`),
    ]);
    expect(required.filter((r) => !allowed.has(r))).toEqual([]);
    expect(code).not.toContain('@nuanxin/shared');
  });

  it('config.json is the source config', () => {
    expect(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'))).toEqual(
      JSON.parse(readFileSync(join(__dirname, '..', '..', name, 'config.json'), 'utf8')),
    );
  });
});

it('the built user function answers whoami through the local cloud', async () => {
  const source = loadCloudFunctions();
  const built: FunctionLoader = {};
  for (const name of sourceNames) {
    built[name] = {
      config: source[name]!.config,
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the deployable CommonJS file
      load: () => require(join(dist, name, 'index.js')),
    };
  }
  const cloud = await createLocalCloud({ functions: built });
  try {
    await seedDemo(cloud);
    const result = await cloud.invoke(
      'user',
      { action: 'whoami', payload: {} },
      { openid: 'demo-admin' },
    );
    expect(result).toMatchObject({ ok: true, data: { role: 'admin', displayName: '刘海燕' } });
  } finally {
    await cloud.close();
  }
});
