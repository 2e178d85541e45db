import { z } from '../../zod';
import { defineAction } from '../define';

import { ownRegistrationSchema } from './schemas';

export const requestCancellation = defineAction({
  fn: 'registration',
  action: 'requestCancellation',
  title: '本人申请注销失业登记',
  input: z.strictObject({
    note: z.string().trim().max(100, { error: '说明不超过100个字' }).default(''),
  }),
  output: z.object({ registration: ownRegistrationSchema }),
  roles: ['citizen'],
  example: { note: '已找到工作' },
  writes: true,
});
