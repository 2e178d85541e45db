/**
 * Asking for the "登记结果" subscription message — the one platform piece of the submit tap.
 *
 * weapp: `requestSubscribeMessage` must run inside the user's tap, before any network wait, or
 * WeChat refuses it; the caller therefore starts this first and awaits it before submitting.
 * h5 (local gateway): the dev stand-in `POST /_dev/subscribe` records the same one-time grant
 * for the demo account. Whatever happens here never blocks the registration: every failure
 * (refused, no template, offline) resolves as `false`.
 */
import Taro from '@tarojs/taro';

import { getDemoOpenid } from '../../../services/session';

/**
 * Set at build time from NUANXIN_TEMPLATE_REGISTRATION_RESULT, the same variable the cloud reads
 * (client/config/index.ts); `local-registrationResult` when unset, as in the cloud.
 */
export const REGISTRATION_RESULT_TEMPLATE = TEMPLATE_REGISTRATION_RESULT;

const H5_TIMEOUT_MS = 3000;

async function h5Subscribe(templateIds: string[]): Promise<boolean> {
  const openid = getDemoOpenid();
  if (!openid) return false;
  const controller = typeof AbortController === 'function' ? new AbortController() : null;
  const timer = setTimeout(() => controller?.abort(), H5_TIMEOUT_MS);
  try {
    const response = await fetch('/_dev/subscribe', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ openid, templateIds }),
      signal: controller?.signal,
    });
    return response.ok;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

async function weappSubscribe(templateIds: string[]): Promise<boolean> {
  try {
    const answer = (await Taro.requestSubscribeMessage({
      tmplIds: templateIds,
    } as Parameters<typeof Taro.requestSubscribeMessage>[0])) as Record<string, unknown>;
    return templateIds.some((id) => answer[id] === 'accept');
  } catch {
    return false;
  }
}

/** Ask to be told the registration result. Resolves `true` when the citizen agreed. */
export function askRegistrationResultSubscription(): Promise<boolean> {
  const templateIds = [REGISTRATION_RESULT_TEMPLATE];
  if (process.env.TARO_ENV === 'weapp') return weappSubscribe(templateIds);
  return h5Subscribe(templateIds);
}
