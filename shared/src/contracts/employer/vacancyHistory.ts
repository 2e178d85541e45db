import { z } from '../../zod';
import { defineAction } from '../define';

import { idSchema } from './schemas';

export const vacancyHistoryEntrySchema = z.object({
  at: z.string(),
  event: z.string(),
  eventLabel: z.string(),
  fromLabel: z.string().nullable(),
  toLabel: z.string(),
  /** '企业：王经理', a staff member's name with their centre, or '系统' (the daily expiry). */
  actor: z.string(),
  /** A rejection's reason, a staff edit's note. */
  reason: z.string().nullable(),
});

export const vacancyHistory = defineAction({
  fn: 'employer',
  action: 'vacancyHistory',
  title: '查看岗位的办理记录（谁、何时、做了什么）',
  input: z.strictObject({ vacancyId: idSchema }),
  output: z.object({ entries: z.array(vacancyHistoryEntrySchema) }),
  roles: ['employer', 'caseworker', 'supervisor'],
  example: { vacancyId: 'vacancy-example' },
  writes: false,
});
