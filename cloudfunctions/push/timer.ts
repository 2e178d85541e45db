/**
 * The push run (hourly 09:00–18:00 Asia/Shanghai, config.json): tops up each registered seeker's
 * month (000 §4(6): at least 3 positions a month, a 公益性岗位 for 就业困难人员; 000 §5(3): a 见习岗位
 * for recent graduates who want one), spread over the month by `pushesDue`. Pages of 100 open
 * registrations in _id order; the run stops before its time budget and the next run resumes from
 * the stored cursor; once a pass is complete, nothing more happens until the next day.
 *
 * Idempotent: one run at a time pushes to a person, and once a Shanghai day (a `reminders` claim
 * 'push:<registrationId>:<day>', below), and a vacancy reaches a person at most once ever (the
 * push's `_id`), so a retried or a concurrent run pushes nothing twice.
 *
 * The day's claim is a lease, so that a run that dies between the claim and the end of the
 * person's pushes (an instance killed at its timeout) does not cost them the day — and, on the
 * month's last day, their plan. The holder marks the claim done once its pushes to the person
 * returned (whether they pushed anything or all were pushed already), and later runs leave a done
 * claim alone. A claim not done and older than twice the function's timeout (config.json)
 * belongs to a dead run, whatever it pushed before dying: the next run takes it over with a
 * conditional update of the claim's time, so of several runs only one does, and pushes what is
 * still owed by this month's pushes (the push's registration:vacancy `_id` keeps a position the
 * dead run pushed from going out twice). A run that finds someone's claim still fresh and not
 * done does not count its pass as complete: the next run looks again. The limit: the timer runs
 * only at the hours in config.json, so a run that dies at the day's last trigger is taken over by
 * no one that day; the person is caught up from the next day's first run (`pushesDue`).
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
  rows,
  type Database,
  type RegistrationRecord,
} from '../_lib';
import { entryOf, gatherFacts } from '../casework/facts';

import config from './config.json';
import { candidatesFor, choose, VacancyPool } from './pick';
import { pushTo } from './send';

export const PUSH_JOB = 'push.topUp';
export const PAGE_SIZE = 100;
/**
 * A day's claim this old was taken by a run that is gone: no invocation lives past the function's
 * timeout, counted from its start (the run's `now`, the claim's time); twice that for margin.
 */
export const CLAIM_LEASE_MS = 2 * config.timeout * 1000;

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
  /**
   * People whose day another run claimed moments ago and has not finished: it may be working on
   * them, or it may have died. Until none are left the day's pass does not count as complete.
   */
  held: number;
  /** True when the pass reached the last registration and nobody was held. */
  completed: boolean;
}

const claimId = (registrationId: string, day: string) => `push:${registrationId}:${day}`;

/**
 * Claims the person's day for this run: 'claimed' — push to them now, then `dayDone`; 'handled'
 * — a run finished its pushes to them today; 'held' — another run claimed it within the lease and
 * has not finished (or took it over just now).
 */
async function claimDay(
  db: Database,
  registrationId: string,
  day: string,
  now: Date,
): Promise<'claimed' | 'handled' | 'held'> {
  const id = claimId(registrationId, day);
  if (
    await remindersRepo(db).claim(id, { kind: 'push', registrationId, day, at: now, done: false })
  ) {
    return 'claimed';
  }
  const reminders = db.collection('reminders');
  const [claim] = await rows<{ at: Date; done?: boolean }>(reminders.where({ _id: id }).limit(1));
  if (!claim) return 'held';
  if (claim.done === true) return 'handled';
  const claimedAt = new Date(claim.at);
  if (now.getTime() - claimedAt.getTime() < CLAIM_LEASE_MS) return 'held';
  // The claim's holder is gone, whatever it pushed before: take it over, unless another run did
  // (or the holder finished) since we read it.
  const res = (await reminders
    .where({ _id: id, at: claimedAt, done: command().neq(true) })
    .update({ data: { at: now, takeovers: command().inc(1) } })) as {
    stats?: { updated?: number };
  };
  return (res.stats?.updated ?? 0) === 1 ? 'claimed' : 'held';
}

/** The holder's pushes to the person returned: later runs leave the day alone. */
async function dayDone(db: Database, registrationId: string, day: string): Promise<void> {
  await db
    .collection('reminders')
    .doc(claimId(registrationId, day))
    .update({ data: { done: true } });
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
    // pushes for them has them in hand — unless it died before it was done (claimDay).
    const claim = await claimDay(db, record._id, today, now);
    if (claim === 'held') totals.held += 1;
    if (claim !== 'claimed') continue;
    const sent = await pushTo(db, record, picks, {
      quota: quotas.get(record.openid) ?? 0,
      personalised,
      now,
    });
    await dayDone(db, record._id, today);
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
    held: 0,
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
  // Where the next run must look again: the first page where someone was held.
  let again: { cursor: string | null; processed: number } | null = null;
  for (;;) {
    const heldBefore = totals.held;
    const page = await registrations.openPage(cursor, PAGE_SIZE);
    await pushPage(db, page, now, totals);
    if (!again && totals.held > heldBefore) again = { cursor, processed };
    totals.examined += page.length;
    processed += page.length;
    const last = page.length < PAGE_SIZE;
    if (last && !again) {
      await jobs.save(PUSH_JOB, { cursor: null, lastRunAt: now, lastCompletedAt: now, processed });
      return totals;
    }
    if (!last) cursor = page[page.length - 1]!._id;
    if (last || Date.now() - started >= budgetMs()) {
      const resume = again ?? { cursor, processed };
      // A run that finished today's pass meanwhile saw the held people handled (or held them).
      const latest = again ? await jobs.get(PUSH_JOB) : null;
      if (!(
        latest?.cursor === null &&
        latest.lastCompletedAt &&
        dateKey(latest.lastCompletedAt) === dateKey(now)
      )) {
        await jobs.save(PUSH_JOB, {
          ...resume,
          lastRunAt: now,
          lastCompletedAt: state?.lastCompletedAt ?? null,
        });
      }
      return { ...totals, completed: false };
    }
  }
}
