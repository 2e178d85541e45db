import { z } from '../../zod';
import { defineAction } from '../define';

export const getConsent = defineAction({
  fn: 'registration',
  action: 'getConsent',
  title: '查看失业登记个人信息处理告知及本人同意情况',
  input: z.strictObject({}),
  output: z.object({
    notice: z.object({
      version: z.string(),
      title: z.string(),
      sections: z.array(z.object({ heading: z.string(), body: z.string() })),
    }),
    accepted: z.object({ version: z.string(), acceptedAt: z.string() }).nullable(),
    /** The consent was given and later withdrawn. */
    withdrawnAt: z.string().nullable(),
  }),
  roles: ['citizen'],
  example: {},
  writes: false,
});
