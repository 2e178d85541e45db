/**
 * `matching`: 为您推荐 (issue 5, Recommendations). Seekers read their top-10 with reasons and set
 * their two switches; employers see suggested candidates for their open vacancies and invite
 * them to apply. A timer (config.json, every minute) drains the refresh queue (new
 * registrations, changed wishes, newly published vacancies) and, from 03:00, recomputes every
 * active seeker's top-10 in resumable pages.
 */
import { createFunction } from '../_lib';

import { inviteCandidate, suggestedCandidates } from './employer';
import { mine, preferences, setPreferences } from './seeker';
import { runMatchingTimer } from './timer';

export const main = createFunction(
  'matching',
  { mine, preferences, setPreferences, suggestedCandidates, inviteCandidate },
  { onTimer: (_event, { db, now }) => runMatchingTimer(db, now) },
);
