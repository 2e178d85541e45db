/**
 * Field schemas and views of the training function (issue 6): courses as staff and institutions
 * publish them, the catalogue and bookings as a seeker sees them, the roster, certificate tasks
 * and the caseworker's view of offers. Checks that need reference data (occupation codes exist,
 * the institution is in scope) run in the cloud.
 */
import { KEY_GROUP_TAGS } from '../../eligibility/keyGroups';
import { CERTIFICATE_STATUSES } from '../../training/certificates';
import {
  COURSE_EDIT_STATUSES,
  COURSE_MODES,
  COURSE_STATUSES,
  ENROLMENT_STATES,
  INSTITUTION_KINDS,
  SKILL_LEVELS,
} from '../../training/course';
import { BOOKING_STATUSES } from '../../training/lifecycle';
import { FUNDING_KINDS } from '../../training/quota';
import { z } from '../../zod';
import { mobileSchema, occupationCodeSchema } from '../registration/schemas';
import { townshipCodeSchema } from '../user/common';

/** A document id (a course, booking, institution or certificate task). */
export const trainingIdSchema = z
  .string({ error: '编号应为文字' })
  .trim()
  .min(1, { error: '缺少编号' })
  .max(64, { error: '编号不正确' });

const dayText = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '请选择日期（年-月-日）' })
  .refine(
    (d) => {
      // Runs after a failed pattern too (zod 4 checks do not abort): never throw on junk.
      const day = new Date(`${d}T00:00:00Z`);
      return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(d);
    },
    { error: '日期不存在，请重新选择' },
  );
const clockText = z
  .string()
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: '请填写时间（时:分），如 09:00' });

const text = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, { error: `${label}不超过${max}个字` })
    .default('');

export const sessionSchema = z
  .strictObject({
    date: dayText,
    start: clockText,
    end: clockText,
    /** Online theory (true) or offline teaching and practice at the course's place. */
    online: z.boolean(),
    topic: text(30, '课时内容'),
  })
  .refine((s) => s.end > s.start, { error: '结束时间应晚于开始时间', path: ['end'] });
export type SessionInput = z.output<typeof sessionSchema>;

export const MAX_SESSIONS = 60;

/** What staff or an institution fill in to publish or change a course. */
export const courseInput = z
  .strictObject({
    /** Absent for a new course. */
    id: trainingIdSchema.nullable().default(null),
    institutionId: trainingIdSchema,
    title: z
      .string()
      .trim()
      .min(4, { error: '课程名称至少4个字' })
      .max(40, { error: '课程名称不超过40个字' }),
    occupationCode: occupationCodeSchema,
    level: z.enum(SKILL_LEVELS, { error: '请选择培训等级' }),
    sessions: z
      .array(sessionSchema)
      .min(1, { error: '请至少安排1次课' })
      .max(MAX_SESSIONS, { error: `课次不超过${MAX_SESSIONS}次` }),
    /** Where the offline sessions take place (for an online course: the institution's township). */
    township: townshipCodeSchema,
    address: text(100, '上课地点'),
    capacity: z
      .number({ error: '请填写招生人数' })
      .int({ error: '招生人数应为整数' })
      .min(1, { error: '招生人数至少1人' })
      .max(500, { error: '招生人数不超过500人' }),
    waitlistLimit: z
      .number({ error: '请填写候补人数' })
      .int({ error: '候补人数应为整数' })
      .min(0, { error: '候补人数不能为负数' })
      .max(500, { error: '候补人数不超过500人' })
      .default(50),
    funding: z.enum(FUNDING_KINDS, { error: '请选择收费方式' }),
    /** What the trainee pays, in yuan (0 for a free course). */
    fee: z
      .number({ error: '请填写费用' })
      .int({ error: '费用应为整数（元）' })
      .min(0, { error: '费用不能为负数' })
      .max(100000, { error: '费用不超过100000元' })
      .default(0),
    subsidyRule: text(300, '补贴说明'),
    targetGroups: z.array(z.enum(KEY_GROUP_TAGS)).max(KEY_GROUP_TAGS.length).default([]),
    /** The last Shanghai day bookings are taken. */
    enrolDeadline: dayText,
    description: text(500, '课程介绍'),
    contactPhone: z
      .string()
      .trim()
      .regex(/^[\d-]{0,20}$/, { error: '咨询电话只能包含数字和“-”' })
      .default(''),
    /**
     * Taking bookings or not. A course an institution creates or changes materially waits for the
     * 就业中心's review first, and takes this state once approved.
     */
    status: z.enum(COURSE_EDIT_STATUSES).default('published'),
  })
  .refine((c) => c.funding === 'free' || c.fee > 0, {
    error: '补贴或自费课程请填写费用',
    path: ['fee'],
  })
  .refine((c) => c.funding !== 'free' || c.fee === 0, {
    error: '免费课程的费用应为0',
    path: ['fee'],
  })
  .refine((c) => c.sessions.every((s) => s.online) || c.address.length >= 2, {
    error: '有线下课时，请填写上课地点',
    path: ['address'],
  })
  .refine((c) => c.sessions.every((s) => c.enrolDeadline <= s.date), {
    error: '报名截止日期不能晚于第一次上课',
    path: ['enrolDeadline'],
  });
export type CourseInput = z.output<typeof courseInput>;

/** A course as the seeker's catalogue lists it. */
export const courseCardSchema = z.object({
  id: z.string(),
  title: z.string(),
  institutionId: z.string(),
  institutionName: z.string(),
  occupationCode: z.string(),
  occupationName: z.string(),
  level: z.enum(SKILL_LEVELS),
  levelLabel: z.string(),
  mode: z.enum(COURSE_MODES),
  modeLabel: z.string(),
  funding: z.enum(FUNDING_KINDS),
  fundingLabel: z.string(),
  fee: z.number().int(),
  township: z.string(),
  townshipLabel: z.string(),
  /** From the person's place; null when unknown or the course is online only. */
  distanceKm: z.number().nullable(),
  /** ISO instants. */
  startsAt: z.string(),
  endsAt: z.string(),
  sessionCount: z.number().int(),
  enrolDeadline: z.string(),
  enrolment: z.enum(ENROLMENT_STATES),
  enrolmentLabel: z.string(),
  capacity: z.number().int(),
  seatsLeft: z.number().int(),
  waiting: z.number().int(),
  /** The waitlist still takes people. */
  waitlistOpen: z.boolean(),
  targetGroupLabels: z.array(z.string()),
  /** Why it fits the person's training need; empty when nothing in particular. */
  reasons: z.array(z.string()),
});
export type CourseCard = z.output<typeof courseCardSchema>;

export const sessionViewSchema = z.object({
  date: z.string(),
  start: z.string(),
  end: z.string(),
  online: z.boolean(),
  topic: z.string(),
});

export const institutionViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(INSTITUTION_KINDS),
  kindLabel: z.string(),
  township: z.string(),
  townshipLabel: z.string(),
  address: z.string(),
  phone: z.string(),
});
export type InstitutionView = z.output<typeof institutionViewSchema>;

export const courseDetailSchema = courseCardSchema.extend({
  description: z.string(),
  subsidyRule: z.string(),
  address: z.string(),
  contactPhone: z.string(),
  sessions: z.array(sessionViewSchema),
  institution: institutionViewSchema,
});
export type CourseDetail = z.output<typeof courseDetailSchema>;

export const certificateViewSchema = z.object({
  status: z.enum(CERTIFICATE_STATUSES),
  statusLabel: z.string(),
  dueDate: z.string(),
  certificateNo: z.string().nullable(),
});

/** A booking as its owner sees it. */
export const bookingViewSchema = z.object({
  id: z.string(),
  courseId: z.string(),
  courseTitle: z.string(),
  institutionName: z.string(),
  status: z.enum(BOOKING_STATUSES),
  statusLabel: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  townshipLabel: z.string(),
  address: z.string(),
  modeLabel: z.string(),
  fundingLabel: z.string(),
  /** Counts toward the yearly free quota (a free or subsidised course). */
  countsQuota: z.boolean(),
  /** 1 = next in line; null unless waiting. */
  waitPosition: z.number().int().nullable(),
  /** A promoted person's deadline to confirm, ISO; null otherwise. */
  confirmBy: z.string().nullable(),
  canCancel: z.boolean(),
  canAccept: z.boolean(),
  certificate: certificateViewSchema.nullable(),
  /** Why it was cancelled, when it was. */
  note: z.string().nullable(),
  bookedAt: z.string(),
});
export type BookingView = z.output<typeof bookingViewSchema>;

/** "今年已使用 1/3 次免费培训". `registered`: the quota applies (an open registration). */
export const quotaViewSchema = z.object({
  year: z.string(),
  used: z.number().int(),
  limit: z.number().int(),
  left: z.number().int(),
  text: z.string(),
  /** Set when none is left: '2027年1月1日'. */
  renewsOn: z.string().nullable(),
  registered: z.boolean(),
});
export type QuotaView = z.output<typeof quotaViewSchema>;

/** A booking on the roster, as staff and the institution see it (for attendance and results). */
export const rosterRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  mobile: z.string(),
  status: z.enum(BOOKING_STATUSES),
  statusLabel: z.string(),
  waitPosition: z.number().int().nullable(),
  confirmBy: z.string().nullable(),
  bookedAt: z.string(),
  certificate: certificateViewSchema.nullable(),
});
export type RosterRow = z.output<typeof rosterRowSchema>;

/** A course in the staff or institution list, with its counts. */
export const staffCourseRowSchema = courseCardSchema
  .omit({ reasons: true, distanceKm: true })
  .extend({
    status: z.enum(COURSE_STATUSES),
    statusLabel: z.string(),
    confirmed: z.number().int(),
    promoted: z.number().int(),
    finished: z.number().int(),
    canEdit: z.boolean(),
    /** Why the 就业中心 did not approve it (shown to the institution); null otherwise. */
    reviewNote: z.string().nullable(),
    /** The caller may approve or reject it now (就业中心 staff in scope, while pendingReview). */
    canReview: z.boolean(),
    /** The caller may cancel the course (it has not ended, nothing attended or finished). */
    canCancel: z.boolean(),
    /** Why the course was cancelled, once it was. */
    cancelReason: z.string().nullable(),
  });
export type StaffCourseRow = z.output<typeof staffCourseRowSchema>;

export const certificateTaskSchema = z.object({
  id: z.string(),
  bookingId: z.string(),
  name: z.string(),
  courseId: z.string(),
  courseTitle: z.string(),
  institutionName: z.string(),
  occupationName: z.string(),
  township: z.string(),
  townshipLabel: z.string(),
  passedAt: z.string(),
  dueDate: z.string(),
  status: z.enum(CERTIFICATE_STATUSES),
  statusLabel: z.string(),
  overdue: z.boolean(),
  /** "还剩12天" / "今天到期" / "已超期3天" / "已发证". */
  dueText: z.string(),
  certificateNo: z.string().nullable(),
  issuedAt: z.string().nullable(),
});
export type CertificateTask = z.output<typeof certificateTaskSchema>;

export const OFFER_SOURCES = ['page', 'caseworker'] as const;
export const OFFER_SOURCE_LABELS: Record<(typeof OFFER_SOURCES)[number], string> = {
  page: '本人培训页面推荐',
  caseworker: '包保责任人推荐',
};

export const offerViewSchema = z.object({
  institutionName: z.string(),
  courseId: z.string(),
  courseTitle: z.string(),
  source: z.enum(OFFER_SOURCES),
  sourceLabel: z.string(),
  at: z.string(),
});

/** A person with a training need, as their caseworker sees the offers made (000 §3(2)). */
export const offerSummarySchema = z.object({
  registrationId: z.string(),
  name: z.string(),
  townshipLabel: z.string(),
  trainingNeed: z.string(),
  offered: z.boolean(),
  institutions: z.array(z.string()),
  /** Bookings not cancelled or lapsed. */
  bookings: z.number().int(),
  /** A training completed this year (the "131" training, 001). */
  trainedThisYear: z.boolean(),
});
export type OfferSummary = z.output<typeof offerSummarySchema>;

export const trainingPhoneSchema = mobileSchema;
