import { z } from '../../zod';
import { defineAction } from '../define';
import { registrationIdSchema } from '../registration/schemas';

export const reassign = defineAction({
  fn: 'casework',
  action: 'reassign',
  title: '业务主管把包保对象转给另一名包保责任人（原关系结束并写明原因，历史保留）',
  input: z.strictObject({
    registrationId: registrationIdSchema,
    caseworkerOpenid: z.string().trim().min(1, { error: '请选择包保责任人' }).max(128),
    reason: z
      .string()
      .trim()
      .min(2, { error: '请写明更换包保责任人的原因' })
      .max(100, { error: '原因不超过100个字' }),
  }),
  output: z.object({
    registrationId: z.string(),
    caseworkerName: z.string(),
    previousName: z.string().nullable(),
  }),
  roles: ['supervisor'],
  example: {
    registrationId: 'reg-example',
    caseworkerOpenid: 'demo-caseworker-370811',
    reason: '原责任人工作量过大',
  },
  writes: true,
});
