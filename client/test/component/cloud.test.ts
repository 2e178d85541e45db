/**
 * `services/cloud.ts` over the h5 transport: what it sends, and how every way a call can go
 * wrong reaches the page as a Chinese failure instead of an exception.
 */
import Taro from '@tarojs/taro';

import { call } from '../../src/services/cloud';
import { clearSession, setDemoOpenid } from '../../src/services/session';
import { weappTransport } from '../../src/services/weappTransport';

import { makeWhoami, stubFetch } from './helpers';

beforeEach(() => {
  clearSession();
});

describe('request', () => {
  it('POSTs { action, payload } to /cloud/<fn> with the chosen demo openid', async () => {
    setDemoOpenid('demo-citizen-1');
    const { requests } = stubFetch(() => ({ body: { ok: true, data: makeWhoami('citizen') } }));

    await call('user', 'redeemInvitation', { code: 'ABCD2345' });

    expect(requests).toHaveLength(1);
    expect(requests[0]).toEqual({
      url: '/cloud/user',
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-wx-openid': 'demo-citizen-1' },
      body: { action: 'redeemInvitation', payload: { code: 'ABCD2345' } },
    });
  });

  it('sends no identity header when no demo account was chosen', async () => {
    const { requests } = stubFetch(() => ({ body: { ok: true, data: makeWhoami('citizen') } }));
    await call('user', 'whoami', {});
    expect(requests[0]?.headers).not.toHaveProperty('x-wx-openid');
  });
});

describe('answers', () => {
  it('returns the data of a successful call', async () => {
    const whoami = makeWhoami('caseworker');
    stubFetch(() => ({ body: { ok: true, data: whoami } }));
    await expect(call('user', 'whoami', {})).resolves.toEqual({ ok: true, data: whoami });
  });

  it("passes the cloud's own refusal through, message and fields intact", async () => {
    const refusal = {
      ok: false,
      error: {
        code: 'NOT_FOUND',
        message: '邀请码不存在或已过期',
        fields: { code: '邀请码已过期' },
      },
    };
    stubFetch(() => ({ body: refusal }));
    await expect(call('user', 'redeemInvitation', { code: 'ABCD2345' })).resolves.toEqual(refusal);
  });

  it('keeps a JSON refusal that arrives with an HTTP error status', async () => {
    stubFetch(() => ({
      status: 403,
      body: { ok: false, error: { code: 'FORBIDDEN', message: '您没有权限进行此操作' } },
    }));
    await expect(call('user', 'whoami', {})).resolves.toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: '您没有权限进行此操作' },
    });
  });
});

describe('transport failures become Chinese failures, never exceptions', () => {
  it.each([
    {
      what: 'HTTP 500 with an HTML page',
      answer: { status: 500, body: '<html>Internal Server Error</html>', raw: true },
      message: '服务暂时不可用，请稍后重试（500）',
    },
    {
      what: 'HTTP 502 with JSON that is not a result',
      answer: { status: 502, body: { error: 'bad gateway' } },
      message: '服务暂时不可用，请稍后重试（502）',
    },
    {
      what: 'network failure',
      answer: new TypeError('Failed to fetch'),
      message: '网络不可用，请检查网络后重试',
    },
    {
      what: 'HTTP 200 that is not JSON',
      answer: { status: 200, body: 'OK', raw: true },
      message: '服务返回的内容无法识别，请稍后重试',
    },
    {
      what: 'HTTP 200 JSON in the wrong shape',
      answer: { status: 200, body: { hello: 'world' } },
      message: '服务返回的内容无法识别，请稍后重试',
    },
  ])('$what', async ({ answer, message }) => {
    setDemoOpenid('demo-citizen-1');
    stubFetch(() => answer);
    const result = await call('user', 'whoami', {});
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message } });
  });
});

describe('weapp transport (Taro.cloud.callFunction)', () => {
  type CallFunction = (options: { name: string; data: unknown }) => Promise<unknown>;
  const taro = Taro as unknown as { cloud: unknown };
  let original: unknown;

  beforeEach(() => {
    original = taro.cloud;
  });
  afterEach(() => {
    taro.cloud = original;
  });

  function standIn(callFunction: CallFunction) {
    const cloud = { init: jest.fn(), callFunction: jest.fn(callFunction) };
    taro.cloud = cloud;
    return cloud;
  }

  it('initialises the environment once and sends { action, payload } as data', async () => {
    const cloud = standIn(async () => ({
      errMsg: 'cloud.callFunction:ok',
      result: { ok: true, data: 1 },
    }));
    await expect(weappTransport('user', { action: 'whoami', payload: {} })).resolves.toEqual({
      kind: 'body',
      body: { ok: true, data: 1 },
    });
    await weappTransport('user', { action: 'whoami', payload: {} });
    expect(cloud.init).toHaveBeenCalledTimes(1);
    expect(cloud.init).toHaveBeenCalledWith({ env: 'nuanxin-test', traceUser: true });
    expect(cloud.callFunction).toHaveBeenCalledWith({
      name: 'user',
      data: { action: 'whoami', payload: {} },
    });
  });

  it.each([
    ['cloud.callFunction:fail request:fail', { kind: 'network', timeout: false }],
    ['cloud.callFunction:fail timeout', { kind: 'network', timeout: true }],
    [
      'cloud.callFunction:fail -504002 functions execute fail',
      { kind: 'platform', detail: 'cloud.callFunction:fail -504002 functions execute fail' },
    ],
  ])('reports "%s" without throwing', async (errMsg, outcome) => {
    standIn(() => Promise.reject({ errMsg }));
    await expect(weappTransport('user', { action: 'whoami', payload: {} })).resolves.toEqual(
      outcome,
    );
  });
});
