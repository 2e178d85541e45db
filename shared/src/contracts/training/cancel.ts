import { z } from '../../zod';
import { defineAction } from '../define';

import { bookingViewSchema, quotaViewSchema, trainingIdSchema } from './schemas';

/**
 * The person gives up a booking, a waitlist place or a seat offered to them. Before the course
 * starts a counted free training is given back; a freed seat goes to the first person waiting.
 */
export const cancel = defineAction({
  fn: 'training',
  action: 'cancel',
  title: '求职者取消报名或候补（开课前取消退回免费次数，空出的名额递补给候补第一位）',
  input: z.strictObject({
    bookingId: trainingIdSchema,
    reason: z.string().trim().max(100, { error: '原因不超过100个字' }).default(''),
  }),
  output: z.object({ booking: bookingViewSchema, quota: quotaViewSchema, message: z.string() }),
  roles: ['citizen'],
  example: { bookingId: 'booking-example' },
  writes: true,
});
