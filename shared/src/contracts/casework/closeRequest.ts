import { z } from '../../zod';
import { defineAction } from '../define';

import { requestIdSchema, threadSchema } from './schemas';

export const closeRequest = defineAction({
  fn: 'casework',
  action: 'closeRequest',
  title: '结束求助（工作人员答复后，或市民本人）',
  input: z.strictObject({
    requestId: requestIdSchema,
    note: z.string().trim().max(200, { error: '备注不超过200个字' }).default(''),
  }),
  output: threadSchema,
  roles: ['citizen', 'caseworker', 'supervisor'],
  example: { requestId: 'req-example' },
  writes: true,
});
