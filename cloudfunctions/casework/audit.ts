/**
 * Staff reads and changes in the casework function leave a trace (ARCHITECTURE; PIPL 第51条):
 * one entry per action, `casework.<action>`, with the subject and what was shown or changed.
 */
import { auditRepo, type ActionContext, type Store } from '../_lib';

/** At most this many ids in one list-read audit entry (as registration.listMine). */
export const AUDITED_IDS_MAX = 300;

/** Appends the entry; `db` is a transaction when the entry must commit with the change. */
export async function audit(
  ctx: ActionContext,
  action: string,
  subjectId?: string,
  detail?: Record<string, string | number | boolean | null>,
  db: Store = ctx.db,
): Promise<void> {
  await auditRepo(db).append(
    {
      actorOpenid: ctx.caller.openid,
      action: `casework.${action}`,
      ...(subjectId ? { subjectId } : {}),
      ...(detail ? { detail } : {}),
    },
    ctx.now,
  );
}
