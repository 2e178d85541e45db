/**
 * `casework`: the caseworker's workbench under 包保 (issue 7) — caseload with follow-up cadence,
 * "131" progress and push plans, contacts and 一人一策 plans; citizens' requests (工单) with their
 * answer deadline and escalation; the supervisor's caseloads, reassignment and caps; tasks
 * beside requests (hires to confirm, pushed positions to tell the person about); the service
 * statistics by township with their drill-down to people (stats); and the hourly
 * timer (config.json) for escalations and the daily follow-up reminder.
 */
import { createFunction } from '../_lib';

import { caseload, person, recordContact, savePlan } from './handlers/people';
import {
  addToRequest,
  answer,
  ask,
  closeRequest,
  closeReview,
  inbox,
  myRequests,
  rate,
  requestThread,
} from './handlers/requests';
import { stats } from './handlers/stats';
import { caseloads, reassign, setCap } from './handlers/supervisor';
import { confirmHire, markTold, tasks } from './handlers/tasks';
import { hourly } from './timer';

export const main = createFunction(
  'casework',
  {
    caseload,
    person,
    recordContact,
    savePlan,
    ask,
    myRequests,
    requestThread,
    rate,
    addToRequest,
    inbox,
    answer,
    closeRequest,
    closeReview,
    caseloads,
    reassign,
    setCap,
    stats,
    tasks,
    confirmHire,
    markTold,
  },
  { onTimer: (_event, { db, now }) => hourly(db, now) },
);
