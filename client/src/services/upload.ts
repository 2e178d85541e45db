/**
 * Uploading the photo a citizen attaches to a request (工单). Like `cloud.ts`, the only place that
 * talks to the platform for it, and it never throws: a page gets the fileID or a Chinese message.
 *
 * - weapp: `Taro.cloud.uploadFile` into the caller's own folder (`casework.myRequests` names it,
 *   `requests/<key>`); storage rules let only the uploader read or overwrite the file, and
 *   `casework.ask` accepts only fileIDs from the caller's own folder.
 * - h5: `POST /cloud-upload` on the local gateway with the image bytes and the demo openid
 *   (`X-WX-OPENID`, as `h5Transport` sends it); the gateway picks the path itself.
 */
import Taro from '@tarojs/taro';

import { getDemoOpenid } from './session';
import { ensureInit } from './weappTransport';

/** The most a photo may weigh (the cloud refuses more): 2 MB. */
export const MAX_PHOTO_BYTES = 2 * 1024 * 1024;

export const UPLOAD_MESSAGES = {
  tooBig: '照片不能超过 2 MB，请换一张或裁剪后再选',
  notImage: '只能上传 JPG 或 PNG 格式的照片',
  failed: '照片上传失败，请检查网络后重试，或先去掉照片再提交',
  timeout: '照片上传超时，请检查网络后重试',
} as const;

/** A photo picked with `Taro.chooseImage`: a local path, its size, and in h5 the File itself. */
export interface PickedPhoto {
  path: string;
  size: number;
  type?: string;
  file?: Blob;
}

export type UploadOutcome = { ok: true; fileID: string } | { ok: false; message: string };

const UPLOAD_TIMEOUT_MS = 30_000;

/** What the client can tell before uploading: too big, or (when the type is known) not JPEG/PNG. */
export function checkPhoto(photo: Pick<PickedPhoto, 'size' | 'type' | 'path'>): string | null {
  if (photo.size > MAX_PHOTO_BYTES) return UPLOAD_MESSAGES.tooBig;
  const type = photo.type?.toLowerCase();
  if (type && type !== 'image/jpeg' && type !== 'image/png' && type !== 'image/jpg') {
    return UPLOAD_MESSAGES.notImage;
  }
  return null;
}

/** A name nobody else picks: time and randomness, letters and digits only. */
function randomName(): string {
  const random = Array.from({ length: 4 }, () =>
    Math.floor(Math.random() * 0x100000000)
      .toString(36)
      .padStart(7, '0'),
  ).join('');
  return `${Date.now().toString(36)}${random}`;
}

async function uploadWeapp(photo: PickedPhoto, folder: string): Promise<UploadOutcome> {
  try {
    // Normally the page's first cloud call has initialised it already.
    ensureInit();
    const ext = /\.png$/i.test(photo.path) ? 'png' : 'jpg';
    const res = await Taro.cloud.uploadFile({
      cloudPath: `${folder}/${randomName()}.${ext}`,
      filePath: photo.path,
    });
    return res.fileID
      ? { ok: true, fileID: res.fileID }
      : { ok: false, message: UPLOAD_MESSAGES.failed };
  } catch (error) {
    const text =
      error && typeof error === 'object' && 'errMsg' in error ? String(error.errMsg) : '';
    return {
      ok: false,
      message: /timeout|超时/i.test(text) ? UPLOAD_MESSAGES.timeout : UPLOAD_MESSAGES.failed,
    };
  }
}

async function uploadH5(photo: PickedPhoto): Promise<UploadOutcome> {
  const controller = typeof AbortController === 'function' ? new AbortController() : null;
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller?.abort();
  }, UPLOAD_TIMEOUT_MS);
  try {
    const body = photo.file ?? (await (await fetch(photo.path)).blob());
    const headers: Record<string, string> = {
      'content-type': body.type === 'image/png' ? 'image/png' : 'image/jpeg',
    };
    const openid = getDemoOpenid();
    if (openid) headers['X-WX-OPENID'] = openid;
    const response = await fetch('/cloud-upload', {
      method: 'POST',
      headers,
      body,
      signal: controller?.signal,
    });
    let answer: unknown;
    try {
      answer = JSON.parse(await response.text());
    } catch {
      return { ok: false, message: UPLOAD_MESSAGES.failed };
    }
    const result = answer as {
      ok?: boolean;
      data?: { fileID?: unknown };
      error?: { message?: unknown };
    };
    if (result.ok === true && typeof result.data?.fileID === 'string') {
      return { ok: true, fileID: result.data.fileID };
    }
    return {
      ok: false,
      message:
        typeof result.error?.message === 'string' ? result.error.message : UPLOAD_MESSAGES.failed,
    };
  } catch {
    return { ok: false, message: timedOut ? UPLOAD_MESSAGES.timeout : UPLOAD_MESSAGES.failed };
  } finally {
    clearTimeout(timer);
  }
}

/** Uploads a request photo; `folder` is `myRequests.photoFolder` (used by the mini-program). */
export async function uploadRequestPhoto(
  photo: PickedPhoto,
  folder: string,
): Promise<UploadOutcome> {
  const refused = checkPhoto(photo);
  if (refused) return { ok: false, message: refused };
  return process.env.TARO_ENV === 'h5' ? uploadH5(photo) : uploadWeapp(photo, folder);
}
