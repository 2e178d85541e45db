import { z } from '../../zod';
import { defineAction } from '../define';

import { caseworkerLoadSchema } from './schemas';

export const caseloads = defineAction({
  fn: 'casework',
  action: 'caseloads',
  title: '业务主管查看各包保责任人的工作量（人数、逾期、未答复求助、上限）',
  input: z.strictObject({}),
  output: z.object({
    caseworkers: z.array(caseworkerLoadSchema),
    unassignedPeople: z.number().int(),
    /** Requests waiting in the supervisor's own queue. */
    supervisorQueue: z.number().int(),
  }),
  roles: ['supervisor'],
  example: {},
  writes: false,
});
