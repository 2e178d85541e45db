/**
 * The seeker's side: 为您推荐 with the reasons of each recommendation (PIPL 第24条), computed on
 * demand when missing or out of date, and the two switches (personalisation, being suggested to
 * employers).
 */
import {
  dateKey,
  PERSONALISATION_OFF_NOTICE,
  RECOMMENDATION_EXPLANATION,
  type MatchPreferencesView,
  type OutputOf,
  type Contracts,
} from '@nuanxin/shared';

import {
  applicationsRepo,
  matchQueueRepo,
  preferencesRepo,
  queueKey,
  recommendationsRepo,
  registrationsRepo,
  type Database,
  type Handler,
  type RecommendationItem,
  type RecommendationRecord,
  type RegistrationRecord,
} from '../_lib';
import { openAmong, vacanciesByIds } from '../jobs/open';
import { publicVacancy } from '../jobs/views';

import {
  computeAndStore,
  forgetPool,
  mergeVacancy,
  pendingVacancies,
  seekerInputs,
} from './engine';
import { preferencesView } from './views';

type MineOutput = OutputOf<Contracts['matching']['mine']>;
type Shown = MineOutput['items'][number];

export const NOT_REGISTERED_NOTICE =
  '完成失业登记后，系统会根据您的求职意向为您推荐岗位。现在您可以在“全部岗位”中浏览和筛选。';
export const CONSENT_WITHDRAWN_NOTICE =
  '您已撤回个人信息处理同意，系统不再根据您的信息为您推荐岗位。您仍可在“全部岗位”中浏览和筛选。';

function nothing(
  state: MineOutput['state'],
  explanation: string,
  preferences: MatchPreferencesView,
): MineOutput {
  return {
    state,
    explanation,
    items: [],
    extras: { publicWelfare: null, internship: null },
    computedAt: null,
    preferences,
  };
}

/** The record needs computing again: none yet, from an earlier day, or older than a change. */
function outOfDate(
  record: RecommendationRecord,
  registration: RegistrationRecord,
  queued: boolean,
  today: string,
): boolean {
  if (queued) return true;
  const computedAt = +new Date(record.computedAt);
  return dateKey(record.computedAt) < today || +new Date(registration.updatedAt) > computedAt;
}

/** The recommendations as shown: open, unfilled, not applied to; `dropped` counts the others. */
async function shown(
  db: Database,
  record: RecommendationRecord,
  openid: string,
  now: Date,
): Promise<{ items: Shown[]; extras: MineOutput['extras']; dropped: number }> {
  const all = [record.extras.publicWelfare, record.extras.internship, ...record.items].filter(
    (i): i is RecommendationItem => i !== null,
  );
  const ids = [...new Set(all.map((i) => i.vacancyId))];
  const vacancies = await vacanciesByIds(db, ids);
  const [open, applied] = await Promise.all([
    // Filled since it was ranked (hired ≥ headcount): not offered, though the ranking had it.
    openAmong(db, vacancies, now, { withRoom: true }),
    applicationsRepo(db).appliedAmong(openid, ids),
  ]);
  const byId = new Map(vacancies.map((v) => [v._id, v]));
  let dropped = 0;
  const view = (item: RecommendationItem | null): Shown | null => {
    if (!item) return null;
    const v = byId.get(item.vacancyId);
    if (!v || !open.has(v._id) || applied.has(v._id)) {
      dropped += 1;
      return null;
    }
    return { vacancy: publicVacancy(v, false), score: item.score, reasons: item.reasons };
  };
  const items = record.items.map(view).filter((i): i is Shown => i !== null);
  const extras = {
    publicWelfare: view(record.extras.publicWelfare),
    internship: view(record.extras.internship),
  };
  return { items, extras, dropped };
}

export const mine: Handler<'matching', 'mine'> = async (_input, ctx) => {
  const { caller, db, now } = ctx;
  const prefs = preferencesView(await preferencesRepo(db).get(caller.openid));
  const registration = await registrationsRepo(db).openOf(caller.openid);
  if (!registration) return nothing('notRegistered', NOT_REGISTERED_NOTICE, prefs);
  if (registration.consentWithdrawnAt) {
    return nothing('consentWithdrawn', CONSENT_WITHDRAWN_NOTICE, prefs);
  }
  if (!prefs.personalised) return nothing('personalisationOff', PERSONALISATION_OFF_NOTICE, prefs);

  const today = dateKey(now);
  const recommendations = recommendationsRepo(db);
  const queue = matchQueueRepo(db);
  const [stored, queued] = await Promise.all([
    recommendations.get(registration._id),
    queue.find(queueKey('registration', registration._id)),
  ]);
  const computeNow = async () =>
    (await computeAndStore(db, [registration], now, 'onDemand', { freshTags: true }))[0]!;
  let record: RecommendationRecord;
  let computed = false;
  if (!stored || outOfDate(stored, registration, queued !== null, today)) {
    record = await computeNow();
    computed = true;
    if (queued) await queue.done(queued);
  } else {
    record = stored;
    // Vacancies published since, which the timer has not merged everywhere yet.
    const pending = await pendingVacancies(db, today, new Date(record.computedAt));
    if (pending.length > 0) {
      const seeker = (await seekerInputs(db, [registration], now, true)).get(registration._id)!;
      let changed = false;
      for (const v of pending) changed = mergeVacancy(record, seeker, v, today) || changed;
      if (changed) await recommendations.put({ ...record, computedAt: now, trigger: 'vacancy' });
    }
  }
  let view = await shown(db, record, caller.openid, now);
  let fresh = false;
  while (view.dropped > 0 && !fresh) {
    // Some closed or were applied to since: rank again, over a rebuilt pool if the instance's
    // warm one still held them.
    if (computed) {
      forgetPool();
      fresh = true;
    }
    record = await computeNow();
    computed = true;
    view = await shown(db, record, caller.openid, now);
  }
  return {
    state: 'ok',
    explanation: RECOMMENDATION_EXPLANATION,
    items: view.items,
    extras: view.extras,
    computedAt: new Date(record.computedAt).toISOString(),
    preferences: prefs,
  };
};

export const preferences: Handler<'matching', 'preferences'> = async (_input, ctx) => {
  return { preferences: preferencesView(await preferencesRepo(ctx.db).get(ctx.caller.openid)) };
};

export const setPreferences: Handler<'matching', 'setPreferences'> = async (input, ctx) => {
  const { caller, db, now } = ctx;
  const repo = preferencesRepo(db);
  await repo.set(caller.openid, input, now);
  const registration = await registrationsRepo(db).openOf(caller.openid);
  if (registration) {
    if (!input.personalised) {
      // Opting out: what was ranked from their data is not kept (PIPL 第24条).
      await recommendationsRepo(db).remove(registration._id);
    } else {
      await matchQueueRepo(db).enqueue('registration', registration._id, 'onDemand', now);
    }
  }
  return { preferences: preferencesView(await repo.get(caller.openid)) };
};
