import { z } from '../../zod';
import { defineAction } from '../define';

import { requestIdSchema, threadSchema } from './schemas';

export const answer = defineAction({
  fn: 'casework',
  action: 'answer',
  title: '工作人员答复求助（通知市民）',
  input: z.strictObject({
    requestId: requestIdSchema,
    text: z
      .string()
      .trim()
      .min(2, { error: '请填写答复内容' })
      .max(500, { error: '答复不超过500个字' }),
  }),
  output: threadSchema,
  roles: ['caseworker', 'supervisor'],
  example: { requestId: 'req-example', text: '失业保险金每月15日前发放到您的社保卡。' },
  writes: true,
});
