/**
 * The HTTP gateway: POST /cloud/<fn> runs the function as the X-WX-OPENID caller; errors are
 * `{ ok: false, error: { code, message } }` in Chinese with the right status and never a stack;
 * the contract endpoint publishes valid JSON Schemas; the H5 build is served safely.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { listContracts, z } from '@nuanxin/shared';

import { startGateway, type LocalCloud } from '../src';

import { httpRequest, newCloud, type HttpReply } from './helpers';

let local: LocalCloud;
let gateway: Awaited<ReturnType<typeof startGateway>>;
let h5: string;

beforeAll(async () => {
  h5 = mkdtempSync(join(tmpdir(), 'nuanxin-h5-'));
  mkdirSync(join(h5, 'js'));
  writeFileSync(
    join(h5, 'index.html'),
    '<!doctype html><title>暖心就业</title><div id="app"></div>',
  );
  writeFileSync(join(h5, 'js', 'app.js'), 'console.log("app")');
  writeFileSync(join(h5, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  local = await newCloud();
  gateway = await startGateway({ cloud: local, port: 0, h5Dir: h5 });
});
afterAll(async () => {
  await gateway.close();
  await local.close();
  rmSync(h5, { recursive: true, force: true });
});

interface Reply extends Omit<HttpReply, 'body'> {
  body: string;
}

/** A raw HTTP request (the path is sent as is, e.g. with ../ segments), its body as text. */
async function raw(
  method: string,
  path: string,
  opts: { headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<Reply> {
  const reply = await httpRequest(gateway.port, method, path, opts);
  return { ...reply, body: reply.body.toString() };
}

const post = (fn: string, body: string, headers: Record<string, string> = {}): Promise<Reply> =>
  raw('POST', `/cloud/${fn}`, {
    headers: { 'Content-Type': 'application/json', ...headers },
    body,
  });

function expectNoStack(reply: Reply): void {
  expect(reply.body).not.toMatch(/\bat .+:\d+:\d+/);
  expect(reply.body).not.toMatch(/secret internal detail|\.ts\b|Error:/);
}

function expectError(
  reply: Reply,
  status: number,
  code: string,
): { code: string; message: string } {
  expect(reply.status).toBe(status);
  expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
  const body = JSON.parse(reply.body) as { ok: boolean; error: { code: string; message: string } };
  expect(body.ok).toBe(false);
  expect(body.error.code).toBe(code);
  expect(body.error.message).toMatch(/[\u4e00-\u9fa5]/);
  expectNoStack(reply);
  return body.error;
}

describe('POST /cloud/<fn>', () => {
  it('binds 127.0.0.1 by default (url) and answers 200 with the function result for the X-WX-OPENID caller', async () => {
    expect(gateway.url).toBe(`http://127.0.0.1:${gateway.port}`);
    const reply = await post('hello', JSON.stringify({ action: 'whoami', payload: {} }), {
      'X-WX-OPENID': 'o-web',
    });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({
      ok: true,
      data: { openid: 'o-web', action: 'whoami' },
    });
  });

  it('without X-WX-OPENID the function runs with no OPENID and answers for itself (UNAUTHENTICATED)', async () => {
    const reply = await post('hello', '{"action":"whoami","payload":{}}');
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body).error.code).toBe('UNAUTHENTICATED');
  });

  it.each([
    ['not JSON', '{action:'],
    ['a JSON array', '[1,2]'],
    ['a JSON string', '"hi"'],
    ['null', 'null'],
  ])('a body that is %s → 400 VALIDATION', async (_what, body) => {
    expectError(await post('hello', body), 400, 'VALIDATION');
  });

  it('an unknown function → 404 NOT_FOUND (also for names that cannot be functions)', async () => {
    expectError(await post('nope', '{}'), 404, 'NOT_FOUND');
    expectError(await post('_lib', '{}'), 404, 'NOT_FOUND');
    expectError(await post('a%2F..%2Fb', '{}'), 404, 'NOT_FOUND');
  });

  it('a body not declared as JSON → 415 (a web page cannot send one cross-site without a preflight)', async () => {
    const reply = await raw('POST', '/cloud/hello', {
      headers: { 'Content-Type': 'text/plain' },
      body: '{"Type":"Timer"}',
    });
    expectError(reply, 415, 'VALIDATION');
  });

  it('a request under a foreign host name (DNS rebinding) → 403, nothing runs', async () => {
    const reply = await post('hello', '{"action":"whoami"}', {
      Host: 'attacker.example:8787',
      'X-WX-OPENID': 'demo-admin',
    });
    expectError(reply, 403, 'FORBIDDEN');
    expect(
      (await raw('GET', '/_dev/accounts.json', { headers: { Host: 'evil.test' } })).status,
    ).toBe(403);
  });

  it('a method other than POST → 405 with Allow: POST', async () => {
    const reply = await raw('GET', '/cloud/hello');
    expectError(reply, 405, 'VALIDATION');
    expect(reply.headers.allow).toBe('POST');
  });

  it('a body over 1 MB → 413, declared by Content-Length or streamed without one', async () => {
    const big = JSON.stringify({ action: 'x', payload: { blob: 'x'.repeat(1024 * 1024) } });
    expectError(await post('hello', big), 413, 'VALIDATION');
    const chunked = await raw('POST', '/cloud/hello', {
      headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
      body: big,
    });
    expectError(chunked, 413, 'VALIDATION');
  });

  it('a function that throws → 500 INTERNAL with a generic Chinese message and no stack', async () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const error = expectError(await post('boom', '{}'), 500, 'INTERNAL');
      expect(error.message).toBe('系统繁忙，请稍后再试');
    } finally {
      spy.mockRestore();
    }
  });

  it('a function that times out → 504 INTERNAL', async () => {
    expectError(await post('slow', '{"ms":1500}'), 504, 'INTERNAL');
  });
});

describe('GET /cloud/_contract', () => {
  it('lists every registered action with roles, writes, example and JSON Schemas that accept the example', async () => {
    const reply = await raw('GET', '/cloud/_contract');
    expect(reply.status).toBe(200);
    const doc = JSON.parse(reply.body) as {
      actions: {
        fn: string;
        action: string;
        title: string;
        roles: string[];
        writes: boolean;
        input: Record<string, unknown>;
        output: Record<string, unknown>;
        example: unknown;
      }[];
    };
    const registered = listContracts();
    expect(doc.actions.map((a) => `${a.fn}.${a.action}`)).toEqual(
      registered.map((c) => `${c.fn}.${c.action}`),
    );
    for (const entry of doc.actions) {
      const contract = registered.find((c) => c.fn === entry.fn && c.action === entry.action);
      expect(entry.roles).toEqual(contract?.roles);
      expect(entry.writes).toBe(contract?.writes);
      expect(entry.title).toMatch(/[\u4e00-\u9fa5]/);
      for (const schema of [entry.input, entry.output]) {
        expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
        expect(() =>
          z.fromJSONSchema(schema as Parameters<typeof z.fromJSONSchema>[0]),
        ).not.toThrow();
      }
      expect(
        z
          .fromJSONSchema(entry.input as Parameters<typeof z.fromJSONSchema>[0])
          .safeParse(entry.example).success,
      ).toBe(true);
    }
  });

  it('only GET is allowed on the contract', async () => {
    expectError(await raw('POST', '/cloud/_contract', { body: '{}' }), 405, 'VALIDATION');
  });
});

describe('dev pages and health', () => {
  beforeAll(() => {
    const users = local.store.collection('users');
    users.insert({
      openid: 'demo-admin',
      role: 'admin',
      displayName: '王管理',
      org: 'employment',
      demo: true,
    });
    users.insert({
      openid: 'demo-citizen',
      role: 'citizen',
      displayName: '李求职',
      org: null,
      demo: true,
    });
    users.insert({ openid: 'real-user', role: 'citizen', displayName: '真实用户' });
  });

  it('GET /healthz → { ok: true }', async () => {
    const reply = await raw('GET', '/healthz');
    expect([reply.status, JSON.parse(reply.body)]).toEqual([200, { ok: true }]);
  });

  it('GET /_dev/accounts.json lists demo users only, with Chinese role and org labels', async () => {
    const reply = await raw('GET', '/_dev/accounts.json');
    expect(JSON.parse(reply.body)).toEqual([
      {
        openid: 'demo-admin',
        displayName: '王管理',
        role: 'admin',
        roleLabel: '系统管理员',
        org: 'employment',
        orgLabel: '就业中心',
        note: null,
      },
      {
        openid: 'demo-citizen',
        displayName: '李求职',
        role: 'citizen',
        roleLabel: '求职者',
        org: null,
        orgLabel: null,
        note: null,
      },
    ]);
  });

  it('POST /_dev/subscribe grants one-time quotas; the outbox lists sends newest first', async () => {
    const granted = await raw('POST', '/_dev/subscribe', {
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ openid: 'demo-citizen', templateIds: ['T1', 'T2'] }),
    });
    expect(JSON.parse(granted.body)).toEqual({
      ok: true,
      data: { openid: 'demo-citizen', quotas: { T1: 1, T2: 1 } },
    });
    await local.invoke('notify', { touser: 'demo-citizen', templateId: 'T1' });
    await local.invoke('notify', { touser: 'demo-citizen', templateId: 'T2' });
    const outbox = JSON.parse((await raw('GET', '/_dev/outbox.json')).body) as {
      templateId: string;
    }[];
    expect(outbox.map((m) => m.templateId)).toEqual(['T2', 'T1']);
  });

  it('POST /_dev/subscribe with a bad body → 400 VALIDATION in Chinese', async () => {
    const error = expectError(
      await raw('POST', '/_dev/subscribe', {
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ openid: 'x', templateIds: [] }),
      }),
      400,
      'VALIDATION',
    );
    expect(error.message).toBe('至少选择一个订阅消息模板');
  });

  it('GET /_dev/ is a Chinese page with the demo accounts and the outbox', async () => {
    const reply = await raw('GET', '/_dev/');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(reply.body).toContain('演示账号');
    expect(reply.body).toContain('王管理');
    expect(reply.body).toContain('订阅消息发件箱');
    expect(reply.body).not.toContain('真实用户');
  });
});

describe('static H5', () => {
  it('serves files with their content types', async () => {
    const index = await raw('GET', '/');
    expect([index.status, index.headers['content-type']]).toEqual([
      200,
      'text/html; charset=utf-8',
    ]);
    expect(index.body).toContain('暖心就业');
    const js = await raw('GET', '/js/app.js');
    expect([js.status, js.headers['content-type']]).toEqual([
      200,
      'text/javascript; charset=utf-8',
    ]);
    expect((await raw('GET', '/logo.svg')).headers['content-type']).toBe('image/svg+xml');
  });

  it('answers index.html for unknown page paths, 404 for unknown assets', async () => {
    const page = await raw('GET', '/pages/login/index?openid=x');
    expect([page.status, page.body]).toEqual([200, expect.stringContaining('<div id="app">')]);
    expect((await raw('GET', '/js/missing.js')).status).toBe(404);
  });

  it.each([
    '/../package.json',
    '/js/../../package.json',
    '/..%2f..%2fpackage.json',
    '/%2e%2e/%2e%2e/etc/passwd',
  ])('refuses to leave the build directory: %s', async (path) => {
    const reply = await raw('GET', path);
    expect(reply.status).toBe(403);
    expect(reply.body).not.toContain('"workspaces"');
  });

  it('without a build, a Chinese page says to run npm run build:h5', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'nuanxin-noh5-'));
    const bare = await startGateway({ cloud: local, port: 0, h5Dir: join(empty, 'missing') });
    try {
      const reply = await fetch(`${bare.url}/`);
      expect(reply.status).toBe(503);
      expect(await reply.text()).toContain('npm run build:h5');
    } finally {
      await bare.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
