import { z } from '../../zod';
import { defineAction } from '../define';

import { ownRegistrationSchema } from './schemas';

export const getMine = defineAction({
  fn: 'registration',
  action: 'getMine',
  title: '查看本人的失业登记（含草稿）',
  input: z.strictObject({}),
  output: z.object({ registration: ownRegistrationSchema.nullable() }),
  roles: ['citizen'],
  example: {},
  writes: false,
});
