/**
 * The local HTTP gateway (node:http, no framework), bound to 127.0.0.1 unless told otherwise:
 *   POST /cloud/<fn>      the event as JSON → that function's JSON result; the caller's openid
 *                         comes from the X-WX-OPENID header (local only: WeChat injects it)
 *   GET  /cloud/_contract every action's roles and input/output JSON Schemas
 *   POST /cloud-upload    a request photo (JPEG/PNG bytes, ≤ 2 MB) for the X-WX-OPENID caller →
 *                         `{ ok: true, data: { fileID } }`; the store names the file (files.ts)
 *   GET  /cloud-file/<path>?exp=…&sig=…
 *                         a stored file behind a link from `cloud.getTempFileURL`: the signature
 *                         and expiry are the only authorisation (an <Image> sends no openid)
 *   /_dev/…               demo accounts, outbox, one-time subscription grants (H5 stand-in for
 *                         wx.requestSubscribeMessage)
 *   GET  /healthz         liveness
 *   /                     the H5 build
 * Errors are `{ ok: false, error: { code, message } }` with Chinese messages and never a stack.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { ERROR_MESSAGES, z, type ErrorCode } from '@nuanxin/shared';

import { isInvokeError, type LocalCloud } from './cloud';
import { contractDocument } from './contract';
import { demoAccounts, devPage, outboxNewestFirst } from './devPages';
import {
  FILE_ROUTE,
  MAX_UPLOAD_BYTES,
  UPLOAD_MESSAGES,
  UploadRefusal,
  type UploadRefusalCode,
} from './files';
import { DEFAULT_H5_DIR } from './paths';
import { serveStatic } from './staticFiles';

export const DEFAULT_PORT = 8787;
export const DEFAULT_HOST = '127.0.0.1';
/** CloudBase caps a callFunction payload at about 1 MB; so does the gateway. */
export const MAX_BODY_BYTES = 1024 * 1024;

export interface GatewayOptions {
  cloud: LocalCloud;
  port?: number;
  host?: string;
  h5Dir?: string;
  /**
   * Serve callers on other machines (HOST=0.0.0.0 with NUANXIN_ALLOW_REMOTE=1). Off by default:
   * the gateway trusts the X-WX-OPENID header, so anyone who can reach it can act as anyone.
   * When on, the /_dev/ pages (demo accounts, quota grants) are switched off.
   */
  allowRemote?: boolean;
}

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/**
 * A web page in the developer's browser can send requests to 127.0.0.1 (and, by DNS rebinding,
 * read the answers under its own host name): only loopback host names are served, and POST
 * bodies must be declared JSON, which a page cannot send cross-site without a CORS preflight.
 */
function checkHost(req: IncomingMessage, opts: GatewayOptions): void {
  if (opts.allowRemote) return;
  const host = (req.headers.host ?? '').toLowerCase();
  const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0];
  if (!LOOPBACK_NAMES.has(name ?? '')) {
    throw new HttpError(403, 'FORBIDDEN', '本地云只接受本机地址（127.0.0.1 或 localhost）的访问');
  }
}

function requireJson(req: IncomingMessage): void {
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  if (!type.startsWith('application/json')) {
    throw new HttpError(415, 'VALIDATION', '请求内容类型应为 application/json');
  }
}

export interface Gateway {
  url: string;
  port: number;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(text);
}

function sendError(res: ServerResponse, error: HttpError): void {
  sendJson(
    res,
    error.status,
    { ok: false, error: { code: error.code, message: error.message } },
    error.headers,
  );
}

const tooLarge = (): HttpError =>
  new HttpError(413, 'VALIDATION', '请求内容过大，请控制在 1 MB 以内');

/** Reads the body up to the limit; past it, stops reading and answers 413. */
async function readBody(req: IncomingMessage): Promise<string> {
  return (await readBytes(req, MAX_BODY_BYTES, tooLarge)).toString('utf8');
}

/** Reads a binary body up to `limit` bytes; past it, stops reading and rejects with `tooBig`. */
function readBytes(req: IncomingMessage, limit: number, tooBig: () => HttpError): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(tooBig());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        req.pause();
        reject(tooBig());
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const UPLOAD_TYPES = ['image/jpeg', 'image/png'];
const UPLOAD_STATUS: Record<UploadRefusalCode, number> = {
  NO_OPENID: 401,
  EMPTY: 400,
  TOO_LARGE: 413,
  NOT_IMAGE: 415,
};

/**
 * A request photo from the H5 client. The body is the image itself, declared image/jpeg or
 * image/png: not a type a cross-site form can send without a CORS preflight, like the JSON rule
 * for /cloud/. The declared type is only that guard; the bytes decide what the file is.
 */
async function upload(cloud: LocalCloud, req: IncomingMessage, res: ServerResponse) {
  const { openid } = callerFrom(req);
  if (!openid) throw new HttpError(401, 'UNAUTHENTICATED', UPLOAD_MESSAGES.NO_OPENID);
  const type = (req.headers['content-type'] ?? '').toLowerCase().split(';')[0]!.trim();
  if (!UPLOAD_TYPES.includes(type)) {
    throw new HttpError(415, 'VALIDATION', UPLOAD_MESSAGES.NOT_IMAGE);
  }
  const bytes = await readBytes(
    req,
    MAX_UPLOAD_BYTES,
    () => new HttpError(413, 'VALIDATION', UPLOAD_MESSAGES.TOO_LARGE),
  );
  try {
    const { fileID } = cloud.files.uploadRequestPhoto(openid, bytes);
    return sendJson(res, 200, { ok: true, data: { fileID } });
  } catch (error) {
    if (!(error instanceof UploadRefusal)) throw error;
    const status = UPLOAD_STATUS[error.code];
    throw new HttpError(
      status,
      error.code === 'NO_OPENID' ? 'UNAUTHENTICATED' : 'VALIDATION',
      error.message,
    );
  }
}

/** A file behind a signed link: the bytes, cacheable privately until the link expires. */
function serveFile(
  cloud: LocalCloud,
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
): void {
  let path: string;
  try {
    path = pathname.slice(FILE_ROUTE.length).split('/').map(decodeURIComponent).join('/');
  } catch {
    throw new HttpError(403, 'FORBIDDEN', '照片链接无效');
  }
  const query = new URLSearchParams((req.url ?? '').split('?')[1] ?? '');
  const check = cloud.files.checkLink(path, query.get('exp'), query.get('sig'));
  if (check === 'invalid') throw new HttpError(403, 'FORBIDDEN', '照片链接无效');
  if (check === 'expired') {
    throw new HttpError(403, 'FORBIDDEN', '照片链接已过期，请刷新页面后重新打开');
  }
  const file = cloud.files.read(path);
  if (!file) throw new HttpError(404, 'NOT_FOUND', '照片不存在或已被删除');
  const left = Math.max(0, Number(query.get('exp')) - Math.floor(Date.now() / 1000));
  res.writeHead(200, {
    'Content-Type': file.type,
    'Content-Length': file.bytes.length,
    'Cache-Control': `private, max-age=${left}`,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Content-Security-Policy': "default-src 'none'",
  });
  res.end(req.method === 'HEAD' ? undefined : file.bytes);
}

async function readJsonObject(req: IncomingMessage): Promise<Record<string, unknown>> {
  requireJson(req);
  const text = await readBody(req);
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, 'VALIDATION', '请求内容不是有效的 JSON，请检查后重试');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new HttpError(400, 'VALIDATION', '请求内容应为 JSON 对象');
  }
  return value as Record<string, unknown>;
}

function onlyMethods(req: IncomingMessage, methods: string[]): void {
  if (!methods.includes(req.method ?? '')) {
    throw new HttpError(405, 'VALIDATION', `不支持该请求方法，请使用 ${methods.join(' 或 ')}`, {
      Allow: methods.join(', '),
    });
  }
}

const FUNCTION_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

function callerFrom(req: IncomingMessage): { openid?: string } {
  const header = req.headers['x-wx-openid'];
  const openid = (Array.isArray(header) ? header[0] : header)?.trim();
  return openid ? { openid } : {};
}

const subscribeBody = z.strictObject({
  openid: z.string().trim().min(1, { error: '缺少 openid' }).max(128),
  templateIds: z
    .array(z.string().trim().min(1).max(128))
    .min(1, { error: '至少选择一个订阅消息模板' })
    .max(5, { error: '一次最多订阅 5 个模板' }),
});

async function route(
  opts: GatewayOptions,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const { cloud } = opts;
  const rawUrl = req.url ?? '/';
  const pathname = rawUrl.split('?')[0] ?? '/';
  checkHost(req, opts);

  if (pathname === '/healthz') {
    onlyMethods(req, ['GET', 'HEAD']);
    return sendJson(res, 200, { ok: true });
  }

  if (pathname === '/cloud/_contract') {
    onlyMethods(req, ['GET']);
    return sendJson(res, 200, contractDocument());
  }

  if (pathname === '/cloud-upload') {
    onlyMethods(req, ['POST']);
    return upload(cloud, req, res);
  }

  if (pathname.startsWith(FILE_ROUTE)) {
    onlyMethods(req, ['GET', 'HEAD']);
    return serveFile(cloud, req, res, pathname);
  }

  if (pathname.startsWith('/cloud/')) {
    const fn = pathname.slice('/cloud/'.length);
    onlyMethods(req, ['POST']);
    if (!FUNCTION_NAME.test(fn)) throw new HttpError(404, 'NOT_FOUND', '没有找到该云函数');
    const event = await readJsonObject(req);
    try {
      const result = await cloud.invoke(fn, event, callerFrom(req));
      return sendJson(res, 200, result);
    } catch (error) {
      if (isInvokeError(error) && error.code === 'FUNCTION_NOT_FOUND') {
        throw new HttpError(404, 'NOT_FOUND', '没有找到该云函数');
      }
      if (isInvokeError(error) && error.code === 'FUNCTION_TIMEOUT') {
        throw new HttpError(504, 'INTERNAL', '处理超时，请稍后再试');
      }
      console.error(
        `云函数 ${fn} 执行出错：`,
        isInvokeError(error) ? (error.cause ?? error) : error,
      );
      throw new HttpError(500, 'INTERNAL', ERROR_MESSAGES.INTERNAL);
    }
  }

  if (opts.allowRemote && (pathname === '/_dev' || pathname.startsWith('/_dev/'))) {
    throw new HttpError(404, 'NOT_FOUND', '远程访问模式下不提供开发工具页面');
  }
  if (pathname === '/_dev' || pathname === '/_dev/') {
    onlyMethods(req, ['GET']);
    const html = devPage(cloud);
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': Buffer.byteLength(html),
    });
    res.end(html);
    return;
  }
  if (pathname === '/_dev/accounts.json') {
    onlyMethods(req, ['GET']);
    return sendJson(res, 200, demoAccounts(cloud));
  }
  if (pathname === '/_dev/outbox.json') {
    onlyMethods(req, ['GET']);
    return sendJson(res, 200, outboxNewestFirst(cloud));
  }
  if (pathname === '/_dev/subscribe') {
    onlyMethods(req, ['POST']);
    const parsed = subscribeBody.safeParse(await readJsonObject(req));
    if (!parsed.success) {
      throw new HttpError(
        400,
        'VALIDATION',
        parsed.error.issues[0]?.message ?? ERROR_MESSAGES.VALIDATION,
      );
    }
    const { openid, templateIds } = parsed.data;
    for (const templateId of templateIds) cloud.grantSubscription(openid, templateId);
    const quotas = Object.fromEntries(
      templateIds.map((t) => [t, cloud.subscriptionQuota(openid, t)]),
    );
    return sendJson(res, 200, { ok: true, data: { openid, quotas } });
  }
  if (pathname.startsWith('/_dev/')) throw new HttpError(404, 'NOT_FOUND', '没有找到该页面');

  onlyMethods(req, ['GET', 'HEAD']);
  serveStatic(req, res, opts.h5Dir ?? DEFAULT_H5_DIR, pathname);
}

export function startGateway(opts: GatewayOptions): Promise<Gateway> {
  const server = createServer((req, res) => {
    route(opts, req, res).catch((error: unknown) => {
      const httpError =
        error instanceof HttpError
          ? error
          : new HttpError(500, 'INTERNAL', ERROR_MESSAGES.INTERNAL);
      if (!(error instanceof HttpError)) console.error('本地网关出错：', error);
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (httpError.status === 413) {
        // Stop reading the oversized body: answer, then close the connection.
        httpError.headers.Connection = 'close';
        res.on('finish', () => req.destroy());
      }
      sendError(res, httpError);
    });
  });
  const host = opts.host ?? DEFAULT_HOST;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? DEFAULT_PORT, host, () => {
      const { port } = server.address() as AddressInfo;
      const shownHost = host.includes(':') ? `[${host}]` : host;
      resolve({
        url: `http://${shownHost}:${port}`,
        port,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            server.closeAllConnections();
          }),
      });
    });
  });
}
