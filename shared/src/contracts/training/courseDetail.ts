import { z } from '../../zod';
import { defineAction } from '../define';

import {
  bookingViewSchema,
  courseDetailSchema,
  quotaViewSchema,
  trainingIdSchema,
} from './schemas';

export const courseDetail = defineAction({
  fn: 'training',
  action: 'courseDetail',
  title: '求职者查看课程详情、本人的报名和可否报名',
  input: z.strictObject({ courseId: trainingIdSchema }),
  output: z.object({
    course: courseDetailSchema,
    /** The caller's current booking of this course, if any. */
    booking: bookingViewSchema.nullable(),
    quota: quotaViewSchema,
    /** Why the person cannot book now; null when they can. */
    blocker: z.string().nullable(),
    /** A booking now would be waitlisted (no seat left, the waitlist still open). */
    wouldWait: z.boolean(),
    /** Contact details are needed (no open registration; a paid course). */
    needsContact: z.boolean(),
    /** The subscription template of the waitlist-promotion notice, for requestSubscribeMessage. */
    seatNoticeTemplateId: z.string(),
  }),
  roles: ['citizen'],
  example: { courseId: 'course-example' },
  writes: false,
});
