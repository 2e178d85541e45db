import { rows, type Store } from '../cloud';

/**
 * Progress of a batch job that may not finish in one invocation (functions are designed for
 * ≤ 20 s): one record per job name with the cursor to resume from.
 */
export interface JobRecord {
  _id: string;
  /** The last _id processed; null when the last pass finished. */
  cursor: string | null;
  lastRunAt: Date;
  lastCompletedAt: Date | null;
  /** Records processed in the current pass so far. */
  processed: number;
}

export function jobsRepo(db: Store) {
  const coll = db.collection('jobs');
  return {
    async get(name: string): Promise<JobRecord | null> {
      const [found] = await rows<JobRecord>(coll.where({ _id: name }).limit(1));
      return found ?? null;
    },
    async save(name: string, state: Omit<JobRecord, '_id'>): Promise<void> {
      await coll.doc(name).set({ data: state });
    },
  };
}
