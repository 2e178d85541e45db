import { z } from '../../zod';
import { defineAction } from '../define';
import { staffOrgSchema } from '../user/common';

import { registrationIdSchema } from './schemas';

export const caseworkers = defineAction({
  fn: 'registration',
  action: 'caseworkers',
  title: '主管查看可分配的包保责任人及其工作量',
  input: z.strictObject({
    /** When choosing for one person: each caseworker then says whether they cover them. */
    registrationId: registrationIdSchema.optional(),
  }),
  output: z.object({
    caseworkers: z.array(
      z.object({
        openid: z.string(),
        name: z.string(),
        org: staffOrgSchema,
        orgLabel: z.string(),
        load: z.number().int(),
        cap: z.number().int(),
        townshipCount: z.number().int(),
        /** With `registrationId`: this caseworker covers the person's township. */
        covers: z.boolean().optional(),
      }),
    ),
  }),
  roles: ['supervisor'],
  example: {},
  writes: false,
});
