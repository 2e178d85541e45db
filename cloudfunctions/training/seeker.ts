/**
 * The seeker's side: the catalogue (fitting courses first, with the reason), a course, booking,
 * cancelling, confirming a seat offered from the waitlist, and their own bookings with this
 * year's free-training count.
 *
 * Who may book what: free and subsidised courses are for people with an open unemployment
 * registration (the yearly free quota is theirs, 000 §3(3)); anyone may browse, and a citizen
 * without a registration may book a paid course, giving a name and mobile number to be
 * contacted on.
 */
import {
  AppError,
  findTownship,
  templateId,
  townshipLabel,
  type CourseCard,
} from '@nuanxin/shared';
import { findOccupation } from '@nuanxin/shared/src/data/occupations';
import {
  countsTowardQuota,
  courseFit,
  distanceKm,
  ENROLMENT_LABELS,
  enrolmentState,
  hasQuotaLeft,
  isPublicCourse,
  NEAR_KM,
  quotaExhaustedMessage,
  quotaKey,
  quotaYear,
  startsWithin,
  STARTING_SOON_DAYS,
  type TrainingNeed,
} from '@nuanxin/shared/src/training';

import {
  bookingsRepo,
  certificatesRepo,
  coursesRepo,
  institutionsRepo,
  lngLatOf,
  offersRepo,
  quotaRepo,
  registrationsRepo,
  seatsRepo,
  townshipCentre,
  type ActionContext,
  type BookingRecord,
  type CourseRecord,
  type Handler,
  type LngLat,
  type RegistrationRecord,
  type SeatsRecord,
  type Store,
} from '../_lib';

import { ownBooking } from './access';
import { recordPageOffers } from './offerRecords';
import { acceptPromotion, bookSeat, cancelBooking, FULL } from './seats';
import { bookingView, courseCard, courseDetailView, quotaView, waitPositions } from './views';

export const NEEDS_REGISTRATION =
  '免费和政府补贴培训面向已办理失业登记的人员，请先在“失业登记”中办理，登记后每年可参加3次免费培训';
const COURSE_MISSING = '没有找到这门课程';

export interface SeekerContext {
  registration: RegistrationRecord | null;
  need: TrainingNeed | null;
  place: LngLat | null;
  person: string;
}

/** The person's open registration (submitted or registered), their need and place. */
export async function seekerContext(db: Store, openid: string): Promise<SeekerContext> {
  const registration = await registrationsRepo(db).openOf(openid);
  if (!registration)
    return { registration: null, need: null, place: null, person: `openid:${openid}` };
  return {
    registration,
    need: needOf(registration),
    place: lngLatOf(registration.identity.location) ?? townshipCentre(registration.township ?? ''),
    person: registration.idHash ?? `openid:${openid}`,
  };
}

export function needOf(registration: RegistrationRecord): TrainingNeed {
  const wishes = registration.wishes;
  return {
    wantsTraining: wishes.wantsTraining ?? false,
    trainingNeed: wishes.trainingNeed ?? '',
    occupations: (wishes.occupations ?? []).map((code) => ({
      code,
      name: findOccupation(code)?.name ?? code,
    })),
    tags: registration.tags,
    township: registration.township,
  };
}

async function usedQuota(db: Store, seeker: SeekerContext, now: Date): Promise<number> {
  if (!seeker.registration) return 0;
  return quotaRepo(db).used(quotaKey(seeker.person, quotaYear(now)));
}

function distanceTo(place: LngLat | null, course: CourseRecord): number | null {
  const at = lngLatOf(course.location) ?? townshipCentre(course.township);
  if (!place || !at || course.mode === 'online') return null;
  return Math.round(distanceKm(place, at) * 10) / 10;
}

export interface Fitted {
  course: CourseRecord;
  seats: SeatsRecord | undefined;
  score: number;
  reasons: string[];
  distance: number | null;
}

/**
 * Courses open for enrolment, each with how well it fits the person (their written need, their
 * intended occupations, their key groups; a caseworker's recommendation first of all).
 */
export async function fittedCourses(
  db: Store,
  seeker: Pick<SeekerContext, 'need' | 'place' | 'registration'>,
  now: Date,
): Promise<Fitted[]> {
  const open = (await coursesRepo(db).upcoming(now)).filter(
    (c) => enrolmentState(c, now) === 'open',
  );
  const seats = new Map((await seatsRepo(db).byIds(open.map((c) => c._id))).map((s) => [s._id, s]));
  const recommendedBy = new Set(
    seeker.registration
      ? (await offersRepo(db).ofRegistrations([seeker.registration._id]))
          .filter((o) => o.source === 'caseworker')
          .map((o) => o.courseId)
      : [],
  );
  return open.map((course) => {
    const fit = seeker.need ? courseFit(seeker.need, course) : { score: 0, reasons: [] };
    if (recommendedBy.has(course._id)) {
      fit.score += 10;
      fit.reasons.unshift('您的包保责任人为您推荐');
    }
    return {
      course,
      seats: seats.get(course._id),
      score: fit.score,
      reasons: fit.reasons,
      distance: distanceTo(seeker.place, course),
    };
  });
}

export function byFit(a: Fitted, b: Fitted): number {
  return (
    b.score - a.score ||
    +new Date(a.course.startsAt) - +new Date(b.course.startsAt) ||
    a.course._id.localeCompare(b.course._id)
  );
}

/** Up to 3 fitting courses a person could still get into (a seat or the waitlist). */
export function recommendations(fitted: readonly Fitted[]): Fitted[] {
  return fitted
    .filter((f) => f.score > 0)
    .filter(
      (f) =>
        !f.seats || f.seats.taken < f.seats.capacity || f.seats.waiting < f.seats.waitlistLimit,
    )
    .sort(byFit)
    .slice(0, 3);
}

export const cardOf = (f: Fitted, now: Date): CourseCard =>
  courseCard(f.course, f.seats, now, { distanceKm: f.distance, reasons: f.reasons });

export const catalogue: Handler<'training', 'catalogue'> = async (input, ctx) => {
  const { caller, db, now } = ctx;
  if (input.township && !findTownship(input.township)) {
    throw new AppError('VALIDATION', '请选择所在乡镇（街道）', {
      township: '请选择所在乡镇（街道）',
    });
  }
  const seeker = await seekerContext(db, caller.openid);
  const place = input.township ? townshipCentre(input.township) : seeker.place;
  if (input.near && !place) {
    throw new AppError('VALIDATION', '请先选择您所在的乡镇（街道），再看离您近的课程', {
      township: '请选择所在乡镇（街道）',
    });
  }
  const fitted = await fittedCourses(db, { ...seeker, place }, now);
  const keyword = input.keyword.toLowerCase();
  const matching = fitted
    .filter((f) => !input.occupation || f.course.occupationCode.startsWith(input.occupation))
    .filter((f) => !input.freeOnly || f.course.funding === 'free')
    .filter((f) => !input.startingSoon || startsWithin(f.course.startsAt, STARTING_SOON_DAYS, now))
    .filter((f) => !input.near || (f.distance !== null && f.distance <= NEAR_KM))
    .filter(
      (f) =>
        !keyword ||
        `${f.course.title} ${f.course.occupationName} ${f.course.institutionName}`
          .toLowerCase()
          .includes(keyword),
    )
    .sort(input.near ? (a, b) => (a.distance ?? 0) - (b.distance ?? 0) || byFit(a, b) : byFit);
  const recommended = recommendations(fitted);
  // 000 §3(2): what the page recommends to a person with a training need is an offer of that
  // institution, recorded for their caseworker.
  if (seeker.registration && seeker.need?.wantsTraining && recommended.length > 0) {
    await recordPageOffers(
      db,
      seeker.registration,
      recommended.map((f) => f.course),
      now,
    );
  }
  const promotions = (await bookingsRepo(db).ofOpenid(caller.openid)).filter(
    (b) => b.status === 'promoted' && b.confirmBy && now <= new Date(b.confirmBy),
  );
  const titles = new Map(fitted.map((f) => [f.course._id, f.course.title]));
  const missing = promotions.filter((p) => !titles.has(p.courseId)).map((p) => p.courseId);
  for (const c of await coursesRepo(db).byIds(missing)) titles.set(c._id, c.title);
  const start = (input.page - 1) * input.pageSize;
  return {
    courses: matching.slice(start, start + input.pageSize).map((f) => cardOf(f, now)),
    total: matching.length,
    page: input.page,
    pageSize: input.pageSize,
    recommended: recommended.map((f) => cardOf(f, now)),
    quota: quotaView(await usedQuota(db, seeker, now), seeker.registration !== null, now),
    need: seeker.need
      ? {
          wantsTraining: seeker.need.wantsTraining,
          trainingNeed: seeker.need.trainingNeed,
          occupations: seeker.need.occupations.map((o) => o.name),
        }
      : null,
    promotions: promotions.map((p) => ({
      bookingId: p._id,
      courseTitle: titles.get(p.courseId) ?? '',
      confirmBy: new Date(p.confirmBy!).toISOString(),
    })),
    placeLabel: input.township
      ? townshipLabel(input.township)
      : seeker.registration?.township
        ? townshipLabel(seeker.registration.township)
        : null,
  };
};

/** Views of the caller's bookings with their waitlist positions and certificates. */
export async function bookingViewsOf(db: Store, bookings: readonly BookingRecord[], now: Date) {
  const courses = new Map(
    (await coursesRepo(db).byIds(bookings.map((b) => b.courseId))).map((c) => [c._id, c]),
  );
  const certificates = new Map(
    (await certificatesRepo(db).ofBookings(bookings.map((b) => b._id))).map((c) => [
      c.bookingId,
      c,
    ]),
  );
  const positions = new Map<string, number>();
  for (const courseId of new Set(
    bookings.filter((b) => b.status === 'waitlisted').map((b) => b.courseId),
  )) {
    for (const [id, p] of waitPositions(
      (await bookingsRepo(db).ofCourse(courseId)).filter((b) => b.status === 'waitlisted'),
    )) {
      positions.set(id, p);
    }
  }
  return bookings.map((b) =>
    bookingView(
      b,
      courses.get(b.courseId),
      { waitPosition: positions.get(b._id) ?? null, certificate: certificates.get(b._id) },
      now,
    ),
  );
}

async function oneView(db: Store, booking: BookingRecord, now: Date) {
  const [view] = await bookingViewsOf(db, [booking], now);
  return view!;
}

async function findCourse(ctx: ActionContext, id: string): Promise<CourseRecord> {
  const course = await coursesRepo(ctx.db).find(id);
  if (!course) throw new AppError('NOT_FOUND', COURSE_MISSING);
  return course;
}

/** Why the person cannot book the course now, or null. Reads only. */
function blockerOf(
  course: CourseRecord,
  seats: SeatsRecord | null,
  seeker: SeekerContext,
  used: number,
  now: Date,
): string | null {
  const state = enrolmentState(course, now);
  if (state !== 'open') return `这门课程${ENROLMENT_LABELS[state]}`;
  if (countsTowardQuota(course.funding)) {
    if (!seeker.registration) return NEEDS_REGISTRATION;
    if (!hasQuotaLeft(used)) return quotaExhaustedMessage(now);
  }
  if (seats && seats.taken >= seats.capacity && seats.waiting >= seats.waitlistLimit) return FULL;
  return null;
}

export const courseDetail: Handler<'training', 'courseDetail'> = async (input, ctx) => {
  const { caller, db, now } = ctx;
  const course = await findCourse(ctx, input.courseId);
  const seeker = await seekerContext(db, caller.openid);
  const seats = await seatsRepo(db).find(course._id);
  const institution = await institutionsRepo(db).find(course.institutionId);
  const used = await usedQuota(db, seeker, now);
  const fit = seeker.need ? courseFit(seeker.need, course).reasons : [];
  const active = await bookingsRepo(db).active(course._id, caller.openid);
  // A course waiting for the 就业中心's review is not public yet (except to someone booked on it
  // before an institution's change sent it back to review).
  if (!isPublicCourse(course.status) && !active) throw new AppError('NOT_FOUND', COURSE_MISSING);
  return {
    course: courseDetailView(course, seats, institution, now, {
      distanceKm: distanceTo(seeker.place, course),
      reasons: fit,
    }),
    booking: active ? await oneView(db, active, now) : null,
    quota: quotaView(used, seeker.registration !== null, now),
    blocker: active ? null : blockerOf(course, seats, seeker, used, now),
    wouldWait: seats ? seats.taken >= seats.capacity && seats.waiting < seats.waitlistLimit : false,
    needsContact: !seeker.registration && course.funding === 'paid',
    seatNoticeTemplateId: templateId('trainingSeat', process.env),
  };
};

export const apply: Handler<'training', 'apply'> = async (input, ctx) => {
  const { caller, db, now } = ctx;
  const course = await findCourse(ctx, input.courseId);
  if (!isPublicCourse(course.status)) throw new AppError('NOT_FOUND', COURSE_MISSING);
  const state = enrolmentState(course, now);
  if (state !== 'open')
    throw new AppError('CONFLICT', `这门课程${ENROLMENT_LABELS[state]}，不能报名`);
  const seeker = await seekerContext(db, caller.openid);
  const registration = seeker.registration;
  if (countsTowardQuota(course.funding) && !registration) {
    throw new AppError('FORBIDDEN', NEEDS_REGISTRATION);
  }
  if (!registration && !input.contact) {
    throw new AppError('VALIDATION', '请填写联系人姓名和手机号，培训机构会与您联系', {
      contact: '请填写联系人姓名和手机号',
    });
  }
  const { booking, outcome } = await bookSeat(
    db,
    course,
    {
      openid: caller.openid,
      registrationId: registration?._id ?? null,
      person: seeker.person,
      name: registration ? (registration.identity.name ?? '') : input.contact!.name,
      mobile: registration ? (registration.identity.mobile ?? '') : input.contact!.mobile,
    },
    now,
  );
  const view = await oneView(db, booking, now);
  const quota = quotaView(await usedQuota(db, seeker, now), registration !== null, now);
  const message =
    outcome === 'confirmed'
      ? `报名成功！请按时参加培训。${booking.countsQuota ? quota.text : ''}`
      : `名额已满，您已进入候补（第${view.waitPosition ?? 1}位）。有人取消时按顺序递补，我们会通知您在期限内确认。`;
  return { booking: view, quota, outcome, message };
};

export const cancel: Handler<'training', 'cancel'> = async (input, ctx) => {
  const { caller, db, now } = ctx;
  const booking = ownBooking(ctx, await bookingsRepo(db).find(input.bookingId));
  const course = await coursesRepo(db).find(booking.courseId);
  if (!course) throw new AppError('NOT_FOUND', COURSE_MISSING);
  const countedBefore = booking.quotaYear !== null;
  const cancelled = await cancelBooking(
    db,
    booking,
    course,
    { openid: caller.openid, role: 'seeker' },
    input.reason,
    now,
  );
  const seeker = await seekerContext(db, caller.openid);
  const released =
    countedBefore && now < new Date(course.startsAt) && booking.status === 'confirmed';
  return {
    booking: await oneView(db, cancelled, now),
    quota: quotaView(await usedQuota(db, seeker, now), seeker.registration !== null, now),
    message: released ? '已取消报名，退回1次免费培训次数' : '已取消',
  };
};

export const acceptSeat: Handler<'training', 'acceptSeat'> = async (input, ctx) => {
  const { caller, db, now } = ctx;
  const booking = ownBooking(ctx, await bookingsRepo(db).find(input.bookingId));
  const confirmed = await acceptPromotion(db, booking, now);
  const seeker = await seekerContext(db, caller.openid);
  return {
    booking: await oneView(db, confirmed, now),
    quota: quotaView(await usedQuota(db, seeker, now), seeker.registration !== null, now),
  };
};

const UPCOMING_ORDER = ['promoted', 'confirmed', 'waitlisted', 'booked'];

export const myBookings: Handler<'training', 'myBookings'> = async (_input, ctx) => {
  const { caller, db, now } = ctx;
  const bookings = await bookingsRepo(db).ofOpenid(caller.openid);
  const views = await bookingViewsOf(db, bookings, now);
  const rank = (status: string) => {
    const i = UPCOMING_ORDER.indexOf(status);
    return i === -1 ? UPCOMING_ORDER.length : i;
  };
  views.sort(
    (a, b) =>
      rank(a.status) - rank(b.status) ||
      (rank(a.status) < UPCOMING_ORDER.length
        ? a.startsAt.localeCompare(b.startsAt)
        : b.startsAt.localeCompare(a.startsAt)) ||
      b.bookedAt.localeCompare(a.bookedAt),
  );
  const seeker = await seekerContext(db, caller.openid);
  return {
    bookings: views,
    quota: quotaView(await usedQuota(db, seeker, now), seeker.registration !== null, now),
    seatNoticeTemplateId: templateId('trainingSeat', process.env),
  };
};
