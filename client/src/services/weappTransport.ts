/**
 * weapp transport: `Taro.cloud.callFunction`. The user's identity is added by WeChat; the
 * CloudBase environment is initialised once, on the first call, so `onLaunch` stays free of
 * platform work (startup performance).
 */
import Taro from '@tarojs/taro';

import type { Transport } from './transport';

let initialised = false;

/** Initialises the CloudBase environment once (calls and uploads share it). */
export function ensureInit(): void {
  if (initialised) return;
  Taro.cloud.init({ env: CLOUD_ENV, traceUser: true });
  initialised = true;
}

function errorText(error: unknown): string {
  if (error && typeof error === 'object' && 'errMsg' in error) return String(error.errMsg);
  if (error instanceof Error) return error.message;
  return String(error);
}

export const weappTransport: Transport = async (fn, event) => {
  try {
    ensureInit();
    const response = await Taro.cloud.callFunction({
      name: fn,
      data: { action: event.action, payload: event.payload },
    });
    return { kind: 'body', body: response.result };
  } catch (error) {
    const detail = errorText(error);
    // 'request:fail', 'timeout', 'network' come from the client side: no answer arrived.
    if (/timeout|超时/i.test(detail)) return { kind: 'network', timeout: true };
    if (/request:fail|network|网络/i.test(detail)) return { kind: 'network', timeout: false };
    return { kind: 'platform', detail };
  }
};
