/**
 * The matching timer (config.json: every minute). Each run, within its time budget:
 *   1. drains the refresh queue: a registration (new, or changed wishes) gets its top-10
 *      computed; a newly published vacancy is scored against every active seeker and merged into
 *      the stored top-10s it beats — no full recompute;
 *   2. from 03:00 (Asia/Shanghai), continues the nightly recompute of every active seeker's
 *      top-10 in pages of PAGE_SIZE registrations, resuming from the stored cursor.
 * A run stops taking work once its budget is spent (functions are designed for ≤ 20 s); the next
 * run, a minute later, resumes.
 */
import { dateKey, formatShanghai } from '@nuanxin/shared';
import type { MatchSeeker } from '@nuanxin/shared/src/matching';

import {
  allRows,
  command,
  isCollectionMissing,
  jobsRepo,
  matchQueueRepo,
  preferencesRepo,
  recommendationsRepo,
  registrationsRepo,
  rows,
  seekerOf,
  type Database,
  type JobRecord,
  type PushLike,
  type QueueEntry,
  type RecommendationRecord,
  type RegistrationRecord,
} from '../_lib';

import {
  bumpPool,
  computeAndStore,
  mergeVacancy,
  openPool,
  pendingVacancies,
  type Pool,
} from './engine';
import { decodeCursor, encodeCursor, nextPage, START, type PageCursor } from './pages';

export const NIGHTLY_JOB = 'matching.nightly';
export const PAGE_SIZE = 100;
/** Seekers read per page when merging one vacancy (scoring one vacancy each: cheap). */
export const VACANCY_PAGE_SIZE = 500;
/**
 * The nightly pass starts at this Shanghai hour: after the registration timer (02:00) has stored
 * today's key-group tags, which the pass reads.
 */
export const NIGHTLY_HOUR = 3;

/** Stop taking new pages after this long (the same setting as the other timers). */
function budgetMs(): number {
  const configured = Number(process.env.NUANXIN_TIMER_BUDGET_MS);
  return Number.isFinite(configured) && configured >= 0 ? configured : 15_000;
}

/** Who gets personalised recommendations: active, consent kept, not opted out. */
export async function personalisedAmong(
  db: Database,
  registrations: readonly RegistrationRecord[],
): Promise<{ keep: RegistrationRecord[]; optedOut: RegistrationRecord[] }> {
  const prefs = await preferencesRepo(db).ofMany(registrations.map((r) => r.openid));
  const keep: RegistrationRecord[] = [];
  const optedOut: RegistrationRecord[] = [];
  for (const r of registrations) {
    const off = prefs.get(r.openid)?.personalised === false || r.consentWithdrawnAt != null;
    (off ? optedOut : keep).push(r);
  }
  return { keep, optedOut };
}

export interface TimerResult {
  queue: { registrations: number; vacancies: number; merged: number; left: boolean };
  nightly: { ran: boolean; examined: number; completed: boolean };
}

export async function runMatchingTimer(db: Database, now: Date): Promise<TimerResult> {
  const deadline = Date.now() + budgetMs();
  const queue = await drainQueue(db, now, deadline);
  const nightly = await nightlyPass(db, now, deadline);
  return { queue, nightly };
}

// ── the queue ───────────────────────────────────────────────────────────────────────────────

async function drainQueue(db: Database, now: Date, deadline: number) {
  const repo = matchQueueRepo(db);
  const result = { registrations: 0, vacancies: 0, merged: 0, left: false };
  let pool: Pool | null = null;
  // Entries handled in this run: one enqueued again meanwhile waits for the next run.
  const handled = new Set<string>();
  for (;;) {
    const entries = (await repo.oldest(20 + handled.size)).filter((e) => !handled.has(e._id));
    if (entries.length === 0) return result;
    for (const entry of entries) {
      if (handled.size > 0 && Date.now() >= deadline) {
        result.left = true;
        return result;
      }
      handled.add(entry._id);
      if (entry.kind === 'registration') {
        pool ??= await openPool(db, now);
        await refreshRegistration(db, entry, now, pool);
        result.registrations += 1;
      } else {
        const pass = await mergeVacancyEverywhere(db, entry, now, deadline);
        result.merged += pass.merged;
        if (!pass.completed) {
          result.left = true;
          return result;
        }
        result.vacancies += 1;
        pool = null; // the vacancy is in the next pool (bumpPool)
      }
    }
  }
}

async function refreshRegistration(
  db: Database,
  entry: QueueEntry,
  now: Date,
  pool: Pool,
): Promise<void> {
  const record = await registrationsRepo(db).find(entry.targetId);
  if (record && (record.status === 'submitted' || record.status === 'registered')) {
    const { keep, optedOut } = await personalisedAmong(db, [record]);
    await computeAndStore(db, keep, now, entry.trigger, { pool, freshTags: true });
    await forget(db, optedOut);
  }
  await matchQueueRepo(db).done(entry);
}

/**
 * One vacancy against every active seeker, from the entry's cursor: the vacancy enters a stored
 * top-10 where it beats the 10th (or the list is short), and replaces its own earlier entry
 * (an edited vacancy may now rank lower, or no longer fit). Seekers without stored
 * recommendations are left to their first computation, which sees the vacancy anyway.
 */
async function mergeVacancyEverywhere(
  db: Database,
  entry: QueueEntry,
  now: Date,
  deadline: number,
): Promise<{ completed: boolean; merged: number }> {
  const today = dateKey(now);
  const queue = matchQueueRepo(db);
  const [vacancy] = (await pendingVacancies(db, today, null)).filter(
    (v) => v.id === entry.targetId,
  );
  let merged = 0;
  if (vacancy) {
    const recommendations = recommendationsRepo(db);
    // Only this vacancy's applications and pushes can exclude it.
    const applied = await appliedTo(db, vacancy.id);
    let cursor: PageCursor | null = decodeCursor(entry.cursor);
    while (cursor) {
      const { page, next } = await nextPage(db, cursor, VACANCY_PAGE_SIZE);
      cursor = next;
      const { keep } = await personalisedAmong(db, page);
      // Scores first (small reads); whole records only where the vacancy gets in.
      const scores = await storedScores(
        db,
        keep.map((r) => r._id),
      );
      const withRecords = keep.filter((r) => scores.has(r._id));
      const pushed = await pushedAmong(
        db,
        withRecords.map((r) => r._id),
        vacancy.id,
        now,
      );
      const changes = new Map<string, MatchSeeker>();
      for (const r of withRecords) {
        const seeker = seekerOf(
          r,
          applied.has(r.openid) ? [{ vacancyId: vacancy.id, openid: r.openid }] : [],
          pushed.get(r._id) ?? [],
        );
        if (mergeVacancy(scores.get(r._id)!, seeker, vacancy, today)) changes.set(r._id, seeker);
      }
      for (const record of await recommendations.getMany([...changes.keys()])) {
        if (mergeVacancy(record, changes.get(record._id)!, vacancy, today)) {
          await recommendations.put({ ...record, computedAt: now, trigger: 'vacancy' });
          merged += 1;
        }
      }
      if (cursor && Date.now() >= deadline) {
        await queue.saveCursor(entry._id, encodeCursor(cursor));
        return { completed: false, merged };
      }
    }
  }
  await queue.done(entry);
  await bumpPool(db);
  return { completed: true, merged };
}

/** Who applied to the vacancy (openids). */
async function appliedTo(db: Database, vacancyId: string): Promise<Set<string>> {
  const found = await allRows<{ openid: string }>(
    db.collection('applications').where({ vacancyId }).field({ openid: true }),
    1000,
  );
  return new Set(found.map((a) => a.openid));
}

/** The push of this vacancy to each of these registrations, if any (`pushes` _id). */
async function pushedAmong(
  db: Database,
  registrationIds: readonly string[],
  vacancyId: string,
  now: Date,
): Promise<Map<string, PushLike[]>> {
  const out = new Map<string, PushLike[]>();
  const since = now.getTime() - 31 * 86_400_000;
  try {
    for (let i = 0; i < registrationIds.length; i += 100) {
      const ids = registrationIds.slice(i, i + 100).map((id) => `${id}:${vacancyId}`);
      const found = await rows<{ registrationId: string; vacancyId: string; at: Date }>(
        db
          .collection('pushes')
          .where({ _id: command().in(ids) })
          .field({ registrationId: true, vacancyId: true, at: true })
          .limit(ids.length),
      );
      for (const p of found) {
        if (new Date(p.at).getTime() >= since) out.set(p.registrationId, [p]);
      }
    }
  } catch (error) {
    if (isCollectionMissing(error)) return out;
    throw error;
  }
  return out;
}

/** Stored top-10s without their reasons: enough to see whether a vacancy gets in. */
async function storedScores(
  db: Database,
  registrationIds: readonly string[],
): Promise<Map<string, Pick<RecommendationRecord, 'items' | 'extras'>>> {
  const out = new Map<string, Pick<RecommendationRecord, 'items' | 'extras'>>();
  for (let i = 0; i < registrationIds.length; i += 100) {
    const chunk = registrationIds.slice(i, i + 100);
    const found = await rows<{
      _id: string;
      items: { vacancyId: string; score: number }[];
      extras: RecommendationRecord['extras'];
    }>(
      db
        .collection('recommendations')
        .where({ _id: command().in(chunk) })
        .field({ 'items.vacancyId': true, 'items.score': true, extras: true })
        .limit(chunk.length),
    );
    for (const r of found) {
      out.set(r._id, {
        items: (r.items ?? []).map((i: { vacancyId: string; score: number }) => ({
          vacancyId: i.vacancyId,
          score: i.score,
          reasons: [],
        })),
        extras: {
          publicWelfare: r.extras?.publicWelfare ?? null,
          internship: r.extras?.internship ?? null,
        },
      });
    }
  }
  return out;
}

/**
 * Recommendations of people who turned personalisation off or withdrew their consent are not
 * kept (setPreferences removes them at once; this catches a withdrawal and any race).
 */
async function forget(db: Database, people: readonly RegistrationRecord[]): Promise<void> {
  if (people.length === 0) return;
  const repo = recommendationsRepo(db);
  for (const r of await repo.getMany(people.map((p) => p._id))) await repo.remove(r._id);
}

// ── the nightly pass ────────────────────────────────────────────────────────────────────────

interface NightlyState extends Omit<JobRecord, '_id'> {
  /** The Shanghai day the current (or last) pass is for. */
  passDay: string | null;
}

function shanghaiHour(now: Date): number {
  return Number(formatShanghai(now).slice(11, 13));
}

async function nightlyPass(
  db: Database,
  now: Date,
  deadline: number,
): Promise<{ ran: boolean; examined: number; completed: boolean }> {
  const jobs = jobsRepo(db);
  const today = dateKey(now);
  const state = (await jobs.get(NIGHTLY_JOB)) as (JobRecord & { passDay?: string | null }) | null;
  const doneToday = state?.passDay === today && state.cursor === null && !!state.lastCompletedAt;
  if (doneToday || shanghaiHour(now) < NIGHTLY_HOUR) {
    return { ran: false, examined: 0, completed: doneToday };
  }
  // A pass left unfinished on an earlier day starts over: every seeker is ranked for today.
  const resuming = state?.passDay === today && state.cursor !== null;
  let cursor: PageCursor | null = resuming ? decodeCursor(state.cursor) : START;
  let processed = resuming ? state.processed : 0;
  let examined = 0;
  const pool = await openPool(db, now, { fresh: !resuming });
  const save = async (next: NightlyState) => jobs.save(NIGHTLY_JOB, next);
  for (;;) {
    const { page, next } = await nextPage(db, cursor, PAGE_SIZE);
    const { keep, optedOut } = await personalisedAmong(db, page);
    await computeAndStore(db, keep, now, 'nightly', { pool });
    await forget(db, optedOut);
    examined += page.length;
    processed += page.length;
    cursor = next;
    if (!cursor) {
      await save({ cursor: null, lastRunAt: now, lastCompletedAt: now, processed, passDay: today });
      return { ran: true, examined, completed: true };
    }
    if (Date.now() >= deadline) {
      await save({
        cursor: encodeCursor(cursor),
        lastRunAt: now,
        lastCompletedAt: state?.lastCompletedAt ?? null,
        processed,
        passDay: today,
      });
      return { ran: true, examined, completed: false };
    }
  }
}
