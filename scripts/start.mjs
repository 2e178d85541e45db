#!/usr/bin/env node
// npm start: installs what is missing, builds what is stale, seeds demo data on the first run and
// serves the H5 app and the local cloud on http://127.0.0.1:8787 (PORT, HOST, NUANXIN_DATA_DIR).
import { spawn } from 'node:child_process';
import { join } from 'node:path';

import { ensureDependencies, isFresh, repo, run } from './lib/ensure.mjs';

const CLIENT_SOURCES = ['client/src', 'client/config', 'client/babel.config.js', 'shared/src'];

try {
  ensureDependencies();
  if (isFresh('client/dist/h5/index.html', CLIENT_SOURCES)) {
    console.log('› H5 已是最新构建，跳过构建');
  } else {
    console.log('› 构建 H5（首次约 1 分钟）…');
    run('npm', ['run', '--silent', 'build:h5']);
  }
  run('npm', ['run', '--silent', 'build:functions']);
} catch (error) {
  console.error(`启动失败：${error.message}`);
  process.exit(1);
}

const server = spawn(process.execPath, ['--import', 'tsx', join(repo, 'local/src/main.ts')], {
  cwd: repo,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
