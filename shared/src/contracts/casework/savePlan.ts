import { needsAdvisor } from '../../casework/contacts';
import { z } from '../../zod';
import { defineAction } from '../define';
import { registrationIdSchema } from '../registration/schemas';

import { planNeedTypeSchema, workbenchSchema } from './schemas';

export const savePlanInput = z
  .strictObject({
    registrationId: registrationIdSchema,
    needType: planNeedTypeSchema,
    goals: z
      .string()
      .trim()
      .min(2, { error: '请写下帮扶目标' })
      .max(200, { error: '帮扶目标不超过200个字' }),
    nextSteps: z
      .string()
      .trim()
      .min(2, { error: '请写下接下来的帮扶措施' })
      .max(200, { error: '帮扶措施不超过200个字' }),
    /** 创业咨询师 (000 §6(1)). */
    advisorName: z.string().trim().max(20, { error: '姓名不超过20个字' }).default(''),
  })
  .refine((v) => !needsAdvisor(v.needType) || v.advisorName.length >= 2, {
    error: '自主创业的帮扶计划请指定创业咨询师',
    path: ['advisorName'],
  });

export const savePlan = defineAction({
  fn: 'casework',
  action: 'savePlan',
  title: '制定或修改“一人一策”帮扶计划（保留历次版本）',
  input: savePlanInput,
  output: workbenchSchema,
  roles: ['caseworker'],
  example: {
    registrationId: 'reg-example',
    needType: 'jobSearch',
    goals: '三个月内在家附近找到仓储类工作',
    nextSteps: '每月推荐3个岗位，安排一次职业指导',
  },
  writes: true,
});
