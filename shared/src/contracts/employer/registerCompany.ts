import { z } from '../../zod';
import { defineAction } from '../define';

import { companyInput, companyViewSchema } from './schemas';

export const registerCompany = defineAction({
  fn: 'employer',
  action: 'registerCompany',
  title: '登记用人单位（企业入驻），待市场服务中心核验',
  input: companyInput,
  output: z.object({ company: companyViewSchema }),
  roles: ['citizen', 'employer'],
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
