/**
 * Size budget of the built weapp. WeChat's hard limit is 2 MB per package; the main package is
 * downloaded before the first screen, so ours is far lower.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

import { DIST, readAppJson, requireBuild } from './harness';

const KB = 1024;
const MAIN_BUDGET = 600 * KB;
const SUBPACKAGE_BUDGET = 2048 * KB;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

function kb(bytes: number): string {
  return `${(bytes / KB).toFixed(1)} KB`;
}

beforeAll(requireBuild);

function measure() {
  const appJson = readAppJson();
  const roots = (appJson.subPackages ?? appJson.subpackages ?? []).map((p) => p.root);
  const sizes = new Map<string, number>(roots.map((root) => [root, 0]));
  let main = 0;
  for (const file of filesUnder(DIST)) {
    const relative = path.relative(DIST, file).split(path.sep).join('/');
    const bytes = statSync(file).size;
    const root = roots.find((r) => relative.startsWith(`${r}/`));
    if (root) sizes.set(root, (sizes.get(root) ?? 0) + bytes);
    else main += bytes;
  }
  return { main, sizes, roots };
}

it(`main package (everything outside subpackage roots) is at most ${kb(MAIN_BUDGET)}`, () => {
  const { main } = measure();
  if (main > MAIN_BUDGET) {
    throw new Error(`主包 ${kb(main)}，超出预算 ${kb(MAIN_BUDGET)}`);
  }
  expect(main).toBeGreaterThan(0);
});

it(`each subpackage is at most ${kb(SUBPACKAGE_BUDGET)}`, () => {
  const { sizes, roots } = measure();
  expect(roots.length).toBeGreaterThan(0);
  const over = [...sizes].filter(([, bytes]) => bytes > SUBPACKAGE_BUDGET);
  expect(over.map(([root, bytes]) => `${root}: ${kb(bytes)}`)).toEqual([]);
  for (const [root, bytes] of sizes)
    expect({ root, empty: bytes === 0 }).toEqual({ root, empty: false });
});
