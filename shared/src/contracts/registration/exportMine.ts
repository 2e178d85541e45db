import { z } from '../../zod';
import { defineAction } from '../define';

export const exportMine = defineAction({
  fn: 'registration',
  action: 'exportMine',
  title: '导出本人的全部个人信息（个人信息查阅复制权）',
  input: z.strictObject({}),
  output: z.object({ exportedAt: z.string(), data: z.record(z.string(), z.unknown()) }),
  roles: ['citizen'],
  example: {},
  writes: false,
});
