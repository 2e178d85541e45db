import { allRows, command, type Store } from '../cloud';

/**
 * An unemployment-insurance claim made together with the registration (000 §1(6): registration
 * and the insurance claim are handled together), routed to the person's 包保 caseworker.
 */
export interface ClaimRecord {
  _id: string;
  registrationId: string;
  openid: string;
  /** Follows the registration's caseworker; null while the person waits for one. */
  caseworkerOpenid: string | null;
  /** 'withdrawn': the person switched the claim off in a correction (kept, never deleted). */
  status: 'submitted' | 'withdrawn';
  lastEmployer: string;
  separationDate: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export function claimsRepo(db: Store) {
  const coll = db.collection('insurance_claims');
  return {
    /** Transaction-safe. */
    async create(claim: Omit<ClaimRecord, '_id'>): Promise<string> {
      const { _id } = (await coll.add({ data: claim })) as { _id: string };
      return _id;
    },
    async ofRegistrations(ids: readonly string[]): Promise<ClaimRecord[]> {
      if (ids.length === 0) return [];
      return allRows<ClaimRecord>(coll.where({ registrationId: command().in([...ids]) }));
    },
    /** Transaction-safe: the person no longer wants to claim. */
    async withdraw(id: string, now: Date): Promise<void> {
      await coll.doc(id).update({ data: { status: 'withdrawn', updatedAt: now } });
    },
    /** Transaction-safe: the claim goes to the new caseworker with the person. */
    async route(id: string, caseworkerOpenid: string | null, now: Date): Promise<void> {
      await coll.doc(id).update({ data: { caseworkerOpenid, updatedAt: now } });
    },
  };
}
