/**
 * Subscription-message templates. Ids are configuration of the deployment (cloud-function
 * environment variables), never taken from the client (house style: anti-patterns). Each template
 * gets one typed builder in the issue that sends it, which cuts fields to WeChat's limits.
 */
import { type DateInput, formatShanghai } from '../time';

export const SUBSCRIPTION_TEMPLATES = {
  registrationResult: { title: '登记结果', env: 'NUANXIN_TEMPLATE_REGISTRATION_RESULT' },
  followUpReminder: { title: '回访提醒', env: 'NUANXIN_TEMPLATE_FOLLOW_UP_REMINDER' },
  requestReply: { title: '求助答复通知', env: 'NUANXIN_TEMPLATE_REQUEST_REPLY' },
  requestAlert: { title: '工单提醒', env: 'NUANXIN_TEMPLATE_REQUEST_ALERT' },
  jobRecommendation: { title: '岗位推荐', env: 'NUANXIN_TEMPLATE_JOB_RECOMMENDATION' },
  vacancyExpired: { title: '岗位到期提醒', env: 'NUANXIN_TEMPLATE_VACANCY_EXPIRED' },
  applicationStatus: { title: '求职进度通知', env: 'NUANXIN_TEMPLATE_APPLICATION_STATUS' },
  newApplication: { title: '新的求职申请', env: 'NUANXIN_TEMPLATE_NEW_APPLICATION' },
  vacancyReview: { title: '岗位审核通知', env: 'NUANXIN_TEMPLATE_VACANCY_REVIEW' },
  trainingSeat: { title: '培训候补递补通知', env: 'NUANXIN_TEMPLATE_TRAINING_SEAT' },
  trainingChange: { title: '培训课程变更通知', env: 'NUANXIN_TEMPLATE_TRAINING_CHANGE' },
  certificateOverdue: { title: '证书办理超期提醒', env: 'NUANXIN_TEMPLATE_CERTIFICATE_OVERDUE' },
} as const;

export type TemplateKey = keyof typeof SUBSCRIPTION_TEMPLATES;

/** The configured id, or a stable local id (`local-<key>`) when the variable is not set. */
export function templateId(key: TemplateKey, env: Record<string, string | undefined>): string {
  return env[SUBSCRIPTION_TEMPLATES[key].env] || `local-${key}`;
}

/** Template data as `subscribeMessage.send` takes it: `{ thing1: { value } }`. */
export type TemplateData = Record<string, { value: string }>;

/**
 * WeChat's limits per field type (订阅消息 模板参数): `thing` ≤ 20 characters, `phrase` ≤ 5 Chinese
 * characters only, `name` ≤ 10 characters, `time` a formatted time. A field that breaks them fails
 * the whole send with 47003, so every value is cut here, never by the caller.
 */
export const TEMPLATE_FIELD_LIMITS = { thing: 20, phrase: 5, name: 10 } as const;

function cut(text: string, limit: number): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length <= limit ? chars.join('') : `${chars.slice(0, limit - 1).join('')}…`;
}

/** A `thing` value: ≤ 20 characters, an ellipsis when cut; never empty. */
export function thingValue(text: string): string {
  return cut(text, TEMPLATE_FIELD_LIMITS.thing) || '无';
}

/** A `phrase` value: Chinese characters only, ≤ 5 of them; never empty. */
export function phraseValue(text: string): string {
  return (
    [...text.replace(/[^\u4e00-\u9fa5]/g, '')].slice(0, TEMPLATE_FIELD_LIMITS.phrase).join('') ||
    '已办理'
  );
}

/** A `name` value: ≤ 10 characters (no ellipsis: a name is cut, not abbreviated). */
export function nameValue(text: string): string {
  return [...text.trim()].slice(0, TEMPLATE_FIELD_LIMITS.name).join('') || '工作人员';
}

/** A `time` value: Shanghai wall-clock time, e.g. '2026-11-22 09:30'. */
export function timeValue(at: DateInput): string {
  return formatShanghai(at);
}

export interface RegistrationResultMessage {
  /** The status label the person now has, e.g. '已登记', '待核验', '已注销'. */
  result: string;
  /** Their 包保 caseworker, or null while unassigned. */
  caseworkerName: string | null;
  at: DateInput;
  /** One line on what happens next. */
  note: string;
}

/**
 * "登记结果" (registrationResult). The template chosen in the WeChat console has these keywords:
 * 办理事项 thing1, 办理结果 phrase2, 包保责任人 name3, 办理时间 time4, 温馨提示 thing5 — if a
 * deployment picks a template with other keys, this builder is the one place to change.
 */
export function registrationResultData(message: RegistrationResultMessage): TemplateData {
  return {
    thing1: { value: thingValue('失业登记') },
    phrase2: { value: phraseValue(message.result) },
    name3: { value: message.caseworkerName ? nameValue(message.caseworkerName) : '待分配' },
    time4: { value: timeValue(message.at) },
    thing5: { value: thingValue(message.note) },
  };
}

export interface VacancyExpiredMessage {
  title: string;
  /** The valid-until date that has passed ('YYYY-MM-DD'). */
  validUntil: string;
  note: string;
}

/**
 * "岗位到期提醒" (vacancyExpired): 岗位名称 thing1, 状态 phrase2, 到期日期 thing3, 温馨提示 thing4 —
 * change here if the deployment's template has other keys.
 */
export function vacancyExpiredData(message: VacancyExpiredMessage): TemplateData {
  return {
    thing1: { value: thingValue(message.title) },
    phrase2: { value: phraseValue('已过期') },
    thing3: { value: thingValue(message.validUntil) },
    thing4: { value: thingValue(message.note) },
  };
}

export interface ApplicationStatusMessage {
  /** The vacancy's title. */
  title: string;
  companyName: string;
  /** A short state, ≤ 5 Chinese characters, e.g. '邀请面试', '未录用'. */
  result: string;
  /** The employer's reply the seeker must read: interview time and place, or the reason. */
  note: string;
  at: DateInput;
}

/**
 * "求职进度通知" (applicationStatus), to the seeker at every change of their application:
 * 岗位名称 thing1, 进度 phrase2, 招聘单位 thing3, 说明 thing4, 更新时间 time5 — change here if the
 * deployment's template has other keys.
 */
export function applicationStatusData(message: ApplicationStatusMessage): TemplateData {
  return {
    thing1: { value: thingValue(message.title) },
    phrase2: { value: phraseValue(message.result) },
    thing3: { value: thingValue(message.companyName) },
    thing4: { value: thingValue(message.note) },
    time5: { value: timeValue(message.at) },
  };
}

export interface NewApplicationMessage {
  /** The vacancy's title. */
  title: string;
  /** How many applications of this company wait for an answer. */
  waiting: number;
  at: DateInput;
  note: string;
}

/**
 * "新的求职申请" (newApplication), to the employer's users: 岗位名称 thing1, 待处理 thing2, 投递时间
 * time3, 温馨提示 thing4. No applicant's personal data goes into a push: the employer reads it in
 * the app, where only what the applicant chose to share is shown.
 */
export function newApplicationData(message: NewApplicationMessage): TemplateData {
  return {
    thing1: { value: thingValue(message.title) },
    thing2: { value: thingValue(`${message.waiting}份待处理`) },
    time3: { value: timeValue(message.at) },
    thing4: { value: thingValue(message.note) },
  };
}

export interface VacancyReviewMessage {
  /** The vacancy's title, or the company's name for a company's verification. */
  subject: string;
  /** '审核通过', '未通过', '已修改'. */
  result: string;
  at: DateInput;
  /** The reason or the staff's note, cut to fit. */
  note: string;
}

/**
 * "岗位审核通知" (vacancyReview): the market centre approved, rejected or edited a vacancy (or
 * verified the company). 审核事项 thing1, 审核结果 phrase2, 审核时间 time3, 备注 thing4 — change
 * here if the deployment's template has other keys.
 */
export function vacancyReviewData(message: VacancyReviewMessage): TemplateData {
  return {
    thing1: { value: thingValue(message.subject) },
    phrase2: { value: phraseValue(message.result) },
    time3: { value: timeValue(message.at) },
    thing4: { value: thingValue(message.note) },
  };
}

export interface FollowUpReminderMessage {
  /** People due today or overdue. */
  due: number;
  overdue: number;
  /** Requests of the caseworker's people waiting for an answer. */
  unanswered: number;
  at: DateInput;
}

/**
 * "回访提醒" (followUpReminder), to a caseworker once a day (001 §3(一)3): 提醒事项 thing1, 待办数量
 * thing2, 提醒时间 time3, 温馨提示 thing4 — change here if the deployment's template has other keys.
 */
export function followUpReminderData(message: FollowUpReminderMessage): TemplateData {
  return {
    thing1: { value: thingValue('包保对象跟踪回访') },
    thing2: {
      value: thingValue(
        `今日回访${message.due}人，逾期${message.overdue}人${message.unanswered > 0 ? `，求助${message.unanswered}条` : ''}`,
      ),
    },
    time3: { value: timeValue(message.at) },
    thing4: { value: thingValue(message.overdue > 0 ? '请优先联系逾期人员' : '请按时回访') },
  };
}

export interface RequestNoticeMessage {
  /** The request's kind label, e.g. '政策咨询'. */
  subject: string;
  /** A short state, ≤ 5 Chinese characters: '已答复', '超时未答复', '新求助'. */
  result: string;
  /** The answer or what to do, cut to fit. */
  note: string;
  at: DateInput;
}

/**
 * "求助答复通知" (requestReply, to the citizen) and "工单提醒" (requestAlert, to staff) share one
 * shape: 求助事项 thing1, 办理状态 phrase2, 内容 thing3, 时间 time4 — change here if the
 * deployment's templates have other keys.
 */
export function requestNoticeData(message: RequestNoticeMessage): TemplateData {
  return {
    thing1: { value: thingValue(message.subject) },
    phrase2: { value: phraseValue(message.result) },
    thing3: { value: thingValue(message.note) },
    time4: { value: timeValue(message.at) },
  };
}

export interface TrainingSeatMessage {
  courseTitle: string;
  /** When the course starts. */
  startsAt: DateInput;
  /** The deadline to confirm the seat. */
  confirmBy: DateInput;
  note: string;
}

/**
 * "培训候补递补通知" (trainingSeat), to a person promoted from a course's waitlist: 课程名称
 * thing1, 状态 phrase2, 开课时间 time3, 确认截止 time4, 温馨提示 thing5 — change here if the
 * deployment's template has other keys.
 */
export function trainingSeatData(message: TrainingSeatMessage): TemplateData {
  return {
    thing1: { value: thingValue(message.courseTitle) },
    phrase2: { value: phraseValue('候补成功') },
    time3: { value: timeValue(message.startsAt) },
    time4: { value: timeValue(message.confirmBy) },
    thing5: { value: thingValue(message.note) },
  };
}

export interface CertificateOverdueMessage {
  /** How many certificate tasks newly passed their due day in the staff member's scope. */
  count: number;
  /** The earliest due day among them ('YYYY-MM-DD'). */
  earliestDue: string;
  at: DateInput;
}

/**
 * "证书办理超期提醒" (certificateOverdue), to 就业中心 and 职鉴中心 staff when certificates are not
 * issued within 2 months of passing (000 §3(7)): 事项 thing1, 超期数量 thing2, 最早到期 thing3,
 * 提醒时间 time4. No trainee's name goes into a push.
 */
export function certificateOverdueData(message: CertificateOverdueMessage): TemplateData {
  return {
    thing1: { value: thingValue('培训结业证书办理超期') },
    thing2: { value: thingValue(`${message.count}人待发证`) },
    thing3: { value: thingValue(message.earliestDue) },
    time4: { value: timeValue(message.at) },
  };
}

export interface JobRecommendationMessage {
  /** The position's title; with several positions, the first one. */
  title: string;
  companyName: string;
  /** How many positions this message recommends (≥ 1). */
  count: number;
  /** '3000-4500元/月', '面议'. */
  salary: string;
  /** Where the work is: the township's name. */
  place: string;
  /**
   * Why: the first recommendation reason, or — for people who turned personalised
   * recommendations off (PIPL 第24条) — that these are simply new positions near them.
   */
  note: string;
}

/**
 * "岗位推荐" (jobRecommendation), to a registered seeker (000 §4(6): at least 3 positions a month):
 * 岗位名称 thing1, 招聘单位 thing2, 薪资待遇 thing3, 工作地点 thing4, 推荐理由 thing5 — change here
 * if the deployment's template has other keys. Several positions in one message name the first
 * and how many ("仓储管理员等3个岗位"); the details are in the app.
 */
export function jobRecommendationData(message: JobRecommendationMessage): TemplateData {
  const suffix = message.count > 1 ? `等${message.count}个岗位` : '';
  // The count must survive the cut: the title gives way, never the "等3个岗位".
  const room = TEMPLATE_FIELD_LIMITS.thing - [...suffix].length;
  const title = suffix ? `${cut(message.title, room)}${suffix}` : message.title;
  return {
    thing1: { value: thingValue(title) },
    thing2: { value: thingValue(message.companyName) },
    thing3: { value: thingValue(message.salary) },
    thing4: { value: thingValue(message.place) },
    thing5: { value: thingValue(message.note) },
  };
}
