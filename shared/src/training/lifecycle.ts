/**
 * The lifecycle of a training booking (培训报名), as data (house style 1): statuses, events, a
 * transition table and a pure transition that also says what the change does to the course's
 * seat counter and to the person's yearly free-training quota. Handlers apply those effects in
 * the same transaction as the status, and append every change to `training_booking_log`.
 *
 *   booked → confirmed → attended → passed | failed
 *          ↘ waitlisted → promoted → confirmed (accepted) | lapsed (past the confirm deadline)
 *   booked | confirmed | waitlisted | promoted → cancelled (by the person, or because the course
 *   itself was cancelled);  confirmed → noShow
 */

export const BOOKING_STATUSES = [
  'booked',
  'confirmed',
  'waitlisted',
  'promoted',
  'attended',
  'passed',
  'failed',
  'cancelled',
  'noShow',
  'lapsed',
] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

export const BOOKING_STATUS_LABELS: Record<BookingStatus, string> = {
  booked: '已报名',
  confirmed: '已报名成功',
  waitlisted: '候补中',
  promoted: '候补到名额，待确认',
  attended: '已参训',
  passed: '已结业（考核合格）',
  failed: '考核未通过',
  cancelled: '已取消',
  noShow: '未到课',
  lapsed: '未按时确认，名额已让出',
};

/**
 * While a booking is in one of these, the person holds (or waits for) a place on the course, and
 * the unique `activeKey` stops a second booking of the same person for the same course.
 */
export const ACTIVE_BOOKING_STATUSES = [
  'booked',
  'confirmed',
  'waitlisted',
  'promoted',
  'attended',
  'passed',
  'failed',
  'noShow',
] as const satisfies readonly BookingStatus[];

export function isActiveBooking(status: BookingStatus): boolean {
  return (ACTIVE_BOOKING_STATUSES as readonly BookingStatus[]).includes(status);
}

/** Statuses holding one of the course's seats (a promoted person's seat is held for them). */
export const SEAT_HOLDING_STATUSES = [
  'confirmed',
  'promoted',
  'attended',
  'passed',
  'failed',
  'noShow',
] as const satisfies readonly BookingStatus[];

/**
 * A training taken part in to the end, with a result: the "131" skills training of the year
 * (001: at least 1 skills training per unemployed person per year).
 */
export const COMPLETED_BOOKING_STATUSES = [
  'passed',
  'failed',
] as const satisfies readonly BookingStatus[];

export function isCompletedBooking(status: BookingStatus): boolean {
  return (COMPLETED_BOOKING_STATUSES as readonly BookingStatus[]).includes(status);
}

/** Who made a change, for the log and for who may do what. */
export type BookingActor = 'seeker' | 'staff' | 'institution' | 'system';

export type BookingEvent =
  /** A seat was free: taken, and the free-training quota counted when the course is free. */
  | { type: 'confirm'; countsQuota: boolean }
  /** The course was full: placed on its waitlist. */
  | { type: 'waitlist' }
  /** A seat came free and this first waiting person is offered it until `confirmBy`. */
  | { type: 'promote' }
  /** The promoted person did not confirm in time; the seat goes to the next one waiting. */
  | { type: 'lapse' }
  /**
   * Cancelled by the person (or by the system, e.g. a waiting person whose quota ran out).
   * `beforeStart`: the course has not started yet — only then is a counted quota released
   * (000 §3(3) counts trainings taken; a seat given up in time is not one).
   */
  | { type: 'cancel'; beforeStart: boolean; counted: boolean }
  /**
   * The course itself was cancelled by the 就业中心 or the institution: the training does not
   * take place, so a counted free training is always given back.
   */
  | { type: 'courseCancel'; counted: boolean }
  | { type: 'attend' }
  | { type: 'noShow' }
  | { type: 'pass' }
  | { type: 'fail' };

export type BookingEventType = BookingEvent['type'];

export const BOOKING_EVENT_LABELS: Record<BookingEventType | 'apply', string> = {
  apply: '报名',
  confirm: '确认名额',
  waitlist: '进入候补',
  promote: '候补递补',
  lapse: '逾期未确认',
  cancel: '取消报名',
  courseCancel: '课程取消',
  attend: '登记参训',
  noShow: '登记未到课',
  pass: '考核合格',
  fail: '考核未通过',
};

/** What a transition does besides the status: deltas to apply in the same transaction. */
export interface BookingEffects {
  /** Seats held on the course (confirmed + promoted + finished). */
  seats: -1 | 0 | 1;
  /** People on the course's waitlist. */
  waiting: -1 | 0 | 1;
  /** The person's free trainings counted this year. */
  quota: -1 | 0 | 1;
}

export type BookingTransitionResult =
  { ok: true; to: BookingStatus; effects: BookingEffects } | { ok: false; reason: string };

export const BOOKING_TABLE: Record<BookingEventType, Partial<Record<BookingStatus, true>>> = {
  confirm: { booked: true, promoted: true },
  waitlist: { booked: true },
  promote: { waitlisted: true },
  lapse: { promoted: true },
  cancel: { booked: true, confirmed: true, waitlisted: true, promoted: true },
  courseCancel: { booked: true, confirmed: true, waitlisted: true, promoted: true },
  // Attendance can be corrected until the result is recorded.
  attend: { confirmed: true, noShow: true },
  noShow: { confirmed: true, attended: true },
  pass: { attended: true },
  fail: { attended: true },
};

const NONE: BookingEffects = { seats: 0, waiting: 0, quota: 0 };

export function transitionBooking(
  from: BookingStatus,
  event: BookingEvent,
): BookingTransitionResult {
  if (!BOOKING_TABLE[event.type][from]) {
    return {
      ok: false,
      reason: `报名当前状态为“${BOOKING_STATUS_LABELS[from]}”，不能${BOOKING_EVENT_LABELS[event.type]}`,
    };
  }
  switch (event.type) {
    case 'confirm':
      // A promoted person's seat is already held; a new booking takes one now.
      return {
        ok: true,
        to: 'confirmed',
        effects: { seats: from === 'booked' ? 1 : 0, waiting: 0, quota: event.countsQuota ? 1 : 0 },
      };
    case 'waitlist':
      return { ok: true, to: 'waitlisted', effects: { ...NONE, waiting: 1 } };
    case 'promote':
      return { ok: true, to: 'promoted', effects: { seats: 1, waiting: -1, quota: 0 } };
    case 'lapse':
      return { ok: true, to: 'lapsed', effects: { ...NONE, seats: -1 } };
    case 'cancel':
      return {
        ok: true,
        to: 'cancelled',
        effects: {
          seats: from === 'confirmed' || from === 'promoted' ? -1 : 0,
          waiting: from === 'waitlisted' ? -1 : 0,
          quota: from === 'confirmed' && event.counted && event.beforeStart ? -1 : 0,
        },
      };
    case 'courseCancel':
      return {
        ok: true,
        to: 'cancelled',
        effects: {
          seats: from === 'confirmed' || from === 'promoted' ? -1 : 0,
          waiting: from === 'waitlisted' ? -1 : 0,
          quota: from === 'confirmed' && event.counted ? -1 : 0,
        },
      };
    case 'attend':
      return { ok: true, to: 'attended', effects: NONE };
    case 'noShow':
      return { ok: true, to: 'noShow', effects: NONE };
    case 'pass':
      return { ok: true, to: 'passed', effects: NONE };
    case 'fail':
      return { ok: true, to: 'failed', effects: NONE };
  }
}
