/**
 * Moving an application along its lifecycle (house style 1): the pure `transitionApplication`
 * decides, and the status change and its log entry are written together in one transaction,
 * so two people acting at once (the applicant withdrawing while the employer invites) cannot
 * both win. An illegal move is a CONFLICT with the lifecycle's reason, and writes nothing.
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
    return { ...current, ...patch } as ApplicationRecord;
  });
}
