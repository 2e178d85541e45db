import { z } from '../../zod';
import { defineAction } from '../define';

import { registrationIdSchema } from './schemas';

export const revealIdNumber = defineAction({
  fn: 'registration',
  action: 'revealIdNumber',
  title: '包保责任人查看本人负责对象的完整身份证号（留痕）',
  input: z.strictObject({ registrationId: registrationIdSchema }),
  output: z.object({ idNumber: z.string() }),
  roles: ['caseworker'],
  example: { registrationId: 'reg-example' },
  writes: true,
});
