import { z } from '../../zod';
import { defineAction } from '../define';

import { requestIdSchema, threadSchema } from './schemas';

export const requestThread = defineAction({
  fn: 'casework',
  action: 'requestThread',
  title: '查看一条求助的全部往来及所附照片（市民看自己的，工作人员看职责范围内的，查看留痕）',
  input: z.strictObject({ requestId: requestIdSchema }),
  output: threadSchema,
  roles: ['citizen', 'caseworker', 'supervisor'],
  example: { requestId: 'req-example' },
  // Staff reads are audited.
  writes: true,
});
