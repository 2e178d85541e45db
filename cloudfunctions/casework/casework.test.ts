/**
 * The caseworker's workbench (issue 7): the caseload by urgency with its filters, recording
 * contacts (cadence, "131", status changes), 一人一策 plans and the person's timeline — every
 * action through the real function on the local cloud, each refusal writing nothing.
 */
import type { LocalCloud } from '@nuanxin/local';
import { dayjs, type ActionName } from '@nuanxin/shared';

import { addStaff, fixClock, makeSeeker, registered } from '../test/registration';
import { AS, caller as callerOf, seededCloud } from '../test/support';

// Monday 2026-03-02 10:00 in Shanghai.
const START = new Date('2026-03-02T02:00:00Z');
const OTHER_CASEWORKER = 'demo-caseworker-370812'; // 兖州区: not 任城区

let cloud: LocalCloud;
beforeEach(async () => {
  fixClock(START);
  cloud = await seededCloud();
});
afterEach(async () => {
  jest.useRealTimers();
  await cloud.close();
});

function as(openid: string) {
  const call = callerOf(cloud, openid);
  return (action: ActionName<'casework'>, payload: unknown): Promise<any> =>
    call('casework', action, payload);
}
const zhang = () => as(AS.caseworker);
const later = (days: number) => jest.setSystemTime(dayjs(START).add(days, 'day').toDate());
const count = (name: string, q: object = {}) => cloud.store.collection(name).count(q);

async function newPerson(
  openid: string,
  name: string,
  over: Parameters<typeof makeSeeker>[0] = {},
) {
  return registered(cloud, openid, makeSeeker({ name, ...over }).sections);
}

async function entry(id: string) {
  const res = await zhang()('caseload', {});
  expect(res.ok).toBe(true);
  return res.data.people.find((p: any) => p.id === id);
}

describe('caseload', () => {
  it('a new person is due in a month; overdue people rise to the top; a phone follow-up drops them', async () => {
    const a = await newPerson('wx-cw-a', '甲某某');
    later(10);
    const b = await newPerson('wx-cw-b', '乙某某');

    expect((await entry(a)).followUp).toMatchObject({
      situation: 'unemployed',
      situationLabel: '失业',
      due: '2026-04-02',
      state: 'notDue',
      intervalLabel: '每月',
    });
    // 40 days after a registered: a is 9 days overdue, b is due in 1 day.
    later(40);
    const res = await zhang()('caseload', {});
    const ids = res.data.people.map((p: any) => p.id);
    expect(ids.indexOf(a)).toBeLessThan(ids.indexOf(b));
    expect(await entry(a)).toMatchObject({
      followUp: { state: 'overdue', stateLabel: '已逾期', overdueDays: 9 },
    });
    expect((await entry(b)).followUp.state).toBe('dueSoon');
    expect(res.data.counts.overdue).toBeGreaterThanOrEqual(1);
    // Every overdue person comes before every one who is not.
    const states: string[] = res.data.people.map((p: any) => p.followUp.state);
    const firstNotOverdue = states.findIndex((s) => s !== 'overdue');
    expect(states.slice(firstNotOverdue).includes('overdue')).toBe(false);

    const recorded = await zhang()('recordContact', {
      registrationId: a,
      kind: 'followUp',
      channel: 'phone',
      outcome: 'reached',
      note: '仍在找工作',
    });
    expect(recorded.ok).toBe(true);
    expect(recorded.data.person.followUp).toMatchObject({ state: 'notDue', due: '2026-05-11' });
    const after = (await zhang()('caseload', {})).data.people.map((p: any) => p.id);
    expect(after.indexOf(a)).toBeGreaterThan(after.indexOf(b));
  });

  it('filters by township, tag, status and follow-up state', async () => {
    const here = await newPerson('wx-cw-f1', '城区人', { township: '370811002' });
    const older = await newPerson('wx-cw-f2', '大龄人', { township: '370811009', age: 52 });
    const ids = async (payload: object) =>
      (await zhang()('caseload', payload)).data.people.map((p: any) => p.id);
    expect(await ids({ township: '370811009' })).toContain(older);
    expect(await ids({ township: '370811009' })).not.toContain(here);
    expect(await ids({ tag: 'older' })).toContain(older);
    expect(await ids({ tag: 'older' })).not.toContain(here);
    expect(await ids({ status: 'registered' })).toEqual(expect.arrayContaining([here, older]));
    expect(await ids({ state: 'due' })).not.toContain(here);
    later(31);
    expect(await ids({ state: 'due' })).toEqual(expect.arrayContaining([here, older]));
    expect(await ids({ state: 'overdue' })).not.toContain(here); // due today
    expect(await ids({ state: 'dueToday' })).toContain(here);
  });

  it('audits the read with the ids shown', async () => {
    const id = await newPerson('wx-cw-audit', '审计人');
    await zhang()('caseload', {});
    const [entryLog] = cloud.store
      .collection('audit_log')
      .find({ action: 'casework.caseload', actorOpenid: AS.caseworker });
    expect(String((entryLog as any).detail.ids)).toContain(id);
  });

  it('a caseworker sees only their own; a supervisor names one in scope', async () => {
    const before = cloud.writeCount();
    expect(await zhang()('caseload', { caseworkerOpenid: OTHER_CASEWORKER })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await as(AS.supervisor)('caseload', {})).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { caseworkerOpenid: expect.any(String) } },
    });
    // 兖州区 is outside the demo supervisor's townships.
    expect(
      await as(AS.supervisor)('caseload', { caseworkerOpenid: OTHER_CASEWORKER }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(cloud.writeCount()).toBe(before);
    const res = await as(AS.supervisor)('caseload', { caseworkerOpenid: AS.caseworker });
    expect(res).toMatchObject({ ok: true, data: { caseworkerName: '张敏' } });
  });

  it('an employed person stays in the caseload for a yearly follow-up, without "131"', async () => {
    const id = await newPerson('wx-cw-emp', '就业人');
    later(5);
    const res = await as(AS.caseworker)('recordContact', {
      registrationId: id,
      kind: 'followUp',
      channel: 'wechat',
      situation: 'employed',
      note: '已在鲁运物流上岗',
    });
    expect(res.ok).toBe(true);
    expect(res.data.person).toMatchObject({
      status: 'employed',
      followUp: { situation: 'employed', due: '2027-03-07', intervalLabel: '每年' },
      progress131: null,
      pushPlan: null,
    });
    // The registration followed through its own lifecycle, logged, membership kept.
    const [reg] = cloud.store.collection('registrations').find({ _id: id });
    expect(reg).toMatchObject({ status: 'employed' });
    expect(count('registration_log', { registrationId: id, event: 'employ' })).toBe(1);
    expect(count('caseload_memberships', { registrationId: id, endedAt: null })).toBe(1);
    later(400);
    expect((await entry(id)).followUp.state).toBe('overdue');
  });
});

describe('recording contacts', () => {
  it.each([
    [{ kind: 'followUp', note: '无方式' }, 'channel'],
    [{ kind: 'guidance', channel: 'office' }, 'counsellor'],
    [{ kind: 'relief' }, 'amount'],
    [{ kind: 'relief', amount: 10.555 }, 'amount'],
    [{ kind: 'followUp', channel: 'phone', amount: 100 }, 'amount'],
    [{ kind: 'jobReferral' }, 'note'],
    [{ kind: 'guidance', counsellor: '王老师', outcome: 'unreachable' }, 'outcome'],
    [
      { kind: 'followUp', channel: 'phone', outcome: 'unreachable', situation: 'flexible' },
      'situation',
    ],
  ])('%j is refused at %s, nothing written', async (payload, field) => {
    const id = await newPerson('wx-cw-v', '校验人');
    const before = cloud.writeCount();
    const res = await zhang()('recordContact', { registrationId: id, ...payload });
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(res.error.fields[field]).toMatch(/[\u4e00-\u9fa5]/);
    expect(cloud.writeCount()).toBe(before);
  });

  it("another caseworker's person is NOT_FOUND, nothing written", async () => {
    const id = await newPerson('wx-cw-nf', '别人的');
    addStaff(cloud, {
      openid: 'cw-other',
      role: 'caseworker',
      org: 'employment',
      townships: ['370811002'],
    });
    const before = cloud.writeCount();
    const res = await as('cw-other')('recordContact', {
      registrationId: id,
      kind: 'followUp',
      channel: 'phone',
    });
    expect(res).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(cloud.writeCount()).toBe(before);
  });

  it('an unanswered call is logged but leaves the person due', async () => {
    const id = await newPerson('wx-cw-un', '未接人');
    later(35);
    const res = await zhang()('recordContact', {
      registrationId: id,
      kind: 'followUp',
      channel: 'phone',
      outcome: 'unreachable',
    });
    expect(res.data.person.followUp).toMatchObject({ state: 'overdue', overdueDays: 4 });
    expect(res.data.timeline.at(-1)).toMatchObject({
      source: 'contact',
      label: '跟踪回访',
      reason: '电话 · 未联系上',
    });
  });

  it('暂无就业意愿 reschedules to half a year and takes the person off the push plan', async () => {
    const id = await newPerson('wx-cw-ns', '观望人');
    later(3);
    const res = await zhang()('recordContact', {
      registrationId: id,
      kind: 'visit',
      situation: 'notSeeking',
      note: '照顾老人，暂不找工作',
    });
    expect(res.data.person).toMatchObject({
      status: 'registered',
      followUp: { situation: 'notSeeking', due: '2026-09-05', intervalLabel: '每半年' },
      pushPlan: null,
    });
    expect(res.data.person.progress131).not.toBeNull();
    // A visit is at home unless said otherwise.
    expect(res.data.timeline.at(-1).reason).toContain('入户');
  });

  it('"131": guidance and three job referrals count, a training referral does not; referrals are pushes', async () => {
    const id = await newPerson('wx-cw-131', '服务人');
    const record = (payload: object) =>
      zhang()('recordContact', { registrationId: id, ...payload });
    await record({ kind: 'guidance', channel: 'office', counsellor: '王老师' });
    for (const job of ['仓管员（鲁运物流）', '分拣员（顺丰）', '叉车工（康泰）']) {
      await record({ kind: 'jobReferral', note: job });
    }
    const res = await record({ kind: 'trainingReferral', note: '叉车司机培训' });
    // The training of "131" is a completed one (referrals.test.ts), not a referral.
    expect(res.data.person.progress131).toMatchObject({
      year: '2026',
      allMet: false,
      summary: '职业指导 1/1 · 岗位推荐 3/3 · 技能培训 0/1',
    });
    expect(res.data.person.pushPlan).toMatchObject({ month: '2026-03', pushes: 3, state: 'met' });
    expect(res.data.guidanceSessions).toEqual({ done: 1, target: 3 });
  });

  it('临时救助 is kept in fen and shown in yuan', async () => {
    const id = await newPerson('wx-cw-relief', '救助人');
    const res = await zhang()('recordContact', {
      registrationId: id,
      kind: 'relief',
      amount: 500.5,
      note: '突发疾病',
    });
    expect(res.data.timeline.at(-1)).toMatchObject({
      label: '临时救助',
      reason: '救助金额 500.50 元 · 突发疾病',
    });
    const [stored] = cloud.store.collection('contacts').find({ registrationId: id });
    expect(stored).toMatchObject({ kind: 'relief', amountFen: 50050, actorName: '张敏' });
  });

  it('someone who withdrew consent is not referred, but can still be visited', async () => {
    const id = await newPerson('wx-cw-wd', '撤回人');
    const withdrawn = await callerOf(cloud, 'wx-cw-wd')('registration', 'withdrawConsent', {});
    expect(withdrawn.ok).toBe(true);
    const before = cloud.writeCount();
    expect(
      await zhang()('recordContact', { registrationId: id, kind: 'jobReferral', note: '仓管员' }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(cloud.writeCount()).toBe(before);
    expect((await zhang()('recordContact', { registrationId: id, kind: 'visit' })).ok).toBe(true);
  });
});

describe('一人一策 and the person page', () => {
  it('entrepreneurship needs a named 创业咨询师; each save is a version in the timeline', async () => {
    const id = await newPerson('wx-cw-plan', '创业人');
    const plan = {
      registrationId: id,
      needType: 'entrepreneurship',
      goals: '开一家社区早餐店',
      nextSteps: '对接创业担保贷款，参加创业培训',
    };
    const before = cloud.writeCount();
    const refused = await zhang()('savePlan', plan);
    expect(refused).toMatchObject({
      ok: false,
      error: { fields: { advisorName: expect.any(String) } },
    });
    expect(cloud.writeCount()).toBe(before);

    expect((await zhang()('savePlan', { ...plan, advisorName: '刘咨询师' })).ok).toBe(true);
    later(1);
    const res = await zhang()('savePlan', {
      ...plan,
      needType: 'jobSearch',
      goals: '先找一份早班工作',
      advisorName: '刘咨询师',
    });
    expect(res.data.plan).toMatchObject({
      needType: 'jobSearch',
      needTypeLabel: '求职就业',
      advisorName: null,
      savedBy: '张敏',
    });
    expect(
      res.data.timeline.filter((t: any) => t.source === 'plan').map((t: any) => t.label),
    ).toEqual(['制定一人一策帮扶计划', '修改一人一策帮扶计划']);
    expect(count('assistance_plans', { registrationId: id })).toBe(2);
  });

  it('the timeline merges registration, contacts, plans and requests; reads are audited', async () => {
    const id = await newPerson('wx-cw-tl', '时间线');
    later(1);
    await zhang()('recordContact', { registrationId: id, kind: 'followUp', channel: 'home' });
    later(2);
    await as('wx-cw-tl')('ask', { kind: 'training', text: '想学叉车，哪里有免费培训？' });
    const res = await zhang()('person', { registrationId: id });
    expect(res.ok).toBe(true);
    expect(res.data.timeline.map((t: any) => t.source)).toEqual(
      expect.arrayContaining(['registration', 'contact', 'request']),
    );
    expect(res.data.timeline.find((t: any) => t.source === 'request')).toMatchObject({
      label: '求助：培训（待答复）',
      by: '本人',
    });
    expect(res.data).toMatchObject({ canRecord: true, caseworkerName: '张敏' });
    expect(res.data.person.openRequests).toBe(1);
    expect(res.data.person.idMasked).toMatch(/^\d{6}\*+\d{3}[\dX]$/);
    expect(count('audit_log', { action: 'casework.person', subjectId: id })).toBe(1);
  });

  it('a supervisor reads in scope (cannot record); others are NOT_FOUND', async () => {
    const id = await newPerson('wx-cw-sp', '主管看');
    const res = await as(AS.supervisor)('person', { registrationId: id });
    expect(res).toMatchObject({ ok: true, data: { canRecord: false } });
    addStaff(cloud, {
      openid: 'sup-far',
      role: 'supervisor',
      org: 'employment',
      townships: ['370812001'],
    });
    const before = cloud.writeCount();
    for (const [openid, action, payload] of [
      ['sup-far', 'person', { registrationId: id }],
      [OTHER_CASEWORKER, 'person', { registrationId: id }],
      [
        OTHER_CASEWORKER,
        'savePlan',
        { registrationId: id, needType: 'training', goals: '学技能', nextSteps: '报名' },
      ],
    ] as const) {
      expect(await as(openid)(action, payload)).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
    }
    expect(cloud.writeCount()).toBe(before);
  });
});

describe('the demo seed', () => {
  it('张敏 finds someone overdue on top, someone due soon, and a request waiting', async () => {
    const res = await zhang()('caseload', {});
    expect(res.ok).toBe(true);
    const [first] = res.data.people;
    expect(first).toMatchObject({
      name: '李秀英',
      followUp: { state: 'overdue' },
      openRequests: 1,
    });
    expect(first.followUp.overdueDays).toBeGreaterThanOrEqual(8);
    expect(
      first.progress131.guidance.done + first.progress131.jobIntroduction.done,
    ).toBeGreaterThan(0);
    const sun = res.data.people.find((p: any) => p.name === '孙丽');
    expect(sun.followUp.state).toBe('dueSoon');
    const person = await zhang()('person', { registrationId: first.id });
    expect(person.data.plan).toMatchObject({ needType: 'jobSearch' });
    expect(person.data.timeline[0]).toMatchObject({ source: 'registration' });
    const box = await zhang()('inbox', {});
    expect(box.data.requests[0]).toMatchObject({ personName: '李秀英', kind: 'insurance' });
  });
});
