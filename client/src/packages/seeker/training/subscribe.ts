/**
 * Asking to be told when a waitlist place turns into a seat ("培训候补递补通知"). The template id
 * comes from the cloud's answer (it is configuration of the deployment, never typed by a user).
 * weapp: `requestSubscribeMessage` must run inside the tap, before any network wait; h5: the
 * local gateway's stand-in records the same one-time grant for the demo account. Never blocks
 * the booking: every failure resolves as `false`, and the notice then waits in the inbox.
 */
import Taro from '@tarojs/taro';

import { getDemoOpenid } from '../../../services/session';

async function grantOnGateway(templateId: string): Promise<boolean> {
  const openid = getDemoOpenid();
  if (!openid) return false;
  try {
    const response = await fetch('/_dev/subscribe', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ openid, templateIds: [templateId] }),
    });
    return response.ok;
  } catch {
    return false;
  }
}

export async function askSeatNotice(templateId: string): Promise<boolean> {
  if (!templateId) return false;
  if (process.env.TARO_ENV !== 'weapp') return grantOnGateway(templateId);
  try {
    const answer = (await Taro.requestSubscribeMessage({
      tmplIds: [templateId],
    } as Parameters<typeof Taro.requestSubscribeMessage>[0])) as Record<string, unknown>;
    return answer[templateId] === 'accept';
  } catch {
    return false;
  }
}
