import { VACANCY_STATUSES } from '../../vacancy';
import { z } from '../../zod';
import { defineAction } from '../define';
import { townshipCodeSchema } from '../user/common';

import { ledgerRowSchema, VACANCY_FLAGS } from './schemas';

export const ledger = defineAction({
  fn: 'employer',
  action: 'ledger',
  title: '企业岗位需求台账（按乡镇、状态、岗位类型筛选）',
  input: z.strictObject({
    township: townshipCodeSchema.nullable().default(null),
    status: z.enum(VACANCY_STATUSES).nullable().default(null),
    flag: z.enum(VACANCY_FLAGS).nullable().default(null),
  }),
  output: z.object({ vacancies: z.array(ledgerRowSchema) }),
  roles: ['caseworker', 'supervisor'],
  example: { status: 'published' },
  writes: false,
});
