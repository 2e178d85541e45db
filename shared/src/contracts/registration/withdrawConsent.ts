import { z } from '../../zod';
import { defineAction } from '../define';

export const withdrawConsent = defineAction({
  fn: 'registration',
  action: 'withdrawConsent',
  title: '撤回个人信息处理同意',
  input: z.strictObject({}),
  output: z.object({ withdrawnAt: z.string() }),
  roles: ['citizen'],
  example: {},
  writes: true,
});
