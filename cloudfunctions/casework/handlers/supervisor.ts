/**
 * The supervisor's view of 包保 (000 §1(5)): each caseworker's caseload (people, overdue
 * follow-ups, unanswered requests, cap), moving a person to another caseworker (the old
 * membership ends with its reason, history kept), and each caseworker's cap.
 */
import {
  AppError,
  STAFF_ORG_LABELS,
  type CaseloadEntry,
  type CaseworkerLoad,
} from '@nuanxin/shared';

import {
  auditRepo,
  membershipsRepo,
  registrationsRepo,
  transaction,
  usersRepo,
  type Handler,
} from '../../_lib';
import { supervisorPerson, supervisorScope } from '../../registration/access';
import { withLoads } from '../../registration/assignment';
import { assignPerson } from '../../registration/handlers/supervisor';
import { caseworkerInScope, caseworkersInScope } from '../access';
import { entryOf, gatherFacts } from '../facts';

import { inboxOf } from './requests';

export const caseloads: Handler<'casework', 'caseloads'> = async (_input, ctx) => {
  const { db, now } = ctx;
  const staffed = await withLoads(db, await caseworkersInScope(ctx));
  const caseworkers: CaseworkerLoad[] = [];
  for (const { user, load, cap } of staffed) {
    const open = await membershipsRepo(db).openOf(user.openid);
    const records = await registrationsRepo(db).byIds(open.map((m) => m.registrationId));
    const entries = (await gatherFacts(db, records))
      .map((f) => entryOf(f, now))
      .filter((e): e is CaseloadEntry => e !== null);
    caseworkers.push({
      openid: user.openid,
      name: user.displayName,
      orgLabel: user.org ? STAFF_ORG_LABELS[user.org] : '',
      people: entries.length,
      load,
      cap,
      overdue: entries.filter((e) => e.followUp.state === 'overdue').length,
      dueToday: entries.filter((e) => e.followUp.state === 'dueToday').length,
      unanswered: entries.reduce((n, e) => n + e.openRequests, 0),
    });
  }
  // Most overdue first: where the supervisor should look.
  caseworkers.sort(
    (a, b) =>
      b.overdue - a.overdue || b.unanswered - a.unanswered || a.name.localeCompare(b.name, 'zh-CN'),
  );
  const [unassigned, queue] = await Promise.all([
    registrationsRepo(db).unassigned(supervisorScope(ctx.caller)),
    inboxOf(ctx, ['open', 'answered']),
  ]);
  return { caseworkers, unassignedPeople: unassigned.length, supervisorQueue: queue.length };
};

export const reassign: Handler<'casework', 'reassign'> = async (input, ctx) => {
  const { db } = ctx;
  const record = await supervisorPerson(ctx, input.registrationId);
  const current = await membershipsRepo(db).openFor(record._id);
  if (!current) {
    throw new AppError('CONFLICT', '该人员还没有包保责任人，请在“待分配人员”中为其分配');
  }
  if (current.caseworkerOpenid === input.caseworkerOpenid) {
    throw new AppError('CONFLICT', '该人员已由这名包保责任人负责，请选择其他人', {
      caseworkerOpenid: '请选择另一名包保责任人',
    });
  }
  const [previous] = await usersRepo(db).byOpenids([current.caseworkerOpenid]);
  const { target } = await assignPerson(ctx, record, input);
  return {
    registrationId: record._id,
    caseworkerName: target.displayName,
    previousName: previous?.displayName ?? null,
  };
};

export const setCap: Handler<'casework', 'setCap'> = async (input, ctx) => {
  const { caller, db, now } = ctx;
  const user = await caseworkerInScope(ctx, input.caseworkerOpenid);
  // The change and its audit entry commit together.
  await transaction(db, async (tx) => {
    await usersRepo(tx).update(user._id, { caseloadCap: input.cap }, now);
    await auditRepo(tx).append(
      {
        actorOpenid: caller.openid,
        action: 'casework.setCap',
        subjectId: user.openid,
        detail: { from: user.caseloadCap ?? null, to: input.cap },
      },
      now,
    );
  });
  // A cap below the current load moves nobody: it stops new assignments until people leave.
  const [staffed] = await withLoads(db, [{ ...user, caseloadCap: input.cap }]);
  return { openid: user.openid, name: user.displayName, cap: input.cap, load: staffed?.load ?? 0 };
};
