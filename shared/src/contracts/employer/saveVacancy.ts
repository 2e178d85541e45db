import { z } from '../../zod';
import { defineAction } from '../define';

import { vacancyInput, vacancyViewSchema } from './schemas';

export const saveVacancy = defineAction({
  fn: 'employer',
  action: 'saveVacancy',
  title: '用人单位新增或修改岗位（每次保存都做就业歧视筛查）',
  input: vacancyInput,
  output: z.object({ vacancy: vacancyViewSchema }),
  roles: ['employer'],
  example: {
    title: '仓库包装工',
    description: '负责成品打包、贴标和装箱。',
    occupationCode: '6-31-05-00',
    headcount: 3,
    salaryMin: 3500,
    salaryMax: 4500,
    workType: 'fullTime',
    requirements: '能适应倒班，有叉车证优先。',
    benefits: '五险一金，提供午餐。',
    flags: { assistance: true },
  },
  writes: true,
});
