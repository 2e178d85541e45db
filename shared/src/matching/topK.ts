/**
 * Exact top-K: the K best vacancies for a seeker, the same ids in the same order as scoring
 * every vacancy (`topKExhaustive`), without scoring most of them.
 *
 * The index, built once over the vacancies on a given day, puts every vacancy open that day into
 * buckets per grid cell: one for its occupation, its minor, its middle and its major category
 * (the occupation blocks), and one with every vacancy of the cell; each split in two, vacancies
 * with a key-group flag apart from the others. A bucket keeps the extremes of the attributes the
 * score reads (highest pay, union of work types and flags, lowest requirements, latest
 * publication).
 *
 * A search visits (tier, cell) pairs in descending order of an upper bound:
 *   tier t ∈ {same occupation, same minor, same middle, same major, none} of the seeker's wishes
 *   (the last scans the cell's all-vacancy buckets),
 *   cells within the seeker's commute (a lower bound of the distance to the cell, geo.ts),
 *   bound = occupation points of t + distance points at that lower bound + the best the other
 *   factors can give anywhere in the index.
 * and in each pair scans the seeker's bucket(s) of that tier, skipping a bucket whose own bound
 * (the same, with the bucket's extremes) cannot beat the K-th best so far.
 *
 * Why it is exact: a vacancy v lies in the bucket of (its own tier, its own cell), and each
 * factor is monotone in what the bucket summarises (score.ts), so that bucket's bound is ≥
 * score(v) (scores are rounded, and rounding is monotone too). The search stops only when the
 * next pair's bound is strictly below the K-th best score, and pairs come in descending bound
 * order, so every vacancy not yet scored scores strictly less than the K-th and could not enter
 * the top-K even on the tie-break (score descending, then id ascending). A bucket is skipped on
 * the same strict inequality. Every vacancy that is scored is scored by the same `evaluate`.
 */
import { EARTH_RADIUS_KM, minDistanceToBoxKm } from './geo';
import {
  distancePoints,
  evaluate,
  type Explanation,
  freshnessPoints,
  keyGroupPoints,
  occupationPoints,
  prepareContext,
  type PreparedContext,
  type PreparedSeeker,
  type PreparedVacancy,
  prepareSeeker,
  prepareVacancy,
  requirementPoints,
  roundScore,
  salaryPoints,
  TIER_NONE,
  workTypePoints,
} from './score';
import type { MatchContext, MatchResult, MatchSeeker, MatchVacancy } from './types';

export interface MatchIndexOptions extends MatchContext {
  /** Side of a grid cell in km (default 2.5: finer than the 三公里 circle). */
  cellKm?: number;
}

export interface MatchIndex {
  readonly context: PreparedContext;
  /** Every vacancy given, in input order (also those not open today). */
  readonly vacancies: readonly PreparedVacancy[];
  /** Of which open today (in some bucket). */
  readonly openCount: number;
  readonly grid: Grid;
  /** Per tier (occupation, minor, middle, major, then '*' for all): code → its block. */
  readonly levels: readonly Map<string, Block>[];
  /** id → position in `vacancies`. */
  readonly positions: ReadonlyMap<string, number>;
  readonly buckets: Buckets;
  /**
   * Scratch: vacancy → last search that scored it. A search runs to completion synchronously, so
   * one index serves any number of searches in a thread; each worker thread builds its own.
   */
  readonly seen: Int32Array;
  search: number;
}

/**
 * The vacancies of one code, split by whether they carry a key-group flag (0: none, 1: some), so
 * the rare 公益性/见习/援助 posts do not lift the bound of the plain ones around them.
 */
interface Block {
  cells: [CellLookup, CellLookup];
  /** A member-less bucket summarising the whole half-block, or -1 when it is empty. */
  summary: [number, number];
}

/** cell key → bucket (-1: none): a Map for blocks of few cells, an array over the grid else. */
interface CellLookup {
  size: number;
  map: Map<number, number>;
  dense: Int32Array | null;
}

/** Blocks with at least this many cells get an array lookup (a few kB each). */
const DENSE_CELLS = 24;

const lookup = (l: CellLookup, cell: number): number =>
  l.dense !== null ? l.dense[cell]! : (l.map.get(cell) ?? -1);

interface Grid {
  lat0: number;
  lng0: number;
  dLat: number;
  dLng: number;
  rows: number;
  cols: number;
  /** Smallest cos φ over the grid's latitudes. */
  cosMin: number;
  /** 1 where some open vacancy lies. */
  occupied: Uint8Array;
  /** Key of the pseudo-cell of vacancies without any location. */
  unlocated: number;
}

interface Buckets {
  start: Int32Array;
  end: Int32Array;
  members: Int32Array;
  maxSalaryMin: Float64Array;
  maxSalaryMax: Float64Array;
  workMask: Uint8Array;
  flags: Uint8Array;
  minEducationRank: Int8Array;
  minExperience: Float64Array;
  maxPublishedDay: Float64Array;
}

/** Counters a caller may pass to see how much a search scored. */
export interface SearchStats {
  searches: number;
  bucketsScanned: number;
  vacanciesScored: number;
}

export interface TopKOptions {
  /** Compute the reasons of the results (default true). */
  explain?: boolean;
  stats?: SearchStats;
}

const EPS = 1e-9;
const ANY = '*';

function cellOf(grid: Grid, v: PreparedVacancy): number {
  if (v.place === null) return grid.unlocated;
  const row = Math.min(grid.rows - 1, Math.max(0, Math.floor((v.latRad - grid.lat0) / grid.dLat)));
  const col = Math.min(grid.cols - 1, Math.max(0, Math.floor((v.lngRad - grid.lng0) / grid.dLng)));
  return row * grid.cols + col;
}

function makeGrid(open: readonly PreparedVacancy[], cellKm: number): Grid {
  let latMin = Infinity;
  let latMax = -Infinity;
  let lngMin = Infinity;
  let lngMax = -Infinity;
  for (const v of open) {
    if (v.place === null) continue;
    latMin = Math.min(latMin, v.latRad);
    latMax = Math.max(latMax, v.latRad);
    lngMin = Math.min(lngMin, v.lngRad);
    lngMax = Math.max(lngMax, v.lngRad);
  }
  if (latMin > latMax) {
    latMin = latMax = lngMin = lngMax = 0;
  }
  const dLat = cellKm / EARTH_RADIUS_KM;
  const dLng = cellKm / (EARTH_RADIUS_KM * Math.max(0.01, Math.cos((latMin + latMax) / 2)));
  const rows = Math.floor((latMax - latMin) / dLat) + 1;
  const cols = Math.floor((lngMax - lngMin) / dLng) + 1;
  const top = latMin + rows * dLat;
  return {
    lat0: latMin,
    lng0: lngMin,
    dLat,
    dLng,
    rows,
    cols,
    cosMin: Math.min(Math.cos(latMin), Math.cos(top)),
    occupied: new Uint8Array(rows * cols + 1),
    unlocated: rows * cols,
  };
}

/** Builds the index over `vacancies` for `options.today`; rebuild it when the day changes. */
export function buildMatchIndex(
  vacancies: readonly MatchVacancy[],
  options: MatchIndexOptions,
): MatchIndex {
  const context = prepareContext(options);
  const cellKm = options.cellKm ?? 2.5;
  if (!(cellKm > 0)) throw new RangeError(`cellKm must be > 0, got ${cellKm}`);
  const ids = new Set<string>();
  for (const v of vacancies) {
    if (ids.has(v.id)) throw new RangeError(`duplicate vacancy id ${v.id}`);
    ids.add(v.id);
  }
  const first = vacancies.map((v) => prepareVacancy(v, context, 0));
  const grid = makeGrid(
    first.filter((v) => v.staticExclusion === null),
    cellKm,
  );
  // Kept in cell order, allocated in that order: a bucket's members then lie close together in
  // memory, and scanning a bucket touches few cache lines. Positions follow this order.
  const cellKey = first.map((v) => (v.staticExclusion === null ? cellOf(grid, v) : Infinity));
  const byCell = first.map((_, i) => i).sort((x, y) => cellKey[x]! - cellKey[y]! || x - y);
  const prepared = byCell.map((i, position) => ({ ...first[i]!, position }));
  const positions = new Map(prepared.map((v) => [v.id, v.position]));
  const openIdx: number[] = [];
  prepared.forEach((v, i) => {
    if (v.staticExclusion === null) openIdx.push(i);
  });

  // Group: tier → code → slot → members. The last "tier" holds every vacancy under one code, for
  // the vacancies sharing no category with the seeker's wishes.
  const groups = [0, 1, 2, 3, 4].map(() => new Map<string, Map<number, number[]>>());
  for (const i of openIdx) {
    const v = prepared[i]!;
    const cell = cellOf(grid, v);
    grid.occupied[cell] = 1;
    for (let t = 0; t <= TIER_NONE; t += 1) {
      const code = t === TIER_NONE ? ANY : v.levels[t];
      if (!code) continue;
      let byCell = groups[t]!.get(code);
      if (!byCell) groups[t]!.set(code, (byCell = new Map()));
      const slot = cell * 2 + (v.flags !== 0 ? 1 : 0);
      let list = byCell.get(slot);
      if (!list) byCell.set(slot, (list = []));
      list.push(i);
    }
  }

  let bucketCount = 0;
  let memberCount = 0;
  for (const g of groups) {
    for (const byCell of g.values()) {
      bucketCount += byCell.size + 2; // and the block's two summaries
      for (const list of byCell.values()) memberCount += list.length;
    }
  }
  const b: Buckets = {
    start: new Int32Array(bucketCount),
    end: new Int32Array(bucketCount),
    members: new Int32Array(memberCount),
    maxSalaryMin: new Float64Array(bucketCount).fill(-Infinity),
    maxSalaryMax: new Float64Array(bucketCount).fill(-Infinity),
    workMask: new Uint8Array(bucketCount),
    flags: new Uint8Array(bucketCount),
    minEducationRank: new Int8Array(bucketCount).fill(127),
    minExperience: new Float64Array(bucketCount).fill(Infinity),
    maxPublishedDay: new Float64Array(bucketCount).fill(-Infinity),
  };
  const summarise = (bucket: number, v: PreparedVacancy) => {
    b.maxSalaryMin[bucket] = Math.max(b.maxSalaryMin[bucket]!, v.salaryMin);
    b.maxSalaryMax[bucket] = Math.max(b.maxSalaryMax[bucket]!, v.salaryMax);
    b.workMask[bucket] = b.workMask[bucket]! | v.workBit;
    b.flags[bucket] = b.flags[bucket]! | v.flags;
    b.minEducationRank[bucket] = Math.min(b.minEducationRank[bucket]!, v.minEducationRank);
    b.minExperience[bucket] = Math.min(b.minExperience[bucket]!, v.minExperienceYears);
    b.maxPublishedDay[bucket] = Math.max(b.maxPublishedDay[bucket]!, v.publishedDay);
  };

  const levels = groups.map(() => new Map<string, Block>());
  let bucket = 0;
  let at = 0;
  groups.forEach((g, t) => {
    for (const [code, byCell] of g) {
      const half = (): CellLookup => ({ size: 0, map: new Map(), dense: null });
      const block: Block = { cells: [half(), half()], summary: [-1, -1] };
      levels[t]!.set(code, block);
      for (const [slot, list] of byCell) {
        block.cells[slot & 1 ? 1 : 0].map.set(slot >> 1, bucket);
        b.start[bucket] = at;
        for (const i of list) {
          b.members[at] = i;
          at += 1;
          summarise(bucket, prepared[i]!);
        }
        b.end[bucket] = at;
        bucket += 1;
      }
      for (const half of [0, 1] as const) {
        const cells = block.cells[half];
        cells.size = cells.map.size;
        if (cells.size === 0) continue;
        if (cells.size >= DENSE_CELLS) {
          cells.dense = new Int32Array(grid.occupied.length).fill(-1);
          for (const [cell, member] of cells.map) cells.dense[cell] = member;
        }
        block.summary[half] = bucket;
        for (const member of cells.map.values()) {
          for (let j = b.start[member]!; j < b.end[member]!; j += 1) {
            summarise(bucket, prepared[b.members[j]!]!);
          }
        }
        bucket += 1;
      }
    }
  });

  return {
    context,
    vacancies: prepared,
    openCount: openIdx.length,
    grid,
    levels,
    positions,
    buckets: b,
    seen: new Int32Array(prepared.length),
    search: 0,
  };
}

/** The most the factors other than occupation and distance can give in `bucket`. */
function restBound(s: PreparedSeeker, index: MatchIndex, bucket: number): number {
  const w = index.context.weights;
  const b = index.buckets;
  if (b.maxPublishedDay[bucket] === -Infinity && b.maxSalaryMax[bucket] === -Infinity) return 0;
  return (
    salaryPoints(w, s.salary, b.maxSalaryMin[bucket]!, b.maxSalaryMax[bucket]!) +
    workTypePoints(w, s.workMask, b.workMask[bucket]!) +
    requirementPoints(
      w,
      s.educationRank,
      b.minEducationRank[bucket]!,
      s.experienceYears,
      b.minExperience[bucket]!,
      1,
    ) +
    keyGroupPoints(w, s.eligibleFlags, b.flags[bucket]!) +
    freshnessPoints(w, index.context.todayDay, b.maxPublishedDay[bucket]!)
  );
}

/** Cells the seeker may reach, with the most distance points any vacancy there can earn. */
function reachableCells(s: PreparedSeeker, index: MatchIndex): { keys: number[]; pts: number[] } {
  const g = index.grid;
  const w = index.context.weights;
  const keys: number[] = [];
  const pts: number[] = [];
  if (g.occupied[g.unlocated]) {
    // Unknown distance: no points, never out of reach.
    keys.push(g.unlocated);
    pts.push(distancePoints(w, null, s.commuteKm));
  }
  if (s.place === null) {
    for (let key = 0; key < g.unlocated; key += 1) {
      if (g.occupied[key]) {
        keys.push(key);
        pts.push(distancePoints(w, null, s.commuteKm));
      }
    }
    return { keys, pts };
  }
  const reach = s.commuteKm / EARTH_RADIUS_KM;
  // |Δφ| ≤ d/R; sin²(Δλ/2) ≤ sin²(d/2R) / (cos φs · cos φq) (geo.ts); one cell of margin.
  const rowLo = Math.max(0, Math.floor((s.latRad - reach - g.lat0) / g.dLat) - 1);
  const rowHi = Math.min(g.rows - 1, Math.floor((s.latRad + reach - g.lat0) / g.dLat) + 1);
  const sinLng =
    Math.sin(Math.min(reach / 2, Math.PI / 2)) / Math.sqrt(Math.max(1e-12, s.cosLat * g.cosMin));
  const lngReach = sinLng >= 1 ? Math.PI : 2 * Math.asin(sinLng);
  const colLo = Math.max(0, Math.floor((s.lngRad - lngReach - g.lng0) / g.dLng) - 1);
  const colHi = Math.min(g.cols - 1, Math.floor((s.lngRad + lngReach - g.lng0) / g.dLng) + 1);
  for (let row = rowLo; row <= rowHi; row += 1) {
    const latMin = g.lat0 + row * g.dLat;
    const latMax = latMin + g.dLat;
    for (let col = colLo; col <= colHi; col += 1) {
      const key = row * g.cols + col;
      if (!g.occupied[key]) continue;
      const lngMin = g.lng0 + col * g.dLng;
      const lower = minDistanceToBoxKm(
        s.latRad,
        s.lngRad,
        s.cosLat,
        latMin,
        latMax,
        lngMin,
        lngMin + g.dLng,
      );
      if (lower > s.commuteKm) continue;
      keys.push(key);
      pts.push(distancePoints(w, lower, s.commuteKm));
    }
  }
  return { keys, pts };
}

/** The K best so far, best first: score descending, then id ascending. */
class Best {
  readonly scores: number[] = [];
  readonly items: number[] = [];
  constructor(
    private readonly k: number,
    private readonly vacancies: readonly PreparedVacancy[],
  ) {}

  get full(): boolean {
    return this.items.length >= this.k;
  }

  /** The K-th best score (only meaningful when full). */
  get kth(): number {
    return this.scores[this.k - 1]!;
  }

  private before(score: number, id: string, at: number): boolean {
    const other = this.scores[at]!;
    return score > other || (score === other && id < this.vacancies[this.items[at]!]!.id);
  }

  offer(score: number, item: number): void {
    if (this.k <= 0) return;
    const id = this.vacancies[item]!.id;
    if (this.full && !this.before(score, id, this.k - 1)) return;
    if (this.full) {
      this.scores.pop();
      this.items.pop();
    }
    let at = this.items.length;
    while (at > 0 && this.before(score, id, at - 1)) at -= 1;
    this.scores.splice(at, 0, score);
    this.items.splice(at, 0, item);
  }
}

function results(
  best: Best,
  s: PreparedSeeker,
  index: MatchIndex,
  explain: boolean,
): MatchResult[] {
  return best.items.map((item, i) => {
    const v = index.vacancies[item]!;
    let reasons: string[] = [];
    if (explain) {
      const out: Explanation = { reasons: [], excluded: null };
      evaluate(s, v, index.context, out);
      reasons = out.reasons;
    }
    return { vacancyId: v.id, score: best.scores[i]!, reasons };
  });
}

/** The reference: every vacancy scored, best K kept. */
export function topKExhaustive(
  seeker: MatchSeeker,
  index: MatchIndex,
  k = 10,
  options: TopKOptions = {},
): MatchResult[] {
  const s = prepareSeeker(seeker, index.context, (id) => index.positions.get(id));
  const best = new Best(k, index.vacancies);
  index.vacancies.forEach((v, i) => {
    const value = evaluate(s, v, index.context, null);
    if (!Number.isNaN(value)) best.offer(value, i);
  });
  if (options.stats) {
    options.stats.searches += 1;
    options.stats.vacanciesScored += index.vacancies.length;
  }
  return results(best, s, index, options.explain ?? true);
}

/** The K best vacancies for `seeker` (fewer if fewer are open to them), best first. */
export function topK(
  seeker: MatchSeeker,
  index: MatchIndex,
  k = 10,
  options: TopKOptions = {},
): MatchResult[] {
  const c = index.context;
  const w = c.weights;
  const s = prepareSeeker(seeker, c, (id) => index.positions.get(id));
  const best = new Best(k, index.vacancies);
  const stats = options.stats;
  if (stats) stats.searches += 1;
  if (k <= 0) return [];

  index.search = index.search >= 0x7fffffff ? 1 : index.search + 1;
  const stamp = index.search;
  if (stamp === 1) index.seen.fill(0);
  const seen = index.seen;
  const b = index.buckets;

  const { keys, pts } = reachableCells(s, index);
  const order = keys.map((_, i) => i).sort((x, y) => pts[y]! - pts[x]!);

  // Streams: one per tier and half (plain, flagged), each with the cell maps of the seeker's
  // codes of that tier and the most the other factors give anywhere in those half-blocks. The last
  // tier scans every vacancy of a cell; those of a better tier are either seen already or scored
  // exactly all the same.
  const streamMaps: CellLookup[][] = [];
  const streamBase: number[] = [];
  for (let t = 0; t <= TIER_NONE; t += 1) {
    const codes = t === TIER_NONE ? [ANY] : s.wishes[t]!;
    for (const half of [0, 1] as const) {
      const maps: CellLookup[] = [];
      let rest = -Infinity;
      for (const code of codes) {
        const block = index.levels[t]!.get(code);
        if (!block || block.summary[half] < 0) continue;
        maps.push(block.cells[half]);
        rest = Math.max(rest, restBound(s, index, block.summary[half]));
      }
      streamMaps.push(maps);
      streamBase.push(occupationPoints(w, t) + rest);
    }
  }
  const streams = streamMaps.length;
  const pointer = streamMaps.map(() => 0);

  for (;;) {
    let stream = -1;
    let key = -Infinity;
    for (let x = 0; x < streams; x += 1) {
      if (streamMaps[x]!.length === 0 || pointer[x]! >= order.length) continue;
      const candidate = streamBase[x]! + pts[order[pointer[x]!]!]!;
      if (candidate > key) {
        key = candidate;
        stream = x;
      }
    }
    if (stream < 0) break;
    if (best.full && best.kth > roundScore(key + EPS)) break;
    const at = order[pointer[stream]!]!;
    pointer[stream] = pointer[stream]! + 1;
    const cell = keys[at]!;
    const cellBound = occupationPoints(w, stream >> 1) + pts[at]!;
    for (const m of streamMaps[stream]!) {
      const bucket = lookup(m, cell);
      if (bucket < 0) continue;
      if (best.full && best.kth > roundScore(cellBound + restBound(s, index, bucket) + EPS)) {
        continue;
      }
      if (stats) stats.bucketsScanned += 1;
      const end = b.end[bucket]!;
      for (let j = b.start[bucket]!; j < end; j += 1) {
        const item = b.members[j]!;
        if (seen[item] === stamp) continue;
        seen[item] = stamp;
        if (stats) stats.vacanciesScored += 1;
        const value = evaluate(s, index.vacancies[item]!, c, null);
        if (!Number.isNaN(value)) best.offer(value, item);
      }
    }
  }
  return results(best, s, index, options.explain ?? true);
}
