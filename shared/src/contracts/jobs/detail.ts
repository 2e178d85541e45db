import { z } from '../../zod';
import { defineAction } from '../define';

import { vacancyDetailSchema, vacancyIdSchema } from './schemas';

export const detail = defineAction({
  fn: 'jobs',
  action: 'detail',
  title: '查看岗位详情（已投递的岗位可继续查看投递进度）',
  input: z.strictObject({ vacancyId: vacancyIdSchema }),
  output: z.object({ vacancy: vacancyDetailSchema }),
  roles: ['citizen', 'employer', 'caseworker', 'supervisor', 'admin'],
  example: { vacancyId: 'vacancy-example' },
  writes: false,
});
