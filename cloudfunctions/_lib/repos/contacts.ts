import type {
  ContactChannel,
  ContactKind,
  ContactOutcome,
  EmploymentSituation,
  PlanNeedType,
  Role,
} from '@nuanxin/shared';

import { allRows, command, type Store } from '../cloud';

/**
 * A service record under 包保 (contacts): who served whom, how, when and with what result. Only
 * appended: the follow-up schedule, the "131" progress and the statistics are derived from these
 * records, so a wrong entry is corrected by a new one, never by editing history.
 */
export interface ContactRecord {
  _id: string;
  registrationId: string;
  seekerOpenid: string;
  kind: ContactKind;
  channel: ContactChannel | null;
  outcome: ContactOutcome;
  /** A change of employment situation learnt in this contact. */
  situation: EmploymentSituation | null;
  /** 临时救助 in fen (分). */
  amountFen: number | null;
  /** The 职业指导师 of a guidance session. */
  counsellor: string | null;
  note: string;
  /**
   * A job referral's position (001 "131" job introduction; a push under 000 §4(6)). Absent on
   * records from before referrals named their position: read as a position elsewhere, no flags.
   */
  vacancy?: ReferredVacancy | null;
  /** A training referral to a course on the platform (also recorded as an institution offer). */
  course?: ReferredCourse | null;
  /**
   * The township the person lived in when served (their registration's then), so the statistics
   * of a period do not move when they move. Absent on records from before it was stored: read as
   * the registration's township now.
   */
  township?: string | null;
  at: Date;
  actorOpenid: string;
  actorRole: Role;
  actorName: string | null;
}

export type NewContact = Omit<ContactRecord, '_id'>;

export interface ReferredVacancy {
  /** The vacancy on the platform; null for a position elsewhere (named in the note). */
  id: string | null;
  title: string;
  companyName: string;
  publicWelfare: boolean;
  internship: boolean;
}

export interface ReferredCourse {
  id: string;
  title: string;
  institutionId: string;
  institutionName: string;
}

/** A version of a 一人一策 plan (004 §6(四)); the newest is the current plan. */
export interface PlanRecord {
  _id: string;
  registrationId: string;
  needType: PlanNeedType;
  goals: string;
  nextSteps: string;
  advisorName: string | null;
  savedAt: Date;
  savedByOpenid: string;
  savedByName: string | null;
}

/** Ids per `in` query: the cloud's `in` and page sizes stay small. */
const CHUNK = 100;

async function byRegistrations<T>(db: Store, name: string, ids: readonly string[]): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    out.push(
      ...(await allRows<T>(
        db.collection(name).where({ registrationId: command().in([...chunk]) }),
        1000,
      )),
    );
  }
  return out;
}

export function contactsRepo(db: Store) {
  const coll = db.collection('contacts');
  return {
    /** Transaction-safe. */
    async add(contact: NewContact): Promise<string> {
      const { _id } = (await coll.add({ data: contact })) as { _id: string };
      return _id;
    },
    /** Every contact of these registrations, oldest first. */
    async of(registrationIds: readonly string[]): Promise<ContactRecord[]> {
      const all = await byRegistrations<ContactRecord>(db, 'contacts', registrationIds);
      return all.sort((a, b) => +new Date(a.at) - +new Date(b.at));
    },
  };
}

export function plansRepo(db: Store) {
  const coll = db.collection('assistance_plans');
  return {
    async add(plan: Omit<PlanRecord, '_id'>): Promise<string> {
      const { _id } = (await coll.add({ data: plan })) as { _id: string };
      return _id;
    },
    /** Every version of these registrations' plans, oldest first. */
    async of(registrationIds: readonly string[]): Promise<PlanRecord[]> {
      const all = await byRegistrations<PlanRecord>(db, 'assistance_plans', registrationIds);
      return all.sort((a, b) => +new Date(a.savedAt) - +new Date(b.savedAt));
    },
  };
}
