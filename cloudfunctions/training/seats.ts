/**
 * Seats, the waitlist and the free quota under concurrency. Every change that takes or frees a
 * seat reads and writes the course's seat counter (`training_seats`) in the same transaction as
 * the booking, and a counted free training reads and writes the person's quota counter there too:
 * concurrent bookings serialise on those documents (a racing writer conflicts and retries), so 50
 * people booking the last seat at once give exactly one confirmed booking. A person's counter for
 * a year is created by the transaction that first counts a training in that year (a missing one
 * reads as 0), so nothing is written for a booking that is refused or only waits.
 *
 * Everything that can refuse is checked before the first write, so a refusal writes nothing; the
 * transaction checks the same again on what it reads. Giving a freed seat to the next person is
 * done after the change that freed it has been saved, and never turns that change into an error:
 * if it fails, the daily timer gives the seat out.
 */
import { AppError, formatShanghai } from '@nuanxin/shared';
import { trainingSeatData } from '@nuanxin/shared';
import {
  countsTowardQuota,
  deadlineText,
  hasQuotaLeft,
  promotionDeadline,
  quotaExhaustedMessage,
  quotaKey,
  quotaYear,
  transitionBooking,
  type BookingActor,
  type BookingEvent,
  type BookingStatus,
} from '@nuanxin/shared/src/training';

import {
  activeBookingKey,
  bookingLogRepo,
  bookingsRepo,
  closedBookingKey,
  isDuplicateWrite,
  notify,
  quotaRepo,
  seatsRepo,
  transaction,
  type BookingRecord,
  type CourseRecord,
  type Database,
  type NewBooking,
  type SeatsRecord,
  type Store,
} from '../_lib';

export const ALREADY_BOOKED = '您已报名这门课程，可在“我的培训”中查看';
export const FULL = '这门课程的名额和候补都已满，请选择其他课程';
export const CHANGED = '报名状态刚刚有变化，请刷新后重试';
export const COURSE_CANCELLED = '这门课程已取消，不能报名';
export const MY_BOOKINGS_PAGE = 'packages/seeker/training/bookings/index';
/** Why the system takes a waiting person off the list when a seat would come to them. */
export const QUOTA_USED_UP = '今年的免费培训次数已用完，已取消候补';

export interface Actor {
  openid: string | null;
  role: BookingActor;
}

export const SYSTEM: Actor = { openid: null, role: 'system' };

export interface Seeker {
  openid: string;
  registrationId: string | null;
  /** Whose quota: the ID number's HMAC, or 'openid:<openid>' without a registration. */
  person: string;
  name: string;
  mobile: string;
}

function move(from: BookingStatus, event: BookingEvent) {
  const moved = transitionBooking(from, event);
  if (!moved.ok) throw new AppError('CONFLICT', moved.reason);
  return moved;
}

async function log(
  tx: Store,
  booking: Pick<BookingRecord, '_id' | 'courseId'>,
  actor: Actor,
  event: string,
  from: BookingStatus | null,
  to: BookingStatus,
  reason: string | null,
  now: Date,
): Promise<void> {
  await bookingLogRepo(tx).append({
    bookingId: booking._id,
    courseId: booking.courseId,
    at: now,
    actorOpenid: actor.openid,
    actorRole: actor.role,
    event,
    from,
    to,
    reason,
  });
}

function counter(seats: SeatsRecord | null, courseId: string): SeatsRecord {
  // Every course gets its counter in the transaction that creates it.
  if (!seats) throw new Error(`training_seats/${courseId} is missing`);
  return seats;
}

/**
 * Books a seat for the person, or a place on the waitlist. The caller has checked the course is
 * open for enrolment and the person may book it.
 */
export async function bookSeat(
  db: Database,
  course: CourseRecord,
  seeker: Seeker,
  now: Date,
): Promise<{ booking: BookingRecord; outcome: 'confirmed' | 'waitlisted' }> {
  const countsQuota = countsTowardQuota(course.funding);
  const year = quotaYear(now);
  const qKey = quotaKey(seeker.person, year);
  const bookings = bookingsRepo(db);
  if (await bookings.active(course._id, seeker.openid)) {
    throw new AppError('CONFLICT', ALREADY_BOOKED);
  }
  if (countsQuota && !hasQuotaLeft(await quotaRepo(db).used(qKey))) {
    throw new AppError('QUOTA_EXCEEDED', quotaExhaustedMessage(now));
  }
  const seen = counter(await seatsRepo(db).find(course._id), course._id);
  if (seen.cancelled) throw new AppError('CONFLICT', COURSE_CANCELLED);
  if (seen.taken >= seen.capacity && seen.waiting >= seen.waitlistLimit) {
    throw new AppError('CONFLICT', FULL);
  }

  try {
    return await transaction(db, async (tx) => {
      const seats = counter(await seatsRepo(tx).get(course._id), course._id);
      if (seats.cancelled) throw new AppError('CONFLICT', COURSE_CANCELLED);
      const quota = countsQuota ? await quotaRepo(tx).get(qKey) : null;
      const free = seats.taken < seats.capacity;
      if (!free && seats.waiting >= seats.waitlistLimit) throw new AppError('CONFLICT', FULL);
      if (countsQuota && !hasQuotaLeft(quota?.used ?? 0)) {
        throw new AppError('QUOTA_EXCEEDED', quotaExhaustedMessage(now));
      }
      const moved = move('booked', free ? { type: 'confirm', countsQuota } : { type: 'waitlist' });
      const record: NewBooking = {
        courseId: course._id,
        courseTitle: course.title,
        institutionId: course.institutionId,
        township: course.township,
        openid: seeker.openid,
        registrationId: seeker.registrationId,
        person: seeker.person,
        name: seeker.name,
        mobile: seeker.mobile,
        status: moved.to,
        // The unique index lets one of any number of concurrent bookings of one person have it.
        activeKey: activeBookingKey(course._id, seeker.openid),
        countsQuota,
        quotaYear: free && countsQuota ? year : null,
        waitSeq: free ? null : seats.nextWaitSeq,
        confirmBy: null,
        bookedAt: now,
        confirmedAt: free ? now : null,
        promotedAt: null,
        cancelledAt: null,
        cancelReason: null,
        attendedAt: null,
        resultAt: null,
        updatedAt: now,
      };
      const id = await bookingsRepo(tx).create(record);
      await seatsRepo(tx).put({
        ...seats,
        taken: seats.taken + moved.effects.seats,
        waiting: seats.waiting + moved.effects.waiting,
        nextWaitSeq: free ? seats.nextWaitSeq : seats.nextWaitSeq + 1,
      });
      if (countsQuota && moved.effects.quota > 0) {
        await quotaRepo(tx).put({
          _id: qKey,
          person: seeker.person,
          year,
          used: (quota?.used ?? 0) + moved.effects.quota,
        });
      }
      const booking = { ...record, _id: id };
      const actor: Actor = { openid: seeker.openid, role: 'seeker' };
      await log(tx, booking, actor, 'apply', null, 'booked', null, now);
      await log(
        tx,
        booking,
        actor,
        free ? 'confirm' : 'waitlist',
        'booked',
        moved.to,
        free ? null : `名额已满，候补第${seats.waiting + 1}位`,
        now,
      );
      return { booking, outcome: free ? ('confirmed' as const) : ('waitlisted' as const) };
    });
  } catch (error) {
    if (isDuplicateWrite(error)) throw new AppError('CONFLICT', ALREADY_BOOKED);
    throw error;
  }
}

/**
 * Cancels a booking (by the person). A counted free training is given back when the course has
 * not started; a freed seat goes to the first person waiting.
 */
export async function cancelBooking(
  db: Database,
  booking: BookingRecord,
  course: CourseRecord,
  actor: Actor,
  reason: string,
  now: Date,
): Promise<BookingRecord> {
  const beforeStart = now < new Date(course.startsAt);
  const event: BookingEvent = { type: 'cancel', beforeStart, counted: booking.quotaYear !== null };
  const moved = move(booking.status, event);
  const qKey = booking.quotaYear ? quotaKey(booking.person, booking.quotaYear) : null;
  const cancelled: BookingRecord = {
    ...booking,
    status: moved.to,
    activeKey: closedBookingKey(booking._id),
    cancelledAt: now,
    cancelReason: reason || (actor.role === 'seeker' ? '本人取消' : null),
    updatedAt: now,
  };
  await transaction(db, async (tx) => {
    const current = await bookingsRepo(tx).get(booking._id);
    if (!current || current.status !== booking.status) throw new AppError('CONFLICT', CHANGED);
    const seats = counter(await seatsRepo(tx).get(course._id), course._id);
    const quota = qKey && moved.effects.quota !== 0 ? await quotaRepo(tx).get(qKey) : null;
    const { _id, ...rest } = cancelled;
    await bookingsRepo(tx).update(_id, rest);
    await seatsRepo(tx).put({
      ...seats,
      taken: Math.max(0, seats.taken + moved.effects.seats),
      waiting: Math.max(0, seats.waiting + moved.effects.waiting),
    });
    if (quota)
      await quotaRepo(tx).put({ ...quota, used: Math.max(0, quota.used + moved.effects.quota) });
    await log(
      tx,
      booking,
      actor,
      'cancel',
      booking.status,
      moved.to,
      [cancelled.cancelReason, moved.effects.quota < 0 ? '开课前取消，退回1次免费培训' : null]
        .filter(Boolean)
        .join('；') || null,
      now,
    );
  });
  if (moved.effects.seats < 0 && beforeStart) await promoteAfter(db, course, now, 'cancel');
  return cancelled;
}

/**
 * Cancels one booking because its course was cancelled: the seat or waitlist place goes, and a
 * counted free training is given back (the training did not take place). Returns the status it
 * had, or null when there was nothing to cancel (already cancelled, or finished).
 */
export async function cancelForCourse(
  db: Database,
  booking: BookingRecord,
  course: CourseRecord,
  actor: Actor & { label: string },
  reason: string,
  now: Date,
): Promise<BookingStatus | null> {
  return transaction(db, async (tx) => {
    const current = await bookingsRepo(tx).get(booking._id);
    if (!current) return null;
    const counted = current.quotaYear !== null;
    const moved = transitionBooking(current.status, { type: 'courseCancel', counted });
    if (!moved.ok) return null;
    const seats = counter(await seatsRepo(tx).get(course._id), course._id);
    const qKey = current.quotaYear ? quotaKey(current.person, current.quotaYear) : null;
    const quota = qKey && moved.effects.quota !== 0 ? await quotaRepo(tx).get(qKey) : null;
    await bookingsRepo(tx).update(current._id, {
      status: moved.to,
      activeKey: closedBookingKey(current._id),
      cancelledAt: now,
      cancelReason: `课程已取消：${reason}`,
      updatedAt: now,
    });
    await seatsRepo(tx).put({
      ...seats,
      taken: Math.max(0, seats.taken + moved.effects.seats),
      waiting: Math.max(0, seats.waiting + moved.effects.waiting),
    });
    if (quota) {
      await quotaRepo(tx).put({ ...quota, used: Math.max(0, quota.used + moved.effects.quota) });
    }
    await log(
      tx,
      current,
      actor,
      'courseCancel',
      current.status,
      moved.to,
      [
        actor.label ? `${actor.label}：${reason}` : reason,
        quota ? '课程取消，退回1次免费培训' : null,
      ]
        .filter(Boolean)
        .join('；'),
      now,
    );
    return current.status;
  });
}

/** The promoted person confirms the seat held for them: now their free training counts. */
export async function acceptPromotion(
  db: Database,
  booking: BookingRecord,
  now: Date,
): Promise<BookingRecord> {
  const countsQuota = booking.countsQuota;
  const year = quotaYear(now);
  const qKey = quotaKey(booking.person, year);
  const moved = move(booking.status, { type: 'confirm', countsQuota });
  if (!booking.confirmBy || now > new Date(booking.confirmBy)) {
    throw new AppError('CONFLICT', '已超过确认期限，名额将让给下一位候补');
  }
  if (countsQuota && !hasQuotaLeft(await quotaRepo(db).used(qKey))) {
    throw new AppError('QUOTA_EXCEEDED', quotaExhaustedMessage(now));
  }
  const confirmed: BookingRecord = {
    ...booking,
    status: moved.to,
    quotaYear: countsQuota ? year : null,
    confirmedAt: now,
    updatedAt: now,
  };
  await transaction(db, async (tx) => {
    const current = await bookingsRepo(tx).get(booking._id);
    if (!current || current.status !== 'promoted') throw new AppError('CONFLICT', CHANGED);
    const quota = countsQuota ? await quotaRepo(tx).get(qKey) : null;
    if (countsQuota && !hasQuotaLeft(quota?.used ?? 0)) {
      throw new AppError('QUOTA_EXCEEDED', quotaExhaustedMessage(now));
    }
    const { _id, ...rest } = confirmed;
    await bookingsRepo(tx).update(_id, rest);
    if (countsQuota) {
      await quotaRepo(tx).put({
        _id: qKey,
        person: booking.person,
        year,
        used: (quota?.used ?? 0) + 1,
      });
    }
    await log(
      tx,
      booking,
      { openid: booking.openid, role: 'seeker' },
      'confirm',
      'promoted',
      moved.to,
      '确认参加（候补递补）',
      now,
    );
  });
  return confirmed;
}

/** A promoted seat not confirmed by its deadline goes back, and on to the next person. */
export async function lapsePromotion(
  db: Database,
  booking: BookingRecord,
  course: CourseRecord | null,
  now: Date,
): Promise<boolean> {
  const moved = transitionBooking(booking.status, { type: 'lapse' });
  if (!moved.ok || !booking.confirmBy || new Date(booking.confirmBy) > now) return false;
  const lapsed = await transaction(db, async (tx) => {
    const current = await bookingsRepo(tx).get(booking._id);
    if (!current || current.status !== 'promoted') return false;
    const seats = counter(await seatsRepo(tx).get(booking.courseId), booking.courseId);
    await bookingsRepo(tx).update(booking._id, {
      status: moved.to,
      activeKey: closedBookingKey(booking._id),
      updatedAt: now,
    });
    await seatsRepo(tx).put({ ...seats, taken: Math.max(0, seats.taken + moved.effects.seats) });
    await log(
      tx,
      booking,
      SYSTEM,
      'lapse',
      'promoted',
      moved.to,
      `未在${formatShanghai(booking.confirmBy!, 'M月D日 HH:mm')}前确认`,
      now,
    );
    return true;
  });
  if (lapsed && course) await promoteAfter(db, course, now, 'lapse');
  return lapsed;
}

/**
 * fillSeats after a change that is already saved (a cancel, a lapse, a course edit): a failure
 * is logged, not thrown, so the person who made the change is not told it failed; the daily
 * timer gives out seats still free while people wait.
 */
export async function promoteAfter(
  db: Database,
  course: CourseRecord,
  now: Date,
  after: string,
): Promise<BookingRecord[]> {
  try {
    return await fillSeats(db, course, now);
  } catch (error) {
    console.error(
      `[training] promoting the waitlist of ${course._id} after ${after} failed`,
      error,
    );
    return [];
  }
}

/**
 * Gives free seats to the people waiting, first come first served, each until the end of the
 * next day to confirm (never after the course starts), and tells each of them. A waiting person
 * whose free trainings for the year are used up is taken off the list instead. Nothing happens
 * once the course has started. Returns the bookings promoted.
 */
export async function fillSeats(
  db: Database,
  course: CourseRecord,
  now: Date,
): Promise<BookingRecord[]> {
  const promoted: BookingRecord[] = [];
  // Bounded: a few rounds per free seat is plenty; the daily timer picks up anything left.
  for (let round = 0; round < 20; round += 1) {
    if (now >= new Date(course.startsAt)) break;
    const seen = await seatsRepo(db).find(course._id);
    if (!seen || seen.cancelled || seen.taken >= seen.capacity || seen.waiting <= 0) break;
    const head = await bookingsRepo(db).waitlistHead(course._id, 5);
    if (head.length === 0) break;
    const year = quotaYear(now);
    const outcome = await transaction(db, async (tx) => {
      const seats = counter(await seatsRepo(tx).get(course._id), course._id);
      if (seats.cancelled || seats.taken >= seats.capacity) return { done: true, booking: null };
      let waiting = seats.waiting;
      for (const candidate of head) {
        const b = await bookingsRepo(tx).get(candidate._id);
        if (!b || b.status !== 'waitlisted') continue;
        const quota = b.countsQuota ? await quotaRepo(tx).get(quotaKey(b.person, year)) : null;
        if (quota && !hasQuotaLeft(quota.used)) {
          const off = move('waitlisted', { type: 'cancel', beforeStart: true, counted: false });
          await bookingsRepo(tx).update(b._id, {
            status: off.to,
            activeKey: closedBookingKey(b._id),
            cancelledAt: now,
            cancelReason: QUOTA_USED_UP,
            updatedAt: now,
          });
          waiting += off.effects.waiting;
          await log(tx, b, SYSTEM, 'cancel', 'waitlisted', off.to, QUOTA_USED_UP, now);
          continue;
        }
        const up = move('waitlisted', { type: 'promote' });
        const confirmBy = promotionDeadline(now, course.startsAt);
        await bookingsRepo(tx).update(b._id, {
          status: up.to,
          promotedAt: now,
          confirmBy,
          updatedAt: now,
        });
        await seatsRepo(tx).put({
          ...seats,
          taken: seats.taken + up.effects.seats,
          waiting: Math.max(0, waiting + up.effects.waiting),
        });
        await log(
          tx,
          b,
          SYSTEM,
          'promote',
          'waitlisted',
          up.to,
          `有名额空出，请在${deadlineText(confirmBy)}前确认`,
          now,
        );
        return {
          done: false,
          booking: { ...b, status: up.to, promotedAt: now, confirmBy, updatedAt: now },
        };
      }
      if (waiting !== seats.waiting)
        await seatsRepo(tx).put({ ...seats, waiting: Math.max(0, waiting) });
      return { done: false, booking: null };
    });
    if (outcome.booking) {
      promoted.push(outcome.booking);
      await notifyPromotion(db, outcome.booking, course, now);
    }
    if (outcome.done) break;
  }
  return promoted;
}

/** "培训候补递补通知", or the same news in the in-app inbox. */
export async function notifyPromotion(
  db: Store,
  booking: BookingRecord,
  course: CourseRecord,
  now: Date,
): Promise<void> {
  const confirmBy = booking.confirmBy ?? now;
  await notify(
    db,
    {
      openid: booking.openid,
      template: 'trainingSeat',
      data: trainingSeatData({
        courseTitle: course.title,
        startsAt: course.startsAt,
        confirmBy,
        note: '请在截止时间前确认参加',
      }),
      page: MY_BOOKINGS_PAGE,
      title: '培训候补成功，请确认参加',
      body: `您候补的“${course.title}”有名额了，请在${deadlineText(confirmBy)}前打开“我的培训”确认参加；逾期未确认，名额将让给下一位候补。`,
    },
    now,
  );
}
