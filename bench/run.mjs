#!/usr/bin/env node
// npm run bench [-- --scale N]: runs bench/src/main.ts under tsx; prints JSON and keeps a copy in
// bench/results/ (ignored by git). Not part of npm test: speed goals are met here, not in unit tests.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const result = spawnSync(
  process.execPath,
  ['--expose-gc', '--import', 'tsx', join(here, 'src', 'main.ts'), ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
