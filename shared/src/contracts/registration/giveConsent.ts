import { CONSENT_VERSION } from '../../registration/consent';
import { z } from '../../zod';
import { defineAction } from '../define';

export const giveConsent = defineAction({
  fn: 'registration',
  action: 'giveConsent',
  title: '单独同意处理个人信息（记录版本与时间）',
  input: z.strictObject({
    version: z.literal(CONSENT_VERSION, { error: '告知内容已更新，请重新阅读后再同意' }),
  }),
  output: z.object({ version: z.string(), acceptedAt: z.string() }),
  roles: ['citizen'],
  example: { version: CONSENT_VERSION },
  writes: true,
});
