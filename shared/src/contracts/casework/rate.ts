import { z } from '../../zod';
import { defineAction } from '../define';

import { ratingSchema, requestIdSchema, threadSchema } from './schemas';

export const rate = defineAction({
  fn: 'casework',
  action: 'rate',
  title: '市民评价已结束的求助（差评转业务主管复核）',
  input: z
    .strictObject({
      requestId: requestIdSchema,
      rating: ratingSchema,
      comment: z.string().trim().max(200, { error: '评价不超过200个字' }).default(''),
    })
    .refine((v) => v.rating !== 'poor' || v.comment.length >= 2, {
      error: '选择“差”时请写明原因，业务主管会复核',
      path: ['comment'],
    }),
  output: threadSchema,
  roles: ['citizen'],
  example: { requestId: 'req-example', rating: 'good', comment: '解答很清楚' },
  writes: true,
});
