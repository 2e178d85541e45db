/**
 * Companies and vacancies (企业岗位需求台账) and their typed access, shared by the employer and jobs
 * functions. Reads are scoped by each caller's access rules; these repositories do not check.
 */
import {
  type CloseReason,
  type CompanyStatus,
  type IndustrySection,
  type VacancyStatus,
} from '@nuanxin/shared';

import { allRows, command, rows, type Store } from '../cloud';

export interface CompanyRecord {
  _id: string;
  name: string;
  uscc: string;
  industry: IndustrySection;
  township: string;
  address?: string;
  contactName?: string;
  contactMobile?: string;
  status: CompanyStatus;
  rejectReason?: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface VacancyRecord {
  _id: string;
  companyId: string;
  companyName: string;
  title: string;
  description: string;
  occupationCode: string;
  headcount: number;
  salaryMin: number;
  salaryMax: number;
  workType: 'fullTime' | 'partTime' | 'flexible';
  township: string;
  requirements: string;
  benefits: string;
  flags: {
    publicWelfare: boolean;
    internship: boolean;
    assistance: boolean;
    disabilityFriendly: boolean;
  };
  validUntil: string;
  status: VacancyStatus;
  /** Why it waits for review: flagged wording (messages) and/or the unverified company. */
  reviewFindings: string[];
  awaitsCompany: boolean;
  rejectReason: string | null;
  closeReason: CloseReason | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export type NewVacancy = Omit<VacancyRecord, '_id'>;

export function companiesRepo(db: Store) {
  const coll = db.collection('companies');
  return {
    async find(id: string): Promise<CompanyRecord | null> {
      const [found] = await rows<CompanyRecord>(coll.where({ _id: id }).limit(1));
      return found ?? null;
    },
    async byUscc(uscc: string): Promise<CompanyRecord | null> {
      const [found] = await rows<CompanyRecord>(coll.where({ uscc }).limit(1));
      return found ?? null;
    },
    async pending(): Promise<CompanyRecord[]> {
      return allRows<CompanyRecord>(coll.where({ status: 'pending' }));
    },
    async insert(company: Omit<CompanyRecord, '_id'>): Promise<string> {
      const { _id } = (await coll.add({ data: company })) as { _id: string };
      return _id;
    },
    async update(id: string, patch: Partial<CompanyRecord>): Promise<void> {
      await coll.doc(id).update({ data: patch });
    },
  };
}

export function vacanciesRepo(db: Store) {
  const coll = db.collection('vacancies');
  return {
    async find(id: string): Promise<VacancyRecord | null> {
      const [found] = await rows<VacancyRecord>(coll.where({ _id: id }).limit(1));
      return found ?? null;
    },
    async ofCompany(companyId: string): Promise<VacancyRecord[]> {
      return allRows<VacancyRecord>(coll.where({ companyId }));
    },
    async byStatus(statuses: readonly VacancyStatus[]): Promise<VacancyRecord[]> {
      return allRows<VacancyRecord>(coll.where({ status: command().in([...statuses]) }));
    },
    async all(): Promise<VacancyRecord[]> {
      return allRows<VacancyRecord>(coll.where({}));
    },
    async insert(vacancy: NewVacancy): Promise<string> {
      const { _id } = (await coll.add({ data: vacancy })) as { _id: string };
      return _id;
    },
    async update(id: string, patch: Partial<NewVacancy>): Promise<void> {
      await coll.doc(id).update({ data: patch });
    },
  };
}

export interface VacancyLogEntry {
  vacancyId: string;
  event: string;
  from: VacancyStatus | null;
  to: VacancyStatus;
  actorOpenid: string | null;
  reason: string | null;
  at: Date;
}

export async function logVacancy(db: Store, entry: VacancyLogEntry): Promise<void> {
  await db.collection('vacancy_log').add({ data: entry });
}

/** One removed or refused discriminatory ad, for 清理歧视性招聘信息数: no personal data. */
export async function countScreening(
  db: Store,
  entry: { kind: 'blocked' | 'rejected'; category: string; phrase: string; township: string },
  at: Date,
): Promise<void> {
  await db.collection('ad_screening_events').add({ data: { ...entry, at } });
}
