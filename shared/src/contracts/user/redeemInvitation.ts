import { INVITATION_ALPHABET, INVITATION_LENGTH } from '../../invitation';
import { z } from '../../zod';
import { defineAction } from '../define';

import { whoamiOutput } from './common';

/**
 * A WeChat user who is not yet staff binds their account to a staff invitation. Only citizens:
 * an employer account belongs to a company, and a staff member changes role through an admin,
 * so neither can switch role with a code.
 */
export const redeemInvitation = defineAction({
  fn: 'user',
  action: 'redeemInvitation',
  title: '工作人员使用邀请码绑定账号',
  input: z.strictObject({
    code: z
      .string()
      .trim()
      .toUpperCase()
      .regex(new RegExp(`^[${INVITATION_ALPHABET}]{${INVITATION_LENGTH}}$`), {
        error: `邀请码应为${INVITATION_LENGTH}位字母或数字，请核对后重新输入`,
      }),
  }),
  output: whoamiOutput,
  roles: ['citizen'],
  example: { code: 'ABCD2345' },
  writes: true,
});
