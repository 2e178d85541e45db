/**
 * What the casework screens get: a caseload entry (a person with their follow-up schedule, "131"
 * progress and push plan), the person's workbench, requests (工单) and their threads, and the
 * supervisor's caseload table. Only the fields the screens need (house style 5).
 */
import { EMPLOYMENT_SITUATIONS, type FollowUpState } from '../../casework/cadence';
import {
  CONTACT_CHANNELS,
  CONTACT_KINDS,
  CONTACT_OUTCOMES,
  PLAN_NEED_TYPES,
} from '../../casework/contacts';
import { RATINGS, REQUEST_KINDS, REQUEST_STATUSES } from '../../casework/requests';
import { PLAN_STATES } from '../../casework/services131';
import { KEY_GROUP_TAGS } from '../../eligibility/keyGroups';
import { z } from '../../zod';
import { personSummarySchema } from '../registration/schemas';

export const FOLLOW_UP_STATES = [
  'overdue',
  'dueToday',
  'dueSoon',
  'notDue',
] as const satisfies readonly FollowUpState[];

export const situationSchema = z.enum(EMPLOYMENT_SITUATIONS, { error: '请选择就业状态' });
export const contactKindSchema = z.enum(CONTACT_KINDS, { error: '请选择服务类型' });
export const contactChannelSchema = z.enum(CONTACT_CHANNELS, { error: '请选择联系方式' });
export const contactOutcomeSchema = z.enum(CONTACT_OUTCOMES, { error: '请选择联系结果' });
export const planNeedTypeSchema = z.enum(PLAN_NEED_TYPES, { error: '请选择帮扶类型' });
export const requestKindSchema = z.enum(REQUEST_KINDS, { error: '请选择求助类型' });
export const requestStatusSchema = z.enum(REQUEST_STATUSES, {
  error: '请选择求助状态：待答复、已答复或已结束',
});
export const ratingSchema = z.enum(RATINGS, { error: '请选择评价：好、中或差' });
export const followUpStateSchema = z.enum(FOLLOW_UP_STATES, { error: '没有这个回访状态' });

export const requestIdSchema = z.string().trim().min(1, { error: '缺少求助编号' }).max(64);

/**
 * A photo the citizen uploaded for a new request: a cloud-storage fileID
 * (`cloud://<env>/requests/<their folder>/<name>.jpg`). Whose it is, the server checks.
 */
export const photoFileIdSchema = z
  .string()
  .trim()
  .max(512, { error: '照片无效，请重新添加照片' })
  .regex(/^cloud:\/\/\S+$/, { error: '照片无效，请重新添加照片' });

/** Key-group tags, plus 就业困难人员 (a flag, not a tag), for the caseload filter. */
export const CASELOAD_TAG_FILTERS = [...KEY_GROUP_TAGS, 'employmentDifficulty'] as const;

const serviceProgress = z.object({
  done: z.number().int(),
  target: z.number().int(),
  met: z.boolean(),
});

export const progress131Schema = z.object({
  year: z.string(),
  guidance: serviceProgress,
  jobIntroduction: serviceProgress,
  training: serviceProgress,
  allMet: z.boolean(),
  summary: z.string(),
});

export const pushPlanSchema = z.object({
  month: z.string(),
  pushes: z.number().int(),
  target: z.number().int(),
  publicWelfare: z.object({ done: z.number().int(), required: z.boolean() }).nullable(),
  internship: z.object({ done: z.number().int(), required: z.boolean() }).nullable(),
  state: z.enum(PLAN_STATES),
  stateLabel: z.string(),
});

export const followUpSchema = z.object({
  situation: situationSchema,
  situationLabel: z.string(),
  /** Shanghai date 'YYYY-MM-DD'. */
  due: z.string(),
  state: followUpStateSchema,
  stateLabel: z.string(),
  overdueDays: z.number().int(),
  lastContactAt: z.string().nullable(),
  /** "每月" / "每半年" / "每年" (001 §3(一)3). */
  intervalLabel: z.string(),
});

/** One person on the caseworker's workbench. */
export const caseloadEntrySchema = personSummarySchema.extend({
  followUp: followUpSchema,
  /** Null when "131" does not apply (people in work). */
  progress131: progress131Schema.nullable(),
  /** This month's pushes; null when the person does not want work now. */
  pushPlan: pushPlanSchema.nullable(),
  openRequests: z.number().int(),
});
export type CaseloadEntry = z.output<typeof caseloadEntrySchema>;

export const planSchema = z.object({
  needType: planNeedTypeSchema,
  needTypeLabel: z.string(),
  goals: z.string(),
  nextSteps: z.string(),
  /** 创业咨询师 for entrepreneurship (000 §6(1)); null otherwise. */
  advisorName: z.string().nullable(),
  savedAt: z.string(),
  savedBy: z.string(),
});
export type PlanView = z.output<typeof planSchema>;

export const TIMELINE_SOURCES = [
  'registration',
  'contact',
  'plan',
  'request',
  'application',
  'training',
  'push',
] as const;

export const timelineEntrySchema = z.object({
  at: z.string(),
  source: z.enum(TIMELINE_SOURCES),
  label: z.string(),
  by: z.string(),
  reason: z.string().nullable(),
});
export type CaseTimelineEntry = z.output<typeof timelineEntrySchema>;

/**
 * Tasks of a caseworker beside requests: a hire to confirm with the person (issue 5, Applications)
 * and a pushed position that reached only the app, to tell the person by phone or WeChat (issue 5,
 * Pushes: the policy quota is met only when the position reaches them).
 */
export const CASE_TASK_KINDS = ['confirmHire', 'tellPush'] as const;
export type CaseTaskKind = (typeof CASE_TASK_KINDS)[number];
export const CASE_TASK_KIND_LABELS: Record<CaseTaskKind, string> = {
  confirmHire: '入职待确认',
  tellPush: '请电话或微信告知',
};

export const caseTaskSchema = z.object({
  /** The application's id (confirmHire) or the push's id (tellPush). */
  id: z.string(),
  kind: z.enum(CASE_TASK_KINDS),
  kindLabel: z.string(),
  registrationId: z.string(),
  personName: z.string(),
  /** '仓储管理员 · 济宁某物流有限公司' */
  title: z.string(),
  /** What to do, in one line. */
  detail: z.string(),
  at: z.string(),
});
export type CaseTask = z.output<typeof caseTaskSchema>;

export const workbenchSchema = z.object({
  person: caseloadEntrySchema,
  /** Shanghai date the schedule was computed for. */
  today: z.string(),
  /** ≥ 3 guidance sessions with a 职业指导师 for those wanting work (000 §4(4)), this year. */
  guidanceSessions: z.object({ done: z.number().int(), target: z.number().int() }),
  plan: planSchema.nullable(),
  timeline: z.array(timelineEntrySchema),
  caseworkerName: z.string().nullable(),
  /** The caller is the person's caseworker: may record contacts and edit the plan. */
  canRecord: z.boolean(),
  /** Wishes that shape the plan: entrepreneurship intent, training need. */
  wishes: z.object({ entrepreneurship: z.boolean(), wantsTraining: z.boolean() }),
  /** The person's open tasks: a hire to confirm, positions to tell them about. */
  tasks: z.array(caseTaskSchema),
});
export type Workbench = z.output<typeof workbenchSchema>;

export const requestRatingSchema = z.object({
  value: ratingSchema,
  label: z.string(),
  comment: z.string(),
});

/** A request as its citizen sees it. */
export const requestViewSchema = z.object({
  id: z.string(),
  kind: requestKindSchema,
  kindLabel: z.string(),
  text: z.string(),
  status: requestStatusSchema,
  statusLabel: z.string(),
  createdAt: z.string(),
  /** When the first answer is due (1 working day). */
  answerDue: z.string(),
  answeredAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** Who handles it: the caseworker's name, or 业务主管 while the person has none. */
  handler: z.string(),
  rating: requestRatingSchema.nullable(),
  canRate: z.boolean(),
  canClose: z.boolean(),
  /** Citizen only: they may add to it (补充说明) — it is not closed. */
  canAddTo: z.boolean(),
  messageCount: z.number().int(),
  /** The citizen attached a photo. */
  hasPhoto: z.boolean(),
  /**
   * A link to the photo valid for 10 minutes, made when a thread is read by someone who may see
   * it (the citizen, staff in scope; a staff read is audited). Null in lists, without a photo,
   * or when storage cannot serve it right now. The stored fileID never leaves the server.
   */
  photoUrl: z.string().nullable(),
});
export type RequestView = z.output<typeof requestViewSchema>;

export const threadMessageSchema = z.object({
  id: z.string(),
  at: z.string(),
  from: z.enum(['citizen', 'staff']),
  author: z.string(),
  text: z.string(),
});
export type ThreadMessage = z.output<typeof threadMessageSchema>;

export const INBOX_REASONS = ['own', 'unassigned', 'escalated', 'review'] as const;
export const INBOX_REASON_LABELS: Record<(typeof INBOX_REASONS)[number], string> = {
  own: '我的包保对象',
  unassigned: '未分配包保责任人',
  escalated: '超时未答复',
  review: '差评待复核',
};

/** A request in a staff member's inbox. */
export const inboxItemSchema = requestViewSchema.extend({
  personName: z.string(),
  registrationId: z.string().nullable(),
  townshipLabel: z.string(),
  caseworkerName: z.string().nullable(),
  /** Unanswered past the first-answer deadline. */
  overdue: z.boolean(),
  escalationLevel: z.number().int(),
  reason: z.enum(INBOX_REASONS),
  reasonLabel: z.string(),
  review: z.enum(['open', 'done']).nullable(),
});
export type InboxItem = z.output<typeof inboxItemSchema>;

export const threadSchema = z.object({
  request: requestViewSchema,
  messages: z.array(threadMessageSchema),
  /** Staff only: the caller may answer / close (in scope, not closed). */
  canAnswer: z.boolean(),
});

export const caseworkerLoadSchema = z.object({
  openid: z.string(),
  name: z.string(),
  orgLabel: z.string(),
  /** Everyone in the caseworker's 包保, in work or not. */
  people: z.number().int(),
  /** People counting toward the cap (active registrations). */
  load: z.number().int(),
  cap: z.number().int(),
  overdue: z.number().int(),
  dueToday: z.number().int(),
  unanswered: z.number().int(),
});
export type CaseworkerLoad = z.output<typeof caseworkerLoadSchema>;
