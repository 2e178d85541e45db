import { z } from '../../zod';
import { defineAction } from '../define';

import { requestIdSchema } from './schemas';

export const closeReview = defineAction({
  fn: 'casework',
  action: 'closeReview',
  title: '业务主管完成差评复核（写明处理结果）',
  input: z.strictObject({
    requestId: requestIdSchema,
    note: z
      .string()
      .trim()
      .min(2, { error: '请写明复核和处理结果' })
      .max(200, { error: '不超过200个字' }),
  }),
  output: z.object({ requestId: z.string(), review: z.literal('done') }),
  roles: ['supervisor'],
  example: { requestId: 'req-example', note: '已电话回访市民，重新解释了申领条件' },
  writes: true,
});
