import { z } from '../../zod';
import { defineAction } from '../define';

import { idSchema, ledgerRowSchema, vacancyFields } from './schemas';

/**
 * Market staff edit a vacancy with the employer's knowledge (issue 4, staff journey): the ad's
 * fields and a note saying what was changed and why, which the employer sees. Re-screened like
 * any save; a pending vacancy may be approved in the same step.
 */
export const staffEditVacancy = defineAction({
  fn: 'employer',
  action: 'staffEditVacancy',
  title: '市场服务中心修改岗位（注明修改内容和原因，企业可见）',
  input: z
    .strictObject({
      id: idSchema,
      ...vacancyFields,
      note: z
        .string({ error: '请写明修改了什么、为什么修改' })
        .trim()
        .min(4, { error: '请写明修改了什么、为什么修改（至少4个字），企业会看到' })
        .max(200, { error: '修改说明不超过200个字' }),
      /** For a vacancy waiting for review: publish it in the same step. */
      approve: z.boolean().default(false),
      /**
       * The content version the staff member started from (the row's `version`); when the
       * employer saved a change meanwhile, the edit is refused instead of overwriting it.
       */
      version: z.number().int().min(0).nullable().default(null),
    })
    .refine((v) => v.salaryMin <= v.salaryMax, {
      error: '最低月薪不能高于最高月薪',
      path: ['salaryMin'],
    }),
  output: z.object({ vacancy: ledgerRowSchema }),
  roles: ['caseworker', 'supervisor'],
  example: {
    id: 'vacancy-example',
    title: '仓库包装工',
    description: '负责成品打包、贴标和装箱。',
    occupationCode: '6-31-05-00',
    headcount: 3,
    salaryMin: 3500,
    salaryMax: 4500,
    workType: 'fullTime',
    requirements: '能适应倒班。',
    note: '删除了“限35岁以下”的年龄限制',
    approve: true,
  },
  writes: true,
});
