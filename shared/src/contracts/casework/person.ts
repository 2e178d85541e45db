import { z } from '../../zod';
import { defineAction } from '../define';
import { registrationIdSchema } from '../registration/schemas';

import { workbenchSchema } from './schemas';

export const person = defineAction({
  fn: 'casework',
  action: 'person',
  title: '包保对象工作台：回访计划、131进度、一人一策和全部服务记录（查看留痕）',
  input: z.strictObject({ registrationId: registrationIdSchema }),
  output: workbenchSchema,
  roles: ['caseworker', 'supervisor'],
  example: { registrationId: 'reg-example' },
  writes: true,
});
