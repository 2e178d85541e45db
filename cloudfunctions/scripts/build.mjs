#!/usr/bin/env node
// Bundles each cloud function into a deployable folder under dist/cloudfunctions/<fn>/:
//   index.js      — the function with @nuanxin/shared and _lib inlined (esbuild, CommonJS, node16)
//   package.json  — depends on wx-server-sdk only (installed in the cloud: "云端安装依赖")
//   config.json   — timeout, timer trigger, openapi permissions
// project.config.json names dist/cloudfunctions/ as cloudfunctionRoot.
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const source = join(here, '..');
const repo = join(source, '..');
const out = process.env.NUANXIN_FUNCTIONS_OUT ?? join(repo, 'dist', 'cloudfunctions');
const require = createRequire(import.meta.url);
const sdkVersion = require('wx-server-sdk/package.json').version;

export function functionNames() {
  return readdirSync(source).filter(
    (name) =>
      !name.startsWith('_') &&
      !name.startsWith('.') &&
      name !== 'scripts' &&
      name !== 'node_modules' &&
      statSync(join(source, name)).isDirectory() &&
      existsSync(join(source, name, 'index.ts')),
  );
}

// zod re-exports every language as `z.locales`; we install zh-CN directly (shared/src/zod.ts), so
// the barrel is replaced by an empty module instead of shipping ~340 KB of other languages.
const onlyZhCnLocale = {
  name: 'zod-only-zh-cn',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${join('node_modules', 'zod')}`)
        ? { path: 'zod-locales-stub', namespace: 'zod-locales-stub' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-locales-stub' }, () => ({
      contents: '',
      loader: 'js',
    }));
  },
};

async function bundle(name) {
  const dir = join(out, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const result = await build({
    entryPoints: [join(source, name, 'index.ts')],
    outfile: join(dir, 'index.js'),
    bundle: true,
    platform: 'node',
    target: 'node16',
    format: 'cjs',
    external: ['wx-server-sdk'],
    legalComments: 'none',
    metafile: true,
    plugins: [onlyZhCnLocale],
    logLevel: 'warning',
  });
  writeFileSync(
    join(dir, 'package.json'),
    `${JSON.stringify(
      {
        name,
        version: '1.0.0',
        private: true,
        main: 'index.js',
        description: `暖心就业云函数 ${name}（由 npm run build:functions 生成，请勿手改）`,
        dependencies: { 'wx-server-sdk': sdkVersion },
      },
      null,
      2,
    )}\n`,
  );
  copyFileSync(join(source, name, 'config.json'), join(dir, 'config.json'));
  const bytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
  return { name, bytes };
}

// The database checklist for the CloudBase console: every collection with its indexes, and the
// security rule that denies all client access (functions have admin rights; the client never
// reads the database directly).
async function writeDatabaseChecklist() {
  const { outputFiles } = await build({
    entryPoints: [join(repo, 'shared', 'src', 'db', 'collections.ts')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
  });
  const code = Buffer.from(outputFiles[0].contents).toString('base64');
  const { COLLECTIONS } = await import(`data:text/javascript;base64,${code}`);
  const dir = join(repo, 'dist', 'database');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'collections.json'),
    `${JSON.stringify({ generatedBy: 'npm run build:functions', securityRule: { read: false, write: false }, collections: COLLECTIONS }, null, 2)}\n`,
  );
  return COLLECTIONS.length;
}

const names = functionNames();
const built = await Promise.all(names.map(bundle));
console.log(
  `数据库清单：${await writeDatabaseChecklist()} 个集合 → dist/database/collections.json`,
);
for (const { name, bytes } of built) {
  console.log(`云函数 ${name}: ${(bytes / 1024).toFixed(1)} KB → ${join(out, name)}`);
}
