import { z } from '../../zod';
import { defineAction } from '../define';

import { personSummarySchema } from './schemas';

export const unassigned = defineAction({
  fn: 'registration',
  action: 'unassigned',
  title: '主管查看尚未分配包保责任人的人员',
  input: z.strictObject({}),
  output: z.object({ people: z.array(personSummarySchema) }),
  roles: ['supervisor'],
  example: {},
  // Staff reads of personal data are audited (ARCHITECTURE "Data and personal information").
  writes: true,
});
