import { z } from '../../zod';
import { defineAction } from '../define';

import { myApplicationSchema, shareSchema, vacancyIdSchema } from './schemas';

export const apply = defineAction({
  fn: 'jobs',
  action: 'apply',
  title: '投递简历（姓名、性别、年龄和隐去中间8位的身份证号，以及本人选择共享的信息）',
  input: z.strictObject({
    vacancyId: vacancyIdSchema,
    /** What else the employer may see; the applicant chooses at every application. */
    share: shareSchema.default({ mobile: false, education: false, workHistory: false }),
    message: z.string().trim().max(200, { error: '给企业的留言不超过200个字' }).default(''),
  }),
  output: z.object({ application: myApplicationSchema }),
  roles: ['citizen'],
  example: {
    vacancyId: 'vacancy-example',
    share: { mobile: true, education: true, workHistory: false },
    message: '本人有两年仓库工作经验，可随时到岗。',
  },
  writes: true,
});
