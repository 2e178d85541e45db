/**
 * Moving an application along its lifecycle (house style 1): the pure `transitionApplication`
 * decides, and the status change and its log entry — and what must never be lost with it, such
 * as a hire's confirmation task — are written together in one transaction, so two people acting
 * at once (the applicant withdrawing while the employer invites) cannot both win, and a function
 * that dies half-way leaves no change without its consequences. An illegal move is a CONFLICT
 * with the lifecycle's reason, and writes nothing.
 */
import {
  AppError,
  transitionApplication,
  type ApplicationEvent,
  type ApplicationStatus,
  type Role,
} from '@nuanxin/shared';

import {
  applicationLogRepo,
  applicationsRepo,
  transaction,
  type ApplicationRecord,
  type Database,
  type NewApplication,
  type Store,
} from '../_lib';

export interface Move {
  event: ApplicationEvent;
  actor: { openid: string | null; role: Role | 'system' };
  /** Fields set with the change (the employer's reply, viewedAt…). */
  patch?: Partial<NewApplication>;
  /** What the applicant is told with it (shown in their history); never internal notes. */
  note: string | null;
  /** Only when the status is still this one (e.g. 'view' only from 'applied'): else no change. */
  onlyFrom?: ApplicationStatus;
  /**
   * More writes that must commit with the change or not at all (a hire's confirmation task):
   * called inside the transaction with the record after the change.
   */
  also?: (tx: Store, after: ApplicationRecord) => Promise<void>;
}

/** Applies the move; returns the record after it, or null when `onlyFrom` did not hold. */
export async function move(
  db: Database,
  id: string,
  change: Move,
  now: Date,
): Promise<ApplicationRecord | null> {
  return transaction(db, async (tx) => {
    const current = { ...(await applicationsRepo(tx).get(id)), _id: id };
    if (change.onlyFrom && current.status !== change.onlyFrom) return null;
    const result = transitionApplication(current.status, change.event);
    if (!result.ok) throw new AppError('CONFLICT', result.reason);
    const patch: Partial<NewApplication> = { ...change.patch, status: result.to, updatedAt: now };
    await applicationsRepo(tx).update(id, patch);
    await applicationLogRepo(tx).append({
      applicationId: id,
      vacancyId: current.vacancyId,
      companyId: current.companyId,
      event: change.event.type,
      from: current.status,
      to: result.to,
      actorOpenid: change.actor.openid,
      actorRole: change.actor.role,
      note: change.note,
      at: now,
    });
    const after = { ...current, ...patch } as ApplicationRecord;
    if (change.also) await change.also(tx, after);
    return after;
  });
}
