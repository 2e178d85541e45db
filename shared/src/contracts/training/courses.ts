import { COURSE_STATUSES } from '../../training/course';
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
    }),
  }),
  roles: MANAGERS,
  example: { courseId: 'course-example' },
  writes: false,
});

/**
 * Publishing or changing a course. The capacity never drops below the seats already taken; a
 * larger capacity promotes people from the waitlist at once.
 */
export const saveCourse = defineAction({
  fn: 'training',
  action: 'saveCourse',
  title: '就业中心工作人员或培训机构发布、修改培训课程',
  input: courseInput,
  output: z.object({ course: staffCourseRowSchema }),
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
