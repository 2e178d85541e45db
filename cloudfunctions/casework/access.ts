/**
 * Who may see which request and which caseworker (house style 5). A request belongs to the
 * citizen who made it; staff see it when the person is theirs (their open 包保 membership) or,
 * for supervisors, when it comes from their townships. Anything else is NOT_FOUND, the same
 * answer as a request that does not exist.
 */
import { AppError, followsSeekers } from '@nuanxin/shared';

import {
  allRows,
  membershipsRepo,
  requestsRepo,
  usersRepo,
  type ActionContext,
  type Caller,
  type RequestRecord,
  type Store,
  type UserRecord,
} from '../_lib';
import { supervisorScope } from '../registration/access';

export const REQUEST_NOT_FOUND = '没有找到这条求助，或它不在您的职责范围内';
const CASEWORKER_NOT_FOUND = '没有找到这名包保责任人，或其不在您的管辖范围内';

/** A township in the supervisor's scope (a city-level supervisor's scope is everything). */
export function inScope(caller: Caller, township: string | null): boolean {
  const scope = supervisorScope(caller);
  return scope === null || (township !== null && scope.includes(township));
}

/** Who answers each request now: the caseworker of the person's open membership, or nobody. */
export async function handlersOf(
  db: Store,
  requests: readonly RequestRecord[],
): Promise<Map<string, string | null>> {
  const ids = [
    ...new Set(requests.map((r) => r.registrationId).filter((id): id is string => !!id)),
  ];
  const open = (await membershipsRepo(db).ofRegistrations(ids)).filter((m) => m.endedAt === null);
  const byRegistration = new Map(open.map((m) => [m.registrationId, m.caseworkerOpenid]));
  return new Map(
    requests.map((r) => [
      r._id,
      r.registrationId ? (byRegistration.get(r.registrationId) ?? null) : null,
    ]),
  );
}

export interface ScopedRequest {
  request: RequestRecord;
  /** The caseworker who answers it now; null: the supervisor queue. */
  handler: string | null;
}

/** The request, if the caller may see it; NOT_FOUND otherwise. */
export async function requestFor(ctx: ActionContext, requestId: string): Promise<ScopedRequest> {
  const { caller, db } = ctx;
  const request = await requestsRepo(db).find(requestId);
  if (!request) throw new AppError('NOT_FOUND', REQUEST_NOT_FOUND);
  const handler = (await handlersOf(db, [request])).get(request._id) ?? null;
  const allowed =
    caller.role === 'citizen'
      ? request.openid === caller.openid
      : caller.role === 'caseworker'
        ? handler === caller.openid
        : caller.role === 'supervisor'
          ? inScope(caller, request.township)
          : false;
  if (!allowed) throw new AppError('NOT_FOUND', REQUEST_NOT_FOUND);
  return { request, handler };
}

/** The supervisors responsible for a township: those covering it, and city-level ones. */
export async function supervisorsFor(db: Store, township: string | null): Promise<UserRecord[]> {
  const all = await allRows<UserRecord>(db.collection('users').where({ role: 'supervisor' }));
  return all.filter(
    (u) => u.townships.length === 0 || (township !== null && u.townships.includes(township)),
  );
}

/** A caseworker who follows job seekers in the supervisor's townships. */
export async function caseworkerInScope(ctx: ActionContext, openid: string): Promise<UserRecord> {
  const user = await usersRepo(ctx.db).byOpenid(openid);
  const scope = supervisorScope(ctx.caller);
  if (
    !user ||
    user.role !== 'caseworker' ||
    !followsSeekers(user.org) ||
    (scope !== null && !user.townships.some((t) => scope.includes(t)))
  ) {
    throw new AppError('NOT_FOUND', CASEWORKER_NOT_FOUND, {
      caseworkerOpenid: '请从列表中选择包保责任人',
    });
  }
  return user;
}

/** The caseworkers a supervisor oversees (following job seekers, covering their townships). */
export async function caseworkersInScope(ctx: ActionContext): Promise<UserRecord[]> {
  const scope = supervisorScope(ctx.caller);
  return (await usersRepo(ctx.db).caseworkers(scope ?? undefined)).filter((u) =>
    followsSeekers(u.org),
  );
}
