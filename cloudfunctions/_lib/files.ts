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
 */
import { cloud, wxContext } from './cloud';
import { lookupHash } from './crypto';

/** Links to a photo stay valid this long (seconds): enough to look at it, too short to pass on. */
export const PHOTO_LINK_SECONDS = 600;

/** The SDK takes at most this many fileIDs per getTempFileURL call. */
const TEMP_URL_BATCH = 50;

const PHOTO_NAME = /^[A-Za-z0-9_-]{8,64}\.(jpg|jpeg|png)$/;

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
