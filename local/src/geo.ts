/**
 * Geo operators for mingo, which has none: `$nearSphere` and `$geoWithin`/`$geoIntersects` as
 * query operators and `$geoNear` as a pipeline stage, registered through mingo's Context hooks.
 * Distances are great-circle metres on MongoDB's Earth radius; polygon edges are treated as
 * straight lines in longitude/latitude, which is indistinguishable from geodesic edges at the
 * scale of a city (the only scale this product queries).
 */
import { Context, Query } from 'mingo';
import { Lazy, type Iterator } from 'mingo/lazy';
import type { Options, QueryOperator } from 'mingo/types';
import { resolve } from 'mingo/util';

import { isPlainObject } from './clone';
import { requestFailed } from './errors';

/** MongoDB's 2dsphere radius (metres), also used to convert `$centerSphere` radians. */
export const EARTH_RADIUS_M = 6378100;

export type Position = [number, number];

function isPosition(value: unknown): value is Position {
  return (
    Array.isArray(value) &&
    value.length >= 2 &&
    typeof value[0] === 'number' &&
    typeof value[1] === 'number'
  );
}

/** All vertices of a GeoJSON geometry (or a legacy `[lng, lat]` pair); null if not geometry. */
export function positionsOf(value: unknown): Position[] | null {
  if (isPosition(value)) return [value];
  if (!isPlainObject(value) || typeof value.type !== 'string') return null;
  const coords = value.coordinates;
  switch (value.type) {
    case 'Point':
      return isPosition(coords) ? [coords] : null;
    case 'MultiPoint':
    case 'LineString':
      return Array.isArray(coords) && coords.every(isPosition) ? (coords as Position[]) : null;
    case 'Polygon':
    case 'MultiLineString':
      return Array.isArray(coords) ? (coords as Position[][]).flat() : null;
    case 'MultiPolygon':
      return Array.isArray(coords) ? (coords as Position[][][]).flat(2) : null;
    default:
      return null;
  }
}

/** A single point for distance queries: a GeoJSON Point or a legacy pair. */
export function pointOf(value: unknown): Position | null {
  if (isPosition(value)) return value;
  if (isPlainObject(value) && value.type === 'Point' && isPosition(value.coordinates)) {
    return value.coordinates;
  }
  return null;
}

export function distanceMeters(a: Position, b: Position): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLng = (b[0] - a[0]) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

function inRing(p: Position, ring: Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const a = ring[i];
    const b = ring[j];
    if (!a || !b) continue;
    const crosses =
      a[1] > p[1] !== b[1] > p[1] && p[0] < ((b[0] - a[0]) * (p[1] - a[1])) / (b[1] - a[1]) + a[0];
    if (crosses) inside = !inside;
  }
  return inside;
}

function inPolygon(p: Position, rings: Position[][]): boolean {
  const [outer, ...holes] = rings;
  if (!outer || !inRing(p, outer)) return false;
  return !holes.some((hole) => inRing(p, hole));
}

/** A predicate over positions for the shape of a `$geoWithin`/`$geoIntersects` operand. */
function regionTest(spec: unknown): (p: Position) => boolean {
  if (!isPlainObject(spec)) throw requestFailed('invalid geo query: expected an object');
  if ('$centerSphere' in spec) {
    const [center, radians] = spec.$centerSphere as [unknown, unknown];
    const c = pointOf(center);
    if (!c || typeof radians !== 'number') throw requestFailed('malformed $centerSphere');
    return (p) => distanceMeters(c, p) <= radians * EARTH_RADIUS_M;
  }
  const geometry = spec.$geometry;
  if (isPlainObject(geometry)) {
    if (geometry.type === 'Polygon') {
      const rings = geometry.coordinates as Position[][];
      return (p) => inPolygon(p, rings);
    }
    if (geometry.type === 'MultiPolygon') {
      const polys = geometry.coordinates as Position[][][];
      return (p) => polys.some((rings) => inPolygon(p, rings));
    }
    if (geometry.type === 'Point') {
      const q = pointOf(geometry);
      return (p) => !!q && p[0] === q[0] && p[1] === q[1];
    }
  }
  throw requestFailed('unsupported geo query shape: use a Polygon, MultiPolygon or $centerSphere');
}

export interface NearSpec {
  point: Position;
  min: number;
  max: number;
}

/** `{ $geometry, $maxDistance, $minDistance }` of `$nearSphere` (metres). */
export function parseNear(spec: unknown): NearSpec {
  const geometry = isPlainObject(spec) ? (spec.$geometry ?? spec) : spec;
  const point = pointOf(geometry);
  if (!point || !isPlainObject(spec))
    throw requestFailed('malformed $nearSphere: expected $geometry Point');
  const max = typeof spec.$maxDistance === 'number' ? spec.$maxDistance : Infinity;
  const min = typeof spec.$minDistance === 'number' ? spec.$minDistance : 0;
  return { point, min, max };
}

/** Distance from `point` to the nearest point of the field value (arrays: nearest element). */
export function fieldDistance(value: unknown, point: Position): number | null {
  const candidates = Array.isArray(value) && !isPosition(value) ? value : [value];
  let best: number | null = null;
  for (const candidate of candidates) {
    const p = pointOf(candidate);
    if (!p) continue;
    const d = distanceMeters(point, p);
    if (best === null || d < best) best = d;
  }
  return best;
}

type QueryOp = (selector: string, value: unknown, options: Options) => (obj: unknown) => boolean;

const $nearSphere: QueryOp = (selector, value) => {
  const near = parseNear(value);
  return (obj) => {
    const d = fieldDistance(resolve(obj as Record<string, unknown>, selector), near.point);
    return d !== null && d >= near.min && d <= near.max;
  };
};

function withinOp(all: boolean): QueryOp {
  return (selector, value) => {
    const test = regionTest(value);
    return (obj) => {
      const field = resolve(obj as Record<string, unknown>, selector);
      const shapes = Array.isArray(field) && !isPosition(field) ? field : [field];
      return shapes.some((shape) => {
        const points = positionsOf(shape);
        if (!points || points.length === 0) return false;
        return all ? points.every(test) : points.some(test);
      });
    };
  };
}

/**
 * `$geoNear` stage: `near` (GeoJSON Point), `distanceField`, optional `maxDistance`,
 * `minDistance` (metres), `query`, `includeLocs`, `distanceMultiplier`, and `key` — which the
 * store fills in from the collection's 2dsphere index before the pipeline runs.
 */
function $geoNear(collection: Iterator, expr: unknown, options: Options): Iterator {
  if (!isPlainObject(expr)) throw requestFailed('$geoNear requires an object');
  const point = pointOf(expr.near);
  if (!point) throw requestFailed('$geoNear requires near to be a GeoJSON Point');
  if (typeof expr.distanceField !== 'string')
    throw requestFailed('$geoNear requires distanceField');
  if (typeof expr.key !== 'string') throw requestFailed('$geoNear requires a 2dsphere index');
  const { key, distanceField } = expr;
  const max = typeof expr.maxDistance === 'number' ? expr.maxDistance : Infinity;
  const min = typeof expr.minDistance === 'number' ? expr.minDistance : 0;
  const multiplier = typeof expr.distanceMultiplier === 'number' ? expr.distanceMultiplier : 1;
  const filter = isPlainObject(expr.query) ? new Query(expr.query, options) : null;
  const rows: { doc: Record<string, unknown>; d: number }[] = [];
  for (const item of collection) {
    const doc = item as Record<string, unknown>;
    if (filter && !filter.test(doc)) continue;
    const location = resolve(doc, key);
    const d = fieldDistance(location, point);
    if (d === null || d < min || d > max) continue;
    rows.push({ doc, d });
  }
  rows.sort((a, b) => a.d - b.d);
  return Lazy(
    rows.map(({ doc, d }) => {
      const out = { ...doc };
      setPath(out, distanceField, d * multiplier);
      if (typeof expr.includeLocs === 'string') setPath(out, expr.includeLocs, resolve(doc, key));
      return out;
    }),
  );
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    node[part] = isPlainObject(next) ? { ...next } : {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1] as string] = value;
}

/** Extra operators layered over mingo's defaults for every store query and pipeline. */
// mingo types QueryOperator as the intersection of its built-ins' signatures, which no custom
// operator can satisfy; the runtime contract is (selector, value, options) => (doc) => boolean.
const asQueryOperator = (op: QueryOp): QueryOperator => op as unknown as QueryOperator;

export const GEO_CONTEXT = Context.init({
  query: {
    $nearSphere: asQueryOperator($nearSphere),
    $near: asQueryOperator($nearSphere),
    $geoWithin: asQueryOperator(withinOp(true)),
    $geoIntersects: asQueryOperator(withinOp(false)),
  },
  pipeline: { $geoNear },
});

export const GEO_QUERY_OPERATORS = [
  '$nearSphere',
  '$near',
  '$geoWithin',
  '$geoIntersects',
] as const;

/** Fields a query applies geo operators to (any depth of $and/$or/$nor), for the index check. */
export function geoFields(
  query: unknown,
  out: Map<string, string> = new Map(),
): Map<string, string> {
  if (Array.isArray(query)) {
    for (const q of query) geoFields(q, out);
    return out;
  }
  if (!isPlainObject(query)) return out;
  for (const [key, value] of Object.entries(query)) {
    if (key === '$and' || key === '$or' || key === '$nor') geoFields(value, out);
    else if (!key.startsWith('$') && isPlainObject(value)) {
      for (const op of GEO_QUERY_OPERATORS) if (op in value) out.set(key, op);
    }
  }
  return out;
}

/** A top-level `$nearSphere` (directly or inside a top-level $and): results sort by distance. */
export function topLevelNear(query: unknown): { field: string; near: NearSpec } | null {
  if (!isPlainObject(query)) return null;
  for (const [key, value] of Object.entries(query)) {
    if (key === '$and' && Array.isArray(value)) {
      for (const part of value) {
        const found = topLevelNear(part);
        if (found) return found;
      }
    } else if (!key.startsWith('$') && isPlainObject(value)) {
      const spec = value.$nearSphere ?? value.$near;
      if (spec !== undefined) return { field: key, near: parseNear(spec) };
    }
  }
  return null;
}
