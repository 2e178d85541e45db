/**
 * Companies and vacancies (企业岗位需求台账) and their typed access, shared by the employer and jobs
 * functions. Reads are scoped by each caller's access rules; these repositories do not check.
 */
import {
  findTownship,
  type CloseReason,
  type CompanyStatus,
  type EducationLevel,
  type IndustrySection,
  type VacancyStatus,
} from '@nuanxin/shared';

import { allRows, cloud, command, rows, type Store } from '../cloud';

/** A point as registrations and vacancies store it (WGS-84 degrees). */
export interface LngLat {
  lng: number;
  lat: number;
}

/**
 * A company's point, stored as the database's geo type for the `location_geo` 2dsphere index
 * (written as `db.Geo.Point`; the SDK reads it back as a Point with longitude/latitude). Read it
 * with `lngLatOf`.
 */
export type GeoPoint = object;

export function geoPoint(p: LngLat): GeoPoint {
  return new (cloud.database().Geo.Point)(p.lng, p.lat);
}

/**
 * Any stored shape of a point as `{ lng, lat }`: `{ lng, lat }`, the SDK's Point (longitude,
 * latitude) or GeoJSON (coordinates); anything else: null.
 */
export function lngLatOf(value: unknown): LngLat | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as {
    lng?: unknown;
    lat?: unknown;
    longitude?: unknown;
    latitude?: unknown;
    coordinates?: unknown;
  };
  if (typeof v.lng === 'number' && typeof v.lat === 'number') return { lng: v.lng, lat: v.lat };
  if (typeof v.longitude === 'number' && typeof v.latitude === 'number') {
    return { lng: v.longitude, lat: v.latitude };
  }
  if (Array.isArray(v.coordinates) && v.coordinates.length === 2) {
    const [lng, lat] = v.coordinates as unknown[];
    if (typeof lng === 'number' && typeof lat === 'number') return { lng, lat };
  }
  return null;
}

/** The township's centre, for places given only by township. */
export function townshipCentre(code: string): LngLat | null {
  const t = findTownship(code);
  return t ? { lng: t.lng, lat: t.lat } : null;
}

/** The 重点企业 staff member currently named for a company (the open enterprise membership). */
export interface KeyStaffPointer {
  membershipId: string;
  staffOpenid: string;
  staffName: string;
}

export interface CompanyRecord {
  _id: string;
  name: string;
  uscc: string;
  industry: IndustrySection;
  township: string;
  address?: string;
  contactName?: string;
  contactMobile?: string;
  /** A geo point (`geoPoint`); absent or null: the township's centre stands in. */
  location?: GeoPoint | null;
  status: CompanyStatus;
  rejectReason?: string | null;
  /** 重点企业: the open enterprise membership (changed only in its transactions). */
  keyStaff?: KeyStaffPointer | null;
  createdAt: Date;
  updatedAt: Date;
}

/** The company's own point, else its township's centre. */
export function companyPoint(c: Pick<CompanyRecord, 'location' | 'township'>): LngLat | null {
  return lngLatOf(c.location) ?? townshipCentre(c.township);
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
  /**
   * Where the work is. Records saved before structured fields existed lack this and the three
   * below; readers default them (`vacancyFacts`).
   */
  location?: LngLat | null;
  requirements: string;
  /** null: 不限. */
  minEducation?: EducationLevel | null;
  /** 0: 不限. */
  minExperienceYears?: number;
  /** Certificates the job legally needs (叉车证、电工证…). */
  certificates?: string[];
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
  /** The latest edit by market staff: what changed and why; the employer sees the note. */
  staffNote?: { at: Date; note: string; staffOpenid: string } | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export type NewVacancy = Omit<VacancyRecord, '_id'>;

/** The structured fields with old records' defaults filled in. */
export function vacancyFacts(v: VacancyRecord): {
  location: LngLat | null;
  minEducation: EducationLevel | null;
  minExperienceYears: number;
  certificates: string[];
} {
  return {
    location: lngLatOf(v.location) ?? townshipCentre(v.township),
    minEducation: v.minEducation ?? null,
    minExperienceYears: v.minExperienceYears ?? 0,
    certificates: v.certificates ?? [],
  };
}

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
