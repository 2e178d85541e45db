import { z } from '../../zod';
import { defineAction } from '../define';

import { inboxItemSchema, requestStatusSchema } from './schemas';

export const inbox = defineAction({
  fn: 'casework',
  action: 'inbox',
  title: '待办工单：包保对象的求助；主管另看未分配人员的、超时的和差评的',
  input: z.strictObject({
    /** Default: open and answered (not yet closed). */
    status: requestStatusSchema.optional(),
  }),
  output: z.object({
    requests: z.array(inboxItemSchema),
    counts: z.object({ open: z.number().int(), overdue: z.number().int() }),
    /** The first answer is due within this ("1个工作日", configured per deployment). */
    answerWithin: z.string(),
  }),
  roles: ['caseworker', 'supervisor'],
  example: {},
  writes: true,
});
