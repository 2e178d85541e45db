/**
 * Computing recommendations: the pool of open vacancies as a match index (kept warm in the
 * function instance), one seeker's top-10 with the two key-group extras, and merging one newly
 * published vacancy into stored top-10s. The ranking itself is the exact top-K of
 * `@nuanxin/shared/src/matching`; this module only feeds it stored records.
 */
import { dateKey, isEmploymentDifficulty, TOWNSHIPS } from '@nuanxin/shared';
import {
  buildMatchIndex,
  score,
  topK,
  type MatchIndex,
  type MatchResult,
  type MatchSeeker,
  type MatchVacancy,
} from '@nuanxin/shared/src/matching';

import {
  command,
  isCollectionMissing,
  matchQueueRepo,
  recommendationsRepo,
  rows,
  seekerOf,
  vacancyOf,
  type Database,
  type PushLike,
  type RecommendationItem,
  type RecommendationRecord,
  type RecommendationTrigger,
  type RegistrationRecord,
  type Store,
  type VacancyRecord,
} from '../_lib';

export const TOP_K = 10;
const TOWNSHIP_CODES = TOWNSHIPS.map((t) => t.code);
const PAGE = 1000;
const DAY_MS = 86_400_000;
/** Pushes older than this no longer exclude a vacancy (PUSH_COOLDOWN_DAYS, with a day spare). */
const PUSH_WINDOW_DAYS = 31;

/** The fields of a vacancy the matcher reads (the ad's texts stay in the database). */
const VACANCY_FIELDS = {
  _id: true,
  companyId: true,
  occupationCode: true,
  headcount: true,
  salaryMin: true,
  salaryMax: true,
  workType: true,
  township: true,
  location: true,
  minEducation: true,
  minExperienceYears: true,
  certificates: true,
  flags: true,
  validUntil: true,
  status: true,
  createdAt: true,
} as const;

// ── the pool of open vacancies ──────────────────────────────────────────────────────────────

export interface Pool {
  key: string;
  today: string;
  builtAt: number;
  index: MatchIndex;
  /** Only the 公益性岗位, and only the 见习岗位: each person's best one apart (extras). */
  publicWelfare: MatchIndex;
  internship: MatchIndex;
  size: number;
}

/**
 * A pool is rebuilt when the day changes, when a newly published vacancy has been merged (the
 * `matching.pool` version), or after this long: edits the queue does not see (pause, close) are
 * caught anyway by checking the chosen vacancies are still open.
 */
function poolTtlMs(): number {
  const configured = Number(process.env.NUANXIN_MATCH_POOL_TTL_MS);
  return Number.isFinite(configured) && configured >= 0 ? configured : 10 * 60_000;
}

const POOL_DOC = 'matching.pool';
let cached: Pool | null = null;

interface PoolState {
  _id: string;
  token: string;
  version: number;
}

/** The database's pool token and version (created on first use: one per database). */
async function poolState(db: Database): Promise<PoolState> {
  const coll = db.collection('jobs');
  const [found] = await rows<PoolState>(coll.where({ _id: POOL_DOC }).limit(1));
  if (found && typeof found.token === 'string') return found;
  const token = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
  await coll.doc(POOL_DOC).set({ data: { token, version: 0 } });
  return { _id: POOL_DOC, token, version: 0 };
}

/** Marks every instance's pool stale (after a vacancy was merged into stored top-10s). */
export async function bumpPool(db: Database): Promise<void> {
  const state = await poolState(db);
  await db
    .collection('jobs')
    .doc(POOL_DOC)
    .update({ data: { version: command().inc(1) } });
  if (cached && cached.key.startsWith(`${state.token}:`)) cached = null;
}

export function forgetPool(): void {
  cached = null;
}

/** Ids of companies not (or no longer) verified: their vacancies are not open. */
async function unverifiedCompanies(db: Store): Promise<Set<string>> {
  const out = new Set<string>();
  let after: string | null = null;
  for (;;) {
    const _ = command();
    const page: { _id: string }[] = await rows<{ _id: string }>(
      db
        .collection('companies')
        .where({ status: _.neq('verified'), ...(after ? { _id: _.gt(after) } : {}) })
        .orderBy('_id', 'asc')
        .field({ _id: true })
        .limit(PAGE),
    );
    for (const c of page) out.add(c._id);
    if (page.length < PAGE) return out;
    after = page[page.length - 1]!._id;
  }
}

/** Hired applications per vacancy (a full vacancy is not recommended). */
async function hiredCounts(db: Store): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  let after: string | null = null;
  for (;;) {
    const _ = command();
    const page: { _id: string; vacancyId: string }[] = await rows<{
      _id: string;
      vacancyId: string;
    }>(
      db
        .collection('applications')
        .where({ status: 'hired', ...(after ? { _id: _.gt(after) } : {}) })
        .orderBy('_id', 'asc')
        .field({ _id: true, vacancyId: true })
        .limit(PAGE),
    );
    for (const a of page) out.set(a.vacancyId, (out.get(a.vacancyId) ?? 0) + 1);
    if (page.length < PAGE) return out;
    after = page[page.length - 1]!._id;
  }
}

/**
 * Every vacancy open on `today` (published, not past its date, company verified), township by
 * township (the `township_status` index): a condition on the status would make the database
 * gather every published vacancy of the city for each page.
 */
export async function openVacancies(db: Store, today: string): Promise<MatchVacancy[]> {
  const [unverified, hired] = await Promise.all([unverifiedCompanies(db), hiredCounts(db)]);
  const out: MatchVacancy[] = [];
  for (const township of TOWNSHIP_CODES) {
    let after: string | null = null;
    for (;;) {
      const _ = command();
      const page: VacancyRecord[] = await rows<VacancyRecord>(
        db
          .collection('vacancies')
          .where({ township, ...(after ? { _id: _.gt(after) } : {}) })
          .orderBy('_id', 'asc')
          .field(VACANCY_FIELDS)
          .limit(PAGE),
      );
      for (const v of page) {
        if (v.status !== 'published' || v.validUntil < today || unverified.has(v.companyId)) {
          continue;
        }
        out.push(vacancyOf(v, hired.get(v._id) ?? 0));
      }
      if (page.length < PAGE) break;
      after = page[page.length - 1]!._id;
    }
  }
  return out;
}

/** The pool for `now`'s day: the instance's warm one when still current, else built afresh. */
export async function openPool(db: Database, now: Date, opts: { fresh?: boolean } = {}) {
  const today = dateKey(now);
  const state = await poolState(db);
  const key = `${state.token}:${state.version}:${today}`;
  if (!opts.fresh && cached && cached.key === key && Date.now() - cached.builtAt <= poolTtlMs()) {
    return cached;
  }
  const vacancies = await openVacancies(db, today);
  const options = { today };
  const pool: Pool = {
    key,
    today,
    builtAt: Date.now(),
    index: buildMatchIndex(vacancies, options),
    publicWelfare: buildMatchIndex(
      vacancies.filter((v) => v.flags.publicWelfare),
      options,
    ),
    internship: buildMatchIndex(
      vacancies.filter((v) => v.flags.internship),
      options,
    ),
    size: vacancies.length,
  };
  cached = pool;
  return pool;
}

// ── what a seeker has done: applications and pushes ─────────────────────────────────────────

/** Applications (vacancyId, openid) of these people. */
export async function applicationsOf(
  db: Store,
  openids: readonly string[],
): Promise<{ vacancyId: string; openid: string }[]> {
  const out: { vacancyId: string; openid: string }[] = [];
  for (let i = 0; i < openids.length; i += 100) {
    const chunk = openids.slice(i, i + 100);
    let after: string | null = null;
    for (;;) {
      const _ = command();
      const page: { _id: string; vacancyId: string; openid: string }[] = await rows<{
        _id: string;
        vacancyId: string;
        openid: string;
      }>(
        db
          .collection('applications')
          .where({ openid: _.in(chunk), ...(after ? { _id: _.gt(after) } : {}) })
          .orderBy('_id', 'asc')
          .field({ _id: true, vacancyId: true, openid: true })
          .limit(PAGE),
      );
      out.push(...page);
      if (page.length < PAGE) break;
      after = page[page.length - 1]!._id;
    }
  }
  return out;
}

export interface PushRow extends PushLike {
  registrationId: string;
}

/**
 * Vacancies pushed to these registrations in the last month (the `push` function's `pushes`;
 * none while that collection does not exist yet).
 */
export async function pushesOf(
  db: Store,
  registrationIds: readonly string[],
  now: Date,
  vacancyId?: string,
): Promise<PushRow[]> {
  const since = new Date(now.getTime() - PUSH_WINDOW_DAYS * DAY_MS);
  const out: PushRow[] = [];
  try {
    for (let i = 0; i < registrationIds.length; i += 100) {
      const chunk = registrationIds.slice(i, i + 100);
      const _ = command();
      out.push(
        ...(await rows<PushRow>(
          db
            .collection('pushes')
            .where({
              registrationId: _.in(chunk),
              at: _.gte(since),
              ...(vacancyId ? { vacancyId } : {}),
            })
            .field({ registrationId: true, vacancyId: true, at: true })
            .limit(PAGE),
        )),
      );
    }
  } catch (error) {
    if (isCollectionMissing(error)) return [];
    throw error;
  }
  return out;
}

// ── one seeker ──────────────────────────────────────────────────────────────────────────────

const toItem = (r: MatchResult): RecommendationItem => ({
  vacancyId: r.vacancyId,
  score: r.score,
  reasons: r.reasons,
});

/** Best first; ties by vacancy id, as the matcher orders them. */
export const byRank = (a: RecommendationItem, b: RecommendationItem) =>
  b.score - a.score || (a.vacancyId < b.vacancyId ? -1 : a.vacancyId > b.vacancyId ? 1 : 0);

function eligibleForPublicWelfare(seeker: MatchSeeker): boolean {
  return isEmploymentDifficulty(seeker.tags);
}

/** `seekerOf` resolved it with `wantsInternship` (a recent graduate who did not say no). */
function eligibleForInternship(seeker: MatchSeeker): boolean {
  return seeker.wantsInternship && seeker.tags.includes('recentGraduate');
}

/**
 * Merges one vacancy's result for one seeker into a record: replaces its earlier entry, keeps
 * the top-10 and the extras. Returns whether anything changed.
 */
export function mergeVacancy(
  record: Pick<RecommendationRecord, 'items' | 'extras'>,
  seeker: MatchSeeker,
  vacancy: MatchVacancy,
  today: string,
): boolean {
  const result = score(seeker, vacancy, { today });
  const before = JSON.stringify([record.items, record.extras]);
  const others = record.items.filter((i) => i.vacancyId !== vacancy.id);
  if ('excluded' in result) {
    record.items = others;
  } else {
    const item = { vacancyId: vacancy.id, score: result.score, reasons: result.reasons };
    record.items = [...others, item].sort(byRank).slice(0, TOP_K);
    const better = (current: RecommendationItem | null) =>
      current === null || current.vacancyId === vacancy.id || byRank(item, current) < 0;
    if (vacancy.flags.publicWelfare && eligibleForPublicWelfare(seeker)) {
      if (better(record.extras.publicWelfare)) record.extras.publicWelfare = item;
    }
    if (vacancy.flags.internship && eligibleForInternship(seeker)) {
      if (better(record.extras.internship)) record.extras.internship = item;
    }
  }
  if ('excluded' in result) {
    if (record.extras.publicWelfare?.vacancyId === vacancy.id) record.extras.publicWelfare = null;
    if (record.extras.internship?.vacancyId === vacancy.id) record.extras.internship = null;
  }
  return JSON.stringify([record.items, record.extras]) !== before;
}

/** Newly published vacancies still waiting in the queue (not yet merged everywhere). */
export async function pendingVacancies(
  db: Database,
  today: string,
  since: Date | null,
): Promise<MatchVacancy[]> {
  const _ = command();
  const entries = await rows<{ targetId: string }>(
    db
      .collection('match_queue')
      .where({ kind: 'vacancy', ...(since ? { enqueuedAt: _.gt(since) } : {}) })
      .field({ targetId: true })
      .limit(100),
  );
  if (entries.length === 0) return [];
  const ids = entries.map((e) => e.targetId);
  const found = await rows<VacancyRecord>(
    db
      .collection('vacancies')
      .where({ _id: _.in(ids), status: 'published', validUntil: _.gte(today) })
      .field(VACANCY_FIELDS)
      .limit(ids.length),
  );
  if (found.length === 0) return [];
  const unverified = await rows<{ _id: string }>(
    db
      .collection('companies')
      .where({ _id: _.in([...new Set(found.map((v) => v.companyId))]), status: _.neq('verified') })
      .field({ _id: true })
      .limit(found.length),
  );
  const excluded = new Set(unverified.map((c) => c._id));
  const hired = await rows<{ vacancyId: string }>(
    db
      .collection('applications')
      .where({ vacancyId: _.in(found.map((v) => v._id)), status: 'hired' })
      .field({ vacancyId: true })
      .limit(PAGE),
  );
  const counts = new Map<string, number>();
  for (const h of hired) counts.set(h.vacancyId, (counts.get(h.vacancyId) ?? 0) + 1);
  return found
    .filter((v) => !excluded.has(v.companyId))
    .map((v) => vacancyOf(v, counts.get(v._id) ?? 0));
}

/** A person's recommendations from the pool, and from vacancies the pool may not hold yet. */
export function rank(
  seeker: MatchSeeker,
  pool: Pool,
  pending: readonly MatchVacancy[],
): Pick<RecommendationRecord, 'items' | 'extras'> {
  const record: Pick<RecommendationRecord, 'items' | 'extras'> = {
    items: topK(seeker, pool.index, TOP_K).map(toItem),
    extras: {
      publicWelfare: eligibleForPublicWelfare(seeker)
        ? (topK(seeker, pool.publicWelfare, 1).map(toItem)[0] ?? null)
        : null,
      internship: eligibleForInternship(seeker)
        ? (topK(seeker, pool.internship, 1).map(toItem)[0] ?? null)
        : null,
    },
  };
  for (const v of pending) mergeVacancy(record, seeker, v, pool.today);
  return record;
}

export interface SeekerInputs {
  registration: RegistrationRecord;
  applications: readonly { vacancyId: string; openid: string }[];
  pushes: readonly PushLike[];
}

/**
 * Everything `seekerOf` needs for these registrations, in two queries. `freshTags`: derive
 * today's key-group tags (one person on demand); batch passes use the stored ones, which the
 * registration timer refreshes daily at 02:00, before the nightly pass (03:00).
 */
export async function seekerInputs(
  db: Store,
  registrations: readonly RegistrationRecord[],
  now: Date,
  freshTags: boolean,
): Promise<Map<string, MatchSeeker>> {
  const [applications, pushes] = await Promise.all([
    applicationsOf(
      db,
      registrations.map((r) => r.openid),
    ),
    pushesOf(
      db,
      registrations.map((r) => r._id),
      now,
    ),
  ]);
  const appsByOpenid = new Map<string, { vacancyId: string; openid: string }[]>();
  for (const a of applications) {
    const list = appsByOpenid.get(a.openid) ?? [];
    list.push(a);
    appsByOpenid.set(a.openid, list);
  }
  const pushesByRegistration = new Map<string, PushRow[]>();
  for (const p of pushes) {
    const list = pushesByRegistration.get(p.registrationId) ?? [];
    list.push(p);
    pushesByRegistration.set(p.registrationId, list);
  }
  const out = new Map<string, MatchSeeker>();
  for (const r of registrations) {
    out.set(
      r._id,
      seekerOf(
        r,
        appsByOpenid.get(r.openid) ?? [],
        pushesByRegistration.get(r._id) ?? [],
        freshTags ? now : undefined,
      ),
    );
  }
  return out;
}

/**
 * Computes and stores the recommendations of these registrations (one page). `freshTags`: see
 * seekerInputs (true for one person on demand).
 */
export async function computeAndStore(
  db: Database,
  registrations: readonly RegistrationRecord[],
  now: Date,
  trigger: RecommendationTrigger,
  opts: { pool?: Pool; freshTags?: boolean } = {},
): Promise<RecommendationRecord[]> {
  if (registrations.length === 0) return [];
  const usePool = opts.pool ?? (await openPool(db, now));
  const [seekers, pending] = await Promise.all([
    seekerInputs(db, registrations, now, opts.freshTags ?? false),
    pendingVacancies(db, usePool.today, null),
  ]);
  const repo = recommendationsRepo(db);
  const out: RecommendationRecord[] = [];
  for (const r of registrations) {
    const ranked = rank(seekers.get(r._id)!, usePool, pending);
    const record: RecommendationRecord = {
      _id: r._id,
      registrationId: r._id,
      openid: r.openid,
      ...ranked,
      computedAt: now,
      trigger,
    };
    await repo.put(record);
    out.push(record);
  }
  return out;
}

/** When a refresh queued for this registration is answered now, the entry can go. */
export async function clearRegistrationEntry(db: Database, registrationId: string): Promise<void> {
  const queue = matchQueueRepo(db);
  const entry = await queue.find(`registration:${registrationId}`);
  if (entry) await queue.done(entry);
}
