import { z } from '../../zod';
import { defineAction } from '../define';

import { companyInput, companyViewSchema } from './schemas';

/**
 * The owner corrects the company's details: one waiting for verification keeps waiting; one
 * that did not pass is submitted again and returns to the 市场服务中心's queue. A verified company
 * is changed only through the 市场服务中心.
 */
export const updateCompany = defineAction({
  fn: 'employer',
  action: 'updateCompany',
  title: '用人单位修改单位信息（核验未通过的，修改后重新提交核验）',
  input: companyInput,
  output: z.object({ company: companyViewSchema }),
  roles: ['employer'],
  example: {
    name: '济宁示例科技有限公司',
    uscc: '91370800MA3C4X7K2L',
    industry: 'I',
    township: '370811002',
    address: '任城区示例路1号',
    contactName: '李经理',
    contactMobile: '13800005370',
  },
  writes: true,
});
