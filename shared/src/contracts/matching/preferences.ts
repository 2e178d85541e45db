import { z } from '../../zod';
import { defineAction } from '../define';

import { preferencesSchema } from './schemas';

export const preferences = defineAction({
  fn: 'matching',
  action: 'preferences',
  title: '查看推荐设置（个性化推荐、是否允许向用人单位推荐本人）',
  input: z.strictObject({}),
  output: z.object({ preferences: preferencesSchema }),
  roles: ['citizen'],
  example: {},
  writes: false,
});

export const setPreferences = defineAction({
  fn: 'matching',
  action: 'setPreferences',
  title: '修改推荐设置（关闭个性化推荐即不再个性化挑选和推送；允许或不允许向用人单位推荐本人）',
  input: z.strictObject({
    personalised: z.boolean({ error: '请选择是否开启个性化推荐' }),
    suggestToEmployers: z.boolean({ error: '请选择是否允许向用人单位推荐您' }),
  }),
  output: z.object({ preferences: preferencesSchema }),
  roles: ['citizen'],
  example: { personalised: true, suggestToEmployers: true },
  writes: true,
});
