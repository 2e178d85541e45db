/**
 * Recommendations (为您推荐, issue 5), the person's matching preferences and the refresh queue.
 *
 * - `recommendations`: one record per registration (`_id` = registrationId) with the person's
 *   top-10 open vacancies and the reasons shown to them (PIPL 第24条), plus the best 公益性岗位
 *   (就业困难人员) and 见习岗位 (graduates within 2 years) apart. Written by the `matching`
 *   function (nightly, on a new registration, changed wishes, a newly published vacancy, or on
 *   demand); read by the seeker's page and the `push` function. Items may have closed since
 *   `computedAt`: readers check that a vacancy is still open before showing or pushing it.
 * - `match_preferences`: `_id` = openid; absent means the defaults (personalised, not suggested).
 * - `match_queue`: registrations and vacancies whose recommendations must be refreshed soon.
 */
import { allRows, command, rows, type Store } from '../cloud';

export interface RecommendationItem {
  vacancyId: string;
  /** The matcher's score (higher is better; 2 decimals). */
  score: number;
  /** Why it was recommended, in Chinese, as shown to the person. */
  reasons: string[];
}

export const RECOMMENDATION_TRIGGERS = [
  'nightly',
  'registration',
  'wishes',
  'vacancy',
  'onDemand',
] as const;
export type RecommendationTrigger = (typeof RECOMMENDATION_TRIGGERS)[number];

export interface RecommendationRecord {
  /** The registration's id. */
  _id: string;
  registrationId: string;
  openid: string;
  /** Best first, at most 10. */
  items: RecommendationItem[];
  extras: {
    /** The best 公益性岗位 for a 就业困难人员; null for anyone else or when none fits. */
    publicWelfare: RecommendationItem | null;
    /** The best 见习岗位 for a graduate within 2 years who wants one; null otherwise. */
    internship: RecommendationItem | null;
  };
  computedAt: Date;
  trigger: RecommendationTrigger;
}

export type NewRecommendation = RecommendationRecord;

export function recommendationsRepo(db: Store) {
  const coll = db.collection('recommendations');
  return {
    async get(registrationId: string): Promise<RecommendationRecord | null> {
      const [found] = await rows<RecommendationRecord>(
        coll.where({ _id: registrationId }).limit(1),
      );
      return found ?? null;
    },
    /** Several at once (missing ones are left out). */
    async getMany(registrationIds: readonly string[]): Promise<RecommendationRecord[]> {
      const out: RecommendationRecord[] = [];
      for (let i = 0; i < registrationIds.length; i += 100) {
        const chunk = registrationIds.slice(i, i + 100);
        out.push(
          ...(await rows<RecommendationRecord>(
            coll.where({ _id: command().in(chunk) }).limit(chunk.length),
          )),
        );
      }
      return out;
    },
    /** Replaces the person's recommendations. */
    async put(doc: RecommendationRecord): Promise<void> {
      const { _id, ...data } = doc;
      await coll.doc(_id).set({ data });
    },
    /** Forgets them (the person opted out of personalised recommendations, or left). */
    async remove(registrationId: string): Promise<void> {
      await coll.where({ _id: registrationId }).remove();
    },
  };
}

// ── preferences ─────────────────────────────────────────────────────────────────────────────

export interface MatchPreferences {
  /** false: no personalised recommendations or pushes (PIPL 第24条 opt-out). Default true. */
  personalised: boolean;
  /** true: may be suggested to employers, masked. Default false (consent needed). */
  suggestToEmployers: boolean;
  /** null: never changed (the defaults). */
  updatedAt: Date | null;
}

export interface PreferencesRecord extends MatchPreferences {
  /** The person's openid. */
  _id: string;
}

export const DEFAULT_PREFERENCES: MatchPreferences = {
  personalised: true,
  suggestToEmployers: false,
  updatedAt: null,
};

export function preferencesRepo(db: Store) {
  const coll = db.collection('match_preferences');
  return {
    /** The person's preferences, or the defaults when they never set any. */
    async get(openid: string): Promise<MatchPreferences> {
      const [found] = await rows<PreferencesRecord>(coll.where({ _id: openid }).limit(1));
      if (!found) return { ...DEFAULT_PREFERENCES };
      return {
        personalised: found.personalised !== false,
        suggestToEmployers: found.suggestToEmployers === true,
        updatedAt: found.updatedAt ?? null,
      };
    },
    /** openid → preferences for those who set any (others have the defaults). */
    async ofMany(openids: readonly string[]): Promise<Map<string, MatchPreferences>> {
      const out = new Map<string, MatchPreferences>();
      for (let i = 0; i < openids.length; i += 100) {
        const chunk = openids.slice(i, i + 100);
        const found = await rows<PreferencesRecord>(
          coll.where({ _id: command().in(chunk) }).limit(chunk.length),
        );
        for (const p of found) {
          out.set(p._id, {
            personalised: p.personalised !== false,
            suggestToEmployers: p.suggestToEmployers === true,
            updatedAt: p.updatedAt ?? null,
          });
        }
      }
      return out;
    },
    async set(openid: string, prefs: Omit<MatchPreferences, 'updatedAt'>, at: Date): Promise<void> {
      await coll.doc(openid).set({
        data: {
          personalised: prefs.personalised,
          suggestToEmployers: prefs.suggestToEmployers,
          updatedAt: at,
        },
      });
    },
    /** The openids of everyone who agreed to be suggested to employers. */
    async suggestable(): Promise<string[]> {
      const found = await allRows<{ _id: string }>(
        coll.where({ suggestToEmployers: true }).field({ _id: true }),
        1000,
      );
      return found.map((p) => p._id);
    },
  };
}

// ── the refresh queue ───────────────────────────────────────────────────────────────────────

export type QueueKind = 'registration' | 'vacancy';

export interface QueueEntry {
  /** '<kind>:<id>': one entry per registration or vacancy however often it is enqueued. */
  _id: string;
  kind: QueueKind;
  targetId: string;
  trigger: RecommendationTrigger;
  enqueuedAt: Date;
  /** A vacancy's pass over the seekers: the last registration _id done (resumable). */
  cursor: string | null;
}

export const queueKey = (kind: QueueKind, id: string) => `${kind}:${id}`;

export function matchQueueRepo(db: Store) {
  const coll = db.collection('match_queue');
  return {
    /** Idempotent: enqueuing again only moves the entry's time (and restarts a vacancy's pass). */
    async enqueue(
      kind: QueueKind,
      targetId: string,
      trigger: RecommendationTrigger,
      at: Date,
    ): Promise<void> {
      await coll.doc(queueKey(kind, targetId)).set({
        data: { kind, targetId, trigger, enqueuedAt: at, cursor: null },
      });
    },
    /** The oldest entries first. */
    async oldest(limit: number): Promise<QueueEntry[]> {
      return rows<QueueEntry>(coll.where({}).orderBy('enqueuedAt', 'asc').limit(limit));
    },
    async find(key: string): Promise<QueueEntry | null> {
      const [found] = await rows<QueueEntry>(coll.where({ _id: key }).limit(1));
      return found ?? null;
    },
    async saveCursor(key: string, cursor: string): Promise<void> {
      await coll.doc(key).update({ data: { cursor } });
    },
    /**
     * Removes the entry if it was not enqueued again meanwhile (then it stays for the next pass).
     * True when removed.
     */
    async done(entry: Pick<QueueEntry, '_id' | 'enqueuedAt'>): Promise<boolean> {
      const res = (await coll
        .where({ _id: entry._id, enqueuedAt: new Date(entry.enqueuedAt) })
        .remove()) as { stats?: { removed?: number } };
      return (res.stats?.removed ?? 0) > 0;
    },
  };
}

/**
 * Asks the `matching` function to refresh recommendations soon: a registration after submit or a
 * change of wishes, a vacancy once it is published. Never throws: the action that called it has
 * succeeded, and the nightly pass catches up on anything missed.
 */
export async function enqueueMatch(
  db: Store,
  kind: QueueKind,
  targetId: string,
  trigger: RecommendationTrigger,
  at: Date,
): Promise<void> {
  try {
    await matchQueueRepo(db).enqueue(kind, targetId, trigger, at);
  } catch (error) {
    console.error('[matching] could not enqueue a refresh', kind, targetId, error);
  }
}
