/**
 * 感兴趣 (issue 5, Applications): `job_interests`, one record per registration and vacancy
 * (`_id` = '<registrationId>:<vacancyId>', so double taps and retries make one). The seeker keeps
 * it until they take it back — then it is deleted, and the employer no longer sees it. The
 * employer reads it masked (the jobs function's `interested`); an interest is also what allows the
 * employer to invite someone who did not agree to be suggested (matching.inviteCandidate).
 * Cancelling the registration or withdrawing consent deletes the person's interests too (PIPL
 * 第47条; the registration function, in the same transaction as the change): nothing else needs
 * them — an invitation made on their basis records that basis itself.
 */
import { allRows, command, rows, type Store } from '../cloud';
import { isDuplicateWrite } from '../errors';

export interface InterestRecord {
  /** '<registrationId>:<vacancyId>'. */
  _id: string;
  registrationId: string;
  openid: string;
  vacancyId: string;
  companyId: string;
  /** The vacancy as it was advertised when marked (lists; the live record may change or go). */
  vacancy: {
    title: string;
    companyName: string;
    township: string;
    salaryMin: number;
    salaryMax: number;
    workType: 'fullTime' | 'partTime' | 'flexible';
  };
  at: Date;
}

export const interestKey = (registrationId: string, vacancyId: string): string =>
  `${registrationId}:${vacancyId}`;

const newestFirst = (a: InterestRecord, b: InterestRecord) =>
  +new Date(b.at) - +new Date(a.at) || (a._id < b._id ? 1 : -1);

export function interestsRepo(db: Store) {
  const coll = db.collection('job_interests');
  return {
    async find(id: string): Promise<InterestRecord | null> {
      const [found] = await rows<InterestRecord>(coll.where({ _id: id }).limit(1));
      return found ?? null;
    },
    /** Records it; false when it was there already (a double tap, a retry). */
    async add(record: InterestRecord): Promise<boolean> {
      try {
        await coll.add({ data: record });
        return true;
      } catch (error) {
        if (isDuplicateWrite(error)) return false;
        throw error;
      }
    },
    /** Takes back the person's interest in a vacancy (under any of their registrations). */
    async remove(openid: string, vacancyId: string): Promise<number> {
      const res = (await coll.where({ openid, vacancyId }).remove()) as {
        stats?: { removed?: number };
      };
      return res.stats?.removed ?? 0;
    },
    /** The ids of these registrations' interests (to delete them with the registration). */
    async idsOfRegistrations(registrationIds: readonly string[]): Promise<string[]> {
      const out: string[] = [];
      for (let i = 0; i < registrationIds.length; i += 100) {
        const chunk = registrationIds.slice(i, i + 100);
        const found = await allRows<{ _id: string }>(
          coll.where({ registrationId: command().in(chunk) }).field({ _id: true }),
          1000,
        );
        out.push(...found.map((f) => f._id));
      }
      return out;
    },
    /** Transaction-safe (doc removes only): deletes these interests. */
    async removeIds(ids: readonly string[]): Promise<void> {
      for (const id of ids) await coll.doc(id).remove();
    },
    /** The person's interests, newest first (optionally of one vacancy). */
    async ofOpenid(openid: string, vacancyId: string | null = null): Promise<InterestRecord[]> {
      const where = vacancyId ? { openid, vacancyId } : { openid };
      return (await allRows<InterestRecord>(coll.where(where))).sort(newestFirst);
    },
    /** Interests in these vacancies, newest first. */
    async ofVacancies(vacancyIds: readonly string[]): Promise<InterestRecord[]> {
      const out: InterestRecord[] = [];
      for (let i = 0; i < vacancyIds.length; i += 100) {
        const chunk = vacancyIds.slice(i, i + 100);
        out.push(
          ...(await allRows<InterestRecord>(coll.where({ vacancyId: command().in(chunk) }), 1000)),
        );
      }
      return out.sort(newestFirst);
    },
  };
}
