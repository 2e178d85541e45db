import { z } from '../../zod';
import { defineAction } from '../define';
import { townshipCodeSchema } from '../user/common';

import { personSummarySchema, registrationStatusSchema } from './schemas';

export const listMine = defineAction({
  fn: 'registration',
  action: 'listMine',
  title: '包保责任人查看自己负责的人员（身份证号脱敏）',
  input: z.strictObject({
    status: registrationStatusSchema.optional(),
    township: townshipCodeSchema.optional(),
  }),
  output: z.object({ people: z.array(personSummarySchema), total: z.number().int() }),
  roles: ['caseworker'],
  example: {},
  // Staff reads of personal data are audited (ARCHITECTURE "Data and personal information").
  writes: true,
});
