import { z } from '../../zod';
import { defineAction } from '../define';
import { registrationIdSchema } from '../registration/schemas';

import {
  bookingViewSchema,
  courseCardSchema,
  offerSummarySchema,
  offerViewSchema,
  trainingIdSchema,
} from './schemas';

/**
 * 000 §3(2): every person with a training need is offered at least one institution. Without a
 * registration id: the caller's people with a training need, offered or not yet; with one: that
 * person's offers, bookings, this year's "131" training and courses that fit, to recommend.
 */
export const trainingOffers = defineAction({
  fn: 'training',
  action: 'trainingOffers',
  title: '包保责任人查看有培训需求人员的推荐情况（已推荐/未推荐）',
  input: z.strictObject({ registrationId: registrationIdSchema.nullable().default(null) }),
  output: z.object({
    people: z.array(offerSummarySchema),
    summary: z.object({
      withNeed: z.number().int(),
      offered: z.number().int(),
      notOffered: z.number().int(),
    }),
    person: offerSummarySchema
      .extend({
        offers: z.array(offerViewSchema),
        bookings: z.array(bookingViewSchema),
        recommended: z.array(courseCardSchema),
        /** "技能培训 1/1" — the training of the "131" services this year. */
        training131: z.object({
          done: z.number().int(),
          target: z.number().int(),
          met: z.boolean(),
        }),
      })
      .nullable(),
  }),
  roles: ['caseworker', 'supervisor'],
  example: {},
  // Reading people's names and phone numbers is audited.
  writes: true,
});

/** The caseworker recommends a course to the person; it shows first on their training page. */
export const offerCourse = defineAction({
  fn: 'training',
  action: 'offerCourse',
  title: '包保责任人向本人推荐培训课程',
  input: z.strictObject({ registrationId: registrationIdSchema, courseId: trainingIdSchema }),
  output: z.object({ offered: z.boolean(), institutions: z.array(z.string()) }),
  roles: ['caseworker'],
  example: { registrationId: 'registration-example', courseId: 'course-example' },
  writes: true,
});
