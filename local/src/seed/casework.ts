/**
 * The demo caseworker's workbench (issue 7): 张敏 (demo-caseworker-370811) opens the app and finds
 * someone overdue at the top, someone due in a couple of days, and a request waiting.
 *
 *   李秀英 — registered about 75 days ago; last phone follow-up a month and 10 days ago: overdue
 *            about 10 days; a guidance session and a job referral this far; a 一人一策 plan; an
 *            insurance question from 2 days ago, unanswered.
 *   孙丽   — registered about 60 days ago; a WeChat follow-up a month ago less 2 days: due soon;
 *            a 走访慰问 visit before that.
 *   张伟   — as the registration seed left him (submitted today, waiting for verification).
 *
 * The registrations are made "today" by the registration function (registrations.ts); their
 * dates are moved back here through the real SDK, and the service records are inserted as the
 * casework function writes them. Dates are relative to `now`, so the demo stays the same
 * whenever it is seeded.
 */
import {
  dateKey,
  firstAnswerDue,
  followUpState,
  inShanghai,
  nextFollowUpDue,
} from '@nuanxin/shared';

import type { LocalCloud } from '../cloud';
import { loadSdk } from '../sdk';

export const DEMO_CASEWORKER = 'demo-caseworker-370811';

interface SdkDb {
  collection(name: string): {
    doc(id: string): { update(o: { data: object }): Promise<unknown> };
    where(q: object): { update(o: { data: object }): Promise<unknown> };
  };
}

interface Sdk {
  init(config: object): void;
  DYNAMIC_CURRENT_ENV: unknown;
  database(): SdkDb;
}

interface StoredRegistration {
  _id: string;
  openid: string;
  status: string;
  township: string | null;
  identity: { name?: string };
}

/** Moves a registration made today back to `at`: the record, its log and its membership. */
async function backdate(cloud: LocalCloud, sdk: Sdk, record: StoredRegistration, at: Date) {
  await cloud.runAs({}, async () => {
    const db = sdk.database();
    await db
      .collection('registrations')
      .doc(record._id)
      .update({
        data: {
          createdAt: at,
          submittedAt: at,
          registeredAt: record.status === 'registered' ? at : null,
          updatedAt: at,
        },
      });
    await db
      .collection('registration_log')
      .where({ registrationId: record._id })
      .update({ data: { at } });
    await db
      .collection('caseload_memberships')
      .where({ registrationId: record._id })
      .update({ data: { startedAt: at } });
  });
}

/** A contact date whose follow-up falls due `days` days after `now` (month lengths vary). */
function contactDueIn(now: Date, days: number, state: 'dueSoon' | 'overdue'): Date {
  const today = dateKey(now);
  for (const shift of [0, 1, -1, 2, -2]) {
    const at = inShanghai(now)
      .add(days + shift, 'day')
      .subtract(1, 'month')
      .hour(10)
      .minute(0)
      .toDate();
    if (at < now && followUpState(nextFollowUpDue('unemployed', at), today) === state) return at;
  }
  throw new Error(`演示数据：找不到回访日期（${state}）`);
}

export async function seedCasework(
  cloud: LocalCloud,
  now = new Date(),
): Promise<{ contacts: number; requests: number }> {
  const registrations = cloud.store
    .collection('registrations')
    .find({ caseworkerOpenid: DEMO_CASEWORKER }) as unknown as StoredRegistration[];
  const byName = (name: string) => registrations.find((r) => r.identity.name === name);
  const li = byName('李秀英');
  const sun = byName('孙丽');
  // A cloud without the registration function has no registrations to build on.
  if (!li || !sun) return { contacts: 0, requests: 0 };

  const sdk = loadSdk().wx as unknown as Sdk;
  sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV });
  const daysAgo = (days: number, hour = 10) =>
    inShanghai(now).subtract(days, 'day').hour(hour).minute(0).second(0).toDate();
  await backdate(cloud, sdk, li, daysAgo(75, 9));
  await backdate(cloud, sdk, sun, daysAgo(60, 9));

  const zhangMin = { actorOpenid: DEMO_CASEWORKER, actorRole: 'caseworker', actorName: '张敏' };
  const contacts = cloud.store.collection('contacts');
  const contact = (
    record: StoredRegistration,
    at: Date,
    fields: { kind: string; channel?: string | null; counsellor?: string; note: string },
  ) =>
    contacts.insert({
      registrationId: record._id,
      seekerOpenid: record.openid,
      kind: fields.kind,
      channel: fields.channel ?? null,
      outcome: 'reached',
      situation: null,
      amountFen: null,
      counsellor: fields.counsellor ?? null,
      note: fields.note,
      at,
      ...zhangMin,
    });

  contact(li, daysAgo(70), {
    kind: 'guidance',
    channel: 'office',
    counsellor: '王立新',
    note: '梳理求职方向：仓储、保洁，希望离家近',
  });
  contact(li, daysAgo(55), {
    kind: 'jobReferral',
    note: '仓储管理员（济宁鲁运物流有限公司）',
  });
  contact(li, contactDueIn(now, -10, 'overdue'), {
    kind: 'followUp',
    channel: 'phone',
    note: '面试未通过，仍在找工作',
  });
  contact(sun, daysAgo(50), { kind: 'visit', channel: 'home', note: '入户走访，了解家庭困难' });
  contact(sun, contactDueIn(now, 2, 'dueSoon'), {
    kind: 'followUp',
    channel: 'wechat',
    note: '正在参加超市收银培训',
  });

  cloud.store.collection('assistance_plans').insert({
    registrationId: li._id,
    needType: 'jobSearch',
    goals: '三个月内在家附近找到仓储或保洁工作',
    nextSteps: '每月推荐3个岗位；再安排两次职业指导；关注失业保险金发放',
    advisorName: null,
    savedAt: daysAgo(70, 11),
    savedByOpenid: DEMO_CASEWORKER,
    savedByName: '张敏',
  });

  const asked = daysAgo(2, 16);
  const text = '我的失业保险金这个月还没有到账，请帮忙查一下是什么原因。';
  const requestId = cloud.store.collection('requests').insert({
    openid: li.openid,
    registrationId: li._id,
    township: li.township,
    caseworkerOpenid: DEMO_CASEWORKER,
    personName: '李秀英',
    kind: 'insurance',
    text,
    status: 'open',
    createdAt: asked,
    answerDue: firstAnswerDue(asked),
    firstAnsweredAt: null,
    lastMessageAt: asked,
    messageCount: 1,
    escalationLevel: 0,
    escalatedAt: null,
    closedAt: null,
    closedBy: null,
    rating: null,
    review: null,
  });
  cloud.store.collection('request_messages').insert({
    requestId,
    at: asked,
    from: 'citizen',
    authorOpenid: li.openid,
    authorName: null,
    text,
    seq: 1,
  });
  return { contacts: 5, requests: 1 };
}
