import { z } from '../../zod';
import { defineAction } from '../define';

import { preferencesSchema, recommendationSchema } from './schemas';

export const mine = defineAction({
  fn: 'matching',
  action: 'mine',
  title: '为您推荐：按求职意向挑选的岗位及推荐理由（未计算或已过时则当场计算）',
  input: z.strictObject({}),
  output: z.object({
    /** 'ok': recommendations below; otherwise why there are none. */
    state: z.enum(['ok', 'notRegistered', 'personalisationOff', 'consentWithdrawn']),
    /** What to tell the person: how recommendations work, or how to turn them back on. */
    explanation: z.string(),
    items: z.array(recommendationSchema),
    extras: z.object({
      publicWelfare: recommendationSchema.nullable(),
      internship: recommendationSchema.nullable(),
    }),
    /** ISO; null when nothing was computed. */
    computedAt: z.string().nullable(),
    preferences: preferencesSchema,
  }),
  roles: ['citizen'],
  example: {},
  writes: true,
});
