/**
 * The push run (hourly 09:00–18:00 Asia/Shanghai, config.json): tops up each registered seeker's
 * month (000 §4(6): at least 3 positions a month, a 公益性岗位 for 就业困难人员; 000 §5(3): a 见习岗位
 * for recent graduates who want one), spread over the month by `pushesDue`. Pages of 100 open
 * registrations in _id order; the run stops before its time budget and the next run resumes from
 * the stored cursor; once a pass is complete, nothing more happens until the next day.
 *
 * Idempotent: a person is handled at most once a Shanghai day (a `reminders` claim
 * 'push:<registrationId>:<day>'), and a vacancy reaches a person at most once ever (the push's
 * `_id`), so a retried or a concurrent run pushes nothing twice.
 */
import { dateKey, pushesDue } from '@nuanxin/shared';
import { wantsInternship } from '@nuanxin/shared/src/matching/internship';

import {
  allRows,
  command,
  contactsRepo,
  jobsRepo,
  preferencesRepo,
  pushesRepo,
  pushSubscriptionsRepo,
  recommendationsRepo,
  registrationsRepo,
  remindersRepo,
  type Database,
  type RegistrationRecord,
} from '../_lib';
import { entryOf, gatherFacts } from '../casework/facts';

import { candidatesFor, choose, VacancyPool } from './pick';
import { pushTo } from './send';

export const PUSH_JOB = 'push.topUp';
export const PAGE_SIZE = 100;

/** Stop taking new pages after this long (functions are designed for ≤ 20 s per invocation). */
function budgetMs(): number {
  const configured = Number(process.env.NUANXIN_TIMER_BUDGET_MS);
  return Number.isFinite(configured) && configured >= 0 ? configured : 15_000;
}

export interface TopUpResult {
  examined: number;
  /** People who got at least one position in this run. */
  people: number;
  pushed: number;
  subscription: number;
  inApp: number;
  /** True when the pass reached the last registration. */
  completed: boolean;
}

interface Wanted {
  record: RegistrationRecord;
  due: ReturnType<typeof pushesDue>;
  difficult: boolean;
  wantsInternship: boolean;
}

/** The people of one page who are owed positions today. */
async function owed(db: Database, page: RegistrationRecord[], now: Date): Promise<Wanted[]> {
  const out: Wanted[] = [];
  for (const facts of await gatherFacts(db, page)) {
    // Pushing to someone who withdrew consent would process their data for a new purpose
    // (PIPL 第15条), as a caseworker's referral would (casework.recordContact).
    if (facts.record.consentWithdrawnAt) continue;
    const entry = entryOf(facts, now);
    if (!entry?.pushPlan) continue;
    const due = pushesDue(entry.pushPlan, now);
    if (due.count === 0) continue;
    out.push({
      record: facts.record,
      due,
      difficult: entry.employmentDifficulty,
      wantsInternship: wantsInternship(
        entry.tags.map((t) => t.key),
        facts.record.wishes?.wantsInternship,
      ),
    });
  }
  return out;
}

/**
 * Vacancies of these people in `collection`, by openid: 'applications' (they applied) or
 * 'match_invitations' (the employer invited them to apply: they were told of it already, as a
 * "岗位推荐" message).
 */
async function vacanciesOf(
  db: Database,
  collection: 'applications' | 'match_invitations',
  openids: readonly string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (let i = 0; i < openids.length; i += 100) {
    const found = await allRows<{ openid: string; vacancyId: string }>(
      db
        .collection(collection)
        .where({ openid: command().in(openids.slice(i, i + 100)) })
        .field({ openid: true, vacancyId: true }),
      1000,
    );
    for (const a of found) out.set(a.openid, [...(out.get(a.openid) ?? []), a.vacancyId]);
  }
  return out;
}

async function pushPage(
  db: Database,
  page: RegistrationRecord[],
  now: Date,
  totals: TopUpResult,
): Promise<void> {
  const wanted = await owed(db, page, now);
  if (wanted.length === 0) return;
  const ids = wanted.map((w) => w.record._id);
  const openids = wanted.map((w) => w.record.openid);
  const [recommendations, preferences, pushed, applied, invited, quotas, contacts] =
    await Promise.all([
      recommendationsRepo(db).getMany(ids),
      preferencesRepo(db).ofMany(openids),
      pushesRepo(db).ofRegistrations(ids),
      vacanciesOf(db, 'applications', openids),
      vacanciesOf(db, 'match_invitations', openids),
      pushSubscriptionsRepo(db).remainingOf(openids),
      contactsRepo(db).of(ids),
    ]);
  const recommendationOf = new Map(recommendations.map((r) => [r._id, r]));
  const pool = new VacancyPool(db, now);
  await pool.loadRecommended(recommendations);
  const today = dateKey(now);
  for (const w of wanted) {
    const { record } = w;
    const personalised = preferences.get(record.openid)?.personalised !== false;
    const excluded = new Set([
      ...pushed.filter((p) => p.registrationId === record._id).map((p) => p.vacancyId),
      ...(applied.get(record.openid) ?? []),
      // The employer invited them to it: they were told of it (and it may have used one of
      // their "岗位推荐" subscriptions); a push would repeat the news.
      ...(invited.get(record.openid) ?? []),
      // A position the caseworker already referred counts once in the plan: pushing it again
      // would waste one of the month's slots.
      ...contacts
        .filter((c) => c.registrationId === record._id && c.kind === 'jobReferral')
        .flatMap((c) => (c.vacancy?.id ? [c.vacancy.id] : [])),
    ]);
    const candidates = await candidatesFor(pool, {
      due: w.due,
      difficult: w.difficult,
      wantsInternship: w.wantsInternship,
      personalised,
      township: record.township ?? record.identity.township ?? null,
      recommendation: personalised ? (recommendationOf.get(record._id) ?? null) : null,
      excluded,
    });
    const picks = choose(candidates, w.due);
    if (picks.length === 0) continue;
    // Once a day per person: another run (a retry, a concurrent trigger) that claimed today's
    // pushes for them has them in hand.
    const claimed = await remindersRepo(db).claim(`push:${record._id}:${today}`, {
      kind: 'push',
      registrationId: record._id,
      day: today,
      at: now,
    });
    if (!claimed) continue;
    const sent = await pushTo(db, record, picks, {
      quota: quotas.get(record.openid) ?? 0,
      personalised,
      now,
    });
    if (sent.pushed > 0) totals.people += 1;
    totals.pushed += sent.pushed;
    totals.subscription += sent.subscription;
    totals.inApp += sent.inApp;
  }
}

export async function topUp(db: Database, now: Date): Promise<TopUpResult> {
  const started = Date.now();
  const jobs = jobsRepo(db);
  const registrations = registrationsRepo(db);
  const state = await jobs.get(PUSH_JOB);
  const totals: TopUpResult = {
    examined: 0,
    people: 0,
    pushed: 0,
    subscription: 0,
    inApp: 0,
    completed: true,
  };
  // Today's pass is done: the hourly triggers after it have nothing to do until tomorrow.
  if (
    state &&
    state.cursor === null &&
    state.lastCompletedAt &&
    dateKey(state.lastCompletedAt) === dateKey(now)
  ) {
    return totals;
  }
  let cursor = state?.cursor ?? null;
  let processed = cursor ? (state?.processed ?? 0) : 0;
  for (;;) {
    const page = await registrations.openPage(cursor, PAGE_SIZE);
    await pushPage(db, page, now, totals);
    totals.examined += page.length;
    processed += page.length;
    if (page.length < PAGE_SIZE) {
      await jobs.save(PUSH_JOB, { cursor: null, lastRunAt: now, lastCompletedAt: now, processed });
      return totals;
    }
    cursor = page[page.length - 1]!._id;
    if (Date.now() - started >= budgetMs()) {
      await jobs.save(PUSH_JOB, {
        cursor,
        lastRunAt: now,
        lastCompletedAt: state?.lastCompletedAt ?? null,
        processed,
      });
      return { ...totals, completed: false };
    }
  }
}
