import { z } from '../../zod';
import { defineAction } from '../define';

import { cancelReasonSchema, personDetailSchema, registrationIdSchema } from './schemas';

export const changeStatus = defineAction({
  fn: 'registration',
  action: 'changeStatus',
  title: '更新就业状态或注销登记（写明原因）',
  input: z
    .strictObject({
      registrationId: registrationIdSchema,
      to: z.enum(['employed', 'flexible', 'cancelled'], { error: '请选择新的状态' }),
      reason: cancelReasonSchema.optional(),
      note: z.string().trim().max(200, { error: '备注不超过200个字' }).default(''),
    })
    .refine((v) => v.to !== 'cancelled' || v.reason !== undefined, {
      error: '注销登记请选择原因',
      path: ['reason'],
    }),
  output: personDetailSchema,
  roles: ['caseworker'],
  example: { registrationId: 'reg-example', to: 'employed', note: '已在鲁运物流上岗' },
  writes: true,
});
