import { z } from '../../zod';
import { defineAction } from '../define';

import { certificateTaskSchema, trainingIdSchema } from './schemas';

/** 就业中心 and 职鉴中心 staff, supervisors, and the institution for its own trainees. */
const CERTIFIERS = ['employer', 'caseworker', 'supervisor'] as const;

export const certificates = defineAction({
  fn: 'training',
  action: 'certificates',
  title: '结业证书办理任务（合格后2个月内发证，超期标红）',
  input: z.strictObject({
    filter: z.enum(['open', 'overdue', 'issued', 'all']).default('open'),
  }),
  output: z.object({
    tasks: z.array(certificateTaskSchema),
    counts: z.object({
      open: z.number().int(),
      overdue: z.number().int(),
      issued: z.number().int(),
    }),
  }),
  roles: CERTIFIERS,
  example: { filter: 'overdue' },
  // Reading people's names and phone numbers is audited.
  writes: true,
});

export const issueCertificate = defineAction({
  fn: 'training',
  action: 'issueCertificate',
  title: '登记证书已发放（证书编号）',
  input: z.strictObject({
    taskId: trainingIdSchema,
    certificateNo: z
      .string()
      .trim()
      .min(4, { error: '请填写证书编号' })
      .max(40, { error: '证书编号不超过40个字符' })
      .regex(/^[A-Za-z0-9-]+$/, { error: '证书编号只能包含字母、数字和“-”' }),
  }),
  output: z.object({ task: certificateTaskSchema }),
  roles: CERTIFIERS,
  example: { taskId: 'task-example', certificateNo: 'S000012345' },
  writes: true,
});
