#!/usr/bin/env node
// npm test: every test layer, in order, on a fresh clone with no other step.
//   1 install what is missing (npm deps; Debian chromium + CJK fonts for the browser layer)
//   2 lint: ESLint, Prettier, TypeScript (strict) for every package
//   3 unit + function (real wx-server-sdk on the local transport, contract harnesses) + component
//   4 builds: cloud functions, weapp, H5
//   5 weapp bundle smoke + size budget, e2e in headless Chromium
// Ends with one line "N passed, N failed" over all jest layers.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ensureChromium, ensureDependencies, run } from './lib/ensure.mjs';

const started = Date.now();
const reports = mkdtempSync(join(tmpdir(), 'nuanxin-test-'));
const totals = { passed: 0, failed: 0 };
const phases = [];

function phase(name, body) {
  const t0 = Date.now();
  console.log(`\n━━ ${name}`);
  body();
  phases.push(`${name} ${((Date.now() - t0) / 1000).toFixed(1)}s`);
}

function jest(name, projects) {
  const outputFile = join(reports, `${name}.json`);
  let failed = null;
  try {
    run('npx', [
      'jest',
      '--ci',
      '--selectProjects',
      ...projects,
      '--json',
      `--outputFile=${outputFile}`,
    ]);
  } catch (error) {
    failed = error;
  }
  try {
    const report = JSON.parse(readFileSync(outputFile, 'utf8'));
    totals.passed += report.numPassedTests;
    totals.failed += report.numFailedTests + report.numRuntimeErrorTestSuites;
  } catch {
    totals.failed += 1;
  }
  if (failed) throw failed;
}

let exitCode = 0;
try {
  phase('安装依赖', () => {
    ensureDependencies();
    ensureChromium();
  });
  phase('代码检查 lint', () => run('npm', ['run', '--silent', 'lint']));
  phase('单元、云函数、组件测试', () => jest('fast', ['unit', 'function', 'component']));
  phase('构建 云函数 / weapp / H5', () => {
    run('npm', ['run', '--silent', 'build:functions']);
    run('npm', ['run', '--silent', 'build:weapp']);
    run('npm', ['run', '--silent', 'build:h5']);
  });
  phase('云函数包、weapp 包冒烟与体积、端到端测试', () =>
    jest('built', ['bundle', 'weapp', 'e2e']),
  );
} catch (error) {
  console.error(`\n✗ ${error.message}`);
  exitCode = 1;
}
console.log(
  `\n阶段用时：${phases.join('；')}；合计 ${((Date.now() - started) / 1000).toFixed(0)}s`,
);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(exitCode || (totals.failed > 0 ? 1 : 0));
