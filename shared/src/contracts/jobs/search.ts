import { z } from '../../zod';
import { defineAction } from '../define';

import { jobSearchInput, publicVacancySchema } from './schemas';

export const search = defineAction({
  fn: 'jobs',
  action: 'search',
  title: '浏览全部招聘中的岗位（按区县乡镇、职业、月薪、工作方式、岗位类型、关键词筛选）',
  input: jobSearchInput,
  output: z.object({
    vacancies: z.array(publicVacancySchema),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  }),
  roles: ['citizen', 'employer', 'caseworker', 'supervisor', 'admin'],
  example: { county: '370811', salaryMin: 3000, flags: ['assistance'], keyword: '仓库' },
  writes: false,
});
