/**
 * The document store behind the local transport: collections from the manifest (plus internal
 * `_`-prefixed ones and those created with createCollection), documents in insertion order in a
 * Map keyed by `_id`, queries, updates and pipelines evaluated by mingo with the geo operators
 * added. Every write is applied atomically in memory (all of a call's changes or none) and handed
 * to the durability sink as one batch; the call answers only once the sink has it on disk.
 */
import { Aggregator, ProcessingMode, find as mingoFind } from 'mingo';
import { isEqual } from 'mingo/util';

import type { CollectionSpec } from '@nuanxin/shared';

import { deepClone, isPlainObject } from './clone';
import { checkGeoFields, Collection, newDocId, QUERY_OPTIONS } from './collection';
import { collectionNotExist, DbError, duplicateWrite, invalidParam, requestFailed } from './errors';
import { fieldDistance, topLevelNear } from './geo';
import { valueAt, type Doc, type DocId } from './indexes';
import { applyUpdate, replacement } from './updates';

export type { Doc, DocId } from './indexes';
export { Collection, newDocId } from './collection';

export type SortOrder = Record<string, 1 | -1>;

export interface FindOptions {
  order?: SortOrder;
  offset?: number;
  limit?: number;
  projection?: Record<string, unknown>;
}

export interface Change {
  /** insert: the _id must be new; put: create or replace; delete: remove if present. */
  op: 'insert' | 'put' | 'delete';
  collection: string;
  id: DocId;
  doc: Doc | null;
}

/** One acknowledged write: what the journal appends and replays. */
export interface Batch {
  seq: number;
  changes: Change[];
  created?: string[];
}

export type BatchSink = (batch: Batch) => Promise<void>;

export type ApplyHook = (changes: Change[], before: (Doc | null)[]) => void;

export interface StoreState {
  seq: number;
  collections: Record<string, Doc[]>;
}

/** The server's page limit: the SDK sends 100 by default and caps at 1000; enforced here too. */
export const MAX_LIMIT = 1000;
/** CloudBase answers at most 20 documents from a pipeline without its own $limit. */
export const AGGREGATE_DEFAULT_LIMIT = 20;

export class Store {
  private readonly byName = new Map<string, Collection>();
  private seq = 0;
  private writes = 0;
  private sink: BatchSink | undefined;
  private afterApply: ApplyHook | undefined;
  /**
   * Set when a batch could not be made durable. The change is already in memory, so answering
   * anything after that could show data that a restart would lose: the store stops (fail-stop,
   * as databases do on an fsync failure) until the process is restarted.
   */
  private failure: Error | undefined;

  constructor(specs: readonly CollectionSpec[]) {
    for (const spec of specs) this.byName.set(spec.name, new Collection(spec.name, spec));
  }

  setSink(sink: BatchSink | undefined): void {
    this.sink = sink;
  }

  /** Called after every write lands, with the documents as they were before (for snapshots). */
  setAfterApply(hook: ApplyHook | undefined): void {
    this.afterApply = hook;
  }

  names(): string[] {
    return [...this.byName.keys()];
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  collection(name: string): Collection {
    if (this.failure) {
      throw new DbError(
        'DATABASE_REQUEST_FAILED',
        `本地云数据写入磁盘失败，已停止服务以免数据不一致，请检查磁盘后重启（${this.failure.message}）`,
      );
    }
    const coll = this.byName.get(name);
    if (!coll) throw collectionNotExist(name);
    return coll;
  }

  /** Acknowledged write batches so far. */
  writeCount(): number {
    return this.writes;
  }

  lastSeq(): number {
    return this.seq;
  }

  // ── reads ───────────────────────────────────────────────────────────────────────────────

  find(name: string, query: Record<string, unknown>, opts: FindOptions = {}): Doc[] {
    const coll = this.collection(name);
    let docs = coll.match(query);
    const near = topLevelNear(query);
    if (opts.order && Object.keys(opts.order).length > 0) {
      docs = mingoFind(docs, {}).sort(opts.order).all() as Doc[];
    } else if (near) {
      // $nearSphere answers nearest first unless an explicit order overrides it.
      const distance = new Map<Doc, number>();
      for (const doc of docs)
        distance.set(doc, fieldDistance(valueAt(doc, near.field), near.near.point) ?? Infinity);
      docs = [...docs].sort((a, b) => (distance.get(a) ?? 0) - (distance.get(b) ?? 0));
    }
    const offset = Math.max(0, opts.offset ?? 0);
    const limit = Math.min(MAX_LIMIT, opts.limit ?? MAX_LIMIT);
    docs = docs.slice(offset, offset + limit);
    if (opts.projection && Object.keys(opts.projection).length > 0) {
      docs = mingoFind(docs, {}, opts.projection).all() as Doc[];
    }
    return docs;
  }

  count(name: string, query: Record<string, unknown>): number {
    return this.collection(name).match(query).length;
  }

  aggregate(name: string, stages: Record<string, unknown>[]): Record<string, unknown>[] {
    const coll = this.collection(name);
    const pipeline = stages.map((stage) => ({ ...stage }));
    pipeline.forEach((stage, i) => {
      if ('$geoNear' in stage) {
        if (i !== 0) throw requestFailed('$geoNear is only valid as the first stage in a pipeline');
        stage.$geoNear = this.geoNearStage(coll, stage.$geoNear);
      }
    });
    if (!pipeline.some((stage) => '$limit' in stage))
      pipeline.push({ $limit: AGGREGATE_DEFAULT_LIMIT });
    let source: Doc[];
    const first = pipeline[0];
    if (first && '$match' in first && isPlainObject(first.$match)) {
      // A leading $match is answered by the store (indexes, geo checks) before the pipeline.
      source = coll.match(first.$match);
      pipeline.shift();
    } else {
      source = [...coll.docs.values()];
      coll.examined += source.length;
    }
    const aggregator = new Aggregator(pipeline, {
      ...QUERY_OPTIONS,
      processingMode: ProcessingMode.CLONE_OFF,
      collectionResolver: (other: string) =>
        this.has(other) ? [...this.collection(other).docs.values()].map((d) => deepClone(d)) : [],
    });
    // Pipelines may reshape documents in place; they work on copies, never the stored objects.
    return aggregator.run(source.map((doc) => deepClone(doc)));
  }

  private geoNearStage(coll: Collection, spec: unknown): Record<string, unknown> {
    if (!isPlainObject(spec)) throw requestFailed('$geoNear requires an object');
    const fields = [...coll.indexes.geo];
    let key = typeof spec.key === 'string' ? spec.key : undefined;
    if (key === undefined) {
      if (fields.length === 0)
        throw requestFailed(
          `unable to find index for $geoNear query (collection ${coll.name} has no 2dsphere index)`,
        );
      if (fields.length > 1)
        throw requestFailed('more than one 2dsphere index, use the key option');
      key = fields[0];
    } else if (!coll.indexes.geo.has(key)) {
      throw requestFailed(
        `unable to find index for $geoNear query (field ${key} has no 2dsphere index)`,
      );
    }
    if (isPlainObject(spec.query)) coll.requireGeoIndexes(spec.query);
    return { ...spec, key };
  }

  // ── writes ──────────────────────────────────────────────────────────────────────────────

  async insert(name: string, docs: Record<string, unknown>[]): Promise<DocId[]> {
    const { ids, done } = this.insertNow(name, docs);
    await done;
    return ids;
  }

  /** Applies an insert synchronously; `done` settles when it is durable. */
  insertNow(name: string, docs: Record<string, unknown>[]): { ids: DocId[]; done: Promise<void> } {
    this.collection(name);
    const changes: Change[] = docs.map((data) => {
      for (const key of Object.keys(data)) {
        if (key.startsWith('$')) throw invalidParam(`field names cannot start with $: ${key}`);
      }
      const id = data._id === undefined || data._id === null ? newDocId() : data._id;
      if (typeof id !== 'string' && typeof id !== 'number')
        throw invalidParam('_id must be a string or a number');
      return { op: 'insert', collection: name, id, doc: { ...data, _id: id } as Doc };
    });
    return { ids: changes.map((c) => c.id), done: this.applyAndCommit(changes) };
  }

  async update(
    name: string,
    query: Record<string, unknown>,
    data: Record<string, unknown>,
    opts: { multi: boolean; merge: boolean; upsert: boolean },
  ): Promise<{ updated: number; upsertedId?: DocId }> {
    const coll = this.collection(name);
    const matched = coll.match(query);
    const targets = opts.multi ? matched : matched.slice(0, 1);
    const changes: Change[] = [];
    for (const doc of targets) {
      const next = opts.merge ? applyUpdate(doc, data) : replacement(doc._id, data);
      if (!isEqual(doc, next))
        changes.push({ op: 'put', collection: name, id: doc._id, doc: next });
    }
    let upsertedId: DocId | undefined;
    if (targets.length === 0 && opts.upsert) {
      const seed = equalityFields(query);
      const id = (seed._id as DocId | undefined) ?? newDocId();
      const doc = opts.merge
        ? applyUpdate({ ...seed, _id: id } as Doc, data)
        : replacement(id, data);
      changes.push({ op: 'insert', collection: name, id, doc });
      upsertedId = id;
    }
    await this.applyAndCommit(changes);
    return { updated: changes.length - (upsertedId === undefined ? 0 : 1), upsertedId };
  }

  async remove(name: string, query: Record<string, unknown>, multi: boolean): Promise<number> {
    const matched = this.collection(name).match(query);
    const targets = multi ? matched : matched.slice(0, 1);
    const changes: Change[] = targets.map((doc) => ({
      op: 'delete',
      collection: name,
      id: doc._id,
      doc: null,
    }));
    await this.applyAndCommit(changes);
    return changes.length;
  }

  async createCollection(name: string): Promise<void> {
    if (this.byName.has(name)) {
      throw new DbError('DATABASE_COLLECTION_ALREADY_EXIST', `collection ${name} already exists`);
    }
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(name)) throw invalidParam(`invalid collection name: ${name}`);
    this.byName.set(name, new Collection(name, { name, title: name, indexes: [] }));
    await this.commit([], [name]);
  }

  /** Validates and applies changes atomically, then makes them durable as one batch. */
  applyAndCommit(changes: Change[]): Promise<void> {
    if (changes.length === 0) return Promise.resolve();
    const before = this.apply(changes);
    this.afterApply?.(changes, before);
    return this.commit(changes);
  }

  /** Applies all changes or none; answers each changed document as it was before. */
  private apply(changes: Change[]): (Doc | null)[] {
    const undo: (() => void)[] = [];
    const before: (Doc | null)[] = [];
    try {
      for (const change of changes) {
        before.push(this.collection(change.collection).docs.get(change.id) ?? null);
        undo.push(this.applyOne(change));
      }
    } catch (error) {
      for (const revert of undo.reverse()) revert();
      throw error;
    }
    return before;
  }

  /** Applies one change and returns how to revert it. */
  private applyOne(change: Change): () => void {
    const coll = this.collection(change.collection);
    const { id, doc } = change;
    const before = coll.docs.get(id);
    if (change.op === 'insert' && before) {
      throw duplicateWrite(coll.name, '_id_', `{ _id: ${JSON.stringify(id)} }`);
    }
    if (doc) {
      checkGeoFields(coll, doc);
      if (before) coll.indexes.remove(before);
      const violation = coll.indexes.violation(doc);
      if (violation) {
        if (before) coll.indexes.add(before);
        throw duplicateWrite(coll.name, violation.index, violation.key);
      }
      coll.put(doc);
    } else if (before) {
      coll.drop(before);
    }
    return () => {
      if (doc) {
        if (before) coll.indexes.remove(doc);
        else coll.drop(doc);
      }
      if (before) {
        if (doc) {
          coll.docs.set(id, before);
          coll.indexes.add(before);
        } else coll.put(before);
      }
    };
  }

  private commit(changes: Change[], created?: string[]): Promise<void> {
    this.seq += 1;
    this.writes += 1;
    const seq = this.seq;
    const batch: Batch = created ? { seq, changes, created } : { seq, changes };
    if (!this.sink) return Promise.resolve();
    return this.sink(batch).catch((error: unknown) => {
      this.failure ??= error instanceof Error ? error : new Error(String(error));
      throw error;
    });
  }

  // ── durability support ──────────────────────────────────────────────────────────────────

  exportState(): StoreState {
    const collections: Record<string, Doc[]> = {};
    for (const [name, coll] of this.byName) collections[name] = [...coll.docs.values()];
    return { seq: this.seq, collections };
  }

  /** Restores a snapshot (trusted: written by this store) without validation or journaling. */
  loadState(state: StoreState): void {
    this.seq = state.seq;
    for (const [name, docs] of Object.entries(state.collections)) {
      if (!this.byName.has(name))
        this.byName.set(name, new Collection(name, { name, title: name, indexes: [] }));
      const coll = this.collection(name);
      for (const doc of docs) coll.put(doc);
    }
  }

  /** Re-applies a journaled batch on start; batches the snapshot already holds are skipped. */
  replay(batch: Batch): void {
    if (batch.seq <= this.seq) return;
    for (const name of batch.created ?? []) {
      if (!this.byName.has(name))
        this.byName.set(name, new Collection(name, { name, title: name, indexes: [] }));
    }
    for (const change of batch.changes) {
      if (!this.byName.has(change.collection)) continue;
      const coll = this.collection(change.collection);
      const before = coll.docs.get(change.id);
      if (change.doc) {
        if (before) coll.indexes.remove(before);
        coll.put(change.doc);
      } else if (before) coll.drop(before);
    }
    this.seq = batch.seq;
  }
}

/** Plain equality fields of a query: the starting document of an upsert, as in MongoDB. */
function equalityFields(query: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(query)) {
    if (key.startsWith('$') || key.includes('.')) continue;
    if (isPlainObject(value)) {
      if ('$eq' in value) out[key] = value.$eq;
    } else out[key] = value;
  }
  return out;
}
