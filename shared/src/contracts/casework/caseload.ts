import { z } from '../../zod';
import { defineAction } from '../define';
import { registrationStatusSchema } from '../registration/schemas';
import { townshipCodeSchema } from '../user/common';

import { CASELOAD_TAG_FILTERS, caseloadEntrySchema, FOLLOW_UP_STATES } from './schemas';

export const caseload = defineAction({
  fn: 'casework',
  action: 'caseload',
  title: '包保工作台：我的包保对象（回访到期、131进度、本月推送、待办求助，按紧急程度排序）',
  input: z.strictObject({
    /** Supervisors: whose caseload (in their scope). Caseworkers always see their own. */
    caseworkerOpenid: z
      .string({ error: '请选择包保责任人' })
      .trim()
      .min(1, { error: '请选择包保责任人' })
      .max(128, { error: '包保责任人编号无效' })
      .optional(),
    township: townshipCodeSchema.optional(),
    tag: z.enum(CASELOAD_TAG_FILTERS, { error: '没有这个人群标签' }).optional(),
    status: registrationStatusSchema.optional(),
    /** A follow-up state, or 'due': due today or overdue (今日回访). */
    state: z.enum([...FOLLOW_UP_STATES, 'due'], { error: '没有这个回访状态' }).optional(),
  }),
  output: z.object({
    people: z.array(caseloadEntrySchema),
    total: z.number().int(),
    /** Shanghai date the schedule was computed for. */
    today: z.string(),
    counts: z.object({
      overdue: z.number().int(),
      dueToday: z.number().int(),
      dueSoon: z.number().int(),
      openRequests: z.number().int(),
    }),
    caseworkerName: z.string(),
  }),
  roles: ['caseworker', 'supervisor'],
  example: {},
  // Staff reads of personal data are audited (ARCHITECTURE "Data and personal information").
  writes: true,
});
