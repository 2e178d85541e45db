/**
 * The seeker's side of pushes: "有新岗位时通知我" (the ids WeChat says they accepted, compared with
 * the configured "岗位推荐" id — a client never names the id the cloud sends to) and their pushes
 * of this month.
 */
import { monthKey, templateId } from '@nuanxin/shared';

import { pushesRepo, pushSubscriptionsRepo, registrationsRepo, type Handler } from '../_lib';

import { pushView } from './views';

export const consent: Handler<'push', 'consent'> = async (input, ctx) => {
  const { caller, db, now } = ctx;
  const quota = pushSubscriptionsRepo(db);
  const ours = templateId('jobRecommendation', process.env);
  if (!input.templateIds.includes(ours)) {
    return { accepted: false, remaining: await quota.remaining(caller.openid) };
  }
  return { accepted: true, remaining: await quota.grant(caller.openid, now) };
};

export const mine: Handler<'push', 'mine'> = async (_input, ctx) => {
  const { caller, db, now } = ctx;
  const month = monthKey(now);
  const [pushes, remaining, open] = await Promise.all([
    pushesRepo(db).ofOpenid(caller.openid, month),
    pushSubscriptionsRepo(db).remaining(caller.openid),
    registrationsRepo(db).openOf(caller.openid),
  ]);
  return { month, pushes: pushes.map(pushView), remaining, registered: open !== null };
};
