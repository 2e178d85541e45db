/**
 * `cloud.openapi.subscribeMessage.send` without WeChat: messages go to an outbox, and each
 * one-time subscription the user granted (wx.requestSubscribeMessage; in H5, POST /_dev/subscribe)
 * allows exactly one send per (openid, templateId). With no quota left the call fails with errCode
 * 43101 like WeChat's; bad template data fails with 47003. Errors are shaped like the SDK's
 * CloudSDKError (errCode, errMsg, and its "errCode: … | errMsg: …" message). Quotas and the outbox
 * live in internal collections, so they are journaled with everything else.
 */
import { randomUUID } from 'node:crypto';

import type { CollectionSpec } from '@nuanxin/shared';

import { deepClone, isPlainObject } from './clone';
import type { Invocation } from './context';
import type { Clock } from './ejson';
import type { Change, Store } from './store';

export const OUTBOX_COLLECTION = '_outbox';
export const SUBSCRIPTIONS_COLLECTION = '_subscriptions';

export const INTERNAL_COLLECTIONS: readonly CollectionSpec[] = [
  {
    name: OUTBOX_COLLECTION,
    title: '本地订阅消息发件箱',
    indexes: [{ name: 'touser', keys: { touser: 1 } }],
  },
  { name: SUBSCRIPTIONS_COLLECTION, title: '本地一次性订阅额度', indexes: [] },
];

export interface OutboxEntry {
  id: string;
  /** ISO time of the send (the cloud's clock). */
  at: string;
  /** The function that sent it (null from runAs). */
  fn: string | null;
  touser: string;
  templateId: string;
  page?: string;
  data: Record<string, { value: string }>;
  miniprogramState?: string;
  lang?: string;
}

const SEND_API = 'openapi.subscribeMessage.send';
export const SEND_PERMISSION = 'subscribeMessage.send';

/** wx-server-sdk's ERR_CODE texts for the codes this module raises. */
const ERR_TEXT: Record<number, string> = {
  [-601001]: 'wx system error',
  [-604101]: 'function has no permission to call this API',
};

/** The same shape as wx-server-sdk's CloudSDKError (which the SDK does not export). */
export class CloudSdkError extends Error {
  errCode: number;
  errMsg: string;

  constructor(errCode: number, errMsg: string) {
    super(errMsg);
    this.name = 'CloudSDKError';
    this.errCode = errCode;
    this.errMsg = errMsg;
    Object.defineProperty(this, 'message', {
      get: () =>
        `errCode: ${this.errCode} ${ERR_TEXT[this.errCode] ?? ''} | errMsg: ${this.errMsg}`,
      set: (msg: string) => {
        this.errMsg = msg;
      },
    });
  }
}

function wxError(errCode: number, errmsg: string, invocation: Invocation): CloudSdkError {
  return new CloudSdkError(errCode, `${SEND_API}:fail ${errmsg} rid: ${invocation.requestId}`);
}

/** Field limits of subscription-message template data, by the key's type prefix. */
const FIELD_LIMITS: Record<string, number> = {
  thing: 20,
  number: 32,
  letter: 32,
  symbol: 5,
  character_string: 32,
  phone_number: 17,
  car_number: 8,
  name: 10,
  phrase: 5,
  amount: 32,
  time: 64,
  date: 64,
  short_thing: 5,
};

function checkTemplateData(data: unknown): string | null {
  if (!isPlainObject(data) || Object.keys(data).length === 0) return 'data is empty';
  for (const [key, entry] of Object.entries(data)) {
    const type = /^([a-z_]+?)\d+$/.exec(key)?.[1];
    const limit = type === undefined ? undefined : FIELD_LIMITS[type];
    if (limit === undefined) return `data.${key} is not a template field`;
    const value = isPlainObject(entry) ? entry.value : undefined;
    if (typeof value !== 'string' && typeof value !== 'number')
      return `data.${key}.value is missing`;
    const text = String(value);
    if (text.trim() === '') return `data.${key}.value is empty`;
    if ([...text].length > limit) return `data.${key}.value exceeds ${limit} characters`;
    if (type === 'number' && !/^\d+(\.\d+)?$/.test(text))
      return `data.${key}.value must be a number`;
    if (type === 'phrase' && !/^[\u4e00-\u9fa5]+$/.test(text))
      return `data.${key}.value must be Chinese characters`;
  }
  return null;
}

const subscriptionId = (openid: string, templateId: string): string =>
  JSON.stringify([openid, templateId]);

export class Outbox {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  quota(openid: string, templateId: string): number {
    const doc = this.store
      .collection(SUBSCRIPTIONS_COLLECTION)
      .docs.get(subscriptionId(openid, templateId));
    return typeof doc?.remaining === 'number' ? doc.remaining : 0;
  }

  /** Adds `times` one-time grants; applied at once, durable when the returned promise settles. */
  grant(openid: string, templateId: string, times = 1): Promise<void> {
    if (!openid || !templateId) throw new Error('授予订阅额度需要 openid 与 templateId');
    if (!Number.isInteger(times) || times < 1) throw new Error('授予次数应为正整数');
    const id = subscriptionId(openid, templateId);
    const remaining = this.quota(openid, templateId) + times;
    return this.store.applyAndCommit([
      {
        op: 'put',
        collection: SUBSCRIPTIONS_COLLECTION,
        id,
        doc: { _id: id, openid, templateId, remaining },
      },
    ]);
  }

  list(): OutboxEntry[] {
    return [...this.store.collection(OUTBOX_COLLECTION).docs.values()].map((doc) => {
      const { _id, ...rest } = deepClone(doc);
      return { id: String(_id), ...rest } as OutboxEntry;
    });
  }

  async send(params: unknown, invocation: Invocation): Promise<{ errCode: 0; errMsg: string }> {
    if (
      invocation.fn !== undefined &&
      !(invocation.config.permissions?.openapi ?? []).includes(SEND_PERMISSION)
    ) {
      // CloudBase refuses openapi calls not declared in config.json permissions.openapi.
      throw new CloudSdkError(-604101, `${ERR_TEXT[-601001]}: error code: -604101`);
    }
    const p = isPlainObject(params) ? params : {};
    const touser = p.touser;
    const templateId = p.templateId ?? p.template_id;
    if (typeof touser !== 'string' || touser.trim() === '')
      throw wxError(40003, 'invalid openid', invocation);
    if (typeof templateId !== 'string' || templateId.trim() === '') {
      throw wxError(40037, 'invalid template_id', invocation);
    }
    const state = p.miniprogramState ?? p.miniprogram_state;
    if (state !== undefined && !['developer', 'trial', 'formal'].includes(String(state))) {
      throw wxError(47003, 'argument invalid! miniprogram_state', invocation);
    }
    const problem = checkTemplateData(p.data);
    if (problem) throw wxError(47003, `argument invalid! ${problem}`, invocation);
    const remaining = this.quota(touser, templateId);
    if (remaining < 1) throw wxError(43101, 'user refuse to accept the msg', invocation);

    const id = subscriptionId(touser, templateId);
    const entry: Omit<OutboxEntry, 'id'> = {
      at: this.clock().toISOString(),
      fn: invocation.fn ?? null,
      touser,
      templateId,
      data: deepClone(p.data) as OutboxEntry['data'],
      ...(typeof p.page === 'string' ? { page: p.page } : {}),
      ...(state !== undefined ? { miniprogramState: String(state) } : {}),
      ...(typeof p.lang === 'string' ? { lang: p.lang } : {}),
    };
    // The quota is spent and the message queued in one batch: both or neither.
    const changes: Change[] = [
      {
        op: 'put',
        collection: SUBSCRIPTIONS_COLLECTION,
        id,
        doc: { _id: id, openid: touser, templateId, remaining: remaining - 1 },
      },
      { op: 'insert', collection: OUTBOX_COLLECTION, id: randomUUID(), doc: null },
    ];
    const outbox = changes[1] as Change;
    outbox.doc = { ...entry, _id: outbox.id };
    await this.store.applyAndCommit(changes);
    return { errCode: 0, errMsg: `${SEND_API}:ok` };
  }
}

/**
 * The `cloud.openapi` namespace installed on wx-server-sdk: `subscribeMessage.send` goes to the
 * outbox of the calling cloud; any other API fails as "API not found" (-604100) locally.
 */
export function createOpenApiNamespace(current: () => Invocation | undefined): unknown {
  const call = async (path: string[], params: unknown): Promise<unknown> => {
    const invocation = current();
    const api = `openapi.${path.join('.')}`;
    if (!invocation)
      throw new CloudSdkError(-601001, `${api}:fail 本地云：请在云函数调用中使用 openapi`);
    if (path.join('.') === SEND_PERMISSION)
      return invocation.backend.sendSubscribeMessage(params, invocation);
    throw new CloudSdkError(-604100, `${api}:fail API not found (本地云未实现该开放接口)`);
  };
  const node = (path: string[]): unknown =>
    new Proxy(function openapi() {}, {
      // Not thenable: `await cloud.openapi` must not be mistaken for a pending promise.
      get: (_target, key) =>
        typeof key === 'string' && key !== 'then' ? node([...path, key]) : undefined,
      apply: (_target, _this, args: unknown[]) => call(path, args[0]),
    });
  return node([]);
}
