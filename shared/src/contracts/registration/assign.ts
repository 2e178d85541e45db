import { z } from '../../zod';
import { defineAction } from '../define';

import { personDetailSchema, registrationIdSchema } from './schemas';

export const assign = defineAction({
  fn: 'registration',
  action: 'assign',
  title: '主管为人员指定或更换包保责任人（保留历史）',
  input: z.strictObject({
    registrationId: registrationIdSchema,
    caseworkerOpenid: z.string().trim().min(1, { error: '请选择包保责任人' }).max(128),
    reason: z.string().trim().max(100, { error: '原因不超过100个字' }).default(''),
  }),
  output: personDetailSchema,
  roles: ['supervisor'],
  example: {
    registrationId: 'reg-example',
    caseworkerOpenid: 'demo-caseworker-370811',
    reason: '',
  },
  writes: true,
});
