/**
 * Records → what each screen needs, and nothing more (the output contract strips the rest).
 */
import {
  KEY_GROUP_LABELS,
  townshipLabel,
  type BookingView,
  type CertificateTask,
  type CourseCard,
  type CourseDetail,
  type InstitutionView,
  type QuotaView,
  type RosterRow,
  type StaffCourseRow,
} from '@nuanxin/shared';
import {
  BOOKING_STATUS_LABELS,
  CERTIFICATE_STATUS_LABELS,
  COURSE_MODE_LABELS,
  COURSE_STATUS_LABELS,
  dueText,
  ENROLMENT_LABELS,
  enrolmentState,
  FREE_TRAININGS_PER_YEAR,
  FUNDING_LABELS,
  hasQuotaLeft,
  INSTITUTION_KIND_LABELS,
  isCertificateOverdue,
  quotaRenewsOn,
  quotaUsageText,
  quotaYear,
  SKILL_LEVEL_LABELS,
  sortSessions,
  type BookingStatus,
} from '@nuanxin/shared/src/training';

import type {
  BookingRecord,
  CertificateRecord,
  CourseRecord,
  InstitutionRecord,
  SeatsRecord,
} from '../_lib';

const iso = (d: Date | string | null | undefined): string | null =>
  d ? new Date(d).toISOString() : null;

function seatsOf(course: CourseRecord, seats: SeatsRecord | undefined | null): SeatsRecord {
  return (
    seats ?? {
      _id: course._id,
      capacity: course.capacity,
      waitlistLimit: course.waitlistLimit,
      taken: 0,
      waiting: 0,
      nextWaitSeq: 1,
    }
  );
}

export function courseCard(
  course: CourseRecord,
  counter: SeatsRecord | undefined | null,
  now: Date,
  extra: { distanceKm?: number | null; reasons?: string[] } = {},
): CourseCard {
  const seats = seatsOf(course, counter);
  const enrolment = enrolmentState(course, now);
  return {
    id: course._id,
    title: course.title,
    institutionId: course.institutionId,
    institutionName: course.institutionName,
    occupationCode: course.occupationCode,
    occupationName: course.occupationName,
    level: course.level,
    levelLabel: SKILL_LEVEL_LABELS[course.level],
    mode: course.mode,
    modeLabel: COURSE_MODE_LABELS[course.mode],
    funding: course.funding,
    fundingLabel: FUNDING_LABELS[course.funding],
    fee: course.fee,
    township: course.township,
    townshipLabel: townshipLabel(course.township),
    distanceKm: extra.distanceKm ?? null,
    startsAt: iso(course.startsAt)!,
    endsAt: iso(course.endsAt)!,
    sessionCount: course.sessions.length,
    enrolDeadline: course.enrolDeadline,
    enrolment,
    enrolmentLabel: ENROLMENT_LABELS[enrolment],
    capacity: seats.capacity,
    seatsLeft: Math.max(0, seats.capacity - seats.taken),
    waiting: seats.waiting,
    waitlistOpen: seats.waiting < seats.waitlistLimit,
    targetGroupLabels: course.targetGroups.map((g) => KEY_GROUP_LABELS[g]),
    reasons: extra.reasons ?? [],
  };
}

export function institutionView(i: InstitutionRecord): InstitutionView {
  return {
    id: i._id,
    name: i.name,
    kind: i.kind,
    kindLabel: INSTITUTION_KIND_LABELS[i.kind],
    township: i.township,
    townshipLabel: townshipLabel(i.township),
    address: i.address ?? '',
    phone: i.phone ?? '',
  };
}

export function courseDetailView(
  course: CourseRecord,
  seats: SeatsRecord | null,
  institution: InstitutionRecord | null,
  now: Date,
  extra: { distanceKm?: number | null; reasons?: string[] } = {},
): CourseDetail {
  return {
    ...courseCard(course, seats, now, extra),
    description: course.description,
    subsidyRule: course.subsidyRule,
    address: course.address,
    contactPhone: course.contactPhone || institution?.phone || '',
    sessions: sortSessions(course.sessions).map((s) => ({
      date: s.date,
      start: s.start,
      end: s.end,
      online: s.online,
      topic: s.topic ?? '',
    })),
    institution: institution
      ? institutionView(institution)
      : {
          id: course.institutionId,
          name: course.institutionName,
          kind: 'private',
          kindLabel: INSTITUTION_KIND_LABELS.private,
          township: course.township,
          townshipLabel: townshipLabel(course.township),
          address: '',
          phone: '',
        },
  };
}

export const FINISHED: BookingStatus[] = ['attended', 'passed', 'failed', 'noShow'];

/**
 * A course in the staff or institution list. `manages`: the caller manages it; `reviews`: the
 * caller is 就业中心 staff (who approve institutions' courses).
 */
export function staffRow(
  course: CourseRecord,
  seats: SeatsRecord | undefined | null,
  bookings: readonly BookingRecord[],
  access: { manages: boolean; reviews: boolean },
  now: Date,
): StaffCourseRow {
  const { reasons: _r, distanceKm: _d, ...card } = courseCard(course, seats, now);
  const count = (statuses: BookingStatus[]) =>
    bookings.filter((b) => b.courseId === course._id && statuses.includes(b.status)).length;
  const finished = count(FINISHED);
  const cancelled = course.status === 'cancelled';
  return {
    ...card,
    status: course.status,
    statusLabel: COURSE_STATUS_LABELS[course.status],
    confirmed: count(['confirmed']),
    promoted: count(['promoted']),
    finished,
    canEdit: access.manages && !cancelled,
    reviewNote: course.status === 'rejected' ? (course.reviewNote ?? null) : null,
    canReview: access.manages && access.reviews && course.status === 'pendingReview',
    canCancel: access.manages && !cancelled && finished === 0 && now < new Date(course.endsAt),
    cancelReason: cancelled ? (course.cancelReason ?? null) : null,
  };
}

/** The yearly free quota as the person sees it; `registered`: it applies to them. */
export function quotaView(used: number, registered: boolean, now: Date): QuotaView {
  const left = Math.max(0, FREE_TRAININGS_PER_YEAR - used);
  return {
    year: quotaYear(now),
    used,
    limit: FREE_TRAININGS_PER_YEAR,
    left,
    text: registered
      ? quotaUsageText(used)
      : `办理失业登记后，每年可参加${FREE_TRAININGS_PER_YEAR}次免费培训`,
    renewsOn: registered && !hasQuotaLeft(used) ? quotaRenewsOn(now) : null,
    registered,
  };
}

export function certificateView(c: CertificateRecord | undefined) {
  if (!c) return null;
  return {
    status: c.status,
    statusLabel: CERTIFICATE_STATUS_LABELS[c.status],
    dueDate: c.dueDate,
    certificateNo: c.certificateNo,
  };
}

const CANCELLABLE: BookingStatus[] = ['booked', 'confirmed', 'waitlisted', 'promoted'];

export function canCancel(b: BookingRecord, course: CourseRecord | undefined, now: Date): boolean {
  if (!CANCELLABLE.includes(b.status)) return false;
  // A confirmed seat can be given up until the course ends (only before the start is a
  // counted free training given back).
  return b.status !== 'confirmed' || !course || now < new Date(course.endsAt);
}

export function canAccept(b: BookingRecord, now: Date): boolean {
  return b.status === 'promoted' && b.confirmBy !== null && now <= new Date(b.confirmBy);
}

export function bookingNote(b: BookingRecord): string | null {
  if (b.status === 'cancelled') return b.cancelReason || null;
  if (b.status === 'lapsed') return '未在期限内确认，名额已让给下一位候补';
  return null;
}

export function bookingView(
  b: BookingRecord,
  course: CourseRecord | undefined,
  extra: { waitPosition: number | null; certificate: CertificateRecord | undefined },
  now: Date,
): BookingView {
  return {
    id: b._id,
    courseId: b.courseId,
    courseTitle: course?.title ?? '（课程已删除）',
    institutionName: course?.institutionName ?? '',
    status: b.status,
    statusLabel: BOOKING_STATUS_LABELS[b.status],
    startsAt: iso(course?.startsAt ?? b.bookedAt)!,
    endsAt: iso(course?.endsAt ?? b.bookedAt)!,
    townshipLabel: course ? townshipLabel(course.township) : '',
    address: course?.address ?? '',
    modeLabel: course ? COURSE_MODE_LABELS[course.mode] : '',
    fundingLabel: course ? FUNDING_LABELS[course.funding] : '',
    countsQuota: b.countsQuota,
    waitPosition: b.status === 'waitlisted' ? extra.waitPosition : null,
    confirmBy: b.status === 'promoted' ? iso(b.confirmBy) : null,
    canCancel: canCancel(b, course, now),
    canAccept: canAccept(b, now),
    certificate: certificateView(extra.certificate),
    note: bookingNote(b),
    bookedAt: iso(b.bookedAt)!,
  };
}

/** Waitlist positions (1 = next) of a course's waiting bookings, by waitlist number. */
export function waitPositions(bookings: readonly BookingRecord[]): Map<string, number> {
  const waiting = bookings
    .filter((b) => b.status === 'waitlisted')
    .sort((a, b) => (a.waitSeq ?? 0) - (b.waitSeq ?? 0));
  return new Map(waiting.map((b, i) => [b._id, i + 1]));
}

const ROSTER_ORDER: BookingStatus[] = [
  'promoted',
  'confirmed',
  'attended',
  'passed',
  'failed',
  'noShow',
  'booked',
  'waitlisted',
  'cancelled',
  'lapsed',
];

export function rosterRows(
  bookings: readonly BookingRecord[],
  certificates: readonly CertificateRecord[],
): RosterRow[] {
  const positions = waitPositions(bookings);
  const byBooking = new Map(certificates.map((c) => [c.bookingId, c]));
  return [...bookings]
    .sort(
      (a, b) =>
        ROSTER_ORDER.indexOf(a.status) - ROSTER_ORDER.indexOf(b.status) ||
        (a.waitSeq ?? 0) - (b.waitSeq ?? 0) ||
        +new Date(a.bookedAt) - +new Date(b.bookedAt),
    )
    .map((b) => ({
      id: b._id,
      name: b.name,
      mobile: b.mobile,
      status: b.status,
      statusLabel: BOOKING_STATUS_LABELS[b.status],
      waitPosition: positions.get(b._id) ?? null,
      confirmBy: b.status === 'promoted' ? iso(b.confirmBy) : null,
      bookedAt: iso(b.bookedAt)!,
      certificate: certificateView(byBooking.get(b._id)),
    }));
}

export function taskView(c: CertificateRecord, now: Date): CertificateTask {
  return {
    id: c._id,
    bookingId: c.bookingId,
    name: c.name,
    courseId: c.courseId,
    courseTitle: c.courseTitle,
    institutionName: c.institutionName,
    occupationName: c.occupationName,
    township: c.township,
    townshipLabel: townshipLabel(c.township),
    passedAt: iso(c.passedAt)!,
    dueDate: c.dueDate,
    status: c.status,
    statusLabel: CERTIFICATE_STATUS_LABELS[c.status],
    overdue: isCertificateOverdue(c, now),
    dueText: dueText(c, now),
    certificateNo: c.certificateNo,
    issuedAt: iso(c.issuedAt),
  };
}
