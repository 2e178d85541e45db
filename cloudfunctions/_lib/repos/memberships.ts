import type { MembershipEndReason, StaffOrg } from '@nuanxin/shared';

import { allRows, command, rows, type Store } from '../cloud';

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

export function membershipsRepo(db: Store) {
  const coll = db.collection('caseload_memberships');
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
    /** How many people a caseworker currently has (their load against the cap). */
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
