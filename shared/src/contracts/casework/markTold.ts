import { z } from '../../zod';
import { defineAction } from '../define';
import { pushIdSchema } from '../push/schemas';

import { workbenchSchema } from './schemas';

export const markTold = defineAction({
  fn: 'casework',
  action: 'markTold',
  title: '已电话或微信告知包保对象推送的岗位（只送达站内的推送）',
  input: z.strictObject({
    pushId: pushIdSchema,
    channel: z.enum(['phone', 'wechat'], { error: '请选择告知方式：电话或微信' }),
  }),
  output: workbenchSchema,
  roles: ['caseworker'],
  example: { pushId: 'reg-example:vacancy-example', channel: 'phone' },
  writes: true,
});
