import { z } from '../../zod';
import { defineAction } from '../define';

export const history = defineAction({
  fn: 'registration',
  action: 'history',
  title: '查看本人登记的办理记录',
  input: z.strictObject({}),
  output: z.object({
    entries: z.array(
      z.object({
        at: z.string(),
        event: z.string(),
        label: z.string(),
        by: z.string(),
        reason: z.string().nullable(),
      }),
    ),
  }),
  roles: ['citizen'],
  example: {},
  writes: false,
});
