/**
 * Pushes of positions (岗位推送, issue 5): the monthly plan per registered seeker (000 §4(6): at
 * least 3 positions a month; a 公益性岗位 for 就业困难人员; 000 §5(3): a 见习岗位 for graduates
 * within 2 years), each push once per seeker and vacancy, delivered as a "岗位推荐" subscription
 * message when the seeker has quota, otherwise in the app with a task for their caseworker.
 */
import { z } from '../../zod';

export const PUSH_CHANNELS = ['subscription', 'inApp'] as const;
export type PushChannel = (typeof PUSH_CHANNELS)[number];

export const PUSH_CHANNEL_LABELS: Record<PushChannel, string> = {
  subscription: '微信订阅消息',
  inApp: '站内消息',
};

/** How the position was chosen: the person's recommendations, or new positions near them. */
export const PUSH_BASES = ['recommended', 'nearby'] as const;
export type PushBasis = (typeof PUSH_BASES)[number];

export const PUSH_BASIS_LABELS: Record<PushBasis, string> = {
  recommended: '个性化推荐',
  nearby: '附近新岗位（非个性化）',
};

/** A push's id: '<registrationId>:<vacancyId>' (one push per seeker and vacancy). */
export const pushIdSchema = z
  .string({ error: '缺少推送编号' })
  .regex(/^[A-Za-z0-9_-]{1,64}:[A-Za-z0-9_-]{1,64}$/, { error: '推送编号不正确' });

/** 'YYYY-MM', a month on the Shanghai calendar. */
export const monthSchema = z
  .string({ error: '请选择月份' })
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '月份格式应为 年-月，如 2026-03' });

/** One pushed position as its seeker or a caseworker sees it. */
export const pushViewSchema = z.object({
  id: z.string(),
  vacancyId: z.string(),
  title: z.string(),
  companyName: z.string(),
  townshipLabel: z.string(),
  at: z.string(),
  publicWelfare: z.boolean(),
  internship: z.boolean(),
  channel: z.enum(PUSH_CHANNELS),
  channelLabel: z.string(),
  basis: z.enum(PUSH_BASES),
  basisLabel: z.string(),
  reasons: z.array(z.string()),
});
export type PushView = z.output<typeof pushViewSchema>;
