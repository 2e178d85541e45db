/**
 * h5 transport: `POST /cloud/<fn>` on the local gateway, which serves this build. The caller's
 * identity travels in `X-WX-OPENID` — a local-only header the production cloud never sees.
 */
import { getDemoOpenid } from './session';
import type { Transport } from './transport';

/** Longest wait for the gateway before telling the user to retry. */
const CALL_TIMEOUT_MS = 15_000;

export const h5Transport: Transport = async (fn, event) => {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const openid = getDemoOpenid();
  if (openid) headers['X-WX-OPENID'] = openid;

  const controller = typeof AbortController === 'function' ? new AbortController() : null;
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller?.abort();
  }, CALL_TIMEOUT_MS);

  let response: Response;
  try {
    response = await fetch(`/cloud/${fn}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(event),
      signal: controller?.signal,
    });
  } catch {
    return { kind: 'network', timeout: timedOut };
  } finally {
    clearTimeout(timer);
  }

  let text: string;
  try {
    text = await response.text();
  } catch {
    return { kind: 'network', timeout: false };
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return response.ok
      ? { kind: 'notJson', status: response.status }
      : { kind: 'http', status: response.status };
  }
  return response.ok ? { kind: 'body', body } : { kind: 'http', status: response.status, body };
};
