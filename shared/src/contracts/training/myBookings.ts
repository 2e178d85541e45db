import { z } from '../../zod';
import { defineAction } from '../define';

import { bookingViewSchema, quotaViewSchema } from './schemas';

export const myBookings = defineAction({
  fn: 'training',
  action: 'myBookings',
  title: '求职者查看本人的培训报名、候补和证书，以及今年已用的免费培训次数',
  input: z.strictObject({}),
  output: z.object({
    /** Seats offered from a waitlist first, then upcoming, then past. */
    bookings: z.array(bookingViewSchema),
    quota: quotaViewSchema,
    seatNoticeTemplateId: z.string(),
  }),
  roles: ['citizen'],
  example: {},
  writes: false,
});
