/**
 * The personal data added around the registration (issue 5 and 7): the citizen's export (PIPL
 * 第45条) holds their requests (工单) with threads, ratings and a photo only as a short-lived
 * link, the vacancies they marked 感兴趣, the invitations they received, their recommendation
 * settings, their applications, the positions pushed to them, the service records about them,
 * their 一人一策 plans, training bookings, hire confirmations and whether a 差 rating was reviewed
 * — nothing of anyone else; cancelling the registration (by the person or by staff) or
 * withdrawing consent deletes their 感兴趣 marks (PIPL 第47条), so employers no longer see them,
 * and keeps what the centre must keep (requests, applications, invitations, the registration).
 */
import type { LocalCloud } from '@nuanxin/local';
import { dateKey, type ActionName, type FunctionName } from '@nuanxin/shared';

import { database } from '../_lib';
import { addVacancy, recommend } from '../push/fixtures';
import { AS, caller as callerOf, seededCloud } from '../test/support';
import { makeCourse, trainingAs } from '../training/fixtures';

const LI = 'demo-citizen-2'; // 李秀英: registered, has a caseworker
const ZHANG = 'demo-citizen-3'; // 张伟: registered
const EMPLOYER = AS.employer; // demo-employer-1, 济宁鲁运物流有限公司

// A 1×1 PNG (the local store checks the bytes).
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const LINK = /^\/cloud-file\/requests\/[0-9a-f]{32}\/[0-9a-f]{32}\.png\?exp=\d+&sig=[\w-]+$/;

let cloud: LocalCloud;
beforeEach(async () => {
  cloud = await seededCloud();
});
afterEach(async () => {
  await cloud.close();
});

function as(openid: string) {
  const call = callerOf(cloud, openid);
  return <F extends FunctionName>(fn: F, action: ActionName<F>, payload: unknown = {}) =>
    call(fn, action, payload) as Promise<any>;
}
const coll = (name: string) => cloud.store.collection(name);
const vacancyId = (title: string) => coll('vacancies').find({ title })[0]!._id as string;
const registrationOf = (openid: string) =>
  coll('registrations').find({ openid, status: { $in: ['submitted', 'registered'] } })[0] as any;
const caseworkerOf = (registrationId: string) =>
  coll('caseload_memberships').find({ registrationId, endedAt: null })[0]!
    .caseworkerOpenid as string;

async function mark(openid: string, title: string) {
  const res = await as(openid)('jobs', 'markInterest', {
    vacancyId: vacancyId(title),
    interested: true,
  });
  expect(res.ok).toBe(true);
}

async function invite(openid: string, title: string) {
  const res = await as(EMPLOYER)('matching', 'inviteCandidate', {
    vacancyId: vacancyId(title),
    candidateId: registrationOf(openid)._id,
  });
  expect(res).toMatchObject({ ok: true, data: { invited: true } });
}

async function ask(openid: string, text: string, photo?: string): Promise<string> {
  const res = await as(openid)('casework', 'ask', {
    kind: 'insurance',
    text,
    ...(photo ? { photo } : {}),
  });
  expect(res.ok).toBe(true);
  return res.data.request.id;
}

/** The names of the people the employer sees interested (masked: surname + 某). */
async function interestedSeen(): Promise<string[]> {
  const res = await as(EMPLOYER)('jobs', 'interested', {});
  expect(res.ok).toBe(true);
  return res.data.people.map((p: any) => p.candidateId);
}

describe('exportMine: requests, interests, invitations, recommendation settings', () => {
  it("holds each new kind of the caller's, the photo only as a link, and nothing of another person", async () => {
    const li = registrationOf(LI);
    const caseworker = caseworkerOf(li._id);
    const staffName = coll('users').find({ openid: caseworker })[0]!.displayName as string;

    // 李秀英: a request with a photo, answered, closed and rated; an interest; an invitation.
    const fileID = cloud.files.uploadRequestPhoto(LI, PNG).fileID;
    const requestId = await ask(LI, '社保局寄来的通知看不懂，请帮忙看看', fileID);
    const answered = await as(caseworker)('casework', 'answer', {
      requestId,
      text: '这是缴费提醒，按月缴纳即可。',
    });
    expect(answered.ok).toBe(true);
    expect((await as(LI)('casework', 'closeRequest', { requestId })).ok).toBe(true);
    expect(
      (await as(LI)('casework', 'rate', { requestId, rating: 'good', comment: '解答很清楚' })).ok,
    ).toBe(true);
    await mark(LI, '仓库理货员');
    await invite(LI, '仓库理货员');
    expect(
      (
        await as(LI)('matching', 'setPreferences', {
          personalised: false,
          suggestToEmployers: true,
        })
      ).ok,
    ).toBe(true);

    // 张伟: the same kinds, which must not show in 李秀英's export.
    await ask(ZHANG, '张伟想问灵活就业社保补贴', cloud.files.uploadRequestPhoto(ZHANG, PNG).fileID);
    await mark(ZHANG, '叉车司机');
    await invite(ZHANG, '叉车司机');

    const result = await as(LI)('registration', 'exportMine', {});
    expect(result.ok).toBe(true);
    const { data } = result.data;

    const mine = coll('requests').find({ openid: LI });
    expect(data.requests).toHaveLength(mine.length);
    const request = data.requests.find((r: any) => r.text === '社保局寄来的通知看不懂，请帮忙看看');
    expect(request).toEqual({
      kind: 'insurance',
      kindLabel: expect.any(String),
      text: '社保局寄来的通知看不懂，请帮忙看看',
      status: 'closed',
      statusLabel: expect.any(String),
      createdAt: expect.any(String),
      firstAnsweredAt: expect.any(String),
      closedAt: expect.any(String),
      photo: { note: '已附照片', link: expect.stringMatching(LINK), linkValidMinutes: 10 },
      messages: [
        { at: expect.any(String), from: '本人', text: '社保局寄来的通知看不懂，请帮忙看看' },
        { at: expect.any(String), from: staffName, text: '这是缴费提醒，按月缴纳即可。' },
      ],
      rating: { value: 'good', label: '好', comment: '解答很清楚', at: expect.any(String) },
      review: null,
    });
    // The link opens the photo now.
    const link = new URL(request.photo.link, 'http://127.0.0.1');
    expect(
      cloud.files.checkLink(
        decodeURIComponent(link.pathname.slice('/cloud-file/'.length)),
        link.searchParams.get('exp'),
        link.searchParams.get('sig'),
      ),
    ).toBe('ok');

    expect(data.jobInterests).toEqual([
      {
        vacancyTitle: '仓库理货员',
        companyName: '济宁鲁运物流有限公司',
        markedAt: expect.any(String),
      },
    ]);
    expect(data.invitations).toEqual([
      {
        vacancyTitle: '仓库理货员',
        companyName: '济宁鲁运物流有限公司',
        invitedAt: expect.any(String),
      },
    ]);
    expect(data.recommendationSettings).toEqual({
      personalised: false,
      personalisedLabel: '个性化推荐：已关闭',
      suggestToEmployers: true,
      suggestToEmployersLabel: '允许向用人单位推荐我：已开启',
      updatedAt: expect.any(String),
    });

    const text = JSON.stringify(result);
    // The photo only as a link: never its storage fileID (nor anyone's).
    expect(text).not.toContain(fileID);
    expect(text).not.toContain('cloud://');
    // Nothing of 张伟's; staff by name only, never by openid.
    for (const other of ['张伟想问', '叉车司机', ZHANG, caseworker, EMPLOYER]) {
      expect(text).not.toContain(other);
    }
    expect(text).not.toMatch(/openid/i);
  });

  it("holds the caller's applications, the positions pushed to them and the service records about them, and nothing of another person", async () => {
    const li = registrationOf(LI)._id as string;
    const zhang = registrationOf(ZHANG)._id as string;
    const liCaseworker = caseworkerOf(li);
    const staffName = coll('users').find({ openid: liCaseworker })[0]!.displayName as string;

    // Applications: 李秀英 shares her mobile with 会计; 张伟 applies to 叉车司机.
    const applied = await as(LI)('jobs', 'apply', {
      vacancyId: vacancyId('会计'),
      share: { mobile: true, education: false, workHistory: false },
    });
    expect(applied.ok).toBe(true);
    expect((await as(ZHANG)('jobs', 'apply', { vacancyId: vacancyId('叉车司机') })).ok).toBe(true);

    // Pushes: the push run sends each of them the position recommended to them.
    // Runs on the real clock: the positions stay open a month from today, whatever today is.
    const validUntil = dateKey(new Date(Date.now() + 30 * 86_400_000));
    const forLi = addVacancy(cloud, { title: '李秀英的推送岗位', validUntil });
    const forZhang = addVacancy(cloud, { title: '张伟的推送岗位', validUntil });
    await cloud.runAs({}, async () => {
      for (const id of [li, zhang]) await database().collection('recommendations').doc(id).remove();
    });
    recommend(cloud, li, [forLi]);
    recommend(cloud, zhang, [forZhang]);
    await cloud.scheduler.runTimer('push', new Date());
    expect(coll('pushes').count({ registrationId: li, vacancyId: forLi })).toBe(1);
    expect(coll('pushes').count({ registrationId: zhang, vacancyId: forZhang })).toBe(1);

    // Service records: 临时救助 for 李秀英; a follow-up of 张伟.
    const relief = await as(liCaseworker)('casework', 'recordContact', {
      registrationId: li,
      kind: 'relief',
      channel: 'office',
      amount: 300.5,
      note: '发放临时救助金',
    });
    expect(relief.ok).toBe(true);
    const followUp = await as(caseworkerOf(zhang))('casework', 'recordContact', {
      registrationId: zhang,
      kind: 'followUp',
      channel: 'phone',
      note: '张伟回访备注',
    });
    expect(followUp.ok).toBe(true);

    const result = await as(LI)('registration', 'exportMine', {});
    expect(result.ok).toBe(true);
    const { data } = result.data;

    expect(data.applications).toHaveLength(coll('applications').count({ openid: LI }));
    const application = data.applications.find((a: any) => a.vacancyTitle === '会计');
    expect(application).toMatchObject({
      companyName: expect.any(String),
      appliedAt: expect.any(String),
      status: 'applied',
      statusLabel: '已投递',
      history: [{ at: expect.any(String), label: '投递简历', note: null }],
      sharedLabels: ['姓名', '性别', '年龄', '身份证号（隐去中间8位）', '手机号'],
      shared: {
        name: '李秀英',
        idMasked: expect.stringMatching(/^\d{6}\*{8}\d{3}[\dX]$/),
        mobile: expect.stringMatching(/^1\d{10}$/),
        educationLabel: null,
        workHistory: null,
      },
    });

    expect(data.pushes).toHaveLength(coll('pushes').count({ registrationId: li }));
    expect(data.pushes).toContainEqual({
      vacancyTitle: '李秀英的推送岗位',
      companyName: '济宁鲁运物流有限公司',
      pushedAt: expect.any(String),
      channelLabel: expect.stringMatching(/^(微信订阅消息|站内消息)$/),
      reasons: ['意向职业一致：仓储管理员', '距您居住地 2.1 公里（三公里就业圈内）'],
    });

    expect(data.contacts).toHaveLength(coll('contacts').count({ registrationId: li }));
    expect(data.contacts).toContainEqual({
      at: expect.any(String),
      kind: 'relief',
      kindLabel: '临时救助',
      channelLabel: '到站服务',
      outcomeLabel: '已联系上',
      situationLabel: null,
      note: '发放临时救助金',
      staffName,
      reliefYuan: 300.5,
      referredVacancy: null,
      referredCourse: null,
    });

    expect(data.applications.map((a: any) => a.vacancyTitle)).not.toContain('叉车司机');

    const text = JSON.stringify(result);
    for (const other of [
      '张伟的推送岗位',
      '张伟回访备注',
      ZHANG,
      zhang,
      liCaseworker,
      EMPLOYER,
      forLi,
    ]) {
      expect(text).not.toContain(other);
    }
    expect(text).not.toMatch(/openid/i);
  });

  it("holds the caller's plans, training bookings, hire confirmations and rating reviews, and nothing of another person", async () => {
    const li = registrationOf(LI)._id as string;
    const zhang = registrationOf(ZHANG)._id as string;
    const liCaseworker = caseworkerOf(li);
    const zhangCaseworker = caseworkerOf(zhang);
    const staffName = coll('users').find({ openid: liCaseworker })[0]!.displayName as string;
    const supervisorName = coll('users').find({ openid: AS.supervisor })[0]!.displayName as string;

    // 一人一策: her caseworker saves a plan, then a second version; 张伟's gets one too.
    const plan = (caseworker: string, registrationId: string, p: object) =>
      as(caseworker)('casework', 'savePlan', { registrationId, ...p });
    expect(
      (
        await plan(liCaseworker, li, {
          needType: 'jobSearch',
          goals: '三个月内在家附近找到仓储类工作',
          nextSteps: '每月推荐3个岗位',
        })
      ).ok,
    ).toBe(true);
    expect(
      (
        await plan(liCaseworker, li, {
          needType: 'entrepreneurship',
          goals: '开一家社区洗衣店',
          nextSteps: '申请创业担保贷款',
          advisorName: '王创业',
        })
      ).ok,
    ).toBe(true);
    expect(
      (
        await plan(zhangCaseworker, zhang, {
          needType: 'training',
          goals: '张伟的帮扶目标',
          nextSteps: '张伟的帮扶措施',
        })
      ).ok,
    ).toBe(true);

    // Training: each books a free course of their own.
    const liCourse = await makeCourse(cloud, { title: '李秀英的家政培训班' });
    const zhangCourse = await makeCourse(cloud, { title: '张伟的电工培训班' });
    expect(await trainingAs(cloud, LI)('apply', { courseId: liCourse })).toMatchObject({
      ok: true,
      data: { outcome: 'confirmed' },
    });
    expect((await trainingAs(cloud, ZHANG)('apply', { courseId: zhangCourse })).ok).toBe(true);

    // Hires: each applies, the employer invites, offers and hires; her caseworker confirms hers.
    async function hired(openid: string, title: string): Promise<string> {
      const applied = await as(openid)('jobs', 'apply', { vacancyId: vacancyId(title) });
      expect(applied.ok).toBe(true);
      const applicationId = applied.data.application.id as string;
      for (const event of ['invite', 'offer', 'hire']) {
        const moved = await as(EMPLOYER)('jobs', 'moveApplication', {
          applicationId,
          event,
          note: event === 'invite' ? '周一上午9点面试' : '',
        });
        expect(moved.ok).toBe(true);
      }
      return applicationId;
    }
    const liHire = await hired(LI, '仓库理货员');
    await hired(ZHANG, '叉车司机');
    expect(
      (
        await as(liCaseworker)('casework', 'confirmHire', {
          applicationId: liHire,
          employed: true,
          note: '电话核实已入职',
        })
      ).ok,
    ).toBe(true);

    // A 差 rating of hers, reviewed by the supervisor with an internal note.
    const requestId = await ask(LI, '失业金什么时候到账？');
    expect(
      (await as(liCaseworker)('casework', 'answer', { requestId, text: '请耐心等待。' })).ok,
    ).toBe(true);
    expect((await as(LI)('casework', 'closeRequest', { requestId })).ok).toBe(true);
    expect(
      (await as(LI)('casework', 'rate', { requestId, rating: 'poor', comment: '没有说清楚' })).ok,
    ).toBe(true);
    const INTERNAL = '内部复核：包保人答复过于简单，已批评教育';
    expect(
      (await as(AS.supervisor)('casework', 'closeReview', { requestId, note: INTERNAL })).ok,
    ).toBe(true);

    const result = await as(LI)('registration', 'exportMine', {});
    expect(result.ok).toBe(true);
    const { data } = result.data;

    // Every version (the seed's too), newest first; who saved it by name.
    expect(data.assistancePlans).toHaveLength(
      coll('assistance_plans').count({ registrationId: li }),
    );
    expect(data.assistancePlans.slice(0, 2)).toEqual([
      {
        needType: 'entrepreneurship',
        needTypeLabel: expect.any(String),
        goals: '开一家社区洗衣店',
        nextSteps: '申请创业担保贷款',
        advisorName: '王创业',
        updatedAt: expect.any(String),
        updatedByName: staffName,
      },
      {
        needType: 'jobSearch',
        needTypeLabel: expect.any(String),
        goals: '三个月内在家附近找到仓储类工作',
        nextSteps: '每月推荐3个岗位',
        advisorName: null,
        updatedAt: expect.any(String),
        updatedByName: staffName,
      },
    ]);
    expect(data.assistancePlans[0].needTypeLabel).toBe('自主创业');

    expect(data.trainingBookings).toHaveLength(coll('training_bookings').count({ openid: LI }));
    expect(data.trainingBookings).toContainEqual({
      courseTitle: '李秀英的家政培训班',
      institutionName: '兖州区巧手家政培训中心',
      startsAt: expect.any(String),
      endsAt: expect.any(String),
      bookedAt: expect.any(String),
      status: 'confirmed',
      statusLabel: '已报名成功',
      resultLabel: null,
      usedFreeQuota: true,
    });

    expect(data.hireConfirmations).toEqual([
      {
        vacancyTitle: '仓库理货员',
        companyName: '济宁鲁运物流有限公司',
        hiredAt: expect.any(String),
        status: 'confirmed',
        statusLabel: '已确认入职',
        decidedAt: expect.any(String),
        decidedByName: staffName,
      },
    ]);

    const request = data.requests.find((r: any) => r.text === '失业金什么时候到账？');
    expect(request.rating).toMatchObject({ value: 'poor', comment: '没有说清楚' });
    expect(request.review).toEqual({
      reviewed: true,
      label: '已复核',
      reviewedAt: expect.any(String),
    });

    const text = JSON.stringify(result);
    // The supervisor's note is internal; 张伟's plan, course and hire are not hers.
    for (const other of [
      INTERNAL,
      supervisorName,
      '张伟的帮扶目标',
      '张伟的电工培训班',
      '叉车司机',
      ZHANG,
      zhang,
      liCaseworker,
      zhangCaseworker,
      AS.supervisor,
      EMPLOYER,
      liCourse,
      liHire,
    ]) {
      expect(text).not.toContain(other);
    }
    expect(text).not.toMatch(/openid/i);
  });

  it('someone who never set anything gets empty lists and the default settings', async () => {
    const result = await as('wx-never')('registration', 'exportMine', {});
    expect(result).toMatchObject({
      ok: true,
      data: {
        data: {
          requests: [],
          jobInterests: [],
          invitations: [],
          applications: [],
          pushes: [],
          contacts: [],
          assistancePlans: [],
          trainingBookings: [],
          hireConfirmations: [],
          recommendationSettings: {
            personalised: true,
            suggestToEmployers: false,
            updatedAt: null,
          },
        },
      },
    });
  });
});

describe('cancelling or withdrawing consent deletes the 感兴趣 marks, and keeps the records', () => {
  /** 李秀英 with two interests, an application, an invitation and a request; 张伟 with one interest. */
  async function setUp() {
    await mark(LI, '仓库理货员');
    await mark(LI, '叉车司机');
    await invite(LI, '仓库理货员');
    expect((await as(LI)('jobs', 'apply', { vacancyId: vacancyId('会计') })).ok).toBe(true);
    const requestId = await ask(LI, '请问登记注销后还能领失业保险金吗？');
    await mark(ZHANG, '仓库理货员');
    const li = registrationOf(LI)._id as string;
    const zhang = registrationOf(ZHANG)._id as string;
    expect((await interestedSeen()).sort()).toEqual([li, li, zhang].sort());
    const kept = {
      requests: coll('requests').count({ openid: LI }),
      requestMessages: coll('request_messages').count({ requestId }),
      applications: coll('applications').count({ openid: LI }),
      invitations: coll('match_invitations').count({ openid: LI }),
    };
    expect(kept).toMatchObject({ requests: expect.any(Number), requestMessages: 1 });
    expect(kept.applications).toBeGreaterThan(0);
    expect(kept.invitations).toBe(1);
    return { li, zhang, requestId, kept };
  }

  function expectKept(kept: Record<string, number>, requestId: string) {
    expect({
      requests: coll('requests').count({ openid: LI }),
      requestMessages: coll('request_messages').count({ requestId }),
      applications: coll('applications').count({ openid: LI }),
      invitations: coll('match_invitations').count({ openid: LI }),
    }).toEqual(kept);
  }

  it('the person’s own cancellation', async () => {
    const { li, zhang, requestId, kept } = await setUp();
    const res = await as(LI)('registration', 'requestCancellation', { note: '已找到工作' });
    expect(res).toMatchObject({ ok: true, data: { registration: { status: 'cancelled' } } });

    expect(coll('job_interests').find({ openid: LI })).toEqual([]);
    expect(coll('job_interests').find({ openid: ZHANG })).toHaveLength(1);
    expect(await interestedSeen()).toEqual([zhang]);
    expect((await as(LI)('jobs', 'myInterests', {})).data.interests).toEqual([]);
    expectKept(kept, requestId);
    expect(coll('registrations').find({ _id: li })).toEqual([
      expect.objectContaining({ status: 'cancelled' }),
    ]);
    // Their request still reads as before (a service record the centre keeps).
    const thread = await as(LI)('casework', 'requestThread', { requestId });
    expect(thread).toMatchObject({ ok: true, data: { request: { id: requestId } } });
    // And the export says no interests any more.
    expect((await as(LI)('registration', 'exportMine', {})).data.data.jobInterests).toEqual([]);
  });

  it('a cancellation by the caseworker', async () => {
    const { li, zhang, requestId, kept } = await setUp();
    const res = await as(caseworkerOf(li))('registration', 'changeStatus', {
      registrationId: li,
      to: 'cancelled',
      reason: 'ownRequest',
    });
    expect(res.ok).toBe(true);
    expect(coll('job_interests').count({ registrationId: li })).toBe(0);
    expect(await interestedSeen()).toEqual([zhang]);
    expectKept(kept, requestId);
  });

  it('finding work is not a cancellation: the marks stay (hidden from employers)', async () => {
    const { li, zhang } = await setUp();
    const res = await as(caseworkerOf(li))('registration', 'changeStatus', {
      registrationId: li,
      to: 'employed',
    });
    expect(res.ok).toBe(true);
    expect(coll('job_interests').count({ registrationId: li })).toBe(2);
    expect(await interestedSeen()).toEqual([zhang]);
  });

  it('withdrawing consent; giving it again does not bring the marks back', async () => {
    const { li, zhang, requestId, kept } = await setUp();
    const res = await as(LI)('registration', 'withdrawConsent', {});
    expect(res.ok).toBe(true);

    expect(coll('job_interests').find({ openid: LI })).toEqual([]);
    expect(coll('job_interests').find({ openid: ZHANG })).toHaveLength(1);
    expect(await interestedSeen()).toEqual([zhang]);
    expectKept(kept, requestId);
    expect(coll('registrations').find({ _id: li })).toEqual([
      expect.objectContaining({ status: 'registered', consentWithdrawnAt: expect.any(Date) }),
    ]);

    expect((await as(LI)('registration', 'giveConsent', { version: '2026-11-v1' })).ok).toBe(true);
    expect(await interestedSeen()).toEqual([zhang]);
    expect((await as(LI)('jobs', 'myInterests', {})).data.interests).toEqual([]);
  });

  it('a refused cancellation deletes nothing', async () => {
    const { li, zhang, requestId, kept } = await setUp();
    const caseworker = as(caseworkerOf(li));
    // 李秀英 found work: her marks stay (hidden from employers) ...
    const employed = await caseworker('registration', 'changeStatus', {
      registrationId: li,
      to: 'employed',
    });
    expect(employed.ok).toBe(true);
    expect(coll('job_interests').count({ registrationId: li })).toBe(2);
    // ... and an employed registration cannot be cancelled: the lifecycle refuses it, and her
    // marks are all still there.
    const res = await caseworker('registration', 'changeStatus', {
      registrationId: li,
      to: 'cancelled',
      reason: 'ownRequest',
    });
    expect(res).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(coll('registrations').find({ _id: li })[0]).toMatchObject({ status: 'employed' });
    expect(coll('job_interests').count({ registrationId: li })).toBe(2);
    expect((await as(LI)('jobs', 'myInterests', {})).data.interests).toHaveLength(2);
    expect(await interestedSeen()).toEqual([zhang]);
    expectKept(kept, requestId);
  });
});
