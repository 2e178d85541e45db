import { z } from '../../zod';
import { defineAction } from '../define';

import { declarationKeySchema, personDetailSchema, registrationIdSchema } from './schemas';

export const verify = defineAction({
  fn: 'registration',
  action: 'verify',
  title: '核验申报的重点群体身份，完成登记',
  input: z.strictObject({
    registrationId: registrationIdSchema,
    /** For each declared item: whether the evidence was seen and holds. */
    verified: z.partialRecord(declarationKeySchema, z.boolean()),
    note: z.string().trim().max(200, { error: '备注不超过200个字' }).default(''),
  }),
  output: personDetailSchema,
  roles: ['caseworker'],
  example: { registrationId: 'reg-example', verified: { disabled: true }, note: '已核验残疾人证' },
  writes: true,
});
