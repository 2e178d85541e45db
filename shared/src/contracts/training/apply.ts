import { z } from '../../zod';
import { defineAction } from '../define';

import {
  bookingViewSchema,
  quotaViewSchema,
  trainingIdSchema,
  trainingPhoneSchema,
} from './schemas';

/**
 * Booking a seat: confirmed while a seat is free (the free quota counted now), otherwise on the
 * waitlist while it has room; never more confirmed than the course's capacity, however many book
 * at once (the seat counter is read and written in one transaction).
 */
export const apply = defineAction({
  fn: 'training',
  action: 'apply',
  title: '求职者报名培训课程（有名额即确认，满员进入候补）',
  input: z.strictObject({
    courseId: trainingIdSchema,
    /** Only for a paid course booked without an open registration: who to contact. */
    contact: z
      .strictObject({
        name: z
          .string()
          .trim()
          .min(2, { error: '请填写姓名' })
          .max(20, { error: '姓名不超过20个字' }),
        mobile: trainingPhoneSchema,
      })
      .nullable()
      .default(null),
  }),
  output: z.object({
    booking: bookingViewSchema,
    quota: quotaViewSchema,
    outcome: z.enum(['confirmed', 'waitlisted']),
    /** What happened, in a sentence for the person. */
    message: z.string(),
  }),
  roles: ['citizen'],
  example: { courseId: 'course-example' },
  writes: true,
});
