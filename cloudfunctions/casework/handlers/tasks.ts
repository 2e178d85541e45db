/**
 * The caseworker's tasks beside requests (issue 5): hires to confirm with the person — the
 * registration then moves to employed through its lifecycle and the follow-up cadence goes from
 * monthly to yearly (001 §3(一)3) — and pushed positions that reached only the app, to tell the
 * person by phone or WeChat. Only the caseworker of the person's open 包保 membership sees and
 * acts on them; anyone else gets NOT_FOUND, as for a task that does not exist.
 */
import {
  AppError,
  isActive,
  pushTaskState,
  transitionHireConfirmation,
  transitionPushTask,
} from '@nuanxin/shared';

import {
  auditRepo,
  docOf,
  hireConfirmationsRepo,
  membershipsRepo,
  pushesRepo,
  registrationsRepo,
  transaction,
  type Handler,
  type HireConfirmationRecord,
  type Store,
} from '../../_lib';
import { caseworkerPerson } from '../../registration/access';
import { notifyStatus } from '../../registration/events';
import { applyEvent } from '../../registration/lifecycle';
import { audit } from '../audit';
import { hireTask, pushTask } from '../views';

import { workbench } from './people';

const HIRE_NOT_FOUND = '没有找到这条入职待确认';
const PUSH_NOT_FOUND = '没有找到这条推送';

export const tasks: Handler<'casework', 'tasks'> = async (_input, ctx) => {
  const { caller, db } = ctx;
  const open = await membershipsRepo(db).openOf(caller.openid);
  const ids = open.map((m) => m.registrationId);
  const [hires, pushes, records] = await Promise.all([
    hireConfirmationsRepo(db).ofRegistrations(ids, true),
    pushesRepo(db).openTasks(ids),
    registrationsRepo(db).byIds(ids),
  ]);
  const names = new Map(records.map((r) => [r._id, r.identity.name ?? '']));
  const list = [
    ...hires.map(hireTask),
    ...pushes.map((p) => pushTask(p, names.get(p.registrationId) ?? '')),
  ].sort((a, b) => a.at.localeCompare(b.at));
  await audit(ctx, 'tasks', undefined, {
    count: list.length,
    ids: [...new Set(list.map((t) => t.registrationId))].slice(0, 300).join(','),
  });
  return {
    tasks: list,
    counts: { confirmHire: hires.length, tellPush: pushes.length },
  };
};

export const confirmHire: Handler<'casework', 'confirmHire'> = async (input, ctx) => {
  const { caller, db, now } = ctx;
  const task = await hireConfirmationsRepo(db).find(input.applicationId);
  if (!task) throw new AppError('NOT_FOUND', HIRE_NOT_FOUND);
  let { record } = await caseworkerPerson(ctx, task.registrationId);
  const moved = transitionHireConfirmation(
    task.status,
    input.employed ? { type: 'confirm' } : { type: 'decline', reason: input.note },
  );
  if (!moved.ok) throw new AppError('CONFLICT', moved.reason);
  const job = `${task.vacancy.companyName}“${task.vacancy.title}”`;
  const decision = {
    status: moved.to,
    note: input.note || null,
    decidedAt: now,
    decidedBy: caller.openid,
    decidedByName: caller.user?.displayName ?? null,
  };
  const writeAll = async (tx: Store) => {
    // Read again inside: a decision made meanwhile (another tap, another device) is a CONFLICT.
    const tasks = tx.collection('hire_confirmations');
    const fresh = await docOf<HireConfirmationRecord>(tasks.doc(task._id));
    if (fresh.status !== 'pending') {
      throw new AppError('CONFLICT', '这条入职信息已经核实过了，请刷新后查看');
    }
    await tasks.doc(task._id).update({ data: decision });
    await auditRepo(tx).append(
      {
        actorOpenid: caller.openid,
        action: 'casework.confirmHire',
        subjectId: record._id,
        detail: { applicationId: task._id, employed: input.employed },
      },
      now,
    );
  };
  if (input.employed && isActive(record.status)) {
    // Through the registration's own lifecycle and log (house style 1), as a contact that learns
    // of work does; the move to employed, the decided task and the audit commit together (never
    // an employed registration with its task still pending), and a concurrent change of the
    // registration makes this a CONFLICT.
    record = await applyEvent(
      ctx,
      record,
      { type: 'employ' },
      {
        reason: `包保责任人核实：已入职${job}${input.note ? `（${input.note}）` : ''}`,
        audit: 'changeStatus',
        alongside: writeAll,
      },
    );
    await notifyStatus(db, record, caller.user, now);
  } else {
    await transaction(db, writeAll);
  }
  return workbench(ctx, record, true);
};

export const markTold: Handler<'casework', 'markTold'> = async (input, ctx) => {
  const { caller, db, now } = ctx;
  const push = await pushesRepo(db).find(input.pushId);
  if (!push) throw new AppError('NOT_FOUND', PUSH_NOT_FOUND);
  const { record } = await caseworkerPerson(ctx, push.registrationId);
  const told = transitionPushTask(pushTaskState(push));
  if (!told.ok) throw new AppError('CONFLICT', told.reason);
  // Only the call that marks it wins (two taps, two caseworkers' devices).
  if (!(await pushesRepo(db).markTold(push._id, caller.openid, input.channel, now))) {
    throw new AppError('CONFLICT', '这条岗位已经告知过了');
  }
  await audit(ctx, 'markTold', record._id, { pushId: push._id, channel: input.channel });
  return workbench(ctx, record, true);
};
