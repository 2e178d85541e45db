/**
 * Pushing positions to one person. Each position is recorded first — `_id` registration:vacancy,
 * so a retry or a concurrent run that got there first makes this one skip it, and nobody is told
 * twice — then told: as a "岗位推荐" subscription message while the person has quota (one per
 * consent), otherwise in the app's inbox with a task for their caseworker to phone or message
 * them (000 §4(6): the positions must reach the person; 004 §6(五): point-to-point by SMS,
 * WeChat or app). WeChat's 43101 means no quota after all: our count goes to zero and the push
 * falls back to the inbox and the caseworker.
 *
 * The record is claimed as what is certain to happen — in the app, with an open caseworker task
 * — and becomes a subscription push only after WeChat accepted the message. A run that dies after
 * the claim (before, during or after the send) therefore leaves a push that still reaches the
 * person through their caseworker, and 推送提供就业岗位数 never counts a subscription message that
 * was not sent. The inbox message is written only when no subscription message went out, as
 * before; the claim's key keeps it to one per push (a retry finds the push claimed and skips).
 */
import { jobRecommendationData, monthKey, townshipLabel } from '@nuanxin/shared';

import {
  deliver,
  pushesRepo,
  pushKey,
  pushSubscriptionsRepo,
  type Database,
  type PushRecord,
  type RegistrationRecord,
} from '../_lib';

import type { Candidate } from './pick';

export const VACANCY_PAGE = 'packages/seeker/jobs/detail/index';

function salaryText(min: number, max: number): string {
  return min === max ? `${min}元/月` : `${min}-${max}元/月`;
}

/** The words of the message: what, where, how much, and why (PIPL 第24条). */
export function pushNotice(c: Candidate, personalised: boolean) {
  const v = c.vacancy;
  const place = townshipLabel(v.township);
  const kind = v.flags?.publicWelfare ? '公益性岗位' : v.flags?.internship ? '见习岗位' : '';
  const why =
    c.basis === 'recommended'
      ? (c.reasons[0] ?? '与您的求职意向相符')
      : personalised
        ? '您附近新发布的岗位'
        : '附近新岗位（您已关闭个性化推荐）';
  const body = [
    `${v.companyName}招聘“${v.title}”${kind ? `（${kind}）` : ''}：${salaryText(v.salaryMin, v.salaryMax)}，工作地点${place}。`,
    c.basis === 'recommended'
      ? `推荐理由：${c.reasons.length > 0 ? c.reasons.join('；') : why}。`
      : personalised
        ? '这是您附近新发布的岗位。'
        : '您已关闭个性化推荐，这是您附近新发布的岗位，没有根据您的个人信息筛选。',
    '点击查看岗位详情并投递。',
  ].join('\n');
  return {
    title: c.basis === 'recommended' ? `为您推荐岗位：${v.title}` : `附近新岗位：${v.title}`,
    body,
    data: jobRecommendationData({
      title: v.title,
      companyName: v.companyName,
      count: 1,
      salary: salaryText(v.salaryMin, v.salaryMax),
      place,
      note: why,
    }),
    page: `${VACANCY_PAGE}?id=${v._id}`,
  };
}

export interface SendResult {
  pushed: number;
  subscription: number;
  inApp: number;
  /** Positions another run had already pushed to this person. */
  skipped: number;
}

/** Pushes `picks` to the person; `quota`: subscription messages we believe they may get. */
export async function pushTo(
  db: Database,
  person: RegistrationRecord,
  picks: readonly Candidate[],
  options: { quota: number; personalised: boolean; now: Date },
): Promise<SendResult> {
  const { now, personalised } = options;
  let quota = options.quota;
  const result: SendResult = { pushed: 0, subscription: 0, inApp: 0, skipped: 0 };
  const pushes = pushesRepo(db);
  const subscriptions = pushSubscriptionsRepo(db);
  for (const pick of picks) {
    const v = pick.vacancy;
    const subscribe = quota > 0;
    const record: PushRecord = {
      _id: pushKey(person._id, v._id),
      registrationId: person._id,
      openid: person.openid,
      vacancyId: v._id,
      at: now,
      month: monthKey(now),
      township: person.township ?? person.identity.township ?? null,
      caseworkerOpenid: person.caseworkerOpenid,
      publicWelfare: v.flags?.publicWelfare === true,
      internship: v.flags?.internship === true,
      // What is certain once the record exists: the caseworker tells the person unless WeChat
      // takes the message (then `delivered` below makes it a subscription push).
      channel: 'inApp',
      basis: pick.basis,
      caseworkerTask: true,
      toldAt: null,
      toldBy: null,
      toldChannel: null,
      vacancy: { title: v.title, companyName: v.companyName, township: v.township },
      reasons: pick.reasons,
    };
    if (!(await pushes.claim(record))) {
      result.skipped += 1;
      continue;
    }
    const notice = pushNotice(pick, personalised);
    const report = await deliver(
      db,
      { openid: person.openid, template: 'jobRecommendation', ...notice },
      now,
      { subscription: subscribe },
    );
    if (report.delivery === 'subscription') {
      await pushes.delivered(record._id);
      quota -= 1;
      await subscriptions.spend(person.openid, now);
      result.subscription += 1;
    } else {
      // Not sent by WeChat: the inbox has it (deliver wrote it), and the caseworker's task stands.
      if (subscribe && report.reason === 'noQuota') {
        quota = 0;
        await subscriptions.zero(person.openid, now);
      }
      result.inApp += 1;
    }
    result.pushed += 1;
  }
  return result;
}
