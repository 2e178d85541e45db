import { z } from '../../zod';
import { defineAction } from '../define';

/**
 * The seeker tapped "有新岗位时通知我" and WeChat asked for consent: the template ids they accepted
 * (`requestSubscribeMessage` answers 'accept' per id). The cloud compares them with its own
 * configured id — it never sends to an id a client names — and counts one push per acceptance.
 */
export const consent = defineAction({
  fn: 'push',
  action: 'consent',
  title: '有新岗位时通知我：记录本人同意接收的“岗位推荐”订阅消息（同意一次可推送一次）',
  input: z.strictObject({
    templateIds: z
      .array(z.string().trim().min(1, { error: '模板编号不能为空' }).max(64), {
        error: '模板编号应为列表',
      })
      .max(5, { error: '一次最多5个模板' }),
  }),
  output: z.object({
    /** Whether the "岗位推荐" template was among them. */
    accepted: z.boolean(),
    /** Pushes the person may now receive by subscription message. */
    remaining: z.number().int().min(0),
  }),
  roles: ['citizen'],
  example: { templateIds: ['local-jobRecommendation'] },
  writes: true,
});
