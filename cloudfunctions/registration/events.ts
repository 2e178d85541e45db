/**
 * The bookkeeping around every change: who acted (for the log), and telling the person
 * ("登记结果" subscription message, or the in-app inbox when WeChat cannot deliver it).
 */
import {
  nextSteps,
  REGISTRATION_STATUS_LABELS,
  registrationResultData,
  STATUS_NOTES,
} from '@nuanxin/shared';

import {
  auditRepo,
  notify,
  type ActionContext,
  type Delivery,
  type NewLogEntry,
  type RegistrationRecord,
  type Store,
  type UserRecord,
} from '../_lib';

import { caseworkerCard } from './views';

/** The page the message opens: the citizen's own registration. */
export const MINE_PAGE = 'packages/seeker/registration/mine/index';

export function actorOf(
  ctx: ActionContext,
): Pick<NewLogEntry, 'actorOpenid' | 'actorRole' | 'actorName'> {
  const { caller } = ctx;
  return {
    actorOpenid: caller.openid,
    actorRole: caller.role,
    actorName: caller.role === 'citizen' ? null : (caller.user?.displayName ?? null),
  };
}

/** Tells the person their registration's new status ("登记结果"). */
export function notifyStatus(
  db: Store,
  record: Pick<RegistrationRecord, 'openid' | 'status'>,
  caseworker: UserRecord | null,
  now: Date,
): Promise<Delivery> {
  const card = caseworkerCard(caseworker);
  const statusLabel = REGISTRATION_STATUS_LABELS[record.status];
  const [first] = nextSteps({
    status: record.status,
    caseworker: card,
    pending: [],
    tags: [],
    claimInsurance: false,
    wantsTraining: false,
    entrepreneurship: false,
  });
  return notify(
    db,
    {
      openid: record.openid,
      template: 'registrationResult',
      data: registrationResultData({
        result: statusLabel,
        caseworkerName: card?.name ?? null,
        at: now,
        note: STATUS_NOTES[record.status],
      }),
      page: MINE_PAGE,
      title: `失业登记：${statusLabel}`,
      body: first ?? STATUS_NOTES[record.status],
    },
    now,
  );
}

/** Staff reads and changes of personal data leave a trace (ARCHITECTURE; PIPL 第51条). */
export function audit(
  db: Store,
  ctx: ActionContext,
  action: string,
  subjectId: string | undefined,
  detail?: Record<string, string | number | boolean | null>,
): Promise<void> {
  return auditRepo(db).append(
    {
      actorOpenid: ctx.caller.openid,
      action: `registration.${action}`,
      ...(subjectId ? { subjectId } : {}),
      ...(detail ? { detail } : {}),
    },
    ctx.now,
  );
}
