import { z } from '../../zod';
import { defineAction } from '../define';

import { personDetailSchema, registrationIdSchema } from './schemas';

export const getPerson = defineAction({
  fn: 'registration',
  action: 'getPerson',
  title: '查看一名包保对象的详情（工作人员查看留痕）',
  input: z.strictObject({ registrationId: registrationIdSchema }),
  output: personDetailSchema,
  roles: ['caseworker', 'supervisor'],
  example: { registrationId: 'reg-example' },
  writes: true,
});
