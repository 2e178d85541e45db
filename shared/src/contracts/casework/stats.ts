/**
 * 包保服务统计: the 暖心活动情况统计表 (004) columns that come from the caseworkers' service records
 * (contacts) — 为援助对象开展走访慰问人次数, 实施临时救助人次数, 实施临时救助发放金额数 — and the
 * other services of 包保 (回访, 职业指导, 岗位推荐, 培训推荐), for a period of Shanghai calendar days,
 * by the township people live in. Every number drills down to the people behind it and each
 * contact counted (003 §5(五): real-name and traceable); that read is audited.
 */
import { dayjs, TIME_ZONE } from '../../time';
import { z } from '../../zod';
import { defineAction } from '../define';
import { townshipCodeSchema } from '../user/common';

import { contactKindSchema } from './schemas';

/** The columns: one per kind of service, and `all` (every service counted in the row). */
export const SERVICE_STATS_COLUMNS = [
  'followUp',
  'guidance',
  'jobReferral',
  'trainingReferral',
  'visit',
  'relief',
  'all',
] as const;
export type ServiceStatsColumn = (typeof SERVICE_STATS_COLUMNS)[number];

/** Column headings as the 统计表 and the page name them ("人次" = contacts). */
export const SERVICE_STATS_COLUMN_LABELS: Record<ServiceStatsColumn, string> = {
  followUp: '回访',
  guidance: '职业指导',
  jobReferral: '岗位推荐',
  trainingReferral: '培训推荐',
  visit: '走访慰问',
  relief: '临时救助',
  all: '服务合计',
};

/** The row of people whose registration names no township (only in a city-wide scope). */
export const SERVICE_STATS_UNKNOWN_TOWNSHIP = 'unknown';
/** The longest period one call may cover: a year (from + 1 year, exclusive). */
export const SERVICE_STATS_MAX_YEARS = 1;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A Shanghai calendar day, 'YYYY-MM-DD', that exists. */
function daySchema(what: string) {
  return z
    .string({ error: `请选择${what}` })
    .regex(DAY, { error: `${what}应为“年-月-日”，如 2026-03-01` })
    .refine((v) => dayjs.tz(v, TIME_ZONE).format('YYYY-MM-DD') === v, {
      error: `${what}不是有效的日期`,
    });
}

export const serviceStatsColumnSchema = z.enum(SERVICE_STATS_COLUMNS, {
  error: '请选择要查看的统计项',
});

const drillTownshipSchema = z.union([
  townshipCodeSchema,
  z.literal(SERVICE_STATS_UNKNOWN_TOWNSHIP),
]);

export const serviceStatsInput = z
  .strictObject({
    /** First day of the period (Asia/Shanghai), inclusive. */
    from: daySchema('开始日期'),
    /** Last day of the period (Asia/Shanghai), inclusive. */
    to: daySchema('结束日期'),
    /** Only this township's row (and the total of it). */
    township: townshipCodeSchema.nullable().default(null),
    /**
     * The people behind one number: a column of a township's row, or of the total row
     * (township null). A staff read of personal data, audited.
     */
    drill: z
      .strictObject({
        column: serviceStatsColumnSchema,
        township: drillTownshipSchema.nullable().default(null),
      })
      .nullable()
      .default(null),
  })
  .superRefine((v, ctx) => {
    const issue = (path: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message });
    if (!DAY.test(v.from) || !DAY.test(v.to)) return;
    if (v.from > v.to) {
      issue('to', '结束日期不能早于开始日期');
      return;
    }
    const limit = dayjs.tz(v.from, TIME_ZONE).add(SERVICE_STATS_MAX_YEARS, 'year');
    if (!dayjs.tz(v.to, TIME_ZONE).isBefore(limit)) {
      issue('to', '统计期间最长一年，请缩短日期范围');
    }
    if (v.township !== null && v.drill?.township && v.drill.township !== v.township) {
      issue('drill', '查看的乡镇（街道）与所选乡镇（街道）不一致');
    }
  });

/** One number of the table: contacts ("人次") and the distinct people they reached. */
export const serviceStatsCellSchema = z.object({
  contacts: z.number().int(),
  people: z.number().int(),
});

export const serviceStatsRowSchema = z.object({
  /** Township code; 'unknown' for people without one; 'total' for the total row. */
  township: z.string(),
  townshipLabel: z.string(),
  /** 回访人次: follow-ups in which the person was reached (unanswered calls are not counted). */
  followUp: serviceStatsCellSchema,
  /** 职业指导人次. */
  guidance: serviceStatsCellSchema,
  /** 岗位推荐人次 (caseworkers' job referrals; the platform's pushes are in push.stats). */
  jobReferral: serviceStatsCellSchema,
  /** 培训推荐人次. */
  trainingReferral: serviceStatsCellSchema,
  /** 为援助对象开展走访慰问人次数: visits in which the person was met. */
  visit: serviceStatsCellSchema,
  /** 实施临时救助人次数. */
  relief: serviceStatsCellSchema,
  /** 实施临时救助发放金额数, in fen (分), exact; the page shows yuan. */
  reliefFen: z.number().int(),
  /** Every service above (人次 and people served). */
  all: serviceStatsCellSchema,
});

export const serviceStatsContactSchema = z.object({
  id: z.string(),
  /** The instant (ISO) and its Shanghai day. */
  at: z.string(),
  day: z.string(),
  kind: contactKindSchema,
  kindLabel: z.string(),
  /** 电话 / 微信 / 入户 / 到站服务, or ''. */
  channelLabel: z.string(),
  /** 临时救助 only, in fen. */
  amountFen: z.number().int().nullable(),
  /** Who recorded it (the caseworker). */
  caseworkerName: z.string(),
});

export const serviceStatsPersonSchema = z.object({
  registrationId: z.string(),
  name: z.string(),
  idMasked: z.string(),
  townshipLabel: z.string(),
  /** The contacts counted in the number for this person, oldest first. */
  contacts: z.array(serviceStatsContactSchema),
  /** Their 临时救助 in the listed contacts, in fen. */
  amountFen: z.number().int(),
});

/** At most this many people are listed in one drill-down (the totals always cover everyone). */
export const SERVICE_STATS_DRILL_LIMIT = 300;

export const stats = defineAction({
  fn: 'casework',
  action: 'stats',
  title:
    '包保服务统计：走访慰问、临时救助（人次、金额）及回访、职业指导、岗位和培训推荐人次，按乡镇（街道）统计，可下钻到人（查看留痕）',
  input: serviceStatsInput,
  output: z.object({
    from: z.string(),
    to: z.string(),
    /** One row per township with a counted service, in code order. */
    townships: z.array(serviceStatsRowSchema),
    /** The sum of the rows (people counted once even when served in two townships' rows). */
    total: serviceStatsRowSchema,
    /** The people behind the asked number; null without `drill`. */
    drill: z
      .object({
        column: serviceStatsColumnSchema,
        columnLabel: z.string(),
        township: z.string().nullable(),
        townshipLabel: z.string(),
        /** Equal to the row's cell: every contact and person counted, listed or not. */
        contacts: z.number().int(),
        people: z.number().int(),
        amountFen: z.number().int(),
        list: z.array(serviceStatsPersonSchema),
        /** More people than SERVICE_STATS_DRILL_LIMIT: the list shows the first of them. */
        truncated: z.boolean(),
      })
      .nullable(),
  }),
  roles: ['supervisor', 'admin'],
  example: { from: '2026-03-01', to: '2026-03-31' },
  writes: true,
});
