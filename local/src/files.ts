/**
 * The local cloud's file storage (what CloudBase cloud storage is in production), for the one kind
 * of file the service keeps: the photo a citizen may attach to a request (工单).
 *
 * - Files live under `<dataDir>/files/<cloudPath>` (written to a temp file, fsynced, renamed), or
 *   in memory for a cloud without a data dir (tests).
 * - An upload names no path: the store picks `requests/<key>/<random>.jpg|png`, where <key> is the
 *   uploader's folder exactly as the cloud functions compute it (`photoFolderOf`), so a function
 *   can tell whose a fileID is. fileIDs are `cloud://local/<cloudPath>`.
 * - Only JPEG and PNG are taken, recognised by their first bytes (a declared content type proves
 *   nothing), and at most 2 MB.
 * - `cloud.downloadFile` and `cloud.deleteFile` (wxPatches.ts) read and remove stored files, as
 *   the functions do in production (where storage holds whatever a client uploaded: `place` puts
 *   such bytes here directly, past the gateway's checks, for tests).
 * - `cloud.getTempFileURL` (wxPatches.ts) hands out links `/cloud-file/<path>?exp=…&sig=…`: an
 *   HMAC over path and expiry with a secret that lives only in this process, valid for the
 *   requested maxAge (10 minutes by default). An <Image> request carries no openid, so that
 *   signature is all the gateway checks before serving the bytes.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { photoFolderOf } from '@nuanxin/cloudfunctions/_lib/files';

import { LOCAL_ENV } from './context';
import type { Clock } from './ejson';

/** Largest photo taken: 2 MB (the client compresses; a phone photo is usually far smaller). */
export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;
/** Link lifetime when the caller names none (CloudBase lets the caller choose; we keep it short). */
export const DEFAULT_LINK_SECONDS = 600;
/** Longest link handed out, whatever the caller asks for: one day. */
export const MAX_LINK_SECONDS = 24 * 60 * 60;
/** The gateway route that serves signed links. */
export const FILE_ROUTE = '/cloud-file/';

export type ImageType = 'image/jpeg' | 'image/png';

const SIGNATURES: { type: ImageType; ext: 'jpg' | 'png'; magic: number[] }[] = [
  { type: 'image/jpeg', ext: 'jpg', magic: [0xff, 0xd8, 0xff] },
  { type: 'image/png', ext: 'png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

/** What the bytes are, by their first bytes; null for anything but JPEG and PNG. */
export function sniffImage(bytes: Uint8Array): { type: ImageType; ext: 'jpg' | 'png' } | null {
  const found = SIGNATURES.find(
    ({ magic }) => bytes.length > magic.length && magic.every((b, i) => bytes[i] === b),
  );
  return found ? { type: found.type, ext: found.ext } : null;
}

export type UploadRefusalCode = 'NO_OPENID' | 'EMPTY' | 'TOO_LARGE' | 'NOT_IMAGE';

/** Why an upload was refused, with the Chinese message the uploader reads. */
export class UploadRefusal extends Error {
  constructor(
    readonly code: UploadRefusalCode,
    message: string,
  ) {
    super(message);
  }
}

export const UPLOAD_MESSAGES: Record<UploadRefusalCode, string> = {
  NO_OPENID: '请先登录后再上传照片',
  EMPTY: '没有收到照片内容，请重新选择照片',
  TOO_LARGE: '照片不能超过 2 MB，请换一张或压缩后再试',
  NOT_IMAGE: '只能上传 JPG 或 PNG 格式的照片',
};

/** A stored path: segments of letters, digits, _ and -, the last with an extension. */
const SAFE_PATH = /^(?:[A-Za-z0-9_-]+\/)+[A-Za-z0-9_-]+\.(?:jpg|png)$/;

export type LinkCheck = 'ok' | 'expired' | 'invalid';

export class FileStore {
  private readonly memory = new Map<string, Buffer>();
  /** Signs links; new every process, so a restart ends every link handed out before it. */
  private readonly secret = randomBytes(32);
  private readonly root: string | undefined;

  constructor(
    dataDir: string | undefined,
    private readonly clock: Clock,
  ) {
    this.root = dataDir ? join(dataDir, 'files') : undefined;
  }

  /**
   * Stores a citizen's request photo in their own folder; the name is the store's, never the
   * uploader's. Refuses (UploadRefusal) without an openid, when empty, over 2 MB, or not a JPEG
   * or PNG by its bytes.
   */
  uploadRequestPhoto(openid: string | undefined, bytes: Buffer): { fileID: string; path: string } {
    if (!openid) throw new UploadRefusal('NO_OPENID', UPLOAD_MESSAGES.NO_OPENID);
    if (bytes.length === 0) throw new UploadRefusal('EMPTY', UPLOAD_MESSAGES.EMPTY);
    if (bytes.length > MAX_UPLOAD_BYTES) {
      throw new UploadRefusal('TOO_LARGE', UPLOAD_MESSAGES.TOO_LARGE);
    }
    const image = sniffImage(bytes);
    if (!image) throw new UploadRefusal('NOT_IMAGE', UPLOAD_MESSAGES.NOT_IMAGE);
    const path = `${photoFolderOf(openid)}/${randomBytes(16).toString('hex')}.${image.ext}`;
    this.write(path, bytes);
    return { fileID: this.fileIdOf(path), path };
  }

  fileIdOf(path: string): string {
    return `cloud://${LOCAL_ENV}/${path}`;
  }

  /** The stored path of a local fileID; null for other environments and malformed ids. */
  pathOf(fileID: unknown): string | null {
    if (typeof fileID !== 'string') return null;
    const prefix = `cloud://${LOCAL_ENV}/`;
    if (!fileID.startsWith(prefix)) return null;
    const path = fileID.slice(prefix.length);
    return SAFE_PATH.test(path) ? path : null;
  }

  /** The file's bytes and type, or null when there is none. */
  read(path: string): { bytes: Buffer; type: ImageType } | null {
    if (!SAFE_PATH.test(path)) return null;
    let bytes: Buffer | undefined;
    if (this.root) {
      const file = join(this.root, path);
      bytes = existsSync(file) ? readFileSync(file) : undefined;
    } else {
      bytes = this.memory.get(path);
    }
    const image = bytes ? sniffImage(bytes) : null;
    return bytes && image ? { bytes, type: image.type } : null;
  }

  /** The stored bytes, whatever they are (what `cloud.downloadFile` answers); null when none. */
  bytes(path: string): Buffer | null {
    if (!this.exists(path)) return null;
    const bytes = this.root ? readFileSync(join(this.root, path)) : this.memory.get(path)!;
    return Buffer.from(bytes);
  }

  /**
   * Stores bytes at a path as they are, without the upload's checks: what a client can put into
   * production storage directly with `wx.cloud.uploadFile` (for tests of the server's own checks).
   */
  place(path: string, bytes: Buffer): string {
    if (!SAFE_PATH.test(path)) throw new Error(`本地云：不能存放到 ${path}`);
    this.write(path, bytes);
    return this.fileIdOf(path);
  }

  exists(path: string): boolean {
    if (!SAFE_PATH.test(path)) return false;
    return this.root ? existsSync(join(this.root, path)) : this.memory.has(path);
  }

  /** Every stored path (for tests and the dev pages). */
  list(): string[] {
    if (!this.root) return [...this.memory.keys()].sort();
    const out: string[] = [];
    const walk = (dir: string, prefix: string): void => {
      if (!existsSync(dir)) return;
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
        if (entry.isDirectory()) walk(join(dir, entry.name), rel);
        else if (SAFE_PATH.test(rel)) out.push(rel);
      }
    };
    walk(this.root, '');
    return out.sort();
  }

  /** Removes a file; true when there was one. */
  remove(path: string): boolean {
    if (!this.exists(path)) return false;
    if (this.root) rmSync(join(this.root, path));
    else this.memory.delete(path);
    return true;
  }

  /** A link to the file valid for `maxAge` seconds (default 10 minutes, at most a day). */
  signedUrl(path: string, maxAge: number = DEFAULT_LINK_SECONDS): { url: string; exp: number } {
    const seconds = Math.min(
      Math.max(Number.isFinite(maxAge) ? Math.floor(maxAge) : DEFAULT_LINK_SECONDS, 1),
      MAX_LINK_SECONDS,
    );
    const exp = Math.floor(this.clock().getTime() / 1000) + seconds;
    const encoded = path.split('/').map(encodeURIComponent).join('/');
    return { url: `${FILE_ROUTE}${encoded}?exp=${exp}&sig=${this.sign(path, exp)}`, exp };
  }

  /** Whether a link's signature is this process's for this path and it has not expired. */
  checkLink(path: string, exp: string | null, sig: string | null): LinkCheck {
    if (!SAFE_PATH.test(path) || !exp || !/^\d{1,12}$/.test(exp) || !sig) return 'invalid';
    const expected = Buffer.from(this.sign(path, Number(exp)));
    const given = Buffer.from(sig);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid';
    return Number(exp) * 1000 <= this.clock().getTime() ? 'expired' : 'ok';
  }

  private sign(path: string, exp: number): string {
    return createHmac('sha256', this.secret).update(`${path}\n${exp}`).digest('base64url');
  }

  private write(path: string, bytes: Buffer): void {
    if (!this.root) {
      this.memory.set(path, Buffer.from(bytes));
      return;
    }
    // Durable before the upload is acknowledged: temp file, fsync, rename.
    const file = join(this.root, path);
    mkdirSync(dirname(file), { recursive: true });
    const temp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
    const fd = openSync(temp, 'wx', 0o600);
    try {
      writeSync(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
  }
}
