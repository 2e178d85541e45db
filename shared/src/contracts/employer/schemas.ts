/**
 * Field schemas and views of the employer function (issue 4): company onboarding, vacancies, the
 * staff review queue and the vacancy ledger. Occupation existence is checked in the cloud.
 */
import { parseUscc } from '../../identity/uscc';
import {
  CLOSE_REASONS,
  COMPANY_STATUSES,
  INDUSTRY_SECTIONS,
  MAX_VALIDITY_DAYS,
  MINIMUM_MONTHLY_WAGE,
  VACANCY_STATUSES,
} from '../../vacancy';
import { z } from '../../zod';
import {
  EDUCATION_LEVELS,
  locationSchema,
  mobileSchema,
  occupationCodeSchema,
  WORK_TYPES,
} from '../registration/schemas';
import { townshipCodeSchema } from '../user/common';

export const usccSchema = z
  .string()
  .superRefine((text, ctx) => {
    const parsed = parseUscc(text);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.reason });
  })
  .transform((text) => {
    const parsed = parseUscc(text);
    return parsed.ok ? parsed.value.code : text;
  });

export const companyStatusSchema = z.enum(COMPANY_STATUSES);
export const vacancyStatusSchema = z.enum(VACANCY_STATUSES);
export const closeReasonSchema = z.enum(CLOSE_REASONS);
export const idSchema = z.string().min(1).max(64);

const dateText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: '请选择日期（年-月-日）' });
const text = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, { error: `${label}不超过${max}个字` })
    .default('');

export const companyInput = z.strictObject({
  name: z.string().trim().min(4, { error: '请填写营业执照上的单位名称' }).max(60),
  uscc: usccSchema,
  industry: z.enum(INDUSTRY_SECTIONS, { error: '请选择所属行业门类' }),
  township: townshipCodeSchema,
  address: z.string().trim().min(2, { error: '请填写单位地址' }).max(100),
  contactName: z.string().trim().min(2, { error: '请填写联系人姓名' }).max(20),
  contactMobile: mobileSchema,
  /** The company's own point (weapp chooseLocation); absent: the township's centre. */
  location: locationSchema.nullable().default(null),
});

/** A point on the map, WGS-84 degrees. */
export const pointSchema = z.object({ lng: z.number(), lat: z.number() });
export type Point = z.output<typeof pointSchema>;

export const companyViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  uscc: z.string(),
  industry: z.string(),
  township: z.string(),
  townshipLabel: z.string(),
  address: z.string(),
  contactName: z.string(),
  contactMobile: z.string(),
  status: companyStatusSchema,
  statusLabel: z.string(),
  /** Why staff did not verify the company; the employer sees it. */
  rejectReason: z.string().nullable(),
  /** Submitted again after a rejection: why it was not verified last time (for staff). */
  previousRejectReason: z.string().nullable().default(null),
  /** Its own point, or the township's centre when none was given. */
  location: pointSchema.nullable().default(null),
});
export type CompanyView = z.output<typeof companyViewSchema>;

export const vacancyFlagsSchema = z.strictObject({
  /** 公益性岗位 */
  publicWelfare: z.boolean().default(false),
  /** 见习岗位 (for graduates) */
  internship: z.boolean().default(false),
  /** 援助/爱心岗位, friendly to 就业困难人员 */
  assistance: z.boolean().default(false),
  /** Suitable for disabled workers */
  disabilityFriendly: z.boolean().default(false),
});
export const VACANCY_FLAGS = [
  'publicWelfare',
  'internship',
  'assistance',
  'disabilityFriendly',
] as const;
export const VACANCY_FLAG_LABELS: Record<(typeof VACANCY_FLAGS)[number], string> = {
  publicWelfare: '公益性岗位',
  internship: '见习岗位',
  assistance: '援助岗位',
  disabilityFriendly: '适合残疾人',
};

const salary = (label: string) =>
  z
    .number({ error: `请填写${label}` })
    .int({ error: '请填写整数' })
    .min(MINIMUM_MONTHLY_WAGE, {
      error: `${label}不能低于本地月最低工资标准${MINIMUM_MONTHLY_WAGE}元`,
    })
    .max(200000, { error: `${label}不超过200000元` });

export const MAX_CERTIFICATES = 5;

/** A vacancy's minimum education as seekers read it; null (不限) has no label. */
export const MIN_EDUCATION_LABELS: Record<(typeof EDUCATION_LEVELS)[number], string> = {
  primary: '小学及以上',
  juniorHigh: '初中及以上',
  seniorHigh: '高中及以上',
  secondaryVocational: '中专/技校及以上',
  juniorCollege: '大专及以上',
  bachelor: '本科及以上',
  master: '硕士及以上',
  doctor: '博士',
};

/** The ad's fields, shared by the employer's save and the market staff's edit. */
export const vacancyFields = {
  title: z
    .string()
    .trim()
    .min(2, { error: '请填写岗位名称' })
    .max(30, { error: '岗位名称不超过30个字' }),
  description: text(1000, '岗位描述'),
  occupationCode: occupationCodeSchema,
  headcount: z
    .number({ error: '请填写招聘人数' })
    .int({ error: '请填写整数' })
    .min(1, { error: '招聘人数至少1人' })
    .max(999, { error: '招聘人数不超过999人' }),
  salaryMin: salary('最低月薪'),
  salaryMax: salary('最高月薪'),
  workType: z.enum(WORK_TYPES, { error: '请选择工作方式' }),
  /** Defaults to the company's township. */
  township: townshipCodeSchema.nullable().default(null),
  /** Defaults to the company's point (same township), else the township's centre. */
  location: locationSchema.nullable().default(null),
  requirements: text(1000, '任职要求'),
  /** null: 不限. */
  minEducation: z.enum(EDUCATION_LEVELS, { error: '请选择最低学历' }).nullable().default(null),
  /** 0: 不限. */
  minExperienceYears: z
    .number({ error: '请填写工作经验年限' })
    .int({ error: '请填写整数' })
    .min(0, { error: '工作经验年限不能为负数' })
    .max(30, { error: '工作经验年限不超过30年' })
    .default(0),
  /** Only certificates the job legally needs (特种作业操作证 etc.), e.g. 叉车证、电工证. */
  certificates: z
    .array(
      z
        .string()
        .trim()
        .min(2, { error: '证书名称至少2个字' })
        .max(20, { error: '证书名称不超过20个字' }),
    )
    .max(MAX_CERTIFICATES, { error: `证书最多填${MAX_CERTIFICATES}个` })
    .default([]),
  benefits: text(500, '福利待遇'),
  flags: vacancyFlagsSchema.default({
    publicWelfare: false,
    internship: false,
    assistance: false,
    disabilityFriendly: false,
  }),
  /**
   * A date; null: `validDays` from today (the server's), else an edit keeps its date and a new
   * vacancy gets today + DEFAULT_VALIDITY_DAYS. At most today + MAX_VALIDITY_DAYS.
   */
  validUntil: dateText.nullable().default(null),
};

/** Days from the server's today, so a date is never worked out on the phone's clock. */
export const validDaysSchema = z
  .number()
  .int({ error: '请选择有效天数' })
  .min(1, { error: '有效期至少1天' })
  .max(MAX_VALIDITY_DAYS, { error: `有效期最长${MAX_VALIDITY_DAYS}天` })
  .nullable()
  .default(null);

const salaryOrder = {
  error: '最低月薪不能高于最高月薪',
  path: ['salaryMin'],
};

export const vacancyInput = z
  .strictObject({
    /** Absent: a new vacancy. */
    id: idSchema.optional(),
    ...vacancyFields,
    /** Instead of a date: valid for this many days from the server's today. */
    validDays: validDaysSchema,
    /** false keeps it a draft; true submits it (published, or to staff review). */
    submit: z.boolean().default(true),
  })
  .refine((v) => v.salaryMin <= v.salaryMax, salaryOrder);

export const vacancyViewSchema = z.object({
  id: z.string(),
  companyName: z.string(),
  title: z.string(),
  description: z.string(),
  occupationCode: z.string(),
  occupationName: z.string(),
  headcount: z.number(),
  salaryMin: z.number(),
  salaryMax: z.number(),
  workType: z.enum(WORK_TYPES),
  workTypeLabel: z.string(),
  township: z.string(),
  townshipLabel: z.string(),
  requirements: z.string(),
  minEducation: z.enum(EDUCATION_LEVELS).nullable().default(null),
  /** '大专及以上'; null for 不限. */
  minEducationLabel: z.string().nullable().default(null),
  minExperienceYears: z.number().int().default(0),
  certificates: z.array(z.string()).default([]),
  /** Where the work is: the vacancy's own point, the company's, or the township's centre. */
  location: pointSchema.nullable().default(null),
  benefits: z.string(),
  flags: z.object({
    publicWelfare: z.boolean(),
    internship: z.boolean(),
    assistance: z.boolean(),
    disabilityFriendly: z.boolean(),
  }),
  validUntil: z.string(),
  status: vacancyStatusSchema,
  statusLabel: z.string(),
  /** Why it waits for staff review (flagged wording, unverified company). */
  reviewReasons: z.array(z.string()),
  /** Staff's reason for not approving; the employer sees it. */
  rejectReason: z.string().nullable(),
  /** The latest edit by market staff, with what they changed and why (the employer sees it). */
  staffNote: z.object({ at: z.string(), note: z.string() }).nullable().default(null),
  /** The content version (+1 at every change of the ad); a review decision names the one seen. */
  version: z.number().int().default(0),
  updatedAt: z.string(),
});
export type VacancyView = z.output<typeof vacancyViewSchema>;

export const ledgerRowSchema = vacancyViewSchema.extend({
  companyId: z.string(),
  /** 备注 of the ledger for expired and closed vacancies (000 §2(4)). */
  remark: z.string(),
});
export type LedgerRow = z.output<typeof ledgerRowSchema>;
