/**
 * Realm-safe value helpers. Under jest, modules run in a sandbox realm while `structuredClone`
 * builds objects in Node's main realm, whose Object/Date prototypes differ — `instanceof` and
 * prototype checks then fail on the copies. Documents hold only JSON values, Dates and RegExps,
 * so a small clone that stays in the caller's realm is both sufficient and safe.
 */
const toTag = (value: unknown): string => Object.prototype.toString.call(value);

export function isDate(value: unknown): value is Date {
  return toTag(value) === '[object Date]';
}

export function isRegExp(value: unknown): value is RegExp {
  return toTag(value) === '[object RegExp]';
}

/** A plain object of any realm (its prototype is some realm's Object.prototype, or null). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as object | null;
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/** Deep copy of a document value: plain objects, arrays, Dates and RegExps are copied. */
export function deepClone<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => deepClone(item)) as T;
  if (isDate(value)) return new Date(value.getTime()) as T;
  if (isRegExp(value)) return new RegExp(value.source, value.flags) as T;
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = deepClone(item);
    return out as T;
  }
  return value;
}
