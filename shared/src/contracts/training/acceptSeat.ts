import { z } from '../../zod';
import { defineAction } from '../define';

import { bookingViewSchema, quotaViewSchema, trainingIdSchema } from './schemas';

export const acceptSeat = defineAction({
  fn: 'training',
  action: 'acceptSeat',
  title: '候补到名额的求职者在期限内确认参加',
  input: z.strictObject({ bookingId: trainingIdSchema }),
  output: z.object({ booking: bookingViewSchema, quota: quotaViewSchema }),
  roles: ['citizen'],
  example: { bookingId: 'booking-example' },
  writes: true,
});
