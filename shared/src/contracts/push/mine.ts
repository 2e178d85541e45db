import { z } from '../../zod';
import { defineAction } from '../define';

import { pushViewSchema } from './schemas';

/** The seeker's own pushes of this month and whether WeChat may tell them of the next one. */
export const mine = defineAction({
  fn: 'push',
  action: 'mine',
  title: '本月为我推送的岗位，以及“有新岗位时通知我”是否已开启',
  input: z.strictObject({}),
  output: z.object({
    /** Shanghai month 'YYYY-MM'. */
    month: z.string(),
    pushes: z.array(pushViewSchema),
    /** Subscription messages the person agreed to and has not received yet. */
    remaining: z.number().int().min(0),
    /** The person has an open registration (pushes go to registered seekers only). */
    registered: z.boolean(),
  }),
  roles: ['citizen'],
  example: {},
  writes: false,
});
