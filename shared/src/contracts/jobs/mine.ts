import { z } from '../../zod';
import { defineAction } from '../define';

import { applicationIdSchema, myApplicationSchema } from './schemas';

export const myApplications = defineAction({
  fn: 'jobs',
  action: 'myApplications',
  title: '我的投递（每份申请的进度和企业的答复）',
  input: z.strictObject({}),
  output: z.object({ applications: z.array(myApplicationSchema) }),
  roles: ['citizen'],
  example: {},
  writes: false,
});

export const withdraw = defineAction({
  fn: 'jobs',
  action: 'withdraw',
  title: '撤回本人的投递（尚未有结果时）',
  input: z.strictObject({ applicationId: applicationIdSchema }),
  output: z.object({ application: myApplicationSchema }),
  roles: ['citizen'],
  example: { applicationId: 'application-example' },
  writes: true,
});
