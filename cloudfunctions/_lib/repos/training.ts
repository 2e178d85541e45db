/**
 * Typed access to the training collections (issue 6). Methods marked transaction-safe use only
 * doc() get/set/update and add, so they also run on a transaction (CloudBase allows nothing else
 * there); the others are queries for outside one.
 */
import type { KeyGroupTag } from '@nuanxin/shared';
import type {
  BookingActor,
  BookingStatus,
  CertificateStatus,
  CourseEditStatus,
  CourseMode,
  CourseStatus,
  Funding,
  InstitutionKind,
  Session,
  SkillLevel,
} from '@nuanxin/shared/src/training';

import { allRows, command, docOf, rows, type Store } from '../cloud';

import type { RegistrationRecord } from './registrations';
import type { GeoPoint } from './vacancies';

export interface InstitutionRecord {
  _id: string;
  name: string;
  kind: InstitutionKind;
  township: string;
  location: GeoPoint | null;
  address?: string;
  phone?: string;
  /** Links the institution to the 用人单位 account (company) of the same USCC. */
  uscc?: string | null;
  demo?: boolean;
  createdAt: Date;
  updatedAt?: Date;
}

export interface CourseRecord {
  _id: string;
  institutionId: string;
  /** Copied for lists; kept in step when the institution is renamed. */
  institutionName: string;
  title: string;
  occupationCode: string;
  occupationName: string;
  level: SkillLevel;
  mode: CourseMode;
  sessions: Session[];
  township: string;
  address: string;
  location: GeoPoint | null;
  capacity: number;
  waitlistLimit: number;
  funding: Funding;
  fee: number;
  subsidyRule: string;
  targetGroups: KeyGroupTag[];
  /** 'YYYY-MM-DD', the last Shanghai day bookings are taken. */
  enrolDeadline: string;
  description: string;
  contactPhone: string;
  status: CourseStatus;
  /** While in review: what the institution chose (taking bookings or not) once approved. */
  afterReview?: CourseEditStatus | null;
  /** Why the 就业中心 did not approve it; null once approved or edited by staff. */
  reviewNote?: string | null;
  reviewedBy?: string | null;
  reviewedAt?: Date | null;
  cancelReason?: string | null;
  cancelledBy?: string | null;
  cancelledAt?: Date | null;
  startsAt: Date;
  endsAt: Date;
  createdBy: string;
  demo?: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export type NewCourse = Omit<CourseRecord, '_id'>;

/**
 * A course's seat counter (`training_seats`, `_id` = the course's id). Every change of a
 * booking that takes or frees a seat, or joins or leaves the waitlist, reads and writes it in the
 * same transaction, so concurrent bookings serialise on it and never exceed the capacity.
 */
export interface SeatsRecord {
  _id: string;
  capacity: number;
  waitlistLimit: number;
  /** Seats held: confirmed, promoted (held for the person until their deadline), finished. */
  taken: number;
  waiting: number;
  /** The next waitlist number; the waitlist is served in this order. */
  nextWaitSeq: number;
  /**
   * Set in the transaction that cancels the course: a booking racing the cancellation writes
   * this counter too, so it either comes before (and is cancelled with the rest) or is refused.
   */
  cancelled?: boolean;
}

export interface BookingRecord {
  _id: string;
  courseId: string;
  /** The course's title when booked (for casework views that list a person's trainings). */
  courseTitle: string;
  institutionId: string;
  /** The course's township, for staff scope. */
  township: string;
  openid: string;
  /** The open registration at booking time; null for a paid course booked without one. */
  registrationId: string | null;
  /** Whose free quota it counts on: the ID number's HMAC (one person, any account). */
  person: string;
  name: string;
  mobile: string;
  status: BookingStatus;
  /** 'course:<courseId>:<openid>' while active, 'closed:<_id>' once cancelled or lapsed. */
  activeKey: string;
  countsQuota: boolean;
  /** The year the free training was counted in; null while not counted. */
  quotaYear: string | null;
  waitSeq: number | null;
  confirmBy: Date | null;
  bookedAt: Date;
  confirmedAt: Date | null;
  promotedAt: Date | null;
  cancelledAt: Date | null;
  cancelReason: string | null;
  attendedAt: Date | null;
  resultAt: Date | null;
  demo?: boolean;
  updatedAt: Date;
}

export type NewBooking = Omit<BookingRecord, '_id'>;

export const activeBookingKey = (courseId: string, openid: string) =>
  `course:${courseId}:${openid}`;
export const closedBookingKey = (id: string) => `closed:${id}`;

export interface BookingLogRecord {
  _id: string;
  bookingId: string;
  courseId: string;
  at: Date;
  actorOpenid: string | null;
  actorRole: BookingActor;
  /** A lifecycle event, or 'apply' for the booking's creation. */
  event: string;
  from: BookingStatus | null;
  to: BookingStatus;
  reason: string | null;
}

/** One person's free trainings counted in one Shanghai year (`_id` = quotaKey(person, year)). */
export interface QuotaRecord {
  _id: string;
  person: string;
  year: string;
  used: number;
}

export interface CertificateRecord {
  _id: string;
  bookingId: string;
  courseId: string;
  institutionId: string;
  openid: string;
  registrationId: string | null;
  name: string;
  courseTitle: string;
  institutionName: string;
  occupationName: string;
  township: string;
  passedAt: Date;
  /** 'YYYY-MM-DD': the pass date plus 2 months (000 §3(7)). */
  dueDate: string;
  status: CertificateStatus;
  certificateNo: string | null;
  issuedAt: Date | null;
  issuedBy: string | null;
  /** When the daily timer flagged it overdue to the 就业中心 and 职鉴中心; null before. */
  overdueFlaggedAt: Date | null;
}

export interface OfferRecord {
  _id: string;
  /** '<registrationId>:<courseId>': a course is offered to a person once. */
  offerKey: string;
  registrationId: string;
  openid: string;
  institutionId: string;
  institutionName: string;
  courseId: string;
  courseTitle: string;
  source: 'page' | 'caseworker';
  byOpenid: string | null;
  at: Date;
}

async function byId<T>(coll: ReturnType<Store['collection']>, id: string): Promise<T | null> {
  const [found] = await rows<T>(coll.where({ _id: id }).limit(1));
  return found ?? null;
}

async function byIds<T>(
  coll: ReturnType<Store['collection']>,
  ids: readonly string[],
): Promise<T[]> {
  const unique = [...new Set(ids)];
  const out: T[] = [];
  for (let i = 0; i < unique.length; i += 100) {
    const chunk = unique.slice(i, i + 100);
    out.push(...(await rows<T>(coll.where({ _id: command().in(chunk) }).limit(chunk.length))));
  }
  return out;
}

export function institutionsRepo(db: Store) {
  const coll = db.collection('training_institutions');
  return {
    find: (id: string) => byId<InstitutionRecord>(coll, id),
    byIds: (ids: readonly string[]) => byIds<InstitutionRecord>(coll, ids),
    all: () => allRows<InstitutionRecord>(coll.where({})),
    async byUscc(uscc: string): Promise<InstitutionRecord[]> {
      return allRows<InstitutionRecord>(coll.where({ uscc }));
    },
    async insert(record: Omit<InstitutionRecord, '_id'>): Promise<string> {
      const { _id } = (await coll.add({ data: record })) as { _id: string };
      return _id;
    },
    async update(id: string, patch: Partial<Omit<InstitutionRecord, '_id'>>): Promise<void> {
      await coll.doc(id).update({ data: patch });
    },
  };
}

export function coursesRepo(db: Store) {
  const coll = db.collection('training_courses');
  return {
    find: (id: string) => byId<CourseRecord>(coll, id),
    byIds: (ids: readonly string[]) => byIds<CourseRecord>(coll, ids),
    /** Published courses that have not started: what a seeker may book. */
    async upcoming(now: Date): Promise<CourseRecord[]> {
      return allRows<CourseRecord>(
        coll.where({ status: 'published', startsAt: command().gt(now) }),
      );
    },
    /** Every course of the given institutions, or in the given townships (null: all). */
    async managed(filter: {
      institutionIds?: readonly string[];
      townships?: readonly string[] | null;
    }): Promise<CourseRecord[]> {
      const _ = command();
      return allRows<CourseRecord>(
        coll.where({
          ...(filter.institutionIds ? { institutionId: _.in([...filter.institutionIds]) } : {}),
          ...(filter.townships ? { township: _.in([...filter.townships]) } : {}),
        }),
      );
    },
    async ofInstitution(institutionId: string): Promise<CourseRecord[]> {
      return allRows<CourseRecord>(coll.where({ institutionId }));
    },
    /** Transaction-safe. */
    async create(record: NewCourse): Promise<string> {
      const { _id } = (await coll.add({ data: record })) as { _id: string };
      return _id;
    },
    /** Transaction-safe. */
    async replace(id: string, record: NewCourse): Promise<void> {
      await coll.doc(id).set({ data: record });
    },
    /** Transaction-safe. */
    async update(id: string, patch: Partial<NewCourse>): Promise<void> {
      await coll.doc(id).update({ data: patch });
    },
    /** Transaction-safe: the course as this transaction sees it. */
    async get(id: string): Promise<CourseRecord | null> {
      return (await docOf<CourseRecord | null>(coll.doc(id))) ?? null;
    },
  };
}

export function seatsRepo(db: Store) {
  const coll = db.collection('training_seats');
  return {
    /** Transaction-safe: the counter as this transaction sees it. */
    async get(courseId: string): Promise<SeatsRecord | null> {
      return (await docOf<SeatsRecord | null>(coll.doc(courseId))) ?? null;
    },
    /** Outside a transaction. */
    find: (courseId: string) => byId<SeatsRecord>(coll, courseId),
    byIds: (courseIds: readonly string[]) => byIds<SeatsRecord>(coll, courseIds),
    /** Transaction-safe. */
    async put(seats: SeatsRecord): Promise<void> {
      const { _id, ...data } = seats;
      await coll.doc(_id).set({ data });
    },
  };
}

export function bookingsRepo(db: Store) {
  const coll = db.collection('training_bookings');
  return {
    find: (id: string) => byId<BookingRecord>(coll, id),
    /** Transaction-safe: by id inside a transaction. */
    async get(id: string): Promise<BookingRecord | null> {
      return (await docOf<BookingRecord | null>(coll.doc(id))) ?? null;
    },
    async active(courseId: string, openid: string): Promise<BookingRecord | null> {
      const [found] = await rows<BookingRecord>(
        coll.where({ activeKey: activeBookingKey(courseId, openid) }).limit(1),
      );
      return found ?? null;
    },
    async ofOpenid(openid: string): Promise<BookingRecord[]> {
      return allRows<BookingRecord>(coll.where({ openid }));
    },
    async ofRegistrations(ids: readonly string[]): Promise<BookingRecord[]> {
      if (ids.length === 0) return [];
      return allRows<BookingRecord>(coll.where({ registrationId: command().in([...ids]) }));
    },
    async ofCourse(courseId: string): Promise<BookingRecord[]> {
      return allRows<BookingRecord>(coll.where({ courseId }));
    },
    async ofCourses(courseIds: readonly string[]): Promise<BookingRecord[]> {
      if (courseIds.length === 0) return [];
      return allRows<BookingRecord>(coll.where({ courseId: command().in([...courseIds]) }));
    },
    /** The first people waiting for a seat on the course, in waitlist order. */
    async waitlistHead(courseId: string, limit: number): Promise<BookingRecord[]> {
      return rows<BookingRecord>(
        coll.where({ courseId, status: 'waitlisted' }).orderBy('waitSeq', 'asc').limit(limit),
      );
    },
    /** How many wait ahead of a waitlist number. */
    async aheadOf(courseId: string, waitSeq: number): Promise<number> {
      const { total } = (await coll
        .where({ courseId, status: 'waitlisted', waitSeq: command().lt(waitSeq) })
        .count()) as { total: number };
      return total;
    },
    /** Seats offered from a waitlist whose confirm deadline has passed. */
    async promotionsDue(now: Date, limit: number): Promise<BookingRecord[]> {
      return rows<BookingRecord>(
        coll
          .where({ status: 'promoted', confirmBy: command().lte(now) })
          .orderBy('confirmBy', 'asc')
          .limit(limit),
      );
    },
    /** Transaction-safe. */
    async create(record: NewBooking): Promise<string> {
      const { _id } = (await coll.add({ data: record })) as { _id: string };
      return _id;
    },
    /** Transaction-safe. */
    async update(id: string, patch: Partial<NewBooking>): Promise<void> {
      await coll.doc(id).update({ data: patch });
    },
  };
}

export function bookingLogRepo(db: Store) {
  const coll = db.collection('training_booking_log');
  return {
    /** Transaction-safe. */
    async append(entry: Omit<BookingLogRecord, '_id'>): Promise<void> {
      await coll.add({ data: entry });
    },
    async of(bookingId: string): Promise<BookingLogRecord[]> {
      const all = await allRows<BookingLogRecord>(coll.where({ bookingId }));
      return all.sort((a, b) => +new Date(a.at) - +new Date(b.at));
    },
  };
}

/**
 * wx-server-sdk's doc().get() rejects when the document does not exist ("document with _id …
 * does not exist", thrown by the SDK after the server answered, so a transaction goes on).
 */
function isMissingDocument(error: unknown): boolean {
  const text = `${(error as { errMsg?: unknown } | null)?.errMsg ?? ''} ${String((error as Error | null)?.message ?? error)}`;
  return /does not exist/.test(text);
}

export function quotaRepo(db: Store) {
  const coll = db.collection('training_quota');
  return {
    /** Outside a transaction: the count, 0 when nothing was counted. */
    async used(key: string): Promise<number> {
      return (await byId<QuotaRecord>(coll, key))?.used ?? 0;
    },
    /**
     * Transaction-safe: the counter as this transaction sees it, null when nothing was counted
     * for that person and year yet (e.g. waiting since December, promoted in January). The
     * first counted training creates it with put(); two transactions creating the same counter
     * conflict like any two writers of one document, and the retried one then reads it.
     */
    async get(key: string): Promise<QuotaRecord | null> {
      try {
        return (await docOf<QuotaRecord | null>(coll.doc(key))) ?? null;
      } catch (error) {
        if (isMissingDocument(error)) return null;
        throw error;
      }
    },
    /** Transaction-safe: creates or replaces the counter. */
    async put(record: QuotaRecord): Promise<void> {
      const { _id, ...data } = record;
      await coll.doc(_id).set({ data });
    },
  };
}

export function certificatesRepo(db: Store) {
  const coll = db.collection('training_certificates');
  return {
    find: (id: string) => byId<CertificateRecord>(coll, id),
    all: () => allRows<CertificateRecord>(coll.where({})),
    async ofBookings(bookingIds: readonly string[]): Promise<CertificateRecord[]> {
      if (bookingIds.length === 0) return [];
      return byIdsField(coll, 'bookingId', bookingIds);
    },
    /** Open tasks past their due day that were not flagged yet (the daily timer). */
    async newlyOverdue(today: string, limit: number): Promise<CertificateRecord[]> {
      return rows<CertificateRecord>(
        coll
          .where({ status: 'open', dueDate: command().lt(today), overdueFlaggedAt: null })
          .orderBy('dueDate', 'asc')
          .limit(limit),
      );
    },
    /** Transaction-safe. */
    async create(record: Omit<CertificateRecord, '_id'>): Promise<string> {
      const { _id } = (await coll.add({ data: record })) as { _id: string };
      return _id;
    },
    async update(id: string, patch: Partial<Omit<CertificateRecord, '_id'>>): Promise<void> {
      await coll.doc(id).update({ data: patch });
    },
  };
}

async function byIdsField<T>(
  coll: ReturnType<Store['collection']>,
  field: string,
  values: readonly string[],
): Promise<T[]> {
  const unique = [...new Set(values)];
  const out: T[] = [];
  for (let i = 0; i < unique.length; i += 100) {
    const chunk = unique.slice(i, i + 100);
    out.push(...(await allRows<T>(coll.where({ [field]: command().in(chunk) }))));
  }
  return out;
}

export function offersRepo(db: Store) {
  const coll = db.collection('training_offers');
  return {
    async ofRegistrations(ids: readonly string[]): Promise<OfferRecord[]> {
      if (ids.length === 0) return [];
      return byIdsField<OfferRecord>(coll, 'registrationId', ids);
    },
    /** Adds the offer unless it was made before (the unique offerKey decides). */
    async add(record: Omit<OfferRecord, '_id'>): Promise<void> {
      await coll.add({ data: record });
    },
  };
}

/**
 * Open registrations (submitted or registered) whose person asked for training, in the given
 * townships (null: the whole city): the people 000 §3(2) says must be offered an institution.
 */
export async function registrationsWantingTraining(
  db: Store,
  townships: readonly string[] | null,
): Promise<RegistrationRecord[]> {
  const _ = command();
  return allRows<RegistrationRecord>(
    db.collection('registrations').where({
      status: _.in(['submitted', 'registered']),
      'wishes.wantsTraining': true,
      ...(townships ? { township: _.in([...townships]) } : {}),
    }),
  );
}
