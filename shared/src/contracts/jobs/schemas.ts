/**
 * Field schemas and views of the jobs function (issue 4 "Managing", issue 5 "Applications"):
 * the public, non-personalised list of open vacancies, applying with the fields the applicant
 * chooses to share, and the employer's side of the applications. A public view never carries
 * the vacancy's review findings, staff notes or who created it; an applicant's view never
 * carries the employer's internal note.
 */
import { COUNTIES } from '../../data/divisions';
import { APPLICATION_STATUSES, VACANCY_STATUSES } from '../../vacancy';
import { z } from '../../zod';
import { WORK_TYPES } from '../registration/schemas';
import { townshipCodeSchema } from '../user/common';

export const applicationStatusSchema = z.enum(APPLICATION_STATUSES);

const idSchema = z.string().min(1).max(64);
export const vacancyIdSchema = idSchema;
export const applicationIdSchema = idSchema;

const VACANCY_FLAG_KEYS = [
  'publicWelfare',
  'internship',
  'assistance',
  'disabilityFriendly',
] as const;

/** A level of the occupation classification 2022: '6', '6-25', '6-25-04' or '6-25-04-07'. */
export const occupationPrefixSchema = z
  .string()
  .regex(/^\d(-\d{2}){0,3}$/, { error: '请从职业分类中选择' });

export const countyCodeSchema = z
  .string()
  .refine((code) => COUNTIES.some((c) => c.code === code), { error: '请选择区（县、市）' });

export const jobSearchInput = z.strictObject({
  /** One county (区县); ignored when a township is chosen. */
  county: countyCodeSchema.nullable().default(null),
  township: townshipCodeSchema.nullable().default(null),
  /** Any level of the classification: the vacancy's occupation code starts with it. */
  occupation: occupationPrefixSchema.nullable().default(null),
  /** The lowest monthly pay the seeker would take: vacancies whose top of range reaches it. */
  salaryMin: z
    .number({ error: '请填写月薪' })
    .int({ error: '请填写整数' })
    .min(0, { error: '月薪不能为负数' })
    .max(200000, { error: '月薪不超过200000元' })
    .nullable()
    .default(null),
  workType: z.enum(WORK_TYPES, { error: '请选择工作方式' }).nullable().default(null),
  /** Every chosen flag must hold (公益性岗位 and 见习岗位: both). */
  flags: z.array(z.enum(VACANCY_FLAG_KEYS)).max(4).default([]),
  /** Part of the title or of the company's name. */
  keyword: z.string().trim().max(30, { error: '关键词不超过30个字' }).default(''),
  page: z.number().int().min(1).max(500).default(1),
  pageSize: z.number().int().min(1).max(20).default(10),
});
export type JobSearchInput = z.input<typeof jobSearchInput>;

const flagsSchema = z.object({
  publicWelfare: z.boolean(),
  internship: z.boolean(),
  assistance: z.boolean(),
  disabilityFriendly: z.boolean(),
});

/** A vacancy as anyone may see it: what the ad says, nothing of its review or its author. */
export const publicVacancySchema = z.object({
  id: z.string(),
  title: z.string(),
  companyName: z.string(),
  occupationCode: z.string(),
  occupationName: z.string(),
  headcount: z.number(),
  salaryMin: z.number(),
  salaryMax: z.number(),
  workType: z.enum(WORK_TYPES),
  workTypeLabel: z.string(),
  township: z.string(),
  townshipLabel: z.string(),
  flags: flagsSchema,
  /** The flags' names, e.g. ['公益性岗位', '适合残疾人']. */
  flagLabels: z.array(z.string()),
  validUntil: z.string(),
  /** '高中及以上'; null: 不限. */
  minEducationLabel: z.string().nullable(),
  /** 0: 不限. */
  minExperienceYears: z.number(),
  certificates: z.array(z.string()),
  /** When it was posted (ISO). */
  postedAt: z.string(),
  /** The caller has applied to it. */
  applied: z.boolean(),
});
export type PublicVacancy = z.output<typeof publicVacancySchema>;

export const SHARE_KEYS = ['mobile', 'education', 'workHistory'] as const;
export type ShareKey = (typeof SHARE_KEYS)[number];
export const SHARE_LABELS: Record<ShareKey, string> = {
  mobile: '手机号',
  education: '学历',
  workHistory: '工作经历',
};
/** Always sent with an application; the ID number masked (370811********123X). */
export const ALWAYS_SHARED = ['姓名', '性别', '年龄', '身份证号（隐去中间8位）'] as const;

export const shareSchema = z.strictObject({
  mobile: z.boolean().default(false),
  education: z.boolean().default(false),
  workHistory: z.boolean().default(false),
});

export const historyEntrySchema = z.object({
  at: z.string(),
  label: z.string(),
  /** What the employer told the applicant with it (interview note, reason); never internal. */
  note: z.string().nullable(),
});

/** One application as its applicant sees it. */
export const myApplicationSchema = z.object({
  id: z.string(),
  vacancyId: z.string(),
  vacancy: z.object({
    title: z.string(),
    companyName: z.string(),
    townshipLabel: z.string(),
    salaryMin: z.number(),
    salaryMax: z.number(),
    workTypeLabel: z.string(),
  }),
  status: applicationStatusSchema,
  statusLabel: z.string(),
  /** Interview time and place, when invited. */
  interviewNote: z.string().nullable(),
  /** The employer's words with the offer. */
  offerNote: z.string().nullable(),
  /** Why not, when the employer declined. */
  rejectReason: z.string().nullable(),
  shared: shareSchema.required(),
  /** The labels of what was shared, always-shared items first. */
  sharedLabels: z.array(z.string()),
  message: z.string(),
  appliedAt: z.string(),
  updatedAt: z.string(),
  canWithdraw: z.boolean(),
  /** The vacancy still takes applications. */
  vacancyOpen: z.boolean(),
  history: z.array(historyEntrySchema),
});
export type MyApplication = z.output<typeof myApplicationSchema>;

export const vacancyDetailSchema = publicVacancySchema.extend({
  description: z.string(),
  requirements: z.string(),
  benefits: z.string(),
  /** Still taking applications. */
  open: z.boolean(),
  /** '招聘中', or why not ('已停止招聘') — shown only to someone who has applied. */
  statusLabel: z.string(),
  application: myApplicationSchema.nullable(),
  /** Why the caller cannot apply (shown instead of the button); null: they can. */
  cannotApply: z
    .object({
      reason: z.enum(['notRegistered', 'consentWithdrawn', 'notCitizen', 'closed']),
      message: z.string(),
    })
    .nullable(),
});
export type VacancyDetail = z.output<typeof vacancyDetailSchema>;

/** Counts per application status (every status present). */
export const statusCountsSchema = z.object(
  Object.fromEntries(APPLICATION_STATUSES.map((s) => [s, z.number().int()])) as Record<
    (typeof APPLICATION_STATUSES)[number],
    z.ZodNumber
  >,
);
export type StatusCounts = z.output<typeof statusCountsSchema>;

export const applicantSummarySchema = z.object({
  id: z.string(),
  vacancyId: z.string(),
  vacancyTitle: z.string(),
  name: z.string(),
  sexLabel: z.string(),
  age: z.number().nullable(),
  status: applicationStatusSchema,
  statusLabel: z.string(),
  appliedAt: z.string(),
  updatedAt: z.string(),
});
export type ApplicantSummary = z.output<typeof applicantSummarySchema>;

export const EMPLOYER_EVENTS = ['invite', 'offer', 'hire', 'reject'] as const;
export type EmployerEvent = (typeof EMPLOYER_EVENTS)[number];
export const EMPLOYER_EVENT_LABELS: Record<EmployerEvent, string> = {
  invite: '邀请面试',
  offer: '录用',
  hire: '确认入职',
  reject: '不合适',
};

/** One application as the employer sees it: only what the applicant chose to share. */
export const applicantDetailSchema = applicantSummarySchema.extend({
  idMasked: z.string(),
  /** null: not shared. */
  mobile: z.string().nullable(),
  educationLabel: z.string().nullable(),
  workHistory: z
    .object({ lastEmployer: z.string(), separationDate: z.string().nullable() })
    .nullable(),
  message: z.string(),
  interviewNote: z.string().nullable(),
  offerNote: z.string().nullable(),
  rejectReason: z.string().nullable(),
  /** The employer's own note; the applicant never sees it. */
  employerNote: z.string().nullable(),
  history: z.array(historyEntrySchema),
  /** What the employer can do next. */
  nextEvents: z.array(z.object({ event: z.enum(EMPLOYER_EVENTS), label: z.string() })),
});
export type ApplicantDetail = z.output<typeof applicantDetailSchema>;

export const employerVacancyCountsSchema = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(VACANCY_STATUSES),
  statusLabel: z.string(),
  total: z.number().int(),
  counts: statusCountsSchema,
});

/** The statuses as the employer reads them (the applicant reads APPLICATION_STATUS_LABELS). */
export const EMPLOYER_STATUS_LABELS: Record<(typeof APPLICATION_STATUSES)[number], string> = {
  applied: '新投递',
  viewed: '已查看',
  interview: '已邀面试',
  offered: '已录用',
  hired: '已入职',
  rejected: '不合适',
  withdrawn: '已撤回',
};

/** `application_log` events as the applicant reads them. */
export const APPLICANT_HISTORY_LABELS: Record<string, string> = {
  apply: '投递简历',
  view: '企业查看了您的简历',
  invite: '企业邀请您面试',
  offer: '企业决定录用您',
  hire: '企业确认您已入职',
  reject: '企业认为暂不合适',
  withdraw: '您撤回了投递',
  remind: '已提醒企业尽快处理',
  escalate: '企业超过14天未答复，已转交企业服务专员督促处理',
};

/** `application_log` events as the employer reads them. */
export const EMPLOYER_HISTORY_LABELS: Record<string, string> = {
  apply: '求职者投递',
  view: '首次查看',
  invite: '邀请面试',
  offer: '录用',
  hire: '确认入职',
  reject: '标记为不合适',
  withdraw: '求职者撤回了投递',
  remind: '系统提醒：超过7天未答复',
  escalate: '超过14天未答复，已转交企业服务专员',
};
