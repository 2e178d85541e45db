import { z } from '../../zod';
import { defineAction } from '../define';

import { ownRegistrationSchema } from './schemas';

export const submit = defineAction({
  fn: 'registration',
  action: 'submit',
  title: '提交失业登记（同时申领失业保险金的一并提交），分配包保责任人',
  input: z.strictObject({}),
  output: z.object({ registration: ownRegistrationSchema }),
  roles: ['citizen'],
  example: {},
  writes: true,
});
