import { CONSENT_PURPOSE, CONSENT_VERSION } from '@nuanxin/shared';

import { allRows, rows, type Store } from '../cloud';

/**
 * The separate consent (单独同意, PIPL 第29条) to process registration data: one record per
 * acceptance with the notice version and time; a withdrawal sets `withdrawnAt` on it.
 */
export interface ConsentRecord {
  _id: string;
  openid: string;
  purpose: typeof CONSENT_PURPOSE;
  version: string;
  acceptedAt: Date;
  withdrawnAt: Date | null;
}

export function consentsRepo(db: Store) {
  const coll = db.collection('consents');
  return {
    /** The consent that allows processing now: this notice version, not withdrawn. */
    async current(openid: string): Promise<ConsentRecord | null> {
      const [found] = await rows<ConsentRecord>(
        coll
          .where({ openid, purpose: CONSENT_PURPOSE, version: CONSENT_VERSION, withdrawnAt: null })
          .limit(1),
      );
      return found ?? null;
    },
    /** Every consent of the person, newest first. */
    async allOf(openid: string): Promise<ConsentRecord[]> {
      const all = await allRows<ConsentRecord>(coll.where({ openid, purpose: CONSENT_PURPOSE }));
      return all.sort((a, b) => +new Date(b.acceptedAt) - +new Date(a.acceptedAt));
    },
    /** Transaction-safe. */
    async give(openid: string, version: string, now: Date): Promise<string> {
      const { _id } = (await coll.add({
        data: { openid, purpose: CONSENT_PURPOSE, version, acceptedAt: now, withdrawnAt: null },
      })) as { _id: string };
      return _id;
    },
    /** Transaction-safe. */
    async withdraw(id: string, now: Date): Promise<void> {
      await coll.doc(id).update({ data: { withdrawnAt: now } });
    },
  };
}
