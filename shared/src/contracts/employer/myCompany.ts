import { z } from '../../zod';
import { defineAction } from '../define';

import { companyViewSchema } from './schemas';

export const myCompany = defineAction({
  fn: 'employer',
  action: 'myCompany',
  title: '用人单位查看本单位信息',
  input: z.strictObject({}),
  output: z.object({ company: companyViewSchema.nullable() }),
  roles: ['employer'],
  example: {},
  writes: false,
});
