/**
 * Update operators on a copy of a document: mingo's updater, except `$addToSet`, which mingo
 * implements by de-duplicating the whole array (it drops duplicates already stored and, when the
 * stored array has any, can silently skip a genuinely new value). MongoDB only appends the values
 * not yet present, which is what this does.
 */
import { update as mingoUpdate } from 'mingo';
import { isEqual } from 'mingo/util';

import { deepClone, isPlainObject } from './clone';
import { QUERY_OPTIONS } from './collection';
import { invalidParam, requestFailed } from './errors';
import type { Doc } from './indexes';

function addToSet(doc: Doc, path: string, spec: unknown): void {
  if (path.includes('$'))
    throw requestFailed(`positional $addToSet is not supported locally: ${path}`);
  const values = isPlainObject(spec) && Array.isArray(spec.$each) ? spec.$each : [spec];
  const parts = path.split('.');
  let node: Record<string, unknown> = doc;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    if (next === undefined) node[part] = {};
    else if (!isPlainObject(next)) throw requestFailed(`Cannot apply $addToSet inside ${path}`);
    node = node[part] as Record<string, unknown>;
  }
  const field = parts[parts.length - 1] as string;
  const current = node[field];
  if (current !== undefined && !Array.isArray(current)) {
    throw requestFailed(`Cannot apply $addToSet to non-array field ${path}`);
  }
  const out = current ?? [];
  for (const value of values)
    if (!out.some((existing) => isEqual(existing, value))) out.push(deepClone(value));
  node[field] = out;
}

/** The document after applying update data (operators, or plain fields meaning $set). */
export function applyUpdate(doc: Doc, data: Record<string, unknown>): Doc {
  const next = deepClone(doc);
  const operators: Record<string, unknown> = Object.keys(data).every((key) => key.startsWith('$'))
    ? { ...data }
    : { $set: data };
  for (const fields of Object.values(operators)) {
    if (
      isPlainObject(fields) &&
      Object.keys(fields).some((f) => f === '_id' || f.startsWith('_id.'))
    ) {
      throw invalidParam('不能更新_id的值');
    }
  }
  const sets = operators.$addToSet;
  delete operators.$addToSet;
  if (Object.keys(operators).length > 0) {
    mingoUpdate(next, operators, undefined, undefined, { queryOptions: QUERY_OPTIONS });
  }
  if (isPlainObject(sets))
    for (const [path, spec] of Object.entries(sets)) addToSet(next, path, spec);
  return next;
}

/** A whole-document replacement (doc().set()): everything but _id comes from the data. */
export function replacement(id: Doc['_id'], data: Record<string, unknown>): Doc {
  for (const key of Object.keys(data)) {
    if (key.startsWith('$')) throw invalidParam(`field names cannot start with $: ${key}`);
  }
  return { ...deepClone(data), _id: id };
}
