/**
 * Daily at 02:00 (Asia/Shanghai, config.json): tags change with the calendar — a birthday makes
 * someone 大龄, the first anniversary of a separation makes them long-term unemployed, the second
 * anniversary of graduation ends the graduate tag — so the stored tags and 就业困难 flag, which
 * lists and reports query, are derived again for today. Pages of 100 in _id order; the run stops
 * before its time budget and the next run resumes from the stored cursor.
 */
import { registrationTags } from '@nuanxin/shared';

import { jobsRepo, registrationsRepo, type Database } from '../_lib';

import { registeredPerson } from './sections';

export const REFRESH_JOB = 'registration.refreshTags';
export const PAGE_SIZE = 100;

/** Stop taking new pages after this long (functions are designed for ≤ 20 s per invocation). */
function budgetMs(): number {
  const configured = Number(process.env.NUANXIN_TIMER_BUDGET_MS);
  return Number.isFinite(configured) && configured >= 0 ? configured : 15_000;
}

export interface RefreshResult {
  examined: number;
  updated: number;
  /** True when the pass reached the last registration; false when it stopped for time. */
  completed: boolean;
}

export async function refreshTags(db: Database, now: Date): Promise<RefreshResult> {
  const started = Date.now();
  const jobs = jobsRepo(db);
  const registrations = registrationsRepo(db);
  const state = await jobs.get(REFRESH_JOB);
  let cursor = state?.cursor ?? null;
  let processed = cursor ? (state?.processed ?? 0) : 0;
  let examined = 0;
  let updated = 0;
  for (;;) {
    const page = await registrations.openPage(cursor, PAGE_SIZE);
    for (const record of page) {
      const person = registeredPerson(record);
      if (!person) continue;
      const { tags, employmentDifficulty } = registrationTags(person, now);
      if (
        tags.join() !== record.tags.join() ||
        employmentDifficulty !== record.employmentDifficulty
      ) {
        // Only the derived fields: a concurrent edit of anything else is not overwritten.
        await registrations.update(record._id, { tags, employmentDifficulty });
        updated += 1;
      }
    }
    examined += page.length;
    processed += page.length;
    if (page.length < PAGE_SIZE) {
      await jobs.save(REFRESH_JOB, {
        cursor: null,
        lastRunAt: now,
        lastCompletedAt: now,
        processed,
      });
      return { examined, updated, completed: true };
    }
    cursor = page[page.length - 1]!._id;
    if (Date.now() - started >= budgetMs()) {
      await jobs.save(REFRESH_JOB, {
        cursor,
        lastRunAt: now,
        lastCompletedAt: state?.lastCompletedAt ?? null,
        processed,
      });
      return { examined, updated, completed: false };
    }
  }
}
