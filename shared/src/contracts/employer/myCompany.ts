import { z } from '../../zod';
import { defineAction } from '../define';

import { COMPANY_MEMBER_ROLES } from './colleagues';
import { companyViewSchema } from './schemas';

export const myCompany = defineAction({
  fn: 'employer',
  action: 'myCompany',
  title: '用人单位查看本单位信息（尚未关联单位的居民得到空）',
  input: z.strictObject({}),
  output: z.object({
    company: companyViewSchema.nullable(),
    /** The caller's place in the company: the owner invites and removes colleagues. */
    myRole: z.enum(COMPANY_MEMBER_ROLES).nullable().default(null),
    /** 重点企业: the named 市场服务中心 staff member ("您的专属服务专员"). */
    serviceStaff: z.object({ name: z.string() }).nullable().default(null),
    /** The server's today (Shanghai): dates offered before saving are counted from it. */
    today: z.string().default(''),
  }),
  // A resident opening 企业入驻 learns they have no company yet.
  roles: ['citizen', 'employer'],
  example: {},
  writes: false,
});
