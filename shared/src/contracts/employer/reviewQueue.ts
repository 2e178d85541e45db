import { z } from '../../zod';
import { defineAction } from '../define';

import { companyViewSchema, ledgerRowSchema } from './schemas';

export const reviewQueue = defineAction({
  fn: 'employer',
  action: 'reviewQueue',
  title: '市场服务中心查看待核验企业和待审核岗位',
  input: z.strictObject({}),
  output: z.object({
    companies: z.array(companyViewSchema),
    vacancies: z.array(ledgerRowSchema),
  }),
  roles: ['caseworker', 'supervisor'],
  example: {},
  writes: false,
});
