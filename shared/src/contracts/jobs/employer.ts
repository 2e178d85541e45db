import { z } from '../../zod';
import { defineAction } from '../define';

import {
  applicantDetailSchema,
  applicantSummarySchema,
  applicationIdSchema,
  applicationStatusSchema,
  EMPLOYER_EVENTS,
  employerVacancyCountsSchema,
  statusCountsSchema,
  vacancyIdSchema,
} from './schemas';

export const applicants = defineAction({
  fn: 'jobs',
  action: 'applicants',
  title: '用人单位查看本单位岗位的应聘者（按岗位、状态筛选，附各状态人数）',
  input: z.strictObject({
    vacancyId: vacancyIdSchema.nullable().default(null),
    status: applicationStatusSchema.nullable().default(null),
  }),
  output: z.object({
    /** The company's vacancies that have applications, with counts per status. */
    vacancies: z.array(employerVacancyCountsSchema),
    /** Counts per status over the chosen vacancy (or all of them). */
    counts: statusCountsSchema,
    applications: z.array(applicantSummarySchema),
  }),
  roles: ['employer'],
  example: { vacancyId: null, status: 'applied' },
  writes: false,
});

export const applicant = defineAction({
  fn: 'jobs',
  action: 'applicant',
  title: '用人单位查看一份应聘（首次查看时告知求职者“企业已查看”）',
  input: z.strictObject({ applicationId: applicationIdSchema }),
  output: z.object({ application: applicantDetailSchema }),
  roles: ['employer'],
  example: { applicationId: 'application-example' },
  writes: true,
});

const NOTE_REQUIRED: Partial<Record<(typeof EMPLOYER_EVENTS)[number], string>> = {
  invite: '请填写面试时间和地点，求职者会看到',
  reject: '请填写不合适的原因，求职者会看到',
};

export const moveApplication = defineAction({
  fn: 'jobs',
  action: 'moveApplication',
  title: '用人单位处理应聘：邀请面试、录用、确认入职或不合适（求职者会收到通知）',
  input: z
    .strictObject({
      applicationId: applicationIdSchema,
      event: z.enum(EMPLOYER_EVENTS, { error: '请选择要进行的操作' }),
      /** To the applicant: the interview's time and place, the reason, or words with an offer. */
      note: z.string().trim().max(200, { error: '不超过200个字' }).default(''),
      /** The employer's own note; the applicant never sees it. null keeps the previous one. */
      employerNote: z
        .string()
        .trim()
        .max(200, { error: '内部备注不超过200个字' })
        .nullable()
        .default(null),
    })
    .superRefine((input, ctx) => {
      const required = NOTE_REQUIRED[input.event];
      if (required && !input.note)
        ctx.addIssue({ code: 'custom', message: required, path: ['note'] });
    }),
  output: z.object({ application: applicantDetailSchema }),
  roles: ['employer'],
  example: {
    applicationId: 'application-example',
    event: 'invite',
    note: '11月25日上午9点，任城区示例路8号一楼人事部，请带身份证',
  },
  writes: true,
});
