import { z } from '../../zod';
import { defineAction } from '../define';

import { requestIdSchema, threadSchema } from './schemas';

/**
 * The citizen adds to their own request while it is not closed (补充说明/追问): the addition joins
 * the thread, an answered request waits for staff again with its deadline counted from the
 * addition, and whoever answers it is told.
 */
export const addToRequest = defineAction({
  fn: 'casework',
  action: 'addToRequest',
  title: '市民补充说明自己的求助（未结束时；已答复的重新等待答复）',
  input: z.strictObject({
    requestId: requestIdSchema,
    text: z
      .string({ error: '请填写补充内容' })
      .trim()
      .min(2, { error: '请填写补充内容（至少2个字）' })
      .max(500, { error: '补充内容不超过500个字' }),
  }),
  output: threadSchema,
  roles: ['citizen'],
  example: { requestId: 'req-example', text: '补充一下：我是去年12月离职的。' },
  writes: true,
});
