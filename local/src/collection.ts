/**
 * One collection: documents in a Map keyed by `_id` (insertion order is the natural order), its
 * indexes, and query matching through mingo with the geo operators added.
 */
import { randomBytes } from 'node:crypto';

import { Query } from 'mingo';

import type { CollectionSpec } from '@nuanxin/shared';

import { encodeRecord } from './ejson';
import { requestFailed } from './errors';
import { GEO_CONTEXT, geoFields, positionsOf } from './geo';
import { IndexSet, valueAt, type Doc, type DocId } from './indexes';

/** CloudBase runs no user scripts in queries ($where, $function, $accumulator): neither does this. */
export const QUERY_OPTIONS = { context: GEO_CONTEXT, scriptEnabled: false } as const;

export function newDocId(): string {
  // CloudBase generates 32 hex characters for documents added without an _id.
  return randomBytes(16).toString('hex');
}

const stableKey = (value: unknown): string => encodeRecord(value);

export class Collection {
  readonly docs = new Map<DocId, Doc>();
  /** Insertion position of each id, to return index candidates in natural order cheaply. */
  readonly positions = new Map<DocId, number>();
  private nextPosition = 0;
  readonly indexes: IndexSet;
  /** Documents tested by queries so far, and the access path of the last one. */
  examined = 0;
  lastPlan = 'scan';

  constructor(
    readonly name: string,
    readonly spec: CollectionSpec,
  ) {
    this.indexes = new IndexSet(spec.indexes, stableKey);
  }

  /** The documents a query matches, in natural (insertion) order, using an index when it can. */
  match(query: Record<string, unknown>): Doc[] {
    this.requireGeoIndexes(query);
    const plan = this.indexes.plan(query);
    this.lastPlan = plan.using;
    const candidates: Doc[] = [];
    if (plan.ids === null) candidates.push(...this.docs.values());
    else {
      for (const id of plan.ids) {
        const doc = this.docs.get(id);
        if (doc) candidates.push(doc);
      }
      // Buckets are unordered sets; keep the natural order results would have from a scan.
      const at = (doc: Doc): number => this.positions.get(doc._id) ?? 0;
      candidates.sort((a, b) => at(a) - at(b));
    }
    this.examined += candidates.length;
    if (Object.keys(query).length === 0) return candidates;
    const compiled = new Query(query, QUERY_OPTIONS);
    return candidates.filter((doc) => compiled.test(doc));
  }

  /** Stores a document (new ids go to the end of the natural order). */
  put(doc: Doc): void {
    if (!this.docs.has(doc._id)) this.positions.set(doc._id, this.nextPosition++);
    this.docs.set(doc._id, doc);
    this.indexes.add(doc);
  }

  /** Removes a document from the map and its indexes. */
  drop(doc: Doc): void {
    this.indexes.remove(doc);
    this.docs.delete(doc._id);
    this.positions.delete(doc._id);
  }

  requireGeoIndexes(query: unknown): void {
    for (const [field, op] of geoFields(query)) {
      if (!this.indexes.geo.has(field)) {
        throw requestFailed(
          op === '$nearSphere' || op === '$near'
            ? `unable to find index for $geoNear query (collection ${this.name}, field ${field} needs a 2dsphere index)`
            : `${op} on ${this.name}.${field} requires a 2dsphere index (地理位置查询需要地理位置索引)`,
        );
      }
    }
  }
}

/** A 2dsphere-indexed field must hold geometry, as the cloud rejects "Can't extract geo keys". */
export function checkGeoFields(coll: Collection, doc: Doc): void {
  for (const field of coll.indexes.geo) {
    const value = valueAt(doc, field);
    if (value === undefined || value === null) continue;
    if (!positionsOf(value)) {
      throw requestFailed(
        `Can't extract geo keys: ${coll.name}.${field} is not a GeoJSON geometry`,
      );
    }
  }
}
