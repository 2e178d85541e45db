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
    /**
     * For a vacancy: the content version the staff member looked at (the row's `version`). When
     * the employer changed the ad since, the decision is refused (CONFLICT) and must be made again
     * on the new text. null: the version read when the decision arrives.
     */
    version: z.number().int().min(0).nullable().default(null),
  }),
  output: z.object({ status: z.string(), statusLabel: z.string(), published: z.number().int() }),
  roles: ['caseworker', 'supervisor'],
  example: { kind: 'vacancy', id: 'vacancy-example', decision: 'approve' },
  writes: true,
});
