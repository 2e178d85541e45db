import { z } from '../../zod';
import { defineAction } from '../define';
import { townshipCodeSchema } from '../user/common';

import { monthSchema, PUSH_BASES, PUSH_CHANNELS, pushViewSchema } from './schemas';

export const pushStatsRowSchema = z.object({
  township: z.string(),
  townshipLabel: z.string(),
  /**
   * 推送提供就业岗位数: positions provided to people living in the township this month — pushed
   * by the platform or referred by their 包保 caseworker, each position once per person (the
   * first time it reached them, as their "131" counts it).
   */
  pushes: z.number().int(),
  /** People who received at least one. */
  people: z.number().int(),
  /** Of `pushes`: pushed as a WeChat subscription message. */
  subscription: z.number().int(),
  /** Of `pushes`: pushed in the app (the caseworker tells the person). */
  inApp: z.number().int(),
  /** Of `pushes`: referred by the caseworker (casework.recordContact 岗位推荐). */
  referrals: z.number().int(),
  publicWelfare: z.number().int(),
  internship: z.number().int(),
});

/** One position provided: a push, or a caseworker's referral ('referral'; no vacancy: elsewhere). */
export const providedPositionSchema = pushViewSchema.extend({
  vacancyId: z.string().nullable(),
  channel: z.enum([...PUSH_CHANNELS, 'referral']),
  basis: z.enum([...PUSH_BASES, 'referral']),
});

export const pushStatsPersonSchema = z.object({
  registrationId: z.string(),
  name: z.string(),
  townshipLabel: z.string(),
  /** Every position counted for them this month, oldest first. */
  pushes: z.array(providedPositionSchema),
});

/**
 * 暖心活动情况统计表, column 推送提供就业岗位数 (004), by month and township in the supervisor's
 * scope: the platform's pushes and the caseworkers' job referrals (004 §6(五) 岗位推介, point to
 * point), each position once per person; naming a township drills down to the people behind the
 * number (003 §5(五): real-name and traceable), which is a staff read of personal data and audited.
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
