/**
 * The supervisor's side of 包保 (000 §1(5)): nobody may stay without a named caseworker, so the
 * people no rule could place wait in the supervisor's queue, and the supervisor assigns or
 * reassigns. A membership is ended and a new one started; history is never deleted (house
 * style 2). Scope: the supervisor's townships, or the whole city when they have none.
 */
import { AppError, STAFF_ORG_LABELS, type PersonDetail } from '@nuanxin/shared';

import {
  auditRepo,
  claimsRepo,
  membershipsRepo,
  registrationLogRepo,
  registrationsRepo,
  transaction,
  usersRepo,
  type Handler,
} from '../../_lib';
import { supervisorPerson, supervisorScope } from '../access';
import { staffName, withLoads, type Staffed } from '../assignment';
import { actorOf, audit, notifyStatus } from '../events';
import { detailView, summaryView } from '../views';

export const unassigned: Handler<'registration', 'unassigned'> = async (_input, ctx) => {
  const { caller, db, now } = ctx;
  const records = await registrationsRepo(db).unassigned(supervisorScope(caller));
  // Longest waiting first.
  const people = records
    .map((r) => summaryView(r, now))
    .sort((a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? ''));
  await audit(db, ctx, 'unassigned', undefined, { count: people.length });
  return { people };
};

export const caseworkers: Handler<'registration', 'caseworkers'> = async (_input, ctx) => {
  const scope = supervisorScope(ctx.caller);
  const users = (await usersRepo(ctx.db).caseworkers(scope ?? undefined)).filter((u) => u.org);
  const staffed = await withLoads(ctx.db, users);
  return {
    caseworkers: staffed
      .map(({ user, load, cap }) => ({
        openid: user.openid,
        name: user.displayName,
        org: user.org!,
        orgLabel: STAFF_ORG_LABELS[user.org!],
        load,
        cap,
        townshipCount: user.townships.length,
      }))
      .sort(
        (a, b) => a.org.localeCompare(b.org) || a.load - b.load || a.name.localeCompare(b.name),
      ),
  };
};

export const assign: Handler<'registration', 'assign'> = async (input, ctx) => {
  const { db, now } = ctx;
  const record = await supervisorPerson(ctx, input.registrationId);
  if (record.status === 'cancelled') {
    throw new AppError('CONFLICT', '该登记已注销，不再分配包保责任人');
  }
  const target = await usersRepo(db).byOpenid(input.caseworkerOpenid);
  if (!target || target.role !== 'caseworker' || !target.org) {
    throw new AppError('CONFLICT', '所选人员不是包保责任人，请从列表中选择', {
      caseworkerOpenid: '请从列表中选择包保责任人',
    });
  }
  const current = await membershipsRepo(db).openFor(record._id);
  const view = (r: typeof record): Promise<PersonDetail> =>
    detailView(db, r, now, { ownCaseworker: false });

  // Assigning the caseworker the person already has changes nothing.
  if (current?.caseworkerOpenid === target.openid) {
    const detail = await view(record);
    await audit(db, ctx, 'getPerson', record._id);
    return detail;
  }
  const [{ load, cap }] = (await withLoads(db, [target])) as [Staffed];
  if (load >= cap) {
    throw new AppError(
      'CONFLICT',
      `${target.displayName}的包保人数已达上限（${cap}人），请选择其他包保责任人`,
      { caseworkerOpenid: '包保人数已达上限' },
    );
  }
  const claims = await claimsRepo(db).ofRegistrations([record._id]);

  const next = await transaction(db, async (tx) => {
    const fresh = await registrationsRepo(tx).get(record._id);
    if (fresh.caseworkerOpenid !== record.caseworkerOpenid || fresh.status !== record.status) {
      throw new AppError('CONFLICT', '该人员的包保责任人刚刚有了变化，请刷新后再试');
    }
    const memberships = membershipsRepo(tx);
    if (current) await memberships.end(current._id, 'reassigned', now);
    await memberships.start({
      registrationId: record._id,
      seekerOpenid: record.openid,
      caseworkerOpenid: target.openid,
      org: target.org!,
      startedAt: now,
      endedAt: null,
      endReason: null,
    });
    await registrationsRepo(tx).update(record._id, {
      caseworkerOpenid: target.openid,
      updatedAt: now,
    });
    // The insurance claim goes with the person to the new caseworker (000 §1(6)).
    for (const claim of claims) await claimsRepo(tx).route(claim._id, target.openid, now);
    const how = current ? '更换包保责任人' : '业务主管指定包保责任人';
    await registrationLogRepo(tx).append({
      registrationId: record._id,
      at: now,
      ...actorOf(ctx),
      event: 'assign',
      from: record.status,
      to: record.status,
      reason: `${how}：${staffName(target)}${input.reason ? `（${input.reason}）` : ''}`,
    });
    await auditRepo(tx).append(
      {
        actorOpenid: ctx.caller.openid,
        action: 'registration.assign',
        subjectId: record._id,
        detail: { caseworkerOpenid: target.openid, previous: current?.caseworkerOpenid ?? null },
      },
      now,
    );
    return { ...fresh, caseworkerOpenid: target.openid, updatedAt: now };
  });
  await notifyStatus(db, next, target, now);
  return view(next);
};
