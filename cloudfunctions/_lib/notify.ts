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

/**
 * Sends the notice as a subscription message, or stores it as an in-app message. Never throws:
 * the action that caused the notice has already succeeded.
 */
export async function notify(db: Store, notice: Notice, now: Date): Promise<Delivery> {
  let reason: 'noQuota' | 'sendFailed';
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
    return 'subscription';
  } catch (error) {
    const code = errCodeOf(error);
    reason = code === 43101 ? 'noQuota' : 'sendFailed';
    if (reason === 'sendFailed')
      console.error('[notify] subscribeMessage.send failed', code, error);
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
      reason,
    });
    return 'inApp';
  } catch (error) {
    console.error('[notify] in-app message could not be stored', error);
    return 'failed';
  }
}
