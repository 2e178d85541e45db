/**
 * Every hour from 08:00 to 20:00 (Asia/Shanghai, config.json), on working days only:
 *  1. escalation — a request still unanswered at the configured working days (1, 3 and 5 by
 *     default, `requestSla`) rises a level, and the supervisors of its township are told once per
 *     level;
 *  2. the daily follow-up reminder — each caseworker with people due today or overdue (001
 *     §3(一)3), or requests waiting, is told once a day (the first run of the day claims it in
 *     `reminders`, so later runs and overlapping runs send nothing more).
 * On weekends and holidays (State Council tables, 调休 Saturdays are working days) nothing is
 * sent: an escalation that fell due on Friday at 21:00 is raised and told at the first run of the
 * next working day, 08:00. Runs stop taking new caseworkers before their time budget; the next
 * hourly run continues with those not reminded yet.
 */
import {
  dateKey,
  escalationLevel,
  followsSeekers,
  followUpReminderData,
  formatShanghai,
  isWorkingDay,
  REQUEST_KIND_LABELS,
  workingDaysLabel,
  type CaseloadEntry,
  type RequestSla,
} from '@nuanxin/shared';

import {
  membershipsRepo,
  notify,
  registrationsRepo,
  remindersRepo,
  requestsRepo,
  usersRepo,
  type Database,
} from '../_lib';

import { attachRequests } from './attach';
import { entryOf, gatherFacts } from './facts';
import { PAGES, tellSupervisors } from './notices';
import { requestSla } from './sla';

const DAY_MS = 86_400_000;

function budgetMs(): number {
  const configured = Number(process.env.NUANXIN_TIMER_BUDGET_MS);
  return Number.isFinite(configured) && configured >= 0 ? configured : 15_000;
}

/** Raises the level of late unanswered requests; returns how many levels were raised. */
export async function escalate(
  db: Database,
  now: Date,
  sla: RequestSla = requestSla(),
): Promise<number> {
  const repo = requestsRepo(db);
  const steps = sla.escalateAtWorkingDays;
  // A working day is at least a calendar day: nothing younger can be late; and a request at the
  // last level has nothing more to rise to, however old it is.
  const late = await repo.unansweredBefore(new Date(now.getTime() - DAY_MS), steps.length);
  let raised = 0;
  for (const request of late) {
    // Since the first citizen message not answered: the ask, or an addition after an answer.
    const since = request.waitingSince ?? request.createdAt;
    const level = escalationLevel(since, now, null, sla);
    if (level <= request.escalationLevel) continue;
    if (!(await repo.raiseLevel(request._id, level, now))) continue;
    raised += 1;
    const waited = workingDaysLabel(steps[level - 1]!);
    await tellSupervisors(
      db,
      request,
      {
        result: '超时未答复',
        note: request.text,
        title: `求助超过${waited}未答复`,
        body: `${request.personName || '一位市民'}于${formatShanghai(since)}提出的“${REQUEST_KIND_LABELS[request.kind]}”求助已超过${waited}没有答复，请督促办理或直接答复。`,
      },
      now,
    );
  }
  return raised;
}

export interface ReminderResult {
  reminded: number;
  /** False when the run stopped for time; the next run continues. */
  completed: boolean;
}

/** The once-a-day reminder to each caseworker with follow-ups due or requests waiting. */
export async function remindCaseworkers(db: Database, now: Date): Promise<ReminderResult> {
  const started = Date.now();
  const day = dateKey(now);
  const reminders = remindersRepo(db);
  const caseworkers = (await usersRepo(db).caseworkers())
    .filter((u) => followsSeekers(u.org))
    .sort((a, b) => a.openid.localeCompare(b.openid));
  let reminded = 0;
  for (const user of caseworkers) {
    if (Date.now() - started >= budgetMs()) return { reminded, completed: false };
    const id = `followUp:${user.openid}:${day}`;
    if (await reminders.sent(id)) continue;
    const open = await membershipsRepo(db).openOf(user.openid);
    const records = await registrationsRepo(db).byIds(open.map((m) => m.registrationId));
    const entries = (await gatherFacts(db, records))
      .map((f) => entryOf(f, now))
      .filter((e): e is CaseloadEntry => e !== null);
    const overdue = entries.filter((e) => e.followUp.state === 'overdue').length;
    const due = overdue + entries.filter((e) => e.followUp.state === 'dueToday').length;
    const unanswered = entries.reduce((n, e) => n + e.openRequests, 0);
    // Claimed even when there is nothing to say: the day's answer does not change by the hour
    // (due dates are dates), and new requests are told when they arrive.
    if (
      !(await reminders.claim(id, {
        kind: 'followUp',
        openid: user.openid,
        day,
        at: now,
        due,
        overdue,
        unanswered,
      }))
    ) {
      continue;
    }
    if (due + unanswered === 0) continue;
    await notify(
      db,
      {
        openid: user.openid,
        template: 'followUpReminder',
        data: followUpReminderData({ due, overdue, unanswered, at: now }),
        page: PAGES.visits,
        title: '今日回访提醒',
        body: `今天需要回访${due}人${overdue > 0 ? `，其中逾期${overdue}人` : ''}${unanswered > 0 ? `；另有${unanswered}条求助等待答复` : ''}。`,
      },
      now,
    );
    reminded += 1;
  }
  return { reminded, completed: true };
}

export interface HourlyResult extends ReminderResult {
  escalated: number;
  /** A weekend or holiday: nothing was sent, the next working day's first run sends it. */
  heldForWorkingDay: boolean;
}

export async function hourly(db: Database, now: Date): Promise<HourlyResult> {
  if (!isWorkingDay(dateKey(now))) {
    return { escalated: 0, reminded: 0, completed: true, heldForWorkingDay: true };
  }
  // Requests asked before registering go to the person's caseworker before anything is counted.
  await attachRequests(db, null);
  const escalated = await escalate(db, now);
  return { escalated, ...(await remindCaseworkers(db, now)), heldForWorkingDay: false };
}
