import { z } from '../../zod';
import { defineAction } from '../define';

import { vacancyViewSchema } from './schemas';

export const myVacancies = defineAction({
  fn: 'employer',
  action: 'myVacancies',
  title: '用人单位查看本单位的岗位',
  input: z.strictObject({}),
  output: z.object({
    vacancies: z.array(vacancyViewSchema),
    /** The server's today (Shanghai), for showing renewal dates without the phone's clock. */
    today: z.string().default(''),
  }),
  roles: ['employer'],
  example: {},
  writes: false,
});
