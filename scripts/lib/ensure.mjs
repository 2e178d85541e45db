// What `npm start` and `npm test` install when it is missing: npm dependencies (when the lockfile
// or a package.json changed since the last install) and, for browser tests, Debian's chromium
// with CJK fonts. Plain Node only: this runs before node_modules exists.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const repo = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..', '..');

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: repo, ...options });
  if (result.status !== 0) {
    const why = result.error ? result.error.message : `exit ${result.status ?? result.signal}`;
    throw new Error(`${command} ${args.join(' ')} 失败（${why}）`);
  }
}

function manifestHash() {
  const hash = createHash('sha256');
  const files = ['package.json', 'package-lock.json'];
  for (const ws of ['shared', 'cloudfunctions', 'local', 'client', 'e2e', 'bench']) {
    files.push(join(ws, 'package.json'));
  }
  for (const file of files) {
    const path = join(repo, file);
    if (existsSync(path)) hash.update(file).update(readFileSync(path));
  }
  return hash.digest('hex');
}

export function ensureDependencies() {
  const stamp = join(repo, 'node_modules', '.nuanxin-install-stamp');
  const want = manifestHash();
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === want) return;
  console.log('› 安装依赖 npm install（首次或依赖有变化时）…');
  // npm ci refuses npm 11 lockfiles that omit other platforms' optional packages; install works.
  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error']);
  writeFileSync(stamp, manifestHash());
}

function hasCjkFont() {
  const dirs = ['/usr/share/fonts/opentype/noto', '/usr/share/fonts/truetype/noto'];
  return dirs.some((d) => existsSync(d) && readdirSync(d).some((f) => /CJK/i.test(f)));
}

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function ensureChromium() {
  if (existsSync(CHROMIUM) && hasCjkFont()) return;
  console.log('› 安装浏览器测试所需的 chromium 与中文字体（Debian 软件包）…');
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const prefix = isRoot ? [] : ['sudo', '-n'];
  const apt = (args) =>
    run(prefix[0] ?? 'apt-get', [...prefix.slice(1), ...(isRoot ? [] : ['apt-get']), ...args], {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  try {
    apt(['update', '-qq']);
    apt(['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-noto-cjk']);
  } catch (error) {
    throw new Error(
      `无法安装 chromium：${error.message}。请以 root 运行，或手动执行 apt-get install chromium fonts-noto-cjk`,
    );
  }
}

/** Newest modification time of the files below `dirs` (skipping build output and deps). */
export function newestMtime(dirs) {
  let newest = 0;
  const walk = (path) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const name of readdirSync(path)) {
        if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
        walk(join(path, name));
      }
    } else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const dir of dirs) walk(join(repo, dir));
  return newest;
}

export function isFresh(output, sources) {
  const path = join(repo, output);
  return existsSync(path) && statSync(path).mtimeMs >= newestMtime(sources);
}
