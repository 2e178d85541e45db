/**
 * The wire format between the SDK and the server: MongoDB Extended JSON (canonical), encoded and
 * decoded with the very bson copy @cloudbase/database uses. Decoding also turns the few wire-only
 * forms into stored values: BSON regular expressions into RegExp (what mingo evaluates), ObjectIds
 * into their hex string, and `{ $tcb_server_date: { offset } }` into the server's time + offset.
 */
import { isPlainObject } from './clone';
import { loadSdk } from './sdk';

export type Clock = () => Date;

/** Replaces wire-only values in a freshly parsed EJSON tree (mutates and returns it). */
export function normalizeWire(value: unknown, clock: Clock): unknown {
  const { BSONRegExp, ObjectId } = loadSdk();
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) value[i] = normalizeWire(value[i], clock);
    return value;
  }
  if (value instanceof BSONRegExp) {
    // JS has no `x` (extended) flag; CloudBase's db.RegExp accepts i, m, s and u in practice.
    const flags = [...new Set(value.options.split(''))].filter((f) => 'imsu'.includes(f)).join('');
    return new RegExp(value.pattern, flags);
  }
  if (value instanceof ObjectId) return value.toHexString();
  if (!isPlainObject(value)) return value;
  const keys = Object.keys(value);
  if (keys.length === 1 && keys[0] === '$tcb_server_date') {
    const spec = value.$tcb_server_date as { offset?: unknown } | undefined;
    const offset = typeof spec?.offset === 'number' ? spec.offset : 0;
    return new Date(clock().getTime() + offset);
  }
  for (const key of keys) value[key] = normalizeWire(value[key], clock);
  return value;
}

/** Decodes one EJSON string parameter (query, data, order, projection, stage value). */
export function decodeParam(text: unknown, clock: Clock): unknown {
  if (typeof text !== 'string') return text;
  return normalizeWire(loadSdk().EJSON.parse(text), clock);
}

/** Encodes a document the way the server lists it: canonical EJSON, one string per document. */
export function encodeDoc(doc: unknown): string {
  return loadSdk().EJSON.stringify(doc, { relaxed: false });
}

/** Journal/snapshot encoding: relaxed EJSON keeps Dates exact while numbers stay readable. */
export function encodeRecord(value: unknown): string {
  return loadSdk().EJSON.stringify(value, { relaxed: true });
}

export function decodeRecord(text: string): unknown {
  return loadSdk().EJSON.parse(text, { relaxed: true });
}
