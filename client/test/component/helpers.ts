/**
 * Test helpers: a programmable `fetch` (the platform boundary of the h5 build), whoami
 * factories with presets, and taps that reach the element holding the handler.
 */
import { act, fireEvent } from '@testing-library/react';

import { ROLE_LABELS, STAFF_ORG_LABELS, type Role, type Whoami } from '@nuanxin/shared';

export interface FakeResponse {
  status?: number;
  /** A value to JSON-encode, or raw text with `raw: true`. */
  body?: unknown;
  raw?: boolean;
}

export interface RecordedRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

type Route = (request: RecordedRequest) => FakeResponse | Error | Promise<FakeResponse | Error>;

/** Replace `fetch` with a router of fake answers; returns the list of requests it received. */
export function stubFetch(route: Route): { requests: RecordedRequest[]; fetch: jest.Mock } {
  const requests: RecordedRequest[] = [];
  const fetch = jest.fn(async (input: string, init: RequestInit = {}) => {
    const headers: Record<string, string> = {};
    for (const [key, value] of Object.entries((init.headers ?? {}) as Record<string, string>)) {
      headers[key.toLowerCase()] = value;
    }
    const request: RecordedRequest = {
      url: String(input),
      method: init.method ?? 'GET',
      headers,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    requests.push(request);
    const answer = await route(request);
    if (answer instanceof Error) throw answer;
    const status = answer.status ?? 200;
    const text = answer.raw ? String(answer.body) : JSON.stringify(answer.body);
    return {
      ok: status >= 200 && status < 300,
      status,
      text: async () => text,
      json: async () => JSON.parse(text) as unknown,
    };
  });
  (globalThis as { fetch: unknown }).fetch = fetch;
  return { requests, fetch };
}

/** Cloud calls among the recorded requests, as `fn.action`. */
export function cloudCalls(requests: RecordedRequest[]): string[] {
  return requests
    .filter((r) => r.url.startsWith('/cloud/'))
    .map((r) => `${r.url.slice('/cloud/'.length)}.${(r.body as { action: string }).action}`);
}

const PRESETS: Record<Role, Omit<Whoami, 'role' | 'roleLabel'>> = {
  citizen: { displayName: '王芳', org: null, orgLabel: null, townships: [], isNew: false },
  employer: { displayName: '李建国', org: null, orgLabel: null, townships: [], isNew: false },
  caseworker: {
    displayName: '张敏',
    org: 'employment',
    orgLabel: STAFF_ORG_LABELS.employment,
    townships: ['370811002'],
    isNew: false,
  },
  supervisor: {
    displayName: '刘强',
    org: 'market',
    orgLabel: STAFF_ORG_LABELS.market,
    townships: [],
    isNew: false,
  },
  admin: {
    displayName: '陈静',
    org: 'employment',
    orgLabel: STAFF_ORG_LABELS.employment,
    townships: [],
    isNew: false,
  },
};

export function makeWhoami(role: Role, overrides: Partial<Whoami> = {}): Whoami {
  return { role, roleLabel: ROLE_LABELS[role], ...PRESETS[role], ...overrides };
}

/** Tap an element; for a vantui Button pass the button's id (it sits on `.van-native-button`). */
export async function tap(element: Element | null): Promise<void> {
  if (!element) throw new Error('nothing to tap');
  await act(async () => {
    fireEvent.click(element);
  });
}

/** Type into a Taro `Input` (vantui Field) the way the h5 component reports it. */
export async function typeInto(container: Element, value: string): Promise<void> {
  const input = container.querySelector('taro-input-core');
  if (!input) throw new Error('no input found');
  // The Stencil element renders its inner <input> asynchronously; a value arriving before that
  // trips its watcher. Wait for the first render, as a user's typing always would.
  for (let i = 0; i < 20 && !input.querySelector('input'); i += 1) {
    await act(() => new Promise((resolve) => setTimeout(resolve, 5)));
  }
  await act(async () => {
    input.dispatchEvent(new CustomEvent('input', { detail: { value } }));
  });
}

/** Let pending promises (fetch stubs, state updates) settle inside act(). */
export async function settle(): Promise<void> {
  await act(async () => {
    for (let i = 0; i < 5; i += 1) await Promise.resolve();
  });
}
