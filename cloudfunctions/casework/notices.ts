/**
 * Telling people about requests and follow-ups: a subscription message when WeChat allows it,
 * the in-app inbox otherwise (`notify`). The person told is always chosen here, never by a client.
 */
import { REQUEST_KIND_LABELS, requestNoticeData, type RequestKind } from '@nuanxin/shared';

import { notify, type Store } from '../_lib';

import { supervisorsFor } from './access';

/** Pages the messages open. */
export const PAGES = {
  citizen: 'packages/seeker/help-requests/index',
  tasks: 'packages/caseworker/tasks/index',
  visits: 'packages/caseworker/visits-today/index',
} as const;

interface RequestLike {
  kind: RequestKind;
  township: string | null;
  openid: string;
}

/** To the citizen: their request was answered or closed. */
export function tellCitizen(
  db: Store,
  request: RequestLike,
  what: { result: string; note: string; title: string; body: string },
  now: Date,
) {
  return notify(
    db,
    {
      openid: request.openid,
      template: 'requestReply',
      data: requestNoticeData({
        subject: REQUEST_KIND_LABELS[request.kind],
        result: what.result,
        note: what.note,
        at: now,
      }),
      page: PAGES.citizen,
      title: what.title,
      body: what.body,
    },
    now,
  );
}

/** To staff: a new request, an escalation, a 差 rating. */
export function tellStaff(
  db: Store,
  openid: string,
  request: RequestLike,
  what: { result: string; note: string; title: string; body: string },
  now: Date,
) {
  return notify(
    db,
    {
      openid,
      template: 'requestAlert',
      data: requestNoticeData({
        subject: REQUEST_KIND_LABELS[request.kind],
        result: what.result,
        note: what.note,
        at: now,
      }),
      page: PAGES.tasks,
      title: what.title,
      body: what.body,
    },
    now,
  );
}

/** To every supervisor responsible for the request's township. */
export async function tellSupervisors(
  db: Store,
  request: RequestLike,
  what: { result: string; note: string; title: string; body: string },
  now: Date,
): Promise<number> {
  const supervisors = await supervisorsFor(db, request.township);
  for (const s of supervisors) await tellStaff(db, s.openid, request, what, now);
  return supervisors.length;
}
