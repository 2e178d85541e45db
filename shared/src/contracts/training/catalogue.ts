import { z } from '../../zod';
import { defineAction } from '../define';
import { townshipCodeSchema } from '../user/common';

import { courseCardSchema, quotaViewSchema } from './schemas';

export const CATALOGUE_MAX_PAGE_SIZE = 50;

/**
 * The seeker's course list: courses open for enrolment, those fitting the person's training need
 * first with the reason (000 §3(2): every person with a training need is offered at least one
 * institution — the offers shown here are recorded for the caseworker to see).
 */
export const catalogue = defineAction({
  fn: 'training',
  action: 'catalogue',
  title:
    '求职者浏览培训课程（离我近、按职业、只看免费、近期开班；符合培训需求的排在前面并说明原因）',
  input: z.strictObject({
    /** Offline courses within a few kilometres of the person's place. */
    near: z.boolean().default(false),
    /** The place to measure from when the person has none registered (or another one). */
    township: townshipCodeSchema.nullable().default(null),
    /** A code at any level of the classification 2022: '4', '4-10', '4-10-01', '4-10-01-06'. */
    occupation: z
      .string()
      .regex(/^\d(-\d{2}){0,3}$/, { error: '职业代码格式不正确' })
      .nullable()
      .default(null),
    freeOnly: z.boolean().default(false),
    startingSoon: z.boolean().default(false),
    /** Part of the title, the occupation or the institution's name. */
    keyword: z.string().trim().max(20, { error: '关键词不超过20个字' }).default(''),
    page: z.number().int().min(1, { error: '页码从1开始' }).max(1000).default(1),
    pageSize: z
      .number()
      .int()
      .min(1)
      .max(CATALOGUE_MAX_PAGE_SIZE, { error: `每页最多${CATALOGUE_MAX_PAGE_SIZE}条` })
      .default(20),
  }),
  output: z.object({
    courses: z.array(courseCardSchema),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    /** Up to 3 open courses that fit the person's training need, with the reasons. */
    recommended: z.array(courseCardSchema),
    quota: quotaViewSchema,
    /** The person's training need as registered; null without an open registration. */
    need: z
      .object({
        wantsTraining: z.boolean(),
        trainingNeed: z.string(),
        occupations: z.array(z.string()),
      })
      .nullable(),
    /** Seats waiting for the person's confirmation (promoted from a waitlist). */
    promotions: z.array(
      z.object({ bookingId: z.string(), courseTitle: z.string(), confirmBy: z.string() }),
    ),
    /** Where "near" was measured from; null when the person has no place. */
    placeLabel: z.string().nullable(),
  }),
  roles: ['citizen'],
  example: { freeOnly: true },
  writes: true,
});
