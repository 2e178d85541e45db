/**
 * The job pages' tests run against the real cloud functions: a seeded local cloud (the demo city,
 * its 40 demo vacancies and registered citizens) answers the h5 transport's `fetch`, with the
 * caller's openid from the `X-WX-OPENID` header exactly as the local gateway reads it, and the dev
 * gateway's `/_dev/subscribe` stand-in grants one-time subscriptions as the gateway does. Nothing
 * of ours is mocked; only the network between page and cloud is replaced.
 */
import { act, waitFor } from '@testing-library/react';

import { createLocalCloud, loadCloudFunctions, seedDemo, type LocalCloud } from '@nuanxin/local';

import { stubFetch, type RecordedRequest } from './helpers';

const functions = loadCloudFunctions();

export async function realCloud(): Promise<{ cloud: LocalCloud; requests: RecordedRequest[] }> {
  const cloud = await createLocalCloud({ functions });
  await seedDemo(cloud);
  const { requests } = stubFetch(async (request) => {
    if (request.url === '/_dev/subscribe') {
      const { openid, templateIds } = request.body as { openid: string; templateIds: string[] };
      for (const id of templateIds) cloud.grantSubscription(openid, id);
      return { body: { ok: true } };
    }
    const fn = request.url.slice('/cloud/'.length);
    const openid = request.headers['x-wx-openid'];
    const body = await cloud.invoke(fn, request.body, openid ? { openid } : {});
    return { body };
  });
  return { cloud, requests };
}

/** Calls a function directly as `openid` (set-up steps another person takes). */
export async function invoke(
  cloud: LocalCloud,
  openid: string,
  fn: string,
  action: string,
  payload: unknown = {},
): Promise<any> {
  const res = (await cloud.invoke(fn, { action, payload }, { openid })) as any;
  if (!res.ok) throw new Error(`${fn}.${action} failed: ${res.error.message}`);
  return res.data;
}

/** Waits (real time: the cloud answers asynchronously) until `selector` is in `container`. */
export async function appears(container: Element, selector: string): Promise<Element> {
  let found: Element | null = null;
  await waitFor(
    () => {
      found = container.querySelector(selector);
      if (!found) throw new Error(`${selector} did not appear`);
    },
    { timeout: 5000 },
  );
  return found!;
}

/** Waits until `selector`'s text satisfies `check`. */
export async function textOf(
  container: Element,
  selector: string,
  check: (text: string) => boolean,
): Promise<string> {
  let text = '';
  await waitFor(
    () => {
      text = container.querySelector(selector)?.textContent ?? '';
      if (!check(text)) throw new Error(`${selector} is "${text}"`);
    },
    { timeout: 5000 },
  );
  return text;
}

/** Lets pending cloud answers land (real time, inside act). */
export async function idle(ms = 50): Promise<void> {
  await act(() => new Promise((resolve) => setTimeout(resolve, ms)));
}
