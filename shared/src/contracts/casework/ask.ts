import { z } from '../../zod';
import { defineAction } from '../define';
import { townshipCodeSchema } from '../user/common';

import { photoFileIdSchema, requestKindSchema, requestViewSchema } from './schemas';

export const ask = defineAction({
  fn: 'casework',
  action: 'ask',
  title: '市民向包保责任人求助（无责任人时转业务主管），可附一张照片',
  input: z.strictObject({
    kind: requestKindSchema,
    text: z
      .string()
      .trim()
      .min(5, { error: '请把您的问题写清楚一些（至少5个字）' })
      .max(500, { error: '内容不超过500个字' }),
    /** Only for someone without a registration: where they live, to reach the right staff. */
    township: townshipCodeSchema.optional(),
    /** An optional photo, uploaded first into the caller's own folder (`myRequests.photoFolder`). */
    photo: photoFileIdSchema.optional(),
  }),
  output: z.object({ request: requestViewSchema }),
  roles: ['citizen'],
  example: { kind: 'policy', text: '请问失业保险金每个月什么时候发放？' },
  writes: true,
});
