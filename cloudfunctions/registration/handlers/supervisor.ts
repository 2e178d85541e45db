/**
 * The supervisor's side of 包保 (000 §1(5)): nobody may stay without a named caseworker, so the
 * people no rule could place wait in the supervisor's queue, and the supervisor assigns or
 * reassigns. A membership is ended and a new one started; history is never deleted (house
 * style 2). Scope: the supervisor's townships, or the whole city when they have none.
 */
import {
  AppError,
  followsSeekers,
  isActive,
  STAFF_ORG_LABELS,
  townshipLabel,
} from '@nuanxin/shared';

import {
  auditRepo,
  claimsRepo,
  membershipsRepo,
  registrationLogRepo,
  registrationsRepo,
  transaction,
  usersRepo,
  type ActionContext,
  type Handler,
  type RegistrationRecord,
  type UserRecord,
} from '../../_lib';
import { supervisorPerson, supervisorScope } from '../access';
import { ensureCounters, staffName, withLoads, type Staffed } from '../assignment';
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

/**
 * The caseworkers a supervisor can assign: those of the organisations that follow job seekers
 * (就业中心, 人才服务中心) covering a township in the supervisor's scope. With a registrationId,
 * each says whether they cover that person's township (only those can be assigned).
 */
export const caseworkers: Handler<'registration', 'caseworkers'> = async (input, ctx) => {
  const scope = supervisorScope(ctx.caller);
  const record = input.registrationId ? await supervisorPerson(ctx, input.registrationId) : null;
  const users = (await usersRepo(ctx.db).caseworkers(scope ?? undefined)).filter((u) =>
    followsSeekers(u.org),
  );
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
        ...(record ? { covers: covers(user, record) } : {}),
      }))
      .sort(
        (a, b) => a.org.localeCompare(b.org) || a.load - b.load || a.name.localeCompare(b.name),
      ),
  };
};

const covers = (user: UserRecord, record: RegistrationRecord): boolean =>
  record.township !== null && user.townships.includes(record.township);

export const assign: Handler<'registration', 'assign'> = async (input, ctx) => {
  const { db, now } = ctx;
  const record = await supervisorPerson(ctx, input.registrationId);
  const { next, changed } = await assignPerson(ctx, record, input);
  const detail = await detailView(db, next, now, { ownCaseworker: false });
  // Assigning the caseworker the person already has changes nothing but is still a read.
  if (!changed) await audit(db, ctx, 'getPerson', record._id);
  return detail;
};

export interface Assigned {
  next: RegistrationRecord;
  target: UserRecord;
  /** The caseworker whose membership ended; null when the person had none. */
  previous: string | null;
  /** False when the person already had this caseworker (nothing written). */
  changed: boolean;
}

/**
 * Gives the person (already checked to be in the supervisor's scope) to `caseworkerOpenid`: the
 * open membership, if any, ends as 'reassigned' and a new one starts, the load counters move
 * with the cap re-checked, the insurance claim follows, and the log and audit say who and why —
 * all in one transaction (house style 2: history is never deleted). Used by `registration.assign`
 * (the unassigned queue) and `casework.reassign` (moving people between caseworkers).
 */
export async function assignPerson(
  ctx: ActionContext,
  record: RegistrationRecord,
  input: { caseworkerOpenid: string; reason: string },
): Promise<Assigned> {
  const { db, now } = ctx;
  if (record.status === 'cancelled') {
    throw new AppError('CONFLICT', '该登记已注销，不再分配包保责任人');
  }
  const target = await usersRepo(db).byOpenid(input.caseworkerOpenid);
  if (!target || target.role !== 'caseworker' || !target.org) {
    throw new AppError('CONFLICT', '所选人员不是包保责任人，请从列表中选择', {
      caseworkerOpenid: '请从列表中选择包保责任人',
    });
  }
  // 包保 is the 就业中心's and the 人才服务中心's work (000 §1(5), §5); the 市场服务中心 and the
  // 职业技能鉴定中心 do not follow job seekers.
  if (!followsSeekers(target.org)) {
    throw new AppError(
      'CONFLICT',
      `${staffName(target)}不承担求职者包保，请选择就业中心或人才服务中心的包保责任人`,
      { caseworkerOpenid: '请选择就业中心或人才服务中心的包保责任人' },
    );
  }
  // The caseworker must cover where the person lives: 包保 means visiting them.
  if (!covers(target, record)) {
    throw new AppError(
      'CONFLICT',
      `${staffName(target)}不负责${townshipLabel(record.township ?? '')}，请选择负责该乡镇（街道）的包保责任人`,
      { caseworkerOpenid: '该包保责任人不负责此人所在的乡镇（街道）' },
    );
  }
  const current = await membershipsRepo(db).openFor(record._id);

  // Assigning the caseworker the person already has changes nothing.
  if (current?.caseworkerOpenid === target.openid) {
    return { next: record, target, previous: target.openid, changed: false };
  }
  const fullMessage = (cap: number) =>
    new AppError(
      'CONFLICT',
      `${target.displayName}的包保人数已达上限（${cap}人），请选择其他包保责任人`,
      { caseworkerOpenid: '包保人数已达上限' },
    );
  // Only active people count toward a load (see assignment.ts); a person already in work can be
  // handed over for follow-up whatever the new caseworker's load.
  const counts = isActive(record.status);
  const [{ load, cap }] = (await withLoads(db, [target])) as [Staffed];
  if (counts && load >= cap) throw fullMessage(cap);
  if (counts) {
    await ensureCounters(db, [target.openid, ...(current ? [current.caseworkerOpenid] : [])]);
  }
  const claims = await claimsRepo(db).ofRegistrations([record._id]);

  const next = await transaction(db, async (tx) => {
    const fresh = await registrationsRepo(tx).get(record._id);
    if (fresh.caseworkerOpenid !== record.caseworkerOpenid || fresh.status !== record.status) {
      throw new AppError('CONFLICT', '该人员的包保责任人刚刚有了变化，请刷新后再试');
    }
    const memberships = membershipsRepo(tx);
    if (counts) {
      // Re-checked on the counter this transaction writes: a concurrent submit cannot slip in.
      if ((await memberships.load(target.openid)) >= cap) throw fullMessage(cap);
      await memberships.adjustLoad(target.openid, 1);
      if (current) await memberships.adjustLoad(current.caseworkerOpenid, -1);
    }
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
  return { next, target, previous: current?.caseworkerOpenid ?? null, changed: true };
}
