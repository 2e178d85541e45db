import { z } from '../../zod';
import { defineAction } from '../define';

import { caseTaskSchema } from './schemas';

export const tasks = defineAction({
  fn: 'casework',
  action: 'tasks',
  title: '包保待办：入职待确认、只送达站内的推送岗位（请电话或微信告知）',
  input: z.strictObject({}),
  output: z.object({
    tasks: z.array(caseTaskSchema),
    counts: z.object({ confirmHire: z.number().int(), tellPush: z.number().int() }),
  }),
  roles: ['caseworker'],
  example: {},
  // Staff reads of personal data are audited.
  writes: true,
});
