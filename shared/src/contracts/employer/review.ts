import { z } from '../../zod';
import { defineAction } from '../define';

import { idSchema } from './schemas';

export const review = defineAction({
  fn: 'employer',
  action: 'review',
  title: '市场服务中心核验企业或审核岗位（通过，或说明不通过的原因）',
  input: z.strictObject({
    kind: z.enum(['company', 'vacancy']),
    id: idSchema,
    decision: z.enum(['approve', 'reject']),
    /** Required to reject; the employer sees it. */
    reason: z.string().trim().max(200, { error: '原因不超过200个字' }).default(''),
  }),
  output: z.object({ status: z.string(), statusLabel: z.string(), published: z.number().int() }),
  roles: ['caseworker', 'supervisor'],
  example: { kind: 'vacancy', id: 'vacancy-example', decision: 'approve' },
  writes: true,
});
