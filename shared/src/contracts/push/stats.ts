import { z } from '../../zod';
import { defineAction } from '../define';
import { townshipCodeSchema } from '../user/common';

import { monthSchema, pushViewSchema } from './schemas';

export const pushStatsRowSchema = z.object({
  township: z.string(),
  townshipLabel: z.string(),
  /** 推送提供就业岗位数: positions pushed to people living in the township this month. */
  pushes: z.number().int(),
  /** People who received at least one. */
  people: z.number().int(),
  subscription: z.number().int(),
  inApp: z.number().int(),
  publicWelfare: z.number().int(),
  internship: z.number().int(),
});

export const pushStatsPersonSchema = z.object({
  registrationId: z.string(),
  name: z.string(),
  townshipLabel: z.string(),
  pushes: z.array(pushViewSchema),
});

/**
 * 暖心活动情况统计表, column 推送提供就业岗位数 (004), by month and township in the supervisor's
 * scope; naming a township drills down to the people behind the number (003 §5(五): real-name
 * and traceable), which is a staff read of personal data and audited.
 */
export const stats = defineAction({
  fn: 'push',
  action: 'stats',
  title: '推送提供就业岗位数：按月份、乡镇（街道）统计，可下钻到人（实名可追溯，查看留痕）',
  input: z.strictObject({
    /** Default: the current Shanghai month. */
    month: monthSchema.optional(),
    /** Drill down: the people of this township and their pushes. */
    township: townshipCodeSchema.nullable().default(null),
  }),
  output: z.object({
    month: z.string(),
    total: z.number().int(),
    people: z.number().int(),
    townships: z.array(pushStatsRowSchema),
    /** The township's people (drill-down); null when no township was named. */
    details: z.array(pushStatsPersonSchema).nullable(),
  }),
  roles: ['supervisor'],
  example: { month: '2026-03' },
  writes: true,
});
