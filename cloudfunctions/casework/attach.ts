/**
 * Requests asked before registering (`registrationId: null`) follow the person once they have a
 * registration: the request is tied to it — and so to its caseworker, who answers it from then on
 * (the handler is read from the open 包保 membership) — and shows in the person's timeline. There
 * is no hook in the registration function for this; the casework paths that read requests tie
 * them first (the citizen's list and asks, the inboxes, the caseload and person pages), and the
 * hourly timer ties the rest, so a caseworker's counts and reminders include them.
 */
import { isActive } from '@nuanxin/shared';

import {
  membershipsRepo,
  registrationsRepo,
  requestsRepo,
  type RegistrationRecord,
  type Store,
} from '../_lib';

export interface Route {
  registration: RegistrationRecord | null;
  handler: string | null;
  township: string | null;
}

/**
 * Where a citizen's request goes: the registration with an open 包保 membership (an employed
 * person keeps theirs), else an open registration still waiting for a caseworker.
 */
export async function routeOf(db: Store, openid: string): Promise<Route> {
  const records = (await registrationsRepo(db).allOf(openid))
    .filter((r) => r.status !== 'draft')
    .reverse();
  for (const record of records) {
    const membership = await membershipsRepo(db).openFor(record._id);
    if (membership) {
      return {
        registration: record,
        handler: membership.caseworkerOpenid,
        township: record.township,
      };
    }
  }
  const open = records.find((r) => isActive(r.status)) ?? null;
  return { registration: open, handler: null, township: open?.township ?? null };
}

/**
 * Ties the not-closed requests of these citizens (null: of everyone) that have no registration
 * to the registration their new requests would go to, when they have one now. Answers how many
 * were tied.
 */
export async function attachRequests(
  db: Store,
  openids: readonly string[] | null,
): Promise<number> {
  if (openids !== null && openids.length === 0) return 0;
  const repo = requestsRepo(db);
  const loose = await repo.unattached(openids ?? undefined);
  const byOpenid = new Map<string, string[]>();
  for (const r of loose) byOpenid.set(r.openid, [...(byOpenid.get(r.openid) ?? []), r._id]);
  let tied = 0;
  for (const [openid, ids] of byOpenid) {
    const { registration, handler } = await routeOf(db, openid);
    if (!registration) continue;
    for (const id of ids) {
      await repo.update(id, {
        registrationId: registration._id,
        township: registration.township,
        caseworkerOpenid: handler,
        personName: registration.identity.name ?? '',
      });
      tied += 1;
    }
  }
  return tied;
}

/** The citizens of these registrations. */
export async function openidsOf(db: Store, registrationIds: readonly string[]): Promise<string[]> {
  const records = await registrationsRepo(db).byIds(registrationIds);
  return [...new Set(records.map((r) => r.openid))];
}
