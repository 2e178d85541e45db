import { z } from '../../zod';
import { defineAction } from '../define';

/** One message of a request's thread: from the citizen (本人) or a staff member, by name. */
const exportedRequestMessage = z.object({
  at: z.string(),
  from: z.string(),
  text: z.string(),
});

/**
 * A request (工单) with its thread. The photo is never exported as its storage fileID: only that
 * there is one, and a short-lived link to look at it (null when storage cannot serve it now).
 */
const exportedRequest = z.object({
  kind: z.string(),
  kindLabel: z.string(),
  text: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  createdAt: z.string(),
  firstAnsweredAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  photo: z
    .object({ note: z.string(), link: z.string().nullable(), linkValidMinutes: z.number() })
    .nullable(),
  messages: z.array(exportedRequestMessage),
  rating: z
    .object({ value: z.string(), label: z.string(), comment: z.string(), at: z.string() })
    .nullable(),
  /**
   * The supervisor's review a 差 rating opens: whether it was done and when. The supervisor's
   * note is the centre's internal record (never shown to the citizen), so it is not exported.
   */
  review: z
    .object({ reviewed: z.boolean(), label: z.string(), reviewedAt: z.string().nullable() })
    .nullable(),
});

const exportedInterest = z.object({
  vacancyTitle: z.string(),
  companyName: z.string(),
  markedAt: z.string(),
});

const exportedInvitation = z.object({
  vacancyTitle: z.string(),
  companyName: z.string(),
  invitedAt: z.string(),
});

/** An application (投递) as the applicant sees it, with what they chose to share. */
const exportedApplication = z.object({
  vacancyTitle: z.string(),
  companyName: z.string(),
  appliedAt: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  message: z.string(),
  interviewNote: z.string().nullable(),
  offerNote: z.string().nullable(),
  rejectReason: z.string().nullable(),
  history: z.array(z.object({ at: z.string(), label: z.string(), note: z.string().nullable() })),
  /** What the employer received: always 姓名、性别、年龄、隐去中间8位的身份证号, and what they chose. */
  sharedLabels: z.array(z.string()),
  shared: z.object({
    name: z.string(),
    sexLabel: z.string().nullable(),
    age: z.number().nullable(),
    idMasked: z.string(),
    mobile: z.string().nullable(),
    educationLabel: z.string().nullable(),
    workHistory: z
      .object({ lastEmployer: z.string(), separationDate: z.string().nullable() })
      .nullable(),
  }),
});

/** A position pushed to the person (岗位推送). */
const exportedPush = z.object({
  vacancyTitle: z.string(),
  companyName: z.string(),
  pushedAt: z.string(),
  channelLabel: z.string(),
  reasons: z.array(z.string()),
});

/** A service record of their caseworker (or other staff) about them: staff by name only. */
const exportedContact = z.object({
  at: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  channelLabel: z.string().nullable(),
  outcomeLabel: z.string(),
  situationLabel: z.string().nullable(),
  note: z.string(),
  staffName: z.string().nullable(),
  /** 临时救助, in yuan. */
  reliefYuan: z.number().nullable(),
  referredVacancy: z.object({ title: z.string(), companyName: z.string() }).nullable(),
  referredCourse: z.string().nullable(),
});

const exportedRecommendationSettings = z.object({
  personalised: z.boolean(),
  personalisedLabel: z.string(),
  suggestToEmployers: z.boolean(),
  suggestToEmployersLabel: z.string(),
  /** null: never changed (the defaults). */
  updatedAt: z.string().nullable(),
});

/** A version of the 一人一策 plan their caseworker made (the newest is the current one). */
const exportedPlan = z.object({
  needType: z.string(),
  needTypeLabel: z.string(),
  goals: z.string(),
  nextSteps: z.string(),
  /** 创业咨询师 (自主创业 plans only). */
  advisorName: z.string().nullable(),
  updatedAt: z.string(),
  updatedByName: z.string().nullable(),
});

/** A training booking (培训报名). */
const exportedTrainingBooking = z.object({
  courseTitle: z.string(),
  institutionName: z.string(),
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  bookedAt: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  /** 考核合格 / 考核未通过; null before a result. */
  resultLabel: z.string().nullable(),
  /** Counted on the yearly free-training quota (and not given back). */
  usedFreeQuota: z.boolean(),
});

/** A hire an employer reported, and its check by the caseworker (入职确认). */
const exportedHire = z.object({
  vacancyTitle: z.string(),
  companyName: z.string(),
  hiredAt: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  decidedAt: z.string().nullable(),
  decidedByName: z.string().nullable(),
});

export const exportMine = defineAction({
  fn: 'registration',
  action: 'exportMine',
  title: '导出本人的全部个人信息（个人信息查阅复制权）',
  input: z.strictObject({}),
  output: z.object({
    exportedAt: z.string(),
    // The registration's own parts stay free-form; the parts below are named so that nothing
    // more than listed (a fileID, another person's openid) can pass the output check.
    data: z.looseObject({
      requests: z.array(exportedRequest),
      jobInterests: z.array(exportedInterest),
      invitations: z.array(exportedInvitation),
      recommendationSettings: exportedRecommendationSettings,
      applications: z.array(exportedApplication),
      pushes: z.array(exportedPush),
      contacts: z.array(exportedContact),
      assistancePlans: z.array(exportedPlan),
      trainingBookings: z.array(exportedTrainingBooking),
      hireConfirmations: z.array(exportedHire),
    }),
  }),
  roles: ['citizen'],
  example: {},
  writes: false,
});
