import { COURSE_EDIT_STATUSES, COURSE_STATUSES } from '../../training/course';
import { z } from '../../zod';
import { defineAction } from '../define';

import {
  courseInput,
  institutionViewSchema,
  staffCourseRowSchema,
  trainingIdSchema,
} from './schemas';

/** 就业中心 staff, supervisors (their townships) and an institution's own account (its courses). */
const MANAGERS = ['employer', 'caseworker', 'supervisor'] as const;

export const manageCourses = defineAction({
  fn: 'training',
  action: 'manageCourses',
  title: '工作人员或培训机构查看可管理的课程（报名、候补、结业人数）',
  input: z.strictObject({
    status: z.enum(COURSE_STATUSES).nullable().default(null),
    /** Also courses that have ended. */
    includePast: z.boolean().default(false),
  }),
  output: z.object({
    courses: z.array(staffCourseRowSchema),
    /** The caller's institution when they are one; null for staff. */
    institution: institutionViewSchema.nullable(),
    /** Why the caller has nothing to manage (e.g. an employer not linked to an institution). */
    notice: z.string().nullable(),
    canCreate: z.boolean(),
  }),
  roles: MANAGERS,
  example: {},
  writes: false,
});

/** One course with every field, for the editor. */
export const staffCourse = defineAction({
  fn: 'training',
  action: 'staffCourse',
  title: '工作人员或培训机构打开一门课程以修改',
  input: z.strictObject({ courseId: trainingIdSchema }),
  output: z.object({
    course: staffCourseRowSchema.extend({
      sessions: z.array(
        z.object({
          date: z.string(),
          start: z.string(),
          end: z.string(),
          online: z.boolean(),
          topic: z.string(),
        }),
      ),
      address: z.string(),
      waitlistLimit: z.number().int(),
      subsidyRule: z.string(),
      targetGroups: z.array(z.string()),
      description: z.string(),
      contactPhone: z.string(),
      /** What the editor shows as chosen: taking bookings or not (also while in review). */
      editStatus: z.enum(COURSE_EDIT_STATUSES),
    }),
  }),
  roles: MANAGERS,
  example: { courseId: 'course-example' },
  writes: false,
});

/**
 * Publishing or changing a course. The capacity never drops below the seats already taken; a
 * larger capacity promotes people from the waitlist at once. Staff of the 就业中心 publish
 * directly; an institution's new course, or its material change, waits for their review. When
 * the time or place of a course with bookings changes, the people booked are told.
 */
export const saveCourse = defineAction({
  fn: 'training',
  action: 'saveCourse',
  title: '就业中心工作人员或培训机构发布、修改培训课程（机构发布或重要修改需就业中心审核）',
  input: courseInput,
  output: z.object({
    course: staffCourseRowSchema,
    /** '已发布' / '已提交就业中心审核…' / '…已通知N名报名人员'. */
    message: z.string(),
  }),
  roles: MANAGERS,
  example: {
    institutionId: 'institution-example',
    title: '家政服务员（育婴方向）培训班',
    occupationCode: '4-10-01-06',
    level: 'level5',
    sessions: [
      { date: '2099-03-02', start: '09:00', end: '11:30', online: true, topic: '理论' },
      { date: '2099-03-03', start: '09:00', end: '16:00', online: false, topic: '实操' },
    ],
    township: '370811002',
    address: '任城区示例路1号实训楼',
    capacity: 30,
    funding: 'free',
    enrolDeadline: '2099-02-27',
  },
  writes: true,
});

/** 就业中心 staff approve a course an institution submitted, or send it back with the reason. */
export const reviewCourse = defineAction({
  fn: 'training',
  action: 'reviewCourse',
  title: '就业中心审核培训机构提交的课程（通过后求职者可见；不通过须说明原因）',
  input: z.strictObject({
    courseId: trainingIdSchema,
    decision: z.enum(['approve', 'reject'], { error: '请选择通过或不通过' }),
    /** Required to reject; the institution sees it. */
    reason: z.string().trim().max(200, { error: '原因不超过200个字' }).default(''),
  }),
  output: z.object({ course: staffCourseRowSchema }),
  roles: ['caseworker', 'supervisor'],
  example: { courseId: 'course-example', decision: 'approve' },
  writes: true,
});

/**
 * Cancelling a course that will not take place: every booking and waitlist place on it is
 * cancelled, counted free trainings are given back, and each person is told.
 */
export const cancelCourse = defineAction({
  fn: 'training',
  action: 'cancelCourse',
  title: '就业中心或培训机构取消课程（取消全部报名、退回免费培训次数并通知报名人员）',
  input: z.strictObject({
    courseId: trainingIdSchema,
    reason: z
      .string({ error: '请填写取消原因' })
      .trim()
      .min(2, { error: '请填写取消原因（至少2个字），报名人员会看到' })
      .max(100, { error: '取消原因不超过100个字' }),
  }),
  output: z.object({
    course: staffCourseRowSchema,
    /** Bookings and waitlist places cancelled. */
    cancelled: z.number().int(),
    message: z.string(),
  }),
  roles: MANAGERS,
  example: { courseId: 'course-example', reason: '报名人数不足，本期停办' },
  writes: true,
});
