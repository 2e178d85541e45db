/**
 * Field schemas of the unemployment registration form, shared by the client (validating each
 * step at its fields) and the cloud (validating again on submit). Messages say what to fix.
 * Checks that need large reference data (occupation codes exist) run in the cloud function, so
 * the client's main package stays small.
 */
import { DECLARATION_KEYS, KEY_GROUP_TAGS } from '../../eligibility/keyGroups';
import { RETIREMENT_CATEGORIES } from '../../eligibility/retirement';
import { parseIdCard } from '../../identity/idCard';
import { CANCEL_REASONS, REGISTRATION_STATUSES } from '../../registration/lifecycle';
import { z } from '../../zod';
import { staffOrgSchema, townshipCodeSchema } from '../user/common';

export const EDUCATION_LEVELS = [
  'primary',
  'juniorHigh',
  'seniorHigh',
  'secondaryVocational',
  'juniorCollege',
  'bachelor',
  'master',
  'doctor',
] as const;
export const EDUCATION_LABELS: Record<(typeof EDUCATION_LEVELS)[number], string> = {
  primary: '小学及以下',
  juniorHigh: '初中',
  seniorHigh: '高中',
  secondaryVocational: '中专/技校',
  juniorCollege: '大专',
  bachelor: '本科',
  master: '硕士',
  doctor: '博士',
};

export const HUKOU_TYPES = ['urban', 'rural'] as const;
export const HUKOU_TYPE_LABELS: Record<(typeof HUKOU_TYPES)[number], string> = {
  urban: '城镇户口',
  rural: '农村户口',
};

export const SEPARATION_REASONS = [
  'contractEnded',
  'dismissed',
  'resigned',
  'bankruptcy',
  'graduated',
  'neverEmployed',
  'other',
] as const;
export const SEPARATION_REASON_LABELS: Record<(typeof SEPARATION_REASONS)[number], string> = {
  contractEnded: '劳动合同期满终止',
  dismissed: '被用人单位解除劳动合同',
  resigned: '本人辞职',
  bankruptcy: '单位破产、关闭或裁员',
  graduated: '毕业后未就业',
  neverEmployed: '从未就业',
  other: '其他',
};

export const WORK_TYPES = ['fullTime', 'partTime', 'flexible'] as const;
export const WORK_TYPE_LABELS: Record<(typeof WORK_TYPES)[number], string> = {
  fullTime: '全职',
  partTime: '兼职',
  flexible: '灵活就业',
};
/**
 * The same work types said of a VACANCY: an employer's 灵活用工 (flexible hours, gig work), not a
 * person's 灵活就业 (the employment status a seeker may wish for or be registered as).
 */
export const VACANCY_WORK_TYPE_LABELS: Record<(typeof WORK_TYPES)[number], string> = {
  fullTime: '全职',
  partTime: '兼职',
  flexible: '灵活用工',
};

const dateText = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '请选择日期' })
  .refine(
    (d) =>
      !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) &&
      new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    {
      error: '日期不存在，请重新选择',
    },
  );

export const idNumberSchema = z
  .string()
  .superRefine((text, ctx) => {
    const parsed = parseIdCard(text);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.reason });
  })
  .transform((text) => {
    const parsed = parseIdCard(text);
    return parsed.ok ? parsed.value.id : text;
  });

/** Mainland mobile numbers: 11 digits starting 13–19; spaces and dashes are dropped. */
export const mobileSchema = z
  .string()
  .transform((t) => t.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^1[3-9]\d{9}$/, { error: '请输入11位中国大陆手机号码' }));

const personName = z
  .string()
  .trim()
  .min(2, { error: '请填写身份证上的姓名' })
  .max(20, { error: '姓名不超过20个字' })
  .regex(/^[\u4e00-\u9fa5·•A-Za-z ]+$/, { error: '姓名只能包含汉字、字母和间隔号“·”' });

export const locationSchema = z.object({
  lng: z.number().min(73, { error: '位置不在中国境内' }).max(136),
  lat: z.number().min(3, { error: '位置不在中国境内' }).max(54),
});

export const identitySchema = z.strictObject({
  name: personName,
  idNumber: idNumberSchema,
  /** Women choose whether their original retirement age is 55 (管理、技术岗位) or 50. */
  retirementCategory: z.enum(RETIREMENT_CATEGORIES, { error: '请选择退休年龄类别' }),
  mobile: mobileSchema,
  hukouPlace: z.string().trim().min(2, { error: '请填写户籍所在地' }).max(50),
  hukouType: z.enum(HUKOU_TYPES, { error: '请选择户口性质' }),
  township: townshipCodeSchema,
  community: z.string().trim().min(2, { error: '请填写居住的社区或村' }).max(30),
  location: locationSchema.nullable().default(null),
  education: z.enum(EDUCATION_LEVELS, { error: '请选择学历' }),
  /** Graduates: the date of leaving school (for "离校2年内"). */
  graduationDate: dateText.nullable().default(null),
});

export const workSchema = z
  .strictObject({
    lastEmployer: z.string().trim().max(50, { error: '单位名称不超过50个字' }).default(''),
    separationDate: dateText.nullable().default(null),
    separationReason: z.enum(SEPARATION_REASONS, { error: '请选择失业原因' }),
    insured: z.boolean({ error: '请选择是否参加了失业保险' }),
    claimInsurance: z.boolean().default(false),
  })
  .refine((w) => w.insured || !w.claimInsurance, {
    error: '未参加失业保险的不能申领失业保险金',
    path: ['claimInsurance'],
  })
  .refine(
    (w) =>
      w.separationReason === 'neverEmployed' ||
      w.separationReason === 'graduated' ||
      w.separationDate !== null,
    {
      error: '请选择与原单位解除劳动关系的日期',
      path: ['separationDate'],
    },
  );

export const declarationsSchema = z
  .strictObject({
    disabled: z.boolean().default(false),
    /** 残疾人证号: the 18-character ID number and 2 digits of category and grade. */
    disabilityCertNo: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^\d{17}[\dX]\d{2}$/, { error: '残疾人证号为20位（身份证号加2位类别等级）' })
      .nullable()
      .default(null),
    dibao: z.boolean().default(false),
    zeroEmploymentFamily: z.boolean().default(false),
    povertyAlleviated: z.boolean().default(false),
    veteran: z.boolean().default(false),
    returningMigrant: z.boolean().default(false),
  })
  .refine((d) => !d.disabled || d.disabilityCertNo !== null, {
    error: '申报残疾的请填写残疾人证号',
    path: ['disabilityCertNo'],
  });

/** Occupation codes of the classification 2022 at the occupation level, e.g. 4-02-06-03. */
export const occupationCodeSchema = z
  .string()
  .regex(/^\d-\d{2}-\d{2}-\d{2}$/, { error: '请从职业列表中选择' });

export const wishesSchema = z
  .strictObject({
    occupations: z
      .array(occupationCodeSchema)
      .min(1, { error: '请至少选择1个意向职业' })
      .max(3, { error: '意向职业最多选3个' }),
    salaryMin: z.number().int({ error: '请填写整数' }).min(0).max(100000),
    salaryMax: z.number().int({ error: '请填写整数' }).min(0).max(100000),
    commuteKm: z
      .number()
      .int({ error: '请填写整数' })
      .min(1, { error: '通勤距离至少1公里' })
      .max(100, { error: '通勤距离不超过100公里' }),
    workTypes: z.array(z.enum(WORK_TYPES)).min(1, { error: '请至少选择一种工作方式' }).max(3),
    wantsTraining: z.boolean().default(false),
    trainingNeed: z.string().trim().max(100, { error: '不超过100个字' }).default(''),
    entrepreneurship: z.boolean().default(false),
    /**
     * 离校2年内高校毕业生 only: whether they want a 就业见习 place (000 §5(3)). Absent: not asked
     * (not a recent graduate, or registered before the question) — a recent graduate then counts
     * as wanting one (`wantsInternship` in shared/src/matching/internship.ts). The registration
     * function drops the answer of anyone who is not a recent graduate when it is stored.
     */
    wantsInternship: z.boolean({ error: '请选择是否愿意参加就业见习' }).optional(),
  })
  .refine((w) => w.salaryMin <= w.salaryMax, {
    error: '最低期望月薪不能高于最高期望月薪',
    path: ['salaryMin'],
  });

/** A draft keeps whatever the citizen has typed so far; strict checks run on submit. */
const loose = (max = 100) => z.string().max(max, { error: `不超过${max}个字符` });
export const draftSectionsSchema = z.strictObject({
  identity: z
    .strictObject({
      name: loose(20),
      idNumber: loose(30),
      retirementCategory: z.enum(RETIREMENT_CATEGORIES),
      mobile: loose(20),
      hukouPlace: loose(50),
      hukouType: z.enum(HUKOU_TYPES),
      township: townshipCodeSchema,
      community: loose(30),
      location: locationSchema.nullable(),
      education: z.enum(EDUCATION_LEVELS),
      graduationDate: dateText.nullable(),
    })
    .partial()
    .optional(),
  work: z
    .strictObject({
      lastEmployer: loose(50),
      separationDate: dateText.nullable(),
      separationReason: z.enum(SEPARATION_REASONS),
      insured: z.boolean(),
      claimInsurance: z.boolean(),
    })
    .partial()
    .optional(),
  declarations: z
    .strictObject({
      disabled: z.boolean(),
      disabilityCertNo: loose(30).nullable(),
      dibao: z.boolean(),
      zeroEmploymentFamily: z.boolean(),
      povertyAlleviated: z.boolean(),
      veteran: z.boolean(),
      returningMigrant: z.boolean(),
    })
    .partial()
    .optional(),
  wishes: z
    .strictObject({
      occupations: z.array(occupationCodeSchema).max(3, { error: '意向职业最多选3个' }),
      salaryMin: z.number().int().min(0).max(100000),
      salaryMax: z.number().int().min(0).max(100000),
      commuteKm: z.number().int().min(1).max(100),
      workTypes: z.array(z.enum(WORK_TYPES)).max(3),
      wantsTraining: z.boolean(),
      trainingNeed: loose(100),
      entrepreneurship: z.boolean(),
      wantsInternship: z.boolean(),
    })
    .partial()
    .optional(),
});

export const FORM_STEPS = ['identity', 'work', 'declarations', 'wishes'] as const;
export type FormStep = (typeof FORM_STEPS)[number];

export const FORM_STEP_LABELS: Record<FormStep, string> = {
  identity: '基本信息',
  work: '工作经历',
  declarations: '重点群体申报',
  wishes: '求职意向',
};

/**
 * What each form field is called, keyed like the `fields` of a VALIDATION error
 * ('identity.idNumber'), so a message about a missing field can name it.
 */
export const FIELD_LABELS: Record<string, string> = {
  'identity.name': '姓名',
  'identity.idNumber': '身份证号码',
  'identity.retirementCategory': '退休年龄类别',
  'identity.mobile': '手机号码',
  'identity.hukouPlace': '户籍所在地',
  'identity.hukouType': '户口性质',
  'identity.township': '居住的乡镇（街道）',
  'identity.community': '居住的社区或村',
  'identity.location': '位置',
  'identity.education': '学历',
  'identity.graduationDate': '毕业（离校）日期',
  'work.lastEmployer': '原工作单位',
  'work.separationDate': '解除劳动关系日期',
  'work.separationReason': '失业原因',
  'work.insured': '是否参加失业保险',
  'work.claimInsurance': '是否申领失业保险金',
  'declarations.disabled': '残疾人',
  'declarations.disabilityCertNo': '残疾人证号',
  'declarations.dibao': '低保家庭成员',
  'declarations.zeroEmploymentFamily': '零就业家庭成员',
  'declarations.povertyAlleviated': '脱贫劳动力',
  'declarations.veteran': '退役军人',
  'declarations.returningMigrant': '返乡农民工',
  'wishes.occupations': '意向职业',
  'wishes.salaryMin': '最低期望月薪',
  'wishes.salaryMax': '最高期望月薪',
  'wishes.commuteKm': '可接受的通勤距离',
  'wishes.workTypes': '工作方式',
  'wishes.wantsTraining': '培训需求',
  'wishes.trainingNeed': '想参加的培训',
  'wishes.entrepreneurship': '创业意向',
  'wishes.wantsInternship': '愿意参加就业见习',
};

export const registrationStatusSchema = z.enum(REGISTRATION_STATUSES);
export const cancelReasonSchema = z.enum(CANCEL_REASONS, { error: '请选择注销原因' });
export const tagSchema = z.enum(KEY_GROUP_TAGS);
export const declarationKeySchema = z.enum(DECLARATION_KEYS);

export const caseworkerCardSchema = z.object({
  name: z.string(),
  org: staffOrgSchema,
  orgLabel: z.string(),
  /** The service hotline of the caseworker's organisation (not a personal number). */
  phone: z.string(),
});

const tagView = z.object({ key: tagSchema, label: z.string() });
const pendingView = z.object({
  key: declarationKeySchema,
  label: z.string(),
  evidence: z.string(),
});

/** What the citizen sees of their own registration: their own data in full. */
export const ownRegistrationSchema = z.object({
  id: z.string(),
  status: registrationStatusSchema,
  statusLabel: z.string(),
  /** The form step the citizen was on when they last saved (0 identity … 3 wishes). */
  step: z.number().int(),
  draft: draftSectionsSchema,
  tags: z.array(tagView),
  pendingVerifications: z.array(pendingView),
  caseworker: caseworkerCardSchema.nullable(),
  claimInsurance: z.boolean(),
  submittedAt: z.string().nullable(),
  registeredAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  closeReasonLabel: z.string().nullable(),
  nextSteps: z.array(z.string()),
  updatedAt: z.string(),
});
export type OwnRegistration = z.output<typeof ownRegistrationSchema>;

/** A person as their caseworker or a supervisor sees them: ID number masked. */
export const personSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  idMasked: z.string(),
  sex: z.enum(['male', 'female']),
  age: z.number().int(),
  township: z.string(),
  townshipLabel: z.string(),
  status: registrationStatusSchema,
  statusLabel: z.string(),
  tags: z.array(tagView),
  employmentDifficulty: z.boolean(),
  pendingVerifications: z.array(pendingView),
  consentWithdrawn: z.boolean(),
  /** On the cancellation list: the statutory retirement age is reached (000 §1(4)). */
  reachedRetirement: z.boolean(),
  claimInsurance: z.boolean(),
  submittedAt: z.string().nullable(),
});
export type PersonSummary = z.output<typeof personSummarySchema>;

export const personDetailSchema = personSummarySchema.extend({
  mobile: z.string(),
  community: z.string(),
  hukouPlace: z.string(),
  hukouTypeLabel: z.string(),
  educationLabel: z.string(),
  graduationDate: z.string().nullable(),
  work: z.object({
    lastEmployer: z.string(),
    separationDate: z.string().nullable(),
    separationReasonLabel: z.string(),
    insured: z.boolean(),
  }),
  declared: z.array(
    z.object({ key: declarationKeySchema, label: z.string(), verified: z.boolean() }),
  ),
  wishes: z.object({
    occupations: z.array(z.object({ code: z.string(), name: z.string() })),
    salaryMin: z.number(),
    salaryMax: z.number(),
    commuteKm: z.number(),
    workTypeLabels: z.array(z.string()),
    wantsTraining: z.boolean(),
    trainingNeed: z.string(),
    entrepreneurship: z.boolean(),
  }),
  caseworker: caseworkerCardSchema.nullable(),
  history: z.array(
    z.object({
      at: z.string(),
      event: z.string(),
      label: z.string(),
      by: z.string(),
      reason: z.string().nullable(),
    }),
  ),
});
export type PersonDetail = z.output<typeof personDetailSchema>;

export const registrationIdSchema = z.string().trim().min(1, { error: '缺少登记编号' }).max(64);
