/**
 * Serving the H5 build: files under the build directory with proper content types, index.html
 * for unknown page paths (Taro's router lives in the page), 404 for unknown assets, and no way
 * out of the directory. Without a build, a Chinese page says how to make one.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export function contentType(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

const MISSING_BUILD = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>暖心就业 · 尚未构建 H5</title></head>
<body style="font-family:sans-serif;max-width:40em;margin:3em auto;line-height:1.7">
<h1>H5 页面尚未构建</h1>
<p>本地云已在运行，但还没有找到 H5 构建产物。请在项目根目录运行：</p>
<pre style="background:#f4f4f4;padding:1em">npm run build:h5</pre>
<p>构建完成后刷新本页即可。开发工具页：<a href="/_dev/">/_dev/</a></p>
</body></html>`;

function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string,
  head: boolean,
): void {
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
  res.end(head ? undefined : body);
}

export function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  root: string,
  pathname: string,
): void {
  const head = req.method === 'HEAD';
  const base = resolve(root);
  const index = join(base, 'index.html');
  if (!existsSync(index)) return send(res, 503, 'text/html; charset=utf-8', MISSING_BUILD, head);

  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return send(res, 400, 'text/plain; charset=utf-8', '请求路径无效', head);
  }
  const target = resolve(base, `.${decoded.startsWith('/') ? '' : '/'}${decoded}`);
  if (decoded.includes('\0') || (target !== base && !target.startsWith(base + sep))) {
    return send(res, 403, 'text/plain; charset=utf-8', '禁止访问', head);
  }
  let file = target;
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!existsSync(file) || !statSync(file).isFile()) {
    // A page route (no extension) gets the app shell; a missing asset is a real 404.
    if (extname(decoded) !== '' && extname(decoded) !== '.html') {
      return send(res, 404, 'text/plain; charset=utf-8', '文件不存在', head);
    }
    file = index;
  }
  const size = statSync(file).size;
  res.writeHead(200, {
    'Content-Type': contentType(file),
    'Content-Length': size,
    'Cache-Control': file.endsWith('.html') ? 'no-cache' : 'public, max-age=300',
    'X-Content-Type-Options': 'nosniff',
  });
  if (head) {
    res.end();
    return;
  }
  // The file can vanish between stat and open (an H5 rebuild while serving): end this response,
  // never the process.
  const stream = createReadStream(file);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}
