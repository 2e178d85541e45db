import { VACANCY_STATUSES } from '../../vacancy';
import { z } from '../../zod';
import { defineAction } from '../define';
import { townshipCodeSchema } from '../user/common';

import { ledgerRowSchema, VACANCY_FLAGS } from './schemas';

export const LEDGER_MAX_PAGE_SIZE = 50;

export const ledger = defineAction({
  fn: 'employer',
  action: 'ledger',
  title: '企业岗位需求台账（按乡镇、职业、岗位类型、状态、关键词筛选，分页）',
  input: z.strictObject({
    township: townshipCodeSchema.nullable().default(null),
    status: z.enum(VACANCY_STATUSES).nullable().default(null),
    flag: z.enum(VACANCY_FLAGS).nullable().default(null),
    /** A code at any level of the classification 2022: '6', '6-31', '6-31-05', '6-31-05-00'. */
    occupation: z
      .string()
      .regex(/^\d(-\d{2}){0,3}$/, { error: '职业代码格式不正确' })
      .nullable()
      .default(null),
    /** Part of the title or the company's name. */
    keyword: z.string().trim().max(30, { error: '关键词不超过30个字' }).default(''),
    page: z.number().int().min(1, { error: '页码从1开始' }).max(10000).default(1),
    pageSize: z
      .number()
      .int()
      .min(1)
      .max(LEDGER_MAX_PAGE_SIZE, { error: `每页最多${LEDGER_MAX_PAGE_SIZE}条` })
      .default(20),
  }),
  output: z.object({
    vacancies: z.array(ledgerRowSchema),
    /** Rows matching every filter (all pages). */
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    /** Rows in scope per status, with every filter but the status applied. */
    counts: z.record(z.enum(VACANCY_STATUSES), z.number().int()),
  }),
  roles: ['caseworker', 'supervisor'],
  example: { status: 'published' },
  writes: false,
});
