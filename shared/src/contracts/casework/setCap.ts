import { z } from '../../zod';
import { defineAction } from '../define';

/** The largest cap a supervisor may set: far above a workable caseload. */
export const MAX_CASELOAD_CAP = 500;

export const setCap = defineAction({
  fn: 'casework',
  action: 'setCap',
  title: '业务主管设置包保责任人的包保人数上限',
  input: z.strictObject({
    caseworkerOpenid: z.string().trim().min(1, { error: '请选择包保责任人' }).max(128),
    cap: z
      .number({ error: '请填写人数上限' })
      .int({ error: '请填写整数' })
      .min(1, { error: '上限至少为1人' })
      .max(MAX_CASELOAD_CAP, { error: `上限不超过${MAX_CASELOAD_CAP}人` }),
  }),
  output: z.object({
    openid: z.string(),
    name: z.string(),
    cap: z.number().int(),
    load: z.number().int(),
  }),
  roles: ['supervisor'],
  example: { caseworkerOpenid: 'demo-caseworker-370811', cap: 150 },
  writes: true,
});
