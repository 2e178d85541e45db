/**
 * Hires waiting for the caseworker (入职待确认, issue 5 Applications): when an employer marks an
 * application hired, the person's 包保 caseworker confirms it with the person before the
 * registration moves to employed (and the follow-up cadence from monthly to yearly). `_id` is the
 * application's id: one task per hire, written in the hire's own transaction (jobs/hires.ts), so
 * there is never a hire without its task. The task is the caseworker's
 * of the person's open membership at the time they look, not the one at the time of the hire.
 */
import type { HireConfirmationStatus } from '@nuanxin/shared';

import { allRows, command, rows, type Store } from '../cloud';

export type HireStatus = HireConfirmationStatus;

export interface HireConfirmationRecord {
  /** The application's id. */
  _id: string;
  registrationId: string;
  openid: string;
  vacancyId: string;
  companyId: string;
  vacancy: { title: string; companyName: string };
  personName: string;
  hiredAt: Date;
  status: HireStatus;
  /** The caseworker's words: how they confirmed, or why it did not happen. */
  note: string | null;
  decidedAt: Date | null;
  decidedBy: string | null;
  decidedByName: string | null;
}

export function hireConfirmationsRepo(db: Store) {
  const coll = db.collection('hire_confirmations');
  const _ = command();
  return {
    async find(id: string): Promise<HireConfirmationRecord | null> {
      const [found] = await rows<HireConfirmationRecord>(coll.where({ _id: id }).limit(1));
      return found ?? null;
    },
    /**
     * Writes the task inside the hire's own transaction (a `set`, which transactions allow): an
     * application reaches 'hired' once (only from 'offered'), so the task is new.
     */
    async put(task: HireConfirmationRecord): Promise<void> {
      const { _id, ...data } = task;
      await coll.doc(_id).set({ data });
    },
    /** Tasks of these registrations (all, or only pending ones). */
    async ofRegistrations(
      ids: readonly string[],
      onlyPending: boolean,
    ): Promise<HireConfirmationRecord[]> {
      const out: HireConfirmationRecord[] = [];
      for (let i = 0; i < ids.length; i += 100) {
        out.push(
          ...(await allRows<HireConfirmationRecord>(
            coll.where({
              registrationId: _.in(ids.slice(i, i + 100)),
              ...(onlyPending ? { status: 'pending' } : {}),
            }),
          )),
        );
      }
      return out.sort((a, b) => +new Date(a.hiredAt) - +new Date(b.hiredAt));
    },
    /** Decides a pending task; false when someone decided it meanwhile. */
    async decide(
      id: string,
      decision: Pick<
        HireConfirmationRecord,
        'status' | 'note' | 'decidedAt' | 'decidedBy' | 'decidedByName'
      >,
    ): Promise<boolean> {
      const res = (await coll.where({ _id: id, status: 'pending' }).update({ data: decision })) as {
        stats?: { updated?: number };
      };
      return (res.stats?.updated ?? 0) === 1;
    },
  };
}
