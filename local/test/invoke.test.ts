/**
 * Invocations as CloudBase runs them: a JSON event in and a JSON result out, getWXContext per
 * call, the function's timeout, cloud.callFunction in-process as the same user, and several local
 * clouds side by side in one process, each serving its own invocations.
 */
import type { FunctionLoader, LocalCloud } from '../src';
import { isInvokeError } from '../src';

import { newCloud, rejection, wxSdk, type Sdk } from './helpers';

let local: LocalCloud;
beforeEach(async () => {
  local = await newCloud();
});
afterEach(() => local.close());

type Echo = { event: unknown; wx: Record<string, unknown>; context: Record<string, unknown> };

describe('invoke', () => {
  it('passes the event and returns the result as JSON (Dates become strings, undefined disappears)', async () => {
    const res = (await local.invoke(
      'echo',
      { action: 'x', at: new Date(0), gone: undefined },
      { openid: 'o-1' },
    )) as Echo;
    expect(res.event).toEqual({ action: 'x', at: '1970-01-01T00:00:00.000Z' });
  });

  it('getWXContext() answers OPENID, APPID, ENV and SOURCE of the caller', async () => {
    const res = (await local.invoke('echo', {}, { openid: 'o-1' })) as Echo;
    expect(res.wx).toEqual({
      OPENID: 'o-1',
      APPID: 'wx0000000000local',
      ENV: 'local',
      SOURCE: 'wx_client',
    });
  });

  it('without a caller there is no OPENID (and no APPID)', async () => {
    const res = (await local.invoke('echo', {})) as Echo;
    expect(res.wx).toEqual({ ENV: 'local', SOURCE: 'wx_client' });
  });

  it('the second argument of main is the SCF context, with the function timeout (3 s by default)', async () => {
    const res = (await local.invoke('echo', {})) as Echo;
    expect(res.context).toMatchObject({
      function_name: 'echo',
      time_limit_in_ms: 3000,
      memory_limit_in_mb: 256,
    });
    expect(typeof res.context.request_id).toBe('string');
  });

  it('an unknown function is refused like the cloud (errCode -501000, FunctionName … could not be found)', async () => {
    const error = await rejection(local.invoke('nope', {}));
    expect(isInvokeError(error) && [error.code, error.errCode]).toEqual([
      'FUNCTION_NOT_FOUND',
      -501000,
    ]);
    expect(error.message).toContain('FunctionName parameter could not be found');
  });

  it('a function that throws fails the invocation (errCode -504002) keeping the original error as cause', async () => {
    const error = await rejection(local.invoke('boom', {}));
    expect(isInvokeError(error) && error.code).toBe('FUNCTION_ERROR');
    expect(isInvokeError(error) && error.errCode).toBe(-504002);
    expect(isInvokeError(error) && (error.cause as Error).message).toContain(
      'secret internal detail',
    );
  });

  it('an invocation is bounded by its timeout (config.json "timeout": 1) and its later writes are refused', async () => {
    const started = Date.now();
    const error = await rejection(local.invoke('slow', { ms: 1300 }));
    expect(Date.now() - started).toBeLessThan(1250);
    expect(isInvokeError(error) && [error.code, error.errCode]).toEqual([
      'FUNCTION_TIMEOUT',
      -504003,
    ]);
    expect(error.message).toContain('Invoking task timed out after 1 seconds');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(local.store.collection('ticks').count()).toBe(0);
  });

  it('a function within its timeout completes normally', async () => {
    expect(await local.invoke('slow', { ms: 10 })).toEqual({ slept: 10 });
    expect(local.store.collection('ticks').count()).toBe(1);
  });

  it('runAs runs any SDK code as the caller and answers its value', async () => {
    const cloud = wxSdk();
    const wx = await local.runAs({ openid: 'o-seed' }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      return cloud.getWXContext();
    });
    expect(wx.OPENID).toBe('o-seed');
    expect(cloud.getWXContext()).toEqual({});
  });
});

describe('cloud.callFunction', () => {
  it('runs the other function in-process as the same user; SOURCE shows the chain (wx_client,scf)', async () => {
    const res = (await local.invoke(
      'caller',
      { target: 'echo', data: { x: 1 } },
      { openid: 'o-2' },
    )) as {
      res: { result: Echo; errMsg: string; requestID: string };
      wx: Record<string, unknown>;
    };
    expect(res.res.errMsg).toBe('callFunction:ok');
    expect(typeof res.res.requestID).toBe('string');
    expect(res.res.result.event).toEqual({ x: 1 });
    expect(res.res.result.wx).toEqual({
      OPENID: 'o-2',
      APPID: 'wx0000000000local',
      ENV: 'local',
      SOURCE: 'wx_client,scf',
    });
    expect(res.wx.SOURCE).toBe('wx_client');
  });

  it('calling a function that does not exist rejects like the SDK (callFunction:fail -501000 …)', async () => {
    const res = (await local.invoke('caller', { target: 'missing' }, { openid: 'o-2' })) as {
      error: { errCode: number; message: string };
    };
    expect(res.error.errCode).toBe(-501000);
    expect(res.error.message).toMatch(/^callFunction:fail -501000 /);
  });

  it('a failing callee rejects with errCode -504002 (functions execute fail)', async () => {
    const res = (await local.invoke('caller', { target: 'boom' })) as {
      error: { errCode: number; message: string };
    };
    expect(res.error.errCode).toBe(-504002);
    expect(res.error.message).toMatch(/^callFunction:fail -504002 functions execute fail\. /);
  });
});

describe('several clouds in one process', () => {
  it('each invocation reaches the store of the cloud that runs it, even concurrently', async () => {
    const other = await newCloud();
    try {
      await Promise.all([
        local.invoke('writer', { sku: 'in-first' }, { openid: 'a' }),
        other.invoke('writer', { sku: 'in-second' }, { openid: 'b' }),
        local.invoke('writer', { sku: 'in-first-2' }, { openid: 'a' }),
      ]);
      expect(
        local.store
          .collection('items')
          .find({})
          .map((d) => d.sku),
      ).toEqual(['in-first', 'in-first-2']);
      expect(
        other.store
          .collection('items')
          .find({})
          .map((d) => d.sku),
      ).toEqual(['in-second']);
    } finally {
      await other.close();
    }
  });

  it('a closed cloud refuses invocations', async () => {
    const other = await newCloud();
    await other.close();
    const error = await rejection(other.invoke('echo', {}));
    expect(isInvokeError(error) && error.code).toBe('CLOUD_CLOSED');
  });

  it('functions given inline (a FunctionLoader object) work like loaded ones', async () => {
    const cloud: Sdk = wxSdk();
    const functions: FunctionLoader = {
      inline: {
        config: {},
        load: () => ({ main: async () => ({ who: cloud.getWXContext().OPENID }) }),
      },
    };
    const inline = await newCloud({ functions });
    try {
      expect(await inline.invoke('inline', {}, { openid: 'o-inline' })).toEqual({
        who: 'o-inline',
      });
    } finally {
      await inline.close();
    }
  });
});
