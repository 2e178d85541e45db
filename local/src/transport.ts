/**
 * The seam: @cloudbase/database builds every request with `new Db.reqClass(config)` and calls
 * `send(action, params)`. node-sdk assigns its HTTP requester to `Db.reqClass` on every
 * `cloud.database()`, so the property is pinned to the local requester with a setter that ignores
 * writes. The requester answers each action with the response body the CloudBase server would
 * send, so the SDK's own result mapping (and its errors) run unchanged.
 */
import { randomUUID } from 'node:crypto';

import { find as mingoFind } from 'mingo';

import { isPlainObject } from './clone';
import { currentInvocation, type Invocation } from './context';
import { decodeParam, encodeDoc } from './ejson';
import { DbError, invalidParam, isDbError, requestFailed } from './errors';
import { loadSdk, type RequesterClass, type SdkHandles } from './sdk';
import type { DocId } from './store';

type Params = Record<string, unknown>;

/** Requests answered so far in this process (the pin test checks the seam is really used). */
export const requesterStats = { sent: 0 };

class LocalRequester {
  constructor(readonly config: unknown) {}

  async send(action: string, params: Params = {}): Promise<Params> {
    requesterStats.sent += 1;
    const invocation = currentInvocation();
    const requestId = randomUUID();
    if (!invocation) {
      throw new Error(
        `本地云：数据库请求 ${action} 发生在调用上下文之外。请在 cloud.invoke() 或 cloud.runAs() 中使用 wx-server-sdk。`,
      );
    }
    try {
      if (invocation.expired) {
        throw requestFailed(
          `the function invocation ${invocation.requestId} has timed out; its requests are refused`,
        );
      }
      const body = await answer(invocation, action, params);
      return { ...body, requestId };
    } catch (error) {
      const dbError = isDbError(error)
        ? error
        : requestFailed(error instanceof Error ? error.message : String(error));
      dbError.requestId = requestId;
      throw dbError;
    }
  }
}

function decodeObject(invocation: Invocation, value: unknown, what: string): Params {
  if (value === undefined || value === null || value === '') return {};
  const decoded = decodeParam(value, invocation.backend.clock);
  if (!isPlainObject(decoded)) throw invalidParam(`${what} must be an object`);
  return decoded;
}

function collectionName(params: Params): string {
  if (typeof params.collectionName !== 'string' || params.collectionName === '') {
    throw invalidParam('collectionName is required');
  }
  return params.collectionName;
}

/** The `_id` of a DOC-type request (`doc(id).…`). */
function docId(query: Params): DocId {
  const id = query._id;
  if (typeof id !== 'string' && typeof id !== 'number') throw invalidParam('docId is required');
  return id;
}

function requireDocInTransaction(params: Params): void {
  if (params.queryType !== 'DOC') {
    // CloudBase transactions only take doc() reads and writes, and add.
    throw invalidParam('事务中仅支持 doc().get/update/set/remove 与 add，不能使用 where 查询');
  }
}

async function answer(invocation: Invocation, action: string, params: Params): Promise<Params> {
  const { store, transactions, clock } = invocation.backend;
  const txId = params.transactionId;
  switch (action) {
    case 'database.getDocument': {
      const name = collectionName(params);
      const query = decodeObject(invocation, params.query, 'query');
      const projection = decodeObject(invocation, params.projection, 'projection');
      if (txId !== undefined) {
        requireDocInTransaction(params);
        const doc = transactions.get(txId, name, docId(query));
        const list = doc ? mingoFind([doc], {}, projection).all() : [];
        return { data: { list: list.map(encodeDoc) } };
      }
      const order = decodeObject(invocation, params.order, 'order') as Record<string, 1 | -1>;
      const offset = typeof params.offset === 'number' ? params.offset : 0;
      const limit =
        typeof params.limit === 'number' ? params.limit : params.queryType === 'DOC' ? 1 : 100;
      const docs = store.find(name, query, { order, offset, limit, projection });
      return { data: { list: docs.map(encodeDoc), offset, limit } };
    }
    case 'database.calculateDocument': {
      const query = decodeObject(invocation, params.query, 'query');
      return { data: { total: store.count(collectionName(params), query) } };
    }
    case 'database.insertDocument': {
      const name = collectionName(params);
      const raw = Array.isArray(params.data) ? params.data : [params.data];
      const docs = raw.map((item) => decodeObject(invocation, item, 'data'));
      if (txId !== undefined) {
        return { data: { insertedIds: docs.map((doc) => transactions.insert(txId, name, doc)) } };
      }
      return { data: { insertedIds: await store.insert(name, docs) } };
    }
    case 'database.modifyDocument': {
      const name = collectionName(params);
      const query = decodeObject(invocation, params.query, 'query');
      const data = decodeObject(invocation, params.data, 'data');
      const merge = params.merge !== false;
      const upsert = params.upsert === true;
      if (txId !== undefined) {
        requireDocInTransaction(params);
        const id = docId(query);
        const result = transactions.update(txId, name, id, data, merge, upsert);
        return { data: { updated: result.updated, ...(result.upserted ? { upsert_id: id } : {}) } };
      }
      const result = await store.update(name, query, data, {
        multi: params.multi === true,
        merge,
        upsert,
      });
      return {
        data: {
          updated: result.updated,
          ...(result.upsertedId !== undefined ? { upsert_id: result.upsertedId } : {}),
        },
      };
    }
    case 'database.modifyAndReturnDoc': {
      const name = collectionName(params);
      const query = decodeObject(invocation, params.query, 'query');
      const data = decodeObject(invocation, params.data, 'data');
      const target = store.find(name, query, { limit: 1 })[0];
      if (!target) return { data: { updated: 0, doc: null } };
      const result = await store.update(name, { _id: target._id }, data, {
        multi: false,
        merge: true,
        upsert: false,
      });
      const doc = store.find(name, { _id: target._id }, { limit: 1 })[0];
      return { data: { updated: result.updated, doc: doc ? encodeDoc(doc) : null } };
    }
    case 'database.removeDocument': {
      const name = collectionName(params);
      const query = decodeObject(invocation, params.query, 'query');
      if (txId !== undefined) {
        requireDocInTransaction(params);
        return { data: { deleted: transactions.remove(txId, name, docId(query)) } };
      }
      return { data: { deleted: await store.remove(name, query, params.multi === true) } };
    }
    case 'database.aggregateDocuments': {
      const name = collectionName(params);
      if (!Array.isArray(params.stages)) throw invalidParam('stages must be an array');
      const stages = params.stages.map((stage: unknown) => {
        if (!isPlainObject(stage) || typeof stage.stageKey !== 'string')
          throw invalidParam('malformed stage');
        return { [stage.stageKey]: decodeParam(stage.stageValue, clock) };
      });
      return { data: { list: store.aggregate(name, stages).map(encodeDoc) } };
    }
    case 'database.addCollection':
      await store.createCollection(collectionName(params));
      return {};
    case 'database.startTransaction':
      return { transactionId: await transactions.start(invocation) };
    case 'database.commitTransaction':
      await transactions.commit(txId);
      return {};
    case 'database.abortTransaction':
      transactions.abort(txId);
      return {};
    default:
      throw new DbError('INVALID_PARAM', `本地云不支持数据库操作 ${action}`);
  }
}

const PINNED = Symbol.for('nuanxin.local.transport');

/** Pins `Db.reqClass` of the @cloudbase/database copy wx-server-sdk uses to the local requester. */
export function installTransport(sdk: SdkHandles = loadSdk()): RequesterClass {
  const Db = sdk.Db as Record<PropertyKey, unknown>;
  if (Db[PINNED] === true) return LocalRequester as unknown as RequesterClass;
  Object.defineProperty(Db, 'reqClass', {
    configurable: false,
    enumerable: true,
    get: () => LocalRequester,
    // node-sdk re-assigns its HTTP requester on every cloud.database(): ignored on purpose.
    set: () => undefined,
  });
  Object.defineProperty(Db, PINNED, { value: true });
  return LocalRequester as unknown as RequesterClass;
}

export function isLocalRequester(value: unknown): boolean {
  return value === LocalRequester;
}
