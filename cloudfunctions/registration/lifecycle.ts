/**
 * Applying a lifecycle event to a stored registration: the pure `transition` decides, and the
 * record, its 包保 membership and its log change together in one transaction (house style 1).
 */
import {
  AppError,
  isActive,
  type CancelReason,
  type LogEvent,
  type RegistrationEvent,
  transition,
} from '@nuanxin/shared';

import {
  closedKey,
  interestsRepo,
  membershipsRepo,
  registrationLogRepo,
  registrationsRepo,
  transaction,
  withoutId,
  type ActionContext,
  type RegistrationRecord,
  type Store,
} from '../_lib';

import { ensureCounters } from './assignment';
import { actorOf, audit as auditEntry } from './events';

const LOG_EVENT: Record<RegistrationEvent['type'], LogEvent> = {
  submit: 'submit',
  verify: 'verify',
  employ: 'employ',
  employFlexibly: 'employFlexibly',
  cancel: 'cancel',
};

export interface ApplyOptions {
  /** Why, in the actor's words (a note, or the cancellation reason's label). */
  reason: string | null;
  /** Other fields changed together with the status (e.g. verification flags and tags). */
  patch?: Partial<RegistrationRecord>;
  /** A staff action: its audit entry is written in the same transaction. */
  audit?: string;
  /** Further writes that commit with the change or not at all (a contact that learnt of it). */
  alongside?: (tx: Store, next: RegistrationRecord) => Promise<void>;
}

/**
 * Moves the registration by `event`. Leaving the active statuses frees the ID number's active key
 * (the person may register again later); only cancellation ends the 包保 membership — people who
 * found work keep their caseworker for the follow-up visits (001 §3(一)3: stably employed once a
 * year, flexibly employed every half year), but leave the caseworker's counted load.
 * Cancellation (by the person or by staff) also deletes the registration's 感兴趣 marks
 * (`job_interests`, PIPL 第47条) in the same transaction: employers stop seeing them, and nothing
 * else needs them. Requests (工单), applications and the log are service records and are kept.
 */
export async function applyEvent(
  ctx: ActionContext,
  record: RegistrationRecord,
  event: RegistrationEvent,
  { reason, patch = {}, audit, alongside }: ApplyOptions,
): Promise<RegistrationRecord> {
  const { db, now } = ctx;
  const moved = transition(record.status, event);
  if (!moved.ok) throw new AppError('CONFLICT', moved.reason);
  const closing = !isActive(moved.to);
  const closeReason: CancelReason | null = event.type === 'cancel' ? event.reason : null;
  const membership = event.type === 'cancel' ? await membershipsRepo(db).openFor(record._id) : null;
  const interests =
    event.type === 'cancel' ? await interestsRepo(db).idsOfRegistrations([record._id]) : [];
  // Leaving the active statuses takes the person off their caseworker's load (assignment.ts):
  // an employed person keeps the membership for follow-up (001 §3(一)3) without counting.
  const releases = isActive(record.status) && closing ? record.caseworkerOpenid : null;
  if (releases) await ensureCounters(db, [releases]);

  return transaction(db, async (tx) => {
    // Built from the record as it is now, so a change made meanwhile (a consent withdrawal) is
    // kept; a change of status or caseworker meanwhile means the decision was made on stale data.
    const current = await registrationsRepo(tx).get(record._id);
    if (current.status !== record.status || current.caseworkerOpenid !== record.caseworkerOpenid) {
      throw new AppError('CONFLICT', '该登记刚刚被他人处理过，请刷新后再试');
    }
    const next: RegistrationRecord = {
      ...current,
      ...patch,
      status: moved.to,
      activeKey: closing ? closedKey(record._id) : current.activeKey,
      registeredAt: moved.to === 'registered' ? now : current.registeredAt,
      closedAt: closing ? now : current.closedAt,
      closeReason: closing ? closeReason : current.closeReason,
      updatedAt: now,
    };
    await registrationsRepo(tx).replace(record._id, withoutId(next));
    if (membership) await membershipsRepo(tx).end(membership._id, 'cancelled', now);
    if (releases) await membershipsRepo(tx).adjustLoad(releases, -1);
    await interestsRepo(tx).removeIds(interests);
    await registrationLogRepo(tx).append({
      registrationId: record._id,
      at: now,
      ...actorOf(ctx),
      event: LOG_EVENT[event.type],
      from: record.status,
      to: moved.to,
      reason,
    });
    if (audit) await auditEntry(tx, ctx, audit, record._id);
    if (alongside) await alongside(tx, next);
    return next;
  });
}

/**
 * A change that is not a status transition (verification flags on a registered person): the same
 * transaction, the same log.
 */
export async function applyChange(
  ctx: ActionContext,
  record: RegistrationRecord,
  event: LogEvent,
  { reason, patch = {}, audit }: ApplyOptions,
): Promise<RegistrationRecord> {
  const { db, now } = ctx;
  return transaction(db, async (tx) => {
    const current = await registrationsRepo(tx).get(record._id);
    if (current.status !== record.status || current.caseworkerOpenid !== record.caseworkerOpenid) {
      throw new AppError('CONFLICT', '该登记刚刚被他人处理过，请刷新后再试');
    }
    const next: RegistrationRecord = { ...current, ...patch, updatedAt: now };
    await registrationsRepo(tx).replace(record._id, withoutId(next));
    await registrationLogRepo(tx).append({
      registrationId: record._id,
      at: now,
      ...actorOf(ctx),
      event,
      from: record.status,
      to: record.status,
      reason,
    });
    if (audit) await auditEntry(tx, ctx, audit, record._id);
    return next;
  });
}
