/**
 * Finding cloud functions: cloudfunctions/<name>/index.ts with its config.json, skipping helper
 * folders, and refusing a config.json that would not deploy.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { DEFAULT_FUNCTIONS_DIR, loadCloudFunctions } from '../src';

import { FIXTURE_FUNCTIONS } from './helpers';

it('finds every <name>/index.ts and skips _lib, scripts and names starting with _ or .', () => {
  expect(Object.keys(loadCloudFunctions(FIXTURE_FUNCTIONS))).toEqual([
    'boom',
    'caller',
    'echo',
    'hello',
    'notify',
    'notifyNoPerm',
    'slow',
    'tick',
    'writer',
  ]);
});

it('reads config.json: timeout, timer trigger and openapi permissions (none → {})', () => {
  const functions = loadCloudFunctions(FIXTURE_FUNCTIONS);
  expect(functions.slow?.config).toEqual({ timeout: 1 });
  expect(functions.tick?.config.triggers).toEqual([
    { name: 'morning', type: 'timer', config: '0 0 9 * * * *' },
  ]);
  expect(functions.notify?.config.permissions).toEqual({ openapi: ['subscribeMessage.send'] });
  expect(functions.echo?.config).toEqual({});
  expect(typeof functions.echo?.load().main).toBe('function');
});

it('defaults to the repository cloudfunctions/ folder and never lists its helpers', () => {
  expect(DEFAULT_FUNCTIONS_DIR.endsWith('cloudfunctions')).toBe(true);
  const names = Object.keys(loadCloudFunctions());
  expect(names.filter((n) => n.startsWith('_') || n === 'scripts')).toEqual([]);
});

it('a config.json that would not deploy is refused with a Chinese message naming the file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nuanxin-fns-'));
  try {
    mkdirSync(join(dir, 'bad'));
    writeFileSync(join(dir, 'bad', 'index.ts'), 'export async function main() { return null; }');
    writeFileSync(
      join(dir, 'bad', 'config.json'),
      JSON.stringify({ triggers: [{ name: 't', type: 'cron', config: '* * * * * * *' }] }),
    );
    expect(() => loadCloudFunctions(dir)).toThrow(/bad.config\.json 格式不正确/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
