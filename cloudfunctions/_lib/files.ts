/**
 * Cloud storage for the few files the service keeps: the photo a citizen may attach to a request
 * (工单). Functions never touch the SDK's storage API themselves (house style 7): they ask here
 * for the caller's upload folder, check that a fileID sits in it, and turn fileIDs into
 * short-lived links.
 *
 * Where photos live: `requests/<key>/<random>.jpg|png`, where <key> is an HMAC of the uploader's
 * openid (the openid itself never appears in a path or a link). In the mini-program the client
 * uploads there with `Taro.cloud.uploadFile` after `casework.myRequests` told it its folder; the
 * local H5 gateway picks the same folder itself (local/src/files.ts). Production storage rules:
 * 「仅创建者可读写」 — `{ "read": "resource.openid == auth.openid", "write":
 * "resource.openid == auth.openid" }` — so no other user can read, overwrite or delete a photo;
 * staff read it only through a link a function hands out after its own scope check. The server
 * still accepts a fileID only under the caller's own folder: a citizen can never attach someone
 * else's photo to their request.
 *
 * Production storage takes whatever bytes a client uploads there (only the local gateway looks at
 * them on upload), so before a fileID goes into a request, `checkPhotoBytes` downloads it and
 * looks at the bytes themselves: a JPEG or PNG by its first bytes, at most 2 MB. Anything else is
 * refused and deleted from the caller's folder.
 */
import { cloud, wxContext } from './cloud';
import { lookupHash } from './crypto';

/** Links to a photo stay valid this long (seconds): enough to look at it, too short to pass on. */
export const PHOTO_LINK_SECONDS = 600;

/** The SDK takes at most this many fileIDs per getTempFileURL call. */
const TEMP_URL_BATCH = 50;

const PHOTO_NAME = /^[A-Za-z0-9_-]{8,64}\.(jpg|jpeg|png)$/;

/** Largest photo taken: 2 MB (the client compresses; a phone photo is usually far smaller). */
export const MAX_PHOTO_BYTES = 2 * 1024 * 1024;

/** wx-server-sdk's errCode for a file that is not in storage (TCB STORAGE_FILE_NONEXIST). */
const STORAGE_FILE_NONEXIST = -503003;

const IMAGE_SIGNATURES: { ext: 'jpg' | 'png'; magic: readonly number[] }[] = [
  { ext: 'jpg', magic: [0xff, 0xd8, 0xff] },
  { ext: 'png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

/** What the bytes are, by their first bytes: 'jpg', 'png', or null for anything else. */
export function imageTypeOf(bytes: Uint8Array): 'jpg' | 'png' | null {
  const found = IMAGE_SIGNATURES.find(
    ({ magic }) => bytes.length > magic.length && magic.every((b, i) => bytes[i] === b),
  );
  return found?.ext ?? null;
}

/** The caller's photo folder, e.g. `requests/3f9c…` (32 hex characters, stable per openid). */
export function photoFolderOf(openid: string): string {
  return `requests/${lookupHash('files/requests', openid).slice(0, 32)}`;
}

/** `cloud://<env>[.<bucket>]/<path>` → its parts; null for anything else. */
export function parseFileId(fileID: string): { env: string; path: string } | null {
  const match = /^cloud:\/\/([^/\s]+)\/([^\s]+)$/.exec(fileID);
  if (!match) return null;
  const [, bucket, path] = match;
  if (!bucket || !path || path.split('/').some((s) => s === '' || s === '.' || s === '..')) {
    return null;
  }
  // Production fileIDs name the bucket after the environment: `cloud://prod-1a2b.7072-prod-1a2b-1300…`.
  return { env: bucket.split('.')[0]!, path };
}

/** The environment this function runs in (`local` on the local cloud). */
function currentEnv(): string | undefined {
  return (wxContext() as { ENV?: string }).ENV;
}

/**
 * A photo of this caller's: a fileID of this environment, directly in the caller's own folder,
 * named like an uploaded JPEG or PNG. Anything else is not theirs to attach.
 */
export function isOwnPhoto(fileID: string, openid: string): boolean {
  const parsed = parseFileId(fileID);
  const env = currentEnv();
  if (!parsed || !env || parsed.env !== env) return false;
  const folder = `${photoFolderOf(openid)}/`;
  return parsed.path.startsWith(folder) && PHOTO_NAME.test(parsed.path.slice(folder.length));
}

interface TempUrlItem {
  fileID: string;
  tempFileURL: string;
  status: number;
}

/**
 * Short-lived links for fileIDs: fileID → link, or null when the file is missing. A storage
 * failure is thrown (the caller decides whether a thread can be shown without the photo).
 */
export async function tempUrls(
  fileIDs: readonly string[],
  maxAge = PHOTO_LINK_SECONDS,
): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>();
  const unique = [...new Set(fileIDs)];
  for (let i = 0; i < unique.length; i += TEMP_URL_BATCH) {
    const batch = unique.slice(i, i + TEMP_URL_BATCH);
    const res = (await cloud.getTempFileURL({
      fileList: batch.map((fileID) => ({ fileID, maxAge })),
    })) as { fileList?: TempUrlItem[] };
    const items = new Map((res.fileList ?? []).map((f) => [f.fileID, f]));
    for (const fileID of batch) {
      const item = items.get(fileID);
      out.set(fileID, item && item.status === 0 && item.tempFileURL ? item.tempFileURL : null);
    }
  }
  return out;
}

/** What a stored photo turned out to be: fine, not there, too big, or not a JPEG/PNG. */
export type PhotoBytesCheck = 'ok' | 'missing' | 'tooLarge' | 'notImage';

function errCodeOf(error: unknown): number | null {
  const code = (error as { errCode?: unknown } | null)?.errCode;
  return typeof code === 'number' ? code : null;
}

/**
 * Downloads the file and looks at its bytes: a JPEG or PNG by its first bytes, at most 2 MB.
 * A file that is not in storage is 'missing'; any other storage failure is thrown (the caller
 * cannot tell what the file is, so it must not take it).
 */
export async function checkPhotoBytes(fileID: string): Promise<PhotoBytesCheck> {
  let content: unknown;
  try {
    content = ((await cloud.downloadFile({ fileID })) as { fileContent?: unknown }).fileContent;
  } catch (error) {
    if (errCodeOf(error) === STORAGE_FILE_NONEXIST) return 'missing';
    throw error;
  }
  if (!Buffer.isBuffer(content) || content.length === 0) return 'notImage';
  if (content.length > MAX_PHOTO_BYTES) return 'tooLarge';
  return imageTypeOf(content) ? 'ok' : 'notImage';
}

/**
 * Removes files from storage (a refused upload from the caller's folder). Best effort: a failure
 * is logged, never thrown — the refusal the caller is about to answer matters more.
 */
export async function deleteFiles(fileIDs: readonly string[]): Promise<void> {
  if (fileIDs.length === 0) return;
  try {
    await cloud.deleteFile({ fileList: [...fileIDs] });
  } catch (error) {
    console.error('[files] delete failed', error);
  }
}
