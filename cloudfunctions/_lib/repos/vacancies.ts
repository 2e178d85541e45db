/**
 * Companies and vacancies (企业岗位需求台账) and their typed access, shared by the employer and jobs
 * functions. Reads are scoped by each caller's access rules; these repositories do not check.
 */
import { createHash } from 'node:crypto';

import {
  findTownship,
  holdsUscc,
  type CloseReason,
  type CompanyStatus,
  type EducationLevel,
  type IndustrySection,
  type VacancyStatus,
} from '@nuanxin/shared';

import { allRows, cloud, command, rows, type Store } from '../cloud';
import { isDuplicateWrite } from '../errors';

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
  /**
   * Set to the record's own _id when it is rejected: it no longer holds its 统一社会信用代码 (the
   * unique index is on uscc + usccReleased), so the real company can register. Cleared when
   * it is submitted again. Absent or null: it holds the code.
   */
  usccReleased?: string | null;
  rejectReason?: string | null;
  /** Submitted again after a rejection: the reason given then, for the staff who look again. */
  previousRejectReason?: string | null;
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
  /**
   * The content version: +1 at every change of the ad's fields (employer or staff). A decision
   * carries the version the staff member looked at and is refused when it changed meanwhile.
   * Absent on old records: 0.
   */
  version?: number;
  /** `adTextKey` of the wording staff last approved; that wording needs no new review. */
  reviewedText?: string | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export type NewVacancy = Omit<VacancyRecord, '_id'>;

/** The ad's wording that screening reads (and staff approve), by field. */
export interface AdTexts {
  title: string;
  description: string;
  requirements: string;
  certificates?: readonly string[];
  benefits: string;
}

/**
 * A short fingerprint of the ad's wording: the same text (ignoring spaces and case) gives the
 * same key. Staff approve a wording, not a vacancy: an edit that keeps it needs no new review.
 */
export function adTextKey(ad: AdTexts): string {
  const text = [
    ad.title,
    ad.description,
    ad.requirements,
    (ad.certificates ?? []).join('、'),
    ad.benefits,
  ]
    .map((t) => t.normalize('NFKC').replace(/\s+/g, '').toLowerCase())
    .join('\u0001');
  return createHash('sha256').update(text).digest('hex').slice(0, 24);
}

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
    /** The company holding the code (a rejected record does not). */
    async byUscc(uscc: string): Promise<CompanyRecord | null> {
      const found = await rows<CompanyRecord>(coll.where({ uscc }).limit(20));
      return found.find((c) => holdsUscc(c.status) && !c.usccReleased) ?? null;
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
    /**
     * One page of vacancies in `status` whose last open day was before `day` (the
     * `status_valid_until` index), in _id order after `after`.
     */
    async pastDate(
      status: VacancyStatus,
      day: string,
      after: string | null,
      pageSize: number,
    ): Promise<VacancyRecord[]> {
      const _ = command();
      const where: Record<string, unknown> = { status, validUntil: _.lt(day) };
      if (after) where._id = _.gt(after);
      return rows<VacancyRecord>(coll.where(where).orderBy('_id', 'asc').limit(pageSize));
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

/** One step of a company's lifecycle (`company_log`): who, when, why. Transaction-safe. */
export interface CompanyLogEntry {
  companyId: string;
  event: string;
  from: CompanyStatus | null;
  to: CompanyStatus;
  actorOpenid: string | null;
  reason: string | null;
  at: Date;
}

export async function logCompany(db: Store, entry: CompanyLogEntry): Promise<void> {
  await db.collection('company_log').add({ data: entry });
}

// ---------------------------------------------------------------------------------------------
// 清理歧视性招聘信息数

/**
 * One discriminatory ad cleaned up, for the statistics column 清理歧视性招聘信息数 (004
 * attachment). No personal data: the company, the ad, the township, what was refused.
 *
 * The rule counts ads, not attempts or phrases: **one event per ad per refusal episode**. An
 * ad is a saved vacancy ('v:<id>'), or — refused before it was ever saved — the company's new ad
 * with that title ('t:<key>'), which becomes the vacancy's once saved. An episode begins at the
 * first refusal (blocked at save, or rejected by staff) and ends when the ad is next published;
 * every refusal in between is merged into the one event (its phrases and categories listed, the
 * attempts counted). So an ad with two blocked phrases saved three times counts 1; blocked, then
 * rejected by staff, then fixed and approved counts 1; a published ad later edited into
 * discriminatory wording counts again (it is a new ad text cleaned up). The event is dated at the
 * first refusal, which is the period it is counted in.
 */
export interface ScreeningEventRecord {
  _id: string;
  companyId: string;
  adKey: string;
  vacancyId: string | null;
  township: string;
  /** The first refusal's kind, category and phrase (the list below has them all). */
  kind: 'blocked' | 'rejected';
  category: string;
  phrase: string;
  kinds: ('blocked' | 'rejected')[];
  categories: string[];
  phrases: { phrase: string; category: string }[];
  attempts: number;
  at: Date;
  lastAt: Date;
  /** When the ad was next published: the episode is over, a later refusal starts a new one. */
  endedAt: Date | null;
}

export interface Refusal {
  companyId: string;
  /** `vacancyAdKey(id)` or `newAdKey(title)`. */
  adKey: string;
  vacancyId: string | null;
  township: string;
  kind: 'blocked' | 'rejected';
  /** What was refused; for a staff rejection without screening findings: category 'staff'. */
  findings: { phrase: string; category: string }[];
}

export const vacancyAdKey = (vacancyId: string) => `v:${vacancyId}`;
export const newAdKey = (title: string) =>
  `t:${createHash('sha256')
    .update(title.normalize('NFKC').replace(/\s+/g, '').toLowerCase())
    .digest('hex')
    .slice(0, 16)}`;

function union<T>(list: readonly T[], more: readonly T[], key: (t: T) => string): T[] {
  const seen = new Set(list.map(key));
  return [...list, ...more.filter((t) => !seen.has(key(t)) && seen.add(key(t)))];
}

export function screeningEventsRepo(db: Store) {
  const coll = db.collection('ad_screening_events');
  const merge = async (open: ScreeningEventRecord, refusal: Refusal, now: Date) => {
    await coll.doc(open._id).update({
      data: {
        kinds: union(open.kinds ?? [open.kind], [refusal.kind], String),
        categories: union(
          open.categories ?? [],
          refusal.findings.map((f) => f.category),
          String,
        ),
        phrases: union(open.phrases ?? [], refusal.findings, (f) => `${f.category}:${f.phrase}`),
        attempts: command().inc(1),
        lastAt: now,
      },
    });
  };
  return {
    /** Counts a refusal: merged into the ad's open episode, else a new event. */
    async refused(refusal: Refusal, now: Date): Promise<void> {
      const where = { companyId: refusal.companyId, adKey: refusal.adKey };
      const [open] = await rows<ScreeningEventRecord>(
        coll.where({ ...where, endedAt: null }).limit(1),
      );
      if (open) return merge(open, refusal, now);
      const { total } = (await coll.where(where).count()) as { total: number };
      // Deterministic per episode: two refusals racing for a new episode meet on the same _id.
      const _id = `${refusal.companyId}:${refusal.adKey}:${total + 1}`;
      const first = refusal.findings[0] ?? { phrase: '', category: 'staff' };
      const record: Omit<ScreeningEventRecord, '_id'> = {
        companyId: refusal.companyId,
        adKey: refusal.adKey,
        vacancyId: refusal.vacancyId,
        township: refusal.township,
        kind: refusal.kind,
        category: first.category,
        phrase: first.phrase,
        kinds: [refusal.kind],
        categories: union(
          [],
          refusal.findings.map((f) => f.category),
          String,
        ),
        phrases: union([], refusal.findings, (f) => `${f.category}:${f.phrase}`),
        attempts: 1,
        at: now,
        lastAt: now,
        endedAt: null,
      };
      try {
        await coll.add({ data: { _id, ...record } });
      } catch (error) {
        if (!isDuplicateWrite(error)) throw error;
        const [raced] = await rows<ScreeningEventRecord>(coll.where({ _id }).limit(1));
        if (raced) await merge(raced, refusal, now);
      }
    },
    /** A new ad was saved: the refusals of its composing (by title) become the vacancy's. */
    async adopt(companyId: string, title: string, vacancyId: string): Promise<void> {
      await coll
        .where({ companyId, adKey: newAdKey(title), endedAt: null })
        .update({ data: { adKey: vacancyAdKey(vacancyId), vacancyId } });
    },
    /** The ad was published: its open episode is over. */
    async published(companyId: string, vacancyId: string, now: Date): Promise<void> {
      await coll
        .where({ companyId, adKey: vacancyAdKey(vacancyId), endedAt: null })
        .update({ data: { endedAt: now } });
    },
  };
}
