/**
 * A course's own state beyond editing: the 就业中心's review of the courses institutions submit
 * (most are paid for by the public purse, so seekers see them only once staff approve), and
 * cancelling a course that will not take place — every booking and waitlist place on it is
 * cancelled and logged, counted free trainings are given back, and each person is told.
 */
import { AppError } from '@nuanxin/shared';
import { COURSE_STATUS_LABELS, type BookingStatus } from '@nuanxin/shared/src/training';

import {
  auditRepo,
  bookingsRepo,
  coursesRepo,
  seatsRepo,
  transaction,
  type BookingRecord,
  type CourseRecord,
  type Handler,
} from '../_lib';

import { courseManager, managerLabel } from './access';
import { tellOfCancellation } from './notices';
import { cancelForCourse, promoteAfter, type Actor } from './seats';
import { managedCourse, rowsFor } from './staff';
import { FINISHED } from './views';

const NOT_REVIEWER = '只有就业中心工作人员和业务主管可以审核培训课程';
const NOT_IN_REVIEW = (course: CourseRecord) =>
  `这门课程当前为“${COURSE_STATUS_LABELS[course.status]}”，不在待审核状态，请刷新后查看`;

export const reviewCourse: Handler<'training', 'reviewCourse'> = async (input, ctx) => {
  const { db, now, caller } = ctx;
  const manager = await courseManager(ctx);
  if (manager.kind !== 'staff') throw new AppError('FORBIDDEN', NOT_REVIEWER);
  const course = await managedCourse(ctx, manager, input.courseId);
  if (course.status !== 'pendingReview') throw new AppError('CONFLICT', NOT_IN_REVIEW(course));
  const approve = input.decision === 'approve';
  if (!approve && input.reason.length < 2) {
    throw new AppError('VALIDATION', '请填写不通过的原因，培训机构会看到', {
      reason: '请填写不通过的原因（至少2个字）',
    });
  }
  const patch: Partial<CourseRecord> = approve
    ? {
        status: course.afterReview ?? 'published',
        afterReview: null,
        reviewNote: null,
        reviewedBy: caller.openid,
        reviewedAt: now,
        updatedAt: now,
      }
    : {
        status: 'rejected',
        reviewNote: input.reason,
        reviewedBy: caller.openid,
        reviewedAt: now,
        updatedAt: now,
      };
  await transaction(db, async (tx) => {
    // Decided (or changed by the institution) meanwhile: refuse rather than overwrite.
    const current = await coursesRepo(tx).get(course._id);
    if (
      !current ||
      current.status !== 'pendingReview' ||
      +current.updatedAt !== +course.updatedAt
    ) {
      throw new AppError('CONFLICT', '这门课程刚刚有变化，请刷新后再审核');
    }
    await coursesRepo(tx).update(course._id, patch);
  });
  await auditRepo(db).append(
    {
      actorOpenid: caller.openid,
      action: 'training.reviewCourse',
      subjectId: course._id,
      detail: { decision: input.decision, reason: input.reason || null },
    },
    now,
  );
  const saved: CourseRecord = { ...course, ...patch };
  // Approved with people already waiting (an edited course that had bookings): seats go to them.
  if (saved.status === 'published') await promoteAfter(db, saved, now, 'reviewCourse');
  const [row] = await rowsFor(ctx, [saved], manager);
  return { course: row! };
};

export const cancelCourse: Handler<'training', 'cancelCourse'> = async (input, ctx) => {
  const { db, now, caller } = ctx;
  const manager = await courseManager(ctx);
  const course = await managedCourse(ctx, manager, input.courseId);
  const bookings = await bookingsRepo(db).ofCourse(course._id);
  const pending = bookings.filter((b) =>
    (['booked', 'confirmed', 'waitlisted', 'promoted'] as BookingStatus[]).includes(b.status),
  );
  if (course.status === 'cancelled' && pending.length === 0) {
    throw new AppError('CONFLICT', '这门课程已取消');
  }
  if (course.status !== 'cancelled') {
    if (bookings.some((b) => FINISHED.includes(b.status))) {
      throw new AppError('CONFLICT', '这门课程已登记考勤或结业，不能取消');
    }
    if (now >= new Date(course.endsAt)) throw new AppError('CONFLICT', '这门课程已结束，不能取消');
  }

  const reason = input.reason;
  if (course.status !== 'cancelled') {
    // The course and its seat counter together: a booking racing this either comes first (and
    // is cancelled below with the rest) or finds the counter cancelled and is refused.
    await transaction(db, async (tx) => {
      const current = await coursesRepo(tx).get(course._id);
      if (!current || current.status === 'cancelled') {
        throw new AppError('CONFLICT', '这门课程已取消');
      }
      const seats = await seatsRepo(tx).get(course._id);
      await coursesRepo(tx).update(course._id, {
        status: 'cancelled',
        cancelReason: reason,
        cancelledBy: caller.openid,
        cancelledAt: now,
        updatedAt: now,
      });
      if (seats) await seatsRepo(tx).put({ ...seats, cancelled: true });
    });
  }
  const cancelledCourse: CourseRecord = {
    ...course,
    status: 'cancelled',
    cancelReason: course.status === 'cancelled' ? (course.cancelReason ?? reason) : reason,
    cancelledBy: course.cancelledBy ?? caller.openid,
    cancelledAt: course.cancelledAt ?? now,
    updatedAt: now,
  };

  // Everyone on it now, including a booking that got in just before the counter was closed.
  const actor: Actor & { label: string } = {
    openid: caller.openid,
    role: manager.kind === 'staff' ? 'staff' : 'institution',
    label: managerLabel(manager),
  };
  const done: { booking: BookingRecord; was: BookingStatus }[] = [];
  for (const booking of await bookingsRepo(db).ofCourse(course._id)) {
    const was = await cancelForCourse(db, booking, cancelledCourse, actor, reason, now);
    if (was) done.push({ booking, was });
  }
  await auditRepo(db).append(
    {
      actorOpenid: caller.openid,
      action: 'training.cancelCourse',
      subjectId: course._id,
      detail: { reason, cancelled: done.length },
    },
    now,
  );
  await tellOfCancellation(db, cancelledCourse, done, reason, now);
  const [row] = await rowsFor(ctx, [cancelledCourse], manager);
  return {
    course: row!,
    cancelled: done.length,
    message:
      done.length > 0 ? `课程已取消，已取消${done.length}人的报名或候补并逐一通知` : '课程已取消',
  };
};
