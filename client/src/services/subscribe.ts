/**
 * Asking for subscription messages — the one platform piece of a tap: "登记结果" on submitting a
 * registration, "岗位推荐" on "有新岗位时通知我", "培训候补递补通知" on joining a waitlist,
 * "求职进度通知" on 投递, "新的求职申请" on the employer's "有新投递时微信通知我", "求助答复通知" on
 * 提交求助, "回访提醒" and "工单提醒" on the caseworker's "每天提醒我（微信）".
 *
 * weapp: `requestSubscribeMessage` must run inside the user's tap, before any network wait, or
 * WeChat refuses it; the caller therefore starts this first and awaits it before submitting.
 * h5 (local gateway): the dev stand-in `POST /_dev/subscribe` records the same one-time grant
 * for the demo account. Whatever happens here never blocks the registration: every failure
 * (refused, no template, offline) resolves as `false`.
 */
import Taro from '@tarojs/taro';

import { getDemoOpenid } from './session';

/**
 * Set at build time from NUANXIN_TEMPLATE_REGISTRATION_RESULT, the same variable the cloud reads
 * (client/config/index.ts); `local-registrationResult` when unset, as in the cloud.
 */
export const REGISTRATION_RESULT_TEMPLATE = TEMPLATE_REGISTRATION_RESULT;

/** "岗位推荐", from NUANXIN_TEMPLATE_JOB_RECOMMENDATION; `local-jobRecommendation` when unset. */
export const JOB_RECOMMENDATION_TEMPLATE = TEMPLATE_JOB_RECOMMENDATION;

/** "求职进度通知" (viewed, interview, offer, hired, rejected), asked in the 投递 tap. */
export const APPLICATION_STATUS_TEMPLATE = TEMPLATE_APPLICATION_STATUS;

/** "新的求职申请", asked of the employer by "有新投递时微信通知我". */
export const NEW_APPLICATION_TEMPLATE = TEMPLATE_NEW_APPLICATION;

/** "求助答复通知", asked in the 提交求助 tap: the answer to the citizen's request. */
export const REQUEST_REPLY_TEMPLATE = TEMPLATE_REQUEST_REPLY;

/** "回访提醒", the caseworker's once-a-day list of people due (asked by "每天提醒我（微信）"). */
export const FOLLOW_UP_REMINDER_TEMPLATE = TEMPLATE_FOLLOW_UP_REMINDER;

/** "工单提醒": a new request of the caseworker's people, or one left unanswered (same tap). */
export const REQUEST_ALERT_TEMPLATE = TEMPLATE_REQUEST_ALERT;

const H5_TIMEOUT_MS = 3000;

async function h5Subscribe(templateIds: string[]): Promise<boolean> {
  const openid = getDemoOpenid();
  if (!openid) return false;
  const controller = typeof AbortController === 'function' ? new AbortController() : null;
  const timer = setTimeout(() => controller?.abort(), H5_TIMEOUT_MS);
  try {
    const response = await fetch('/_dev/subscribe', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ openid, templateIds }),
      signal: controller?.signal,
    });
    return response.ok;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** The ids the person accepted ('accept' in WeChat's answer); none on any failure. */
async function weappAccepted(templateIds: string[]): Promise<string[]> {
  try {
    const answer = (await Taro.requestSubscribeMessage({
      tmplIds: templateIds,
    } as Parameters<typeof Taro.requestSubscribeMessage>[0])) as Record<string, unknown>;
    return templateIds.filter((id) => answer[id] === 'accept');
  } catch {
    return [];
  }
}

/**
 * Asks for the given one-time templates; resolves with the ids the person accepted (empty when
 * refused, unavailable or offline). Start it first in the tap, before any network wait.
 */
export async function askSubscription(templateIds: readonly string[]): Promise<string[]> {
  const ids = templateIds.filter((id) => id.length > 0);
  if (ids.length === 0) return [];
  if (process.env.TARO_ENV === 'weapp') return weappAccepted(ids);
  return (await h5Subscribe(ids)) ? ids : [];
}

/** Ask to be told the registration result. Resolves `true` when the citizen agreed. */
export async function askRegistrationResultSubscription(): Promise<boolean> {
  return (await askSubscription([REGISTRATION_RESULT_TEMPLATE])).length > 0;
}

/**
 * "有新岗位时通知我": ask for one "岗位推荐" message. Resolves with the template ids the person
 * accepted (empty when refused or unavailable), for reporting to the cloud (push.consent), which
 * counts one push per acceptance. Start it first in the tap, before any network wait.
 */
export function askJobRecommendationSubscription(): Promise<string[]> {
  return askSubscription([JOB_RECOMMENDATION_TEMPLATE]);
}

/**
 * "培训候补递补通知": the template id comes from the cloud's answer (configuration of the
 * deployment). Never blocks the booking; the notice waits in the inbox when refused.
 */
export async function askSeatNotice(templateId: string): Promise<boolean> {
  return (await askSubscription([templateId])).length > 0;
}
