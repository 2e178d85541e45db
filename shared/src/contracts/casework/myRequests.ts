import { z } from '../../zod';
import { defineAction } from '../define';

import { requestViewSchema } from './schemas';

export const myRequests = defineAction({
  fn: 'casework',
  action: 'myRequests',
  title: '市民查看自己的求助',
  input: z.strictObject({}),
  output: z.object({
    requests: z.array(requestViewSchema),
    /** Who will answer a new request: the caseworker's name, or 业务主管. */
    handler: z.string(),
    /** No registration: a new request must say the township. */
    needsTownship: z.boolean(),
    /** The first answer is due within this ("1个工作日", configured per deployment). */
    answerWithin: z.string(),
    /**
     * Where the mini-program uploads a photo for a new request: the caller's own folder
     * (`requests/<key>`); `ask` takes only photos from it.
     */
    photoFolder: z.string(),
  }),
  roles: ['citizen'],
  example: {},
  writes: false,
});
