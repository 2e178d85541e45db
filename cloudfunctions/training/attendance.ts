/**
 * Attendance and results, recorded by 就业中心 staff or the institution itself. A whole sheet is
 * checked before anything is written (an unknown booking or a move the lifecycle does not allow
 * refuses the sheet); then one transaction writes every change and its log entry. A pass opens
 * the certificate task, due 2 months after the pass (000 §3(7)).
 */
import { AppError, dateKey } from '@nuanxin/shared';
import {
  certificateDueDate,
  sortSessions,
  transitionBooking,
  type BookingEvent,
  type BookingStatus,
} from '@nuanxin/shared/src/training';

import {
  auditRepo,
  bookingLogRepo,
  bookingsRepo,
  certificatesRepo,
  coursesRepo,
  isDuplicateWrite,
  seatsRepo,
  transaction,
  type ActionContext,
  type BookingRecord,
  type CourseRecord,
  type Handler,
} from '../_lib';

import { COURSE_NOT_FOUND, courseManager, managerLabel, manages, type Manager } from './access';
import { CHANGED } from './seats';
import { rosterRows, staffRow } from './views';

async function managedCourse(
  ctx: ActionContext,
): Promise<{ manager: Manager; find: (id: string) => Promise<CourseRecord> }> {
  const manager = await courseManager(ctx);
  return {
    manager,
    async find(id) {
      const course = await coursesRepo(ctx.db).find(id);
      if (!course || !manages(manager, course)) throw new AppError('NOT_FOUND', COURSE_NOT_FOUND);
      return course;
    },
  };
}

const lastDay = (course: CourseRecord) => sortSessions(course.sessions).at(-1)!.date;
const started = (course: CourseRecord, now: Date) => now >= new Date(course.startsAt);
const resultsDue = (course: CourseRecord, now: Date) => dateKey(now) >= lastDay(course);

async function rosterOf(ctx: ActionContext, course: CourseRecord) {
  const bookings = await bookingsRepo(ctx.db).ofCourse(course._id);
  const certificates = await certificatesRepo(ctx.db).ofBookings(bookings.map((b) => b._id));
  return { bookings, rows: rosterRows(bookings, certificates) };
}

async function auditRoster(
  ctx: ActionContext,
  course: CourseRecord,
  action: string,
  count: number,
) {
  await auditRepo(ctx.db).append(
    {
      actorOpenid: ctx.caller.openid,
      action: `training.${action}`,
      subjectId: course._id,
      detail: { count },
    },
    ctx.now,
  );
}

export const roster: Handler<'training', 'roster'> = async (input, ctx) => {
  const { find, manager } = await managedCourse(ctx);
  const course = await find(input.courseId);
  const { bookings, rows } = await rosterOf(ctx, course);
  const seats = await seatsRepo(ctx.db).find(course._id);
  // Names and phone numbers are shown only once the read is on record.
  await auditRoster(ctx, course, 'roster', rows.length);
  const takesPlace = course.status !== 'cancelled';
  return {
    course: staffRow(
      course,
      seats,
      bookings,
      { manages: true, reviews: manager.kind === 'staff' },
      ctx.now,
    ),
    bookings: rows,
    canMarkAttendance: takesPlace && started(course, ctx.now),
    canRecordResults: takesPlace && resultsDue(course, ctx.now),
  };
};

interface Planned {
  booking: BookingRecord;
  event: BookingEvent;
  to: BookingStatus;
}

/** Checks every line against the course's bookings and the lifecycle; writes nothing. */
function plan(
  bookings: readonly BookingRecord[],
  lines: readonly { bookingId: string; event: BookingEvent }[],
  field: string,
): Planned[] {
  const byId = new Map(bookings.map((b) => [b._id, b]));
  const planned: Planned[] = [];
  lines.forEach((line, i) => {
    const booking = byId.get(line.bookingId);
    if (!booking) {
      throw new AppError('VALIDATION', '名单中有不属于这门课程的报名，请刷新后重试', {
        [`${field}.${i}.bookingId`]: '不是这门课程的报名',
      });
    }
    const moved = transitionBooking(booking.status, line.event);
    if (!moved.ok) {
      // Recording the same again is not an error (a second tap, a resent sheet).
      if (booking.status === targetOf(line.event)) return;
      throw new AppError('CONFLICT', `${booking.name}：${moved.reason}`);
    }
    planned.push({ booking, event: line.event, to: moved.to });
  });
  return planned;
}

function targetOf(event: BookingEvent): BookingStatus | null {
  switch (event.type) {
    case 'attend':
      return 'attended';
    case 'noShow':
      return 'noShow';
    case 'pass':
      return 'passed';
    case 'fail':
      return 'failed';
    default:
      return null;
  }
}

async function apply(
  ctx: ActionContext,
  course: CourseRecord,
  manager: Manager,
  planned: readonly Planned[],
): Promise<number> {
  const { db, now } = ctx;
  const actorRole = manager.kind === 'staff' ? 'staff' : 'institution';
  let opened = 0;
  await transaction(db, async (tx) => {
    opened = 0;
    for (const { booking, event, to } of planned) {
      const current = await bookingsRepo(tx).get(booking._id);
      if (!current || current.status !== booking.status) throw new AppError('CONFLICT', CHANGED);
      const patch: Partial<BookingRecord> = { status: to, updatedAt: now };
      if (event.type === 'attend') patch.attendedAt = now;
      if (event.type === 'pass' || event.type === 'fail') patch.resultAt = now;
      await bookingsRepo(tx).update(booking._id, patch);
      await bookingLogRepo(tx).append({
        bookingId: booking._id,
        courseId: course._id,
        at: now,
        actorOpenid: ctx.caller.openid,
        actorRole,
        event: event.type,
        from: booking.status,
        to,
        reason: managerLabel(manager) || null,
      });
      if (event.type === 'pass') {
        await certificatesRepo(tx).create({
          bookingId: booking._id,
          courseId: course._id,
          institutionId: course.institutionId,
          openid: booking.openid,
          registrationId: booking.registrationId,
          name: booking.name,
          courseTitle: course.title,
          institutionName: course.institutionName,
          occupationName: course.occupationName,
          township: course.township,
          passedAt: now,
          dueDate: certificateDueDate(now),
          status: 'open',
          certificateNo: null,
          issuedAt: null,
          issuedBy: null,
          overdueFlaggedAt: null,
        });
        opened += 1;
      }
    }
  }).catch((error: unknown) => {
    // A certificate task already exists for the booking: someone recorded the pass meanwhile.
    if (isDuplicateWrite(error)) throw new AppError('CONFLICT', CHANGED);
    throw error;
  });
  return opened;
}

export const recordAttendance: Handler<'training', 'recordAttendance'> = async (input, ctx) => {
  const { manager, find } = await managedCourse(ctx);
  const course = await find(input.courseId);
  if (!started(course, ctx.now)) {
    throw new AppError('CONFLICT', '课程开课后才能登记考勤');
  }
  const { bookings } = await rosterOf(ctx, course);
  const planned = plan(
    bookings,
    input.marks.map((m) => ({
      bookingId: m.bookingId,
      event: m.present ? ({ type: 'attend' } as const) : ({ type: 'noShow' } as const),
    })),
    'marks',
  );
  if (planned.length > 0) await apply(ctx, course, manager, planned);
  await auditRoster(ctx, course, 'recordAttendance', planned.length);
  const after = await rosterOf(ctx, course);
  return { updated: planned.length, bookings: after.rows };
};

export const recordResults: Handler<'training', 'recordResults'> = async (input, ctx) => {
  const { manager, find } = await managedCourse(ctx);
  const course = await find(input.courseId);
  if (!resultsDue(course, ctx.now)) {
    throw new AppError('CONFLICT', `最后一次课（${lastDay(course)}）当天起才能登记考核结果`);
  }
  const { bookings } = await rosterOf(ctx, course);
  const planned = plan(
    bookings,
    input.results.map((r) => ({
      bookingId: r.bookingId,
      event: r.passed ? ({ type: 'pass' } as const) : ({ type: 'fail' } as const),
    })),
    'results',
  );
  const opened = planned.length > 0 ? await apply(ctx, course, manager, planned) : 0;
  await auditRoster(ctx, course, 'recordResults', planned.length);
  const after = await rosterOf(ctx, course);
  return { updated: planned.length, certificatesOpened: opened, bookings: after.rows };
};
