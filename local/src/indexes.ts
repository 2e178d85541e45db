/**
 * Indexes of one collection. Hash maps per indexed field turn equality queries into a bucket
 * lookup; they only pre-select candidates (mingo still tests every candidate), so a bucket must
 * be a superset of the matches: documents whose value cannot be keyed simply (an array of
 * objects on the path, a sub-document) go to a wildcard set that every lookup includes.
 * Unique indexes key the whole tuple of their fields; a missing field counts as null, as on
 * CloudBase, so two documents without the field collide.
 */
import type { IndexSpec } from '@nuanxin/shared';

import { isDate, isPlainObject, isRegExp } from './clone';

export type DocId = string | number;
export type Doc = Record<string, unknown> & { _id: DocId };

const NULL_KEY = 'z';

/** A stable bucket key for a scalar, or undefined when the value is not a simple scalar. */
export function scalarKey(value: unknown): string | undefined {
  if (value === null || value === undefined) return NULL_KEY;
  switch (typeof value) {
    case 'string':
      return `s${value}`;
    case 'number':
      return `n${value === 0 ? 0 : value}`;
    case 'boolean':
      return `b${value}`;
    default:
      return isDate(value) ? `d${value.getTime()}` : undefined;
  }
}

/** Keys of a field for the hash index, or 'wild' when the path cannot be keyed simply. */
function fieldKeys(doc: Doc, path: string): string[] | 'wild' {
  let node: unknown = doc;
  const parts = path.split('.');
  for (let i = 0; i < parts.length; i += 1) {
    if (Array.isArray(node)) return 'wild';
    if (!isPlainObject(node)) return [NULL_KEY];
    node = node[parts[i] as string];
  }
  if (Array.isArray(node)) {
    const keys: string[] = [];
    for (const element of node) {
      const key = scalarKey(element);
      if (key === undefined) return 'wild';
      keys.push(key);
    }
    return keys;
  }
  const key = scalarKey(node);
  return key === undefined ? 'wild' : [key];
}

/** The value at a dot path through nested objects (undefined when missing). */
export function valueAt(doc: Doc, path: string): unknown {
  let node: unknown = doc;
  for (const part of path.split('.')) {
    if (!isPlainObject(node)) return undefined;
    node = node[part];
  }
  return node;
}

/** The unique-index key of a document: the tuple of its values, missing → null. */
function uniqueKey(doc: Doc, fields: string[], stringify: (v: unknown) => string): string {
  return stringify(fields.map((field) => valueAt(doc, field) ?? null));
}

class HashIndex {
  readonly buckets = new Map<string, Set<DocId>>();
  readonly wild = new Set<DocId>();

  constructor(readonly field: string) {}

  add(doc: Doc): void {
    const keys = fieldKeys(doc, this.field);
    if (keys === 'wild') {
      this.wild.add(doc._id);
      return;
    }
    for (const key of keys) {
      let bucket = this.buckets.get(key);
      if (!bucket) this.buckets.set(key, (bucket = new Set()));
      bucket.add(doc._id);
    }
  }

  remove(doc: Doc): void {
    const keys = fieldKeys(doc, this.field);
    if (keys === 'wild') {
      this.wild.delete(doc._id);
      return;
    }
    for (const key of keys) {
      const bucket = this.buckets.get(key);
      bucket?.delete(doc._id);
      if (bucket && bucket.size === 0) this.buckets.delete(key);
    }
  }

  /** Candidate ids for `field == one of values` (values already keyed). */
  lookup(keys: string[]): Set<DocId> {
    const out = new Set<DocId>(this.wild);
    for (const key of keys) for (const id of this.buckets.get(key) ?? []) out.add(id);
    return out;
  }
}

class UniqueIndex {
  readonly owners = new Map<string, DocId>();
  readonly fields: string[];

  constructor(
    readonly spec: IndexSpec,
    private readonly stringify: (v: unknown) => string,
  ) {
    this.fields = Object.keys(spec.keys);
  }

  key(doc: Doc): string {
    return uniqueKey(doc, this.fields, this.stringify);
  }

  /** The other document already holding this document's key, if any. */
  conflict(doc: Doc): DocId | undefined {
    const owner = this.owners.get(this.key(doc));
    return owner !== undefined && owner !== doc._id ? owner : undefined;
  }

  add(doc: Doc): void {
    this.owners.set(this.key(doc), doc._id);
  }

  remove(doc: Doc): void {
    const key = this.key(doc);
    if (this.owners.get(key) === doc._id) this.owners.delete(key);
  }

  describe(doc: Doc): string {
    const parts = this.fields.map((f) => `${f}: ${JSON.stringify(valueAt(doc, f) ?? null)}`);
    return `{ ${parts.join(', ')} }`;
  }
}

export interface Plan {
  /** 'scan', '_id', or 'index:<field>' — which access path produced the candidates. */
  using: string;
  ids: Iterable<DocId> | null;
}

export class IndexSet {
  readonly hash = new Map<string, HashIndex>();
  readonly unique: UniqueIndex[] = [];
  /** Fields with a 2dsphere index: geo queries require one, as on CloudBase. */
  readonly geo = new Set<string>();

  constructor(specs: readonly IndexSpec[], stringify: (v: unknown) => string) {
    for (const spec of specs) {
      for (const [field, direction] of Object.entries(spec.keys)) {
        if (direction === '2dsphere') this.geo.add(field);
        else if (!this.hash.has(field)) this.hash.set(field, new HashIndex(field));
      }
      if (spec.unique) this.unique.push(new UniqueIndex(spec, stringify));
    }
  }

  add(doc: Doc): void {
    for (const index of this.hash.values()) index.add(doc);
    for (const index of this.unique) index.add(doc);
  }

  remove(doc: Doc): void {
    for (const index of this.hash.values()) index.remove(doc);
    for (const index of this.unique) index.remove(doc);
  }

  /** The first unique index the document would violate, the key, and who holds it. */
  violation(doc: Doc): { index: string; key: string; owner: DocId } | null {
    for (const index of this.unique) {
      const owner = index.conflict(doc);
      if (owner !== undefined) return { index: index.spec.name, key: index.describe(doc), owner };
    }
    return null;
  }

  /** Whether two (unstored) documents share a unique key. */
  clash(a: Doc, b: Doc): { index: string; key: string } | null {
    for (const index of this.unique) {
      if (index.key(a) === index.key(b)) return { index: index.spec.name, key: index.describe(a) };
    }
    return null;
  }

  /**
   * Chooses the smallest candidate set among the equality predicates of the query that an index
   * (or the _id map) can answer; null ids mean a full scan.
   */
  plan(query: unknown): Plan {
    let best: Plan = { using: 'scan', ids: null };
    let bestSize = Infinity;
    for (const [field, keys] of equalityPredicates(query)) {
      let ids: Set<DocId> | DocId[] | undefined;
      if (field === '_id') ids = keys.ids;
      else {
        const index = this.hash.get(field);
        if (index && keys.keys) ids = index.lookup(keys.keys);
      }
      if (!ids) continue;
      const size = Array.isArray(ids) ? ids.length : ids.size;
      if (size < bestSize) {
        best = { using: field === '_id' ? '_id' : `index:${field}`, ids };
        bestSize = size;
      }
    }
    return best;
  }
}

interface EqualityKeys {
  /** Bucket keys for hash indexes (undefined when some value is not a simple scalar). */
  keys: string[] | undefined;
  /** Raw values for the _id map. */
  ids: DocId[] | undefined;
}

/** `field: scalar`, `field: { $eq }`, `field: { $in: [...] }` at the top level or in top-level $and. */
function equalityPredicates(
  query: unknown,
  out = new Map<string, EqualityKeys>(),
): Map<string, EqualityKeys> {
  if (!isPlainObject(query)) return out;
  for (const [field, condition] of Object.entries(query)) {
    if (field === '$and' && Array.isArray(condition)) {
      for (const part of condition) equalityPredicates(part, out);
      continue;
    }
    if (field.startsWith('$')) continue;
    let values: unknown[] | undefined;
    if (isPlainObject(condition)) {
      if ('$eq' in condition) values = [condition.$eq];
      else if (Array.isArray(condition.$in)) values = condition.$in;
    } else if (!Array.isArray(condition) && !isRegExp(condition)) {
      values = [condition];
    }
    if (!values) continue;
    const keys = values.map(scalarKey);
    const simple = keys.every((k) => k !== undefined);
    const ids = values.every((v) => typeof v === 'string' || typeof v === 'number')
      ? (values as DocId[])
      : undefined;
    // Two predicates on one field (e.g. in $and) keep the first; both are re-tested anyway.
    if (!out.has(field)) out.set(field, { keys: simple ? (keys as string[]) : undefined, ids });
  }
  return out;
}
