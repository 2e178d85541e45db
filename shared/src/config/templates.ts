/**
 * Subscription-message templates. Ids are configuration of the deployment (cloud-function
 * environment variables), never taken from the client (house style: anti-patterns). Each template
 * gets one typed builder in the issue that sends it, which cuts fields to WeChat's limits.
 */
import { type DateInput, formatShanghai } from '../time';

export const SUBSCRIPTION_TEMPLATES = {
  registrationResult: { title: '登记结果', env: 'NUANXIN_TEMPLATE_REGISTRATION_RESULT' },
  jobRecommendation: { title: '岗位推荐', env: 'NUANXIN_TEMPLATE_JOB_RECOMMENDATION' },
  vacancyExpired: { title: '岗位到期提醒', env: 'NUANXIN_TEMPLATE_VACANCY_EXPIRED' },
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
