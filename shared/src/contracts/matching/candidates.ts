import { z } from '../../zod';
import { defineAction } from '../define';
import { vacancyIdSchema } from '../jobs/schemas';

import { candidateIdSchema, candidateSchema } from './schemas';

export const suggestedCandidates = defineAction({
  fn: 'matching',
  action: 'suggestedCandidates',
  title: '用人单位查看本单位招聘中岗位的推荐人选（仅限同意被推荐的求职者，信息已隐去）',
  input: z.strictObject({ vacancyId: vacancyIdSchema }),
  output: z.object({
    vacancy: z.object({ id: z.string(), title: z.string() }),
    candidates: z.array(candidateSchema),
    /** How the list is made and what is hidden, in plain words. */
    explanation: z.string(),
  }),
  roles: ['employer'],
  example: { vacancyId: 'vacancy-example' },
  writes: false,
});

export const inviteCandidate = defineAction({
  fn: 'matching',
  action: 'inviteCandidate',
  title: '用人单位邀请推荐人选投递岗位（求职者收到消息，每人每岗只邀请一次）',
  input: z.strictObject({ vacancyId: vacancyIdSchema, candidateId: candidateIdSchema }),
  output: z.object({
    /** false: they had been invited to this vacancy before (nothing new was sent). */
    invited: z.boolean(),
    /** How the person was told: a subscription message, or the in-app inbox. */
    delivery: z.enum(['subscription', 'inApp', 'failed']).nullable(),
  }),
  roles: ['employer'],
  example: { vacancyId: 'vacancy-example', candidateId: 'registration-example' },
  writes: true,
});
