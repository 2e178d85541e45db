import { z } from '../../zod';
import { defineAction } from '../define';

import { staffOrgSchema, staffRoleSchema, townshipCodeSchema } from './common';

/** An admin invites a staff member; the code binds whichever WeChat user redeems it first. */
export const createInvitation = defineAction({
  fn: 'user',
  action: 'createInvitation',
  title: '管理员生成工作人员邀请码',
  input: z.strictObject({
    role: staffRoleSchema,
    org: staffOrgSchema,
    displayName: z
      .string()
      .trim()
      .min(2, { error: '姓名至少2个字' })
      .max(20, { error: '姓名不超过20个字' }),
    townships: z
      .array(townshipCodeSchema)
      .max(50, { error: '负责的乡镇（街道）不超过50个' })
      .default([]),
    // A week by default: long enough to hand over in person, short enough that a lost code
    // expires; at most a month.
    validDays: z
      .number()
      .int({ error: '有效天数应为整数' })
      .min(1, { error: '有效期至少1天' })
      .max(30, { error: '有效期不超过30天' })
      .default(7),
  }),
  output: z.object({ code: z.string(), expiresAt: z.string() }),
  roles: ['admin'],
  example: {
    role: 'caseworker',
    org: 'employment',
    displayName: '张敏',
    townships: ['370811002'],
    validDays: 7,
  },
  writes: true,
});
