/**
 * Applications (求职申请) and their log. An application holds a snapshot of what the applicant
 * chose to share when they applied (PIPL 第23条: providing personal information to another
 * processor needs the person's separate consent, given field by field on the apply sheet) — a
 * later change of the registration does not reach the employer. Reads are scoped by the caller
 * in the jobs function: the applicant by openid, the employer by company.
 */
import type { ApplicationStatus, EducationLevel, Role } from '@nuanxin/shared';

import { allRows, command, docOf, rows, type Store } from '../cloud';

export interface ApplicantSnapshot {
  name: string;
  sex: 'male' | 'female' | null;
  /** Whole years on the day of applying. */
  age: number | null;
  /** 370811********123X; the number itself is never copied here. */
  idMasked: string;
  /** Only what the applicant chose to share; null otherwise. */
  mobile: string | null;
  education: EducationLevel | null;
  workHistory: { lastEmployer: string; separationDate: string | null } | null;
}

export interface ApplicationRecord {
  _id: string;
  vacancyId: string;
  companyId: string;
  /** The applicant. With vacancyId: unique (one application per person and vacancy). */
  openid: string;
  registrationId: string;
  status: ApplicationStatus;
  /** The vacancy as it was advertised when applied to (lists; the live record may change). */
  vacancy: {
    title: string;
    companyName: string;
    township: string;
    salaryMin: number;
    salaryMax: number;
    workType: 'fullTime' | 'partTime' | 'flexible';
  };
  applicant: ApplicantSnapshot;
  share: { mobile: boolean; education: boolean; workHistory: boolean };
  message: string;
  /** The employer's replies the applicant reads. */
  interviewNote: string | null;
  offerNote: string | null;
  rejectReason: string | null;
  /** The employer's own note: never in any view the applicant gets. */
  employerNote: string | null;
  appliedAt: Date;
  viewedAt: Date | null;
  /** When the daily reminder last told the employer about it (null: never). */
  remindedAt: Date | null;
  /**
   * When it went to the company's 包保 staff member after 14 days unanswered (absent or null:
   * never). Older records lack the field.
   */
  escalatedAt?: Date | null;
  updatedAt: Date;
}

export type NewApplication = Omit<ApplicationRecord, '_id'>;

export interface ApplicationLogRecord {
  _id: string;
  applicationId: string;
  vacancyId: string;
  companyId: string;
  /** 'apply', or an application event: view, invite, offer, hire, reject, withdraw. */
  event: string;
  from: ApplicationStatus | null;
  to: ApplicationStatus;
  actorOpenid: string | null;
  actorRole: Role | 'system';
  /** What the applicant was told with the change (interview note, reason); null otherwise. */
  note: string | null;
  at: Date;
}

export type NewApplicationLogEntry = Omit<ApplicationLogRecord, '_id'>;

const byAppliedDesc = (a: ApplicationRecord, b: ApplicationRecord) =>
  +new Date(b.appliedAt) - +new Date(a.appliedAt) || (a._id < b._id ? 1 : -1);

/**
 * Typed access to `applications`. `get`, `update` and `insert` also work inside a transaction;
 * the queries do not.
 */
export function applicationsRepo(db: Store) {
  const coll = db.collection('applications');
  return {
    /** By id inside a transaction (the record is known to exist). */
    async get(id: string): Promise<ApplicationRecord> {
      return docOf<ApplicationRecord>(coll.doc(id));
    },
    async find(id: string): Promise<ApplicationRecord | null> {
      const [found] = await rows<ApplicationRecord>(coll.where({ _id: id }).limit(1));
      return found ?? null;
    },
    async of(openid: string, vacancyId: string): Promise<ApplicationRecord | null> {
      const [found] = await rows<ApplicationRecord>(coll.where({ openid, vacancyId }).limit(1));
      return found ?? null;
    },
    /** The person's applications, newest first. */
    async ofApplicant(openid: string): Promise<ApplicationRecord[]> {
      return (await allRows<ApplicationRecord>(coll.where({ openid }))).sort(byAppliedDesc);
    },
    /** Which of these vacancies the person has applied to. */
    async appliedAmong(openid: string, vacancyIds: readonly string[]): Promise<Set<string>> {
      if (vacancyIds.length === 0) return new Set();
      const found = await rows<ApplicationRecord>(
        coll
          .where({ openid, vacancyId: command().in([...vacancyIds]) })
          .field({ vacancyId: true })
          .limit(vacancyIds.length),
      );
      return new Set(found.map((a) => a.vacancyId));
    },
    /** A company's applications (optionally of one vacancy), newest first. */
    async ofCompany(companyId: string, vacancyId?: string | null): Promise<ApplicationRecord[]> {
      const all = await allRows<ApplicationRecord>(
        coll.where({ companyId, ...(vacancyId ? { vacancyId } : {}) }),
      );
      return all.sort(byAppliedDesc);
    },
    /**
     * Applications in one of `statuses` (not answered yet), applied before `before` — opening one
     * does not restart the clock — and never reminded
     * about (the daily reminder).
     */
    async unremindedSince(
      statuses: readonly ApplicationStatus[],
      before: Date,
    ): Promise<ApplicationRecord[]> {
      const _ = command();
      return allRows<ApplicationRecord>(
        coll.where({ status: _.in([...statuses]), remindedAt: null, appliedAt: _.lt(before) }),
      );
    },
    /** Marks it reminded unless already marked: true only for the run that marked it. */
    async markReminded(id: string, status: ApplicationStatus, at: Date): Promise<boolean> {
      const res = (await coll
        .where({ _id: id, status, remindedAt: null })
        .update({ data: { remindedAt: at } })) as { stats?: { updated?: number } };
      return (res.stats?.updated ?? 0) === 1;
    },
    /**
     * Applications in one of `statuses` (not answered yet), applied before `before` and never escalated to
     * the company's 包保 staff member (the daily timer; records without the field count as not).
     */
    async unescalatedSince(
      statuses: readonly ApplicationStatus[],
      before: Date,
    ): Promise<ApplicationRecord[]> {
      const _ = command();
      return allRows<ApplicationRecord>(
        coll.where({ status: _.in([...statuses]), escalatedAt: null, appliedAt: _.lt(before) }),
      );
    },
    /** Marks it escalated unless already marked: true only for the run that marked it. */
    async markEscalated(id: string, status: ApplicationStatus, at: Date): Promise<boolean> {
      const res = (await coll
        .where({ _id: id, status, escalatedAt: null })
        .update({ data: { escalatedAt: at } })) as { stats?: { updated?: number } };
      return (res.stats?.updated ?? 0) === 1;
    },
    async insert(application: NewApplication): Promise<string> {
      const { _id } = (await coll.add({ data: application })) as { _id: string };
      return _id;
    },
    async update(id: string, patch: Partial<NewApplication>): Promise<void> {
      await coll.doc(id).update({ data: patch });
    },
  };
}

export function applicationLogRepo(db: Store) {
  const coll = db.collection('application_log');
  return {
    /** Transaction-safe. */
    async append(entry: NewApplicationLogEntry): Promise<void> {
      await coll.add({ data: entry });
    },
    /** The entries of these applications, oldest first. */
    async of(applicationIds: readonly string[]): Promise<ApplicationLogRecord[]> {
      if (applicationIds.length === 0) return [];
      const all = await allRows<ApplicationLogRecord>(
        coll.where({ applicationId: command().in([...applicationIds]) }),
      );
      return all.sort((a, b) => +new Date(a.at) - +new Date(b.at));
    },
  };
}
