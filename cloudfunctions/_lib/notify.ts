/**
 * Telling a person something: the one place that calls `subscribeMessage.send` (house style 7).
 * A one-time subscription allows one send; without one WeChat answers 43101. Whatever goes wrong
 * with the send, the person still gets the message in the app's inbox (`messages`), so nothing
 * they must know depends on a tap they may not have made. Template ids come from the deployment's
 * environment, never from a client; `touser` is always an openid the function chose.
 */
import { templateId, type TemplateData, type TemplateKey } from '@nuanxin/shared';

import { cloud, type Store } from './cloud';
import { messagesRepo } from './repos/messages';

export interface Notice {
  openid: string;
  template: TemplateKey;
  data: TemplateData;
  /** The mini-program page the message opens. */
  page: string;
  /** The same news for the in-app inbox. */
  title: string;
  body: string;
}

export type Delivery = 'subscription' | 'inApp' | 'failed';

const MINIPROGRAM_STATES = ['developer', 'trial', 'formal'] as const;

function miniprogramState(): (typeof MINIPROGRAM_STATES)[number] {
  const configured = process.env.NUANXIN_MINIPROGRAM_STATE;
  return (MINIPROGRAM_STATES as readonly string[]).includes(configured ?? '')
    ? (configured as (typeof MINIPROGRAM_STATES)[number])
    : 'formal';
}

function errCodeOf(error: unknown): number | null {
  const code = (error as { errCode?: unknown } | null)?.errCode;
  if (typeof code === 'number') return code;
  const match = /errCode:\s*(-?\d+)|fail\s+(-?\d+)/.exec(String((error as Error)?.message ?? ''));
  return match ? Number(match[1] ?? match[2]) : null;
}

/** How a notice went out, and why not by subscription when it did not. */
export interface DeliveryReport {
  delivery: Delivery;
  /** 'noQuota': WeChat answered 43101 (or the caller knew there was none); null when sent. */
  reason: 'noQuota' | 'sendFailed' | null;
}

/**
 * Sends the notice as a subscription message, or stores it as an in-app message. Never throws:
 * the action that caused the notice has already succeeded.
 */
export async function notify(
  db: Store,
  notice: Notice,
  now: Date,
  options: NotifyOptions = {},
): Promise<Delivery> {
  return (await deliver(db, notice, now, options)).delivery;
}

export interface NotifyOptions {
  /**
   * Keep the notice in the in-app inbox even when the subscription message went out: news the
   * person must be able to find again (their vacancies expired). Default false: the inbox only
   * stands in for a subscription message that could not be sent.
   */
  alwaysInApp?: boolean;
}

/**
 * `notify` with the reason: callers that keep their own count of a person's quota (pushes) set it
 * to zero on 43101, and skip the send when they know there is none (`subscription: false`).
 */
export async function deliver(
  db: Store,
  notice: Notice,
  now: Date,
  options: { subscription?: boolean } & NotifyOptions = {},
): Promise<DeliveryReport> {
  let reason: 'noQuota' | 'sendFailed' = 'noQuota';
  let sent = false;
  if (options.subscription !== false) {
    try {
      await (
        cloud.openapi as {
          subscribeMessage: { send(params: Record<string, unknown>): Promise<unknown> };
        }
      ).subscribeMessage.send({
        touser: notice.openid,
        templateId: templateId(notice.template, process.env),
        page: notice.page,
        data: notice.data,
        miniprogramState: miniprogramState(),
      });
      if (!options.alwaysInApp) return { delivery: 'subscription', reason: null };
      sent = true;
    } catch (error) {
      const code = errCodeOf(error);
      reason = code === 43101 ? 'noQuota' : 'sendFailed';
      if (reason === 'sendFailed')
        console.error('[notify] subscribeMessage.send failed', code, error);
    }
  }
  try {
    await messagesRepo(db).add({
      openid: notice.openid,
      at: now,
      kind: notice.template,
      title: notice.title,
      body: notice.body,
      page: notice.page,
      read: false,
      reason: sent ? 'alsoSent' : reason,
    });
    return sent ? { delivery: 'subscription', reason: null } : { delivery: 'inApp', reason };
  } catch (error) {
    console.error('[notify] in-app message could not be stored', error);
    return sent ? { delivery: 'subscription', reason: null } : { delivery: 'failed', reason };
  }
}
