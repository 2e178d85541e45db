import type { MembershipEndReason, StaffOrg } from '@nuanxin/shared';

import { allRows, command, docOf, rows, type Store } from '../cloud';

/**
 * A 包保 membership (house style 2; 000 §1(5)): one caseworker responsible for one registered
 * person from `startedAt` until `endedAt` (both end fields set, or neither). Only appended and
 * ended, never deleted, so "who was responsible when" is always answerable.
 */
export interface MembershipRecord {
  _id: string;
  registrationId: string;
  seekerOpenid: string;
  caseworkerOpenid: string;
  org: StaffOrg;
  startedAt: Date;
  endedAt: Date | null;
  endReason: MembershipEndReason | null;
}

/**
 * A caseworker's load (`caseload_counters`, `_id` = the caseworker's openid): how many open
 * memberships of ACTIVE registrations (submitted/registered) they hold. It changes only inside
 * the transactions that start or end such a membership or move its registration in or out of
 * the active statuses, and those transactions read it with doc() before deciding, so the cap
 * holds under concurrent submissions (a query count inside a transaction is not possible).
 */
export interface CaseloadCounter {
  _id: string;
  open: number;
}

export function membershipsRepo(db: Store) {
  const coll = db.collection('caseload_memberships');
  const counters = db.collection('caseload_counters');
  const load = async (caseworkerOpenid: string): Promise<number> => {
    const counter = await docOf<CaseloadCounter | undefined>(counters.doc(caseworkerOpenid));
    return counter?.open ?? 0;
  };
  return {
    async openFor(registrationId: string): Promise<MembershipRecord | null> {
      const [found] = await rows<MembershipRecord>(
        coll.where({ registrationId, endedAt: null }).limit(1),
      );
      return found ?? null;
    },
    async openOf(caseworkerOpenid: string): Promise<MembershipRecord[]> {
      return allRows<MembershipRecord>(coll.where({ caseworkerOpenid, endedAt: null }));
    },
    /** Every open membership, whatever its registration's status (for counting a load afresh). */
    async openCount(caseworkerOpenid: string): Promise<number> {
      const { total } = (await coll.where({ caseworkerOpenid, endedAt: null }).count()) as {
        total: number;
      };
      return total;
    },
    async ofRegistrations(ids: readonly string[]): Promise<MembershipRecord[]> {
      if (ids.length === 0) return [];
      const all = await allRows<MembershipRecord>(
        coll.where({ registrationId: command().in([...ids]) }),
      );
      return all.sort((a, b) => +new Date(a.startedAt) - +new Date(b.startedAt));
    },
    /** The stored load, or null when the caseworker has no counter yet. Not in a transaction. */
    async counted(caseworkerOpenid: string): Promise<number | null> {
      const [found] = await rows<CaseloadCounter>(
        counters.where({ _id: caseworkerOpenid }).limit(1),
      );
      return found ? found.open : null;
    },
    /** Creates the counter (a concurrent creator's counter wins; the caller ignores the clash). */
    async createCounter(caseworkerOpenid: string, open: number): Promise<void> {
      await counters.add({ data: { _id: caseworkerOpenid, open } });
    },
    /** Transaction-safe: the load as this transaction sees it (the counter must exist). */
    load,
    /** Transaction-safe: read and write in the same transaction, so a racing writer conflicts. */
    async adjustLoad(caseworkerOpenid: string, delta: number): Promise<number> {
      const open = Math.max(0, (await load(caseworkerOpenid)) + delta);
      await counters.doc(caseworkerOpenid).set({ data: { open } });
      return open;
    },
    /** Transaction-safe. */
    async start(membership: Omit<MembershipRecord, '_id'>): Promise<string> {
      const { _id } = (await coll.add({ data: membership })) as { _id: string };
      return _id;
    },
    /** Transaction-safe. */
    async end(id: string, reason: MembershipEndReason, now: Date): Promise<void> {
      await coll.doc(id).update({ data: { endedAt: now, endReason: reason } });
    },
  };
}
