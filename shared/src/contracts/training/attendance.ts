import { z } from '../../zod';
import { defineAction } from '../define';

import { rosterRowSchema, staffCourseRowSchema, trainingIdSchema } from './schemas';

const MANAGERS = ['employer', 'caseworker', 'supervisor'] as const;
const MAX_MARKS = 200;

/** The people booked on a course, for attendance and results (reading it is audited). */
export const roster = defineAction({
  fn: 'training',
  action: 'roster',
  title: '工作人员或培训机构查看课程名单（报名、候补、考勤、结业）',
  input: z.strictObject({ courseId: trainingIdSchema }),
  output: z.object({
    course: staffCourseRowSchema,
    bookings: z.array(rosterRowSchema),
    /** Attendance can be recorded (the course has started). */
    canMarkAttendance: z.boolean(),
    /** Results can be recorded (the last session's day has come). */
    canRecordResults: z.boolean(),
  }),
  roles: MANAGERS,
  example: { courseId: 'course-example' },
  // Reading people's names and phone numbers is audited.
  writes: true,
});

export const recordAttendance = defineAction({
  fn: 'training',
  action: 'recordAttendance',
  title: '工作人员或培训机构登记考勤（参训或未到课，结业前可更正）',
  input: z.strictObject({
    courseId: trainingIdSchema,
    marks: z
      .array(z.strictObject({ bookingId: trainingIdSchema, present: z.boolean() }))
      .min(1, { error: '请至少登记1人' })
      .max(MAX_MARKS, { error: `一次最多登记${MAX_MARKS}人` }),
  }),
  output: z.object({ updated: z.number().int(), bookings: z.array(rosterRowSchema) }),
  roles: MANAGERS,
  example: { courseId: 'course-example', marks: [{ bookingId: 'booking-example', present: true }] },
  writes: true,
});

/** Pass or fail; a pass opens a certificate task due within 2 months (000 §3(7)). */
export const recordResults = defineAction({
  fn: 'training',
  action: 'recordResults',
  title: '工作人员或培训机构登记考核结果（合格即生成2个月内发证的任务）',
  input: z.strictObject({
    courseId: trainingIdSchema,
    results: z
      .array(z.strictObject({ bookingId: trainingIdSchema, passed: z.boolean() }))
      .min(1, { error: '请至少登记1人' })
      .max(MAX_MARKS, { error: `一次最多登记${MAX_MARKS}人` }),
  }),
  output: z.object({
    updated: z.number().int(),
    certificatesOpened: z.number().int(),
    bookings: z.array(rosterRowSchema),
  }),
  roles: MANAGERS,
  example: {
    courseId: 'course-example',
    results: [{ bookingId: 'booking-example', passed: true }],
  },
  writes: true,
});
