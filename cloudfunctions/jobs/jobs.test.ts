/**
 * The jobs function: only open vacancies are public (published, not past their date, company
 * verified) and only as a public view; applying needs a registration, shares only what the
 * applicant chose, happens once per person and vacancy even under double taps; the employer sees
 * its own applicants only and every move reaches the applicant, logged.
 */
import type { LocalCloud } from '@nuanxin/local';
import { dateKey, dayjs, type ActionName } from '@nuanxin/shared';

import { database, vacanciesRepo } from '../_lib';
import { fixClock } from '../test/registration';
import { AS, caller as callerOf, seededCloud } from '../test/support';

/** Registered (李秀英) and submitted (刘桂兰) demo citizens; demo-citizen-1 is not registered. */
const SEEKER = 'demo-citizen-2';
const OTHER_SEEKER = 'demo-citizen-4';
const OTHER_EMPLOYER = 'demo-employer-2';

let cloud: LocalCloud;
beforeEach(async () => {
  cloud = await seededCloud();
});
afterEach(async () => {
  await cloud.close();
});

/** Calls as `openid`; results are read loosely, as the assertions say what they must hold. */
function as(openid: string) {
  const call = callerOf(cloud, openid);
  return (action: ActionName<'jobs'>, payload: unknown = {}): Promise<any> =>
    call('jobs', action, payload);
}

const today = () => dateKey(new Date());
const inDays = (n: number) => dateKey(dayjs().add(n, 'day').toDate());
const count = (name: string, q: object = {}) => cloud.store.collection(name).count(q);

function companyOf(openid: string): string {
  const [user] = cloud.store.collection('users').find({ openid });
  return user!.companyId as string;
}

/** A vacancy straight into the store (a fixture, as the employer function would save it). */
function addVacancy(over: Record<string, unknown> = {}, employer: string = AS.employer): string {
  const companyId = companyOf(employer);
  const [company] = cloud.store.collection('companies').find({ _id: companyId });
  const now = new Date();
  return cloud.store.collection('vacancies').insert({
    companyId,
    companyName: company!.name,
    title: '测试岗位甲',
    description: '负责测试工作。',
    occupationCode: '4-02-06-01',
    headcount: 2,
    salaryMin: 3000,
    salaryMax: 4000,
    workType: 'fullTime',
    township: '370811002',
    requirements: '认真负责。',
    benefits: '五险一金',
    flags: {
      publicWelfare: false,
      internship: false,
      assistance: false,
      disabilityFriendly: false,
    },
    validUntil: inDays(30),
    status: 'published',
    reviewFindings: ['“35岁以下”可能涉及年龄歧视'],
    awaitsCompany: false,
    rejectReason: null,
    closeReason: null,
    staffNote: { at: now, note: '工作人员内部备注', staffOpenid: 'demo-market-1' },
    createdBy: employer,
    createdAt: now,
    updatedAt: now,
    ...over,
  });
}

const share = { mobile: true, education: true, workHistory: false };

describe('search: the public list of open vacancies', () => {
  it('shows the seeded demo vacancies, newest first, paged, as a public view', async () => {
    const first = await as(SEEKER)('search', { pageSize: 20 });
    expect(first.ok).toBe(true);
    expect(first.data.total).toBe(40);
    expect(first.data.vacancies).toHaveLength(20);
    const posted = first.data.vacancies.map((v: any) => v.postedAt);
    expect([...posted].sort().reverse()).toEqual(posted);
    const second = await as(SEEKER)('search', { pageSize: 20, page: 2 });
    const ids = [...first.data.vacancies, ...second.data.vacancies].map((v: any) => v.id);
    expect(new Set(ids).size).toBe(40);

    const card = first.data.vacancies[0];
    for (const hidden of [
      'reviewFindings',
      'reviewReasons',
      'rejectReason',
      'staffNote',
      'createdBy',
      'companyId',
      'status',
      'awaitsCompany',
    ]) {
      expect(card).not.toHaveProperty(hidden);
    }
    expect(card).toMatchObject({
      companyName: expect.any(String),
      townshipLabel: expect.stringMatching(/区|市|县/),
      occupationName: expect.any(String),
      workTypeLabel: expect.any(String),
      applied: false,
    });
  });

  it('never shows expired, paused, closed, pending or past-date vacancies, nor an unverified company’s', async () => {
    const visible = addVacancy({ title: '测试可见' });
    addVacancy({ title: '测试暂停', status: 'paused' });
    addVacancy({ title: '测试关闭', status: 'closed', closeReason: 'filled' });
    addVacancy({ title: '测试过期', status: 'expired', validUntil: inDays(-1) });
    addVacancy({ title: '测试待审核', status: 'pendingReview' });
    // Still 'published' between midnight and the 02:30 expiry run, but its last day has passed.
    addVacancy({ title: '测试昨日到期', validUntil: inDays(-1) });
    const lastDay = addVacancy({ title: '测试今日到期', validUntil: today() });
    const pendingCompany = cloud.store.collection('companies').insert({
      name: '济宁未核验有限公司',
      uscc: '91370800MA00000000',
      industry: 'C',
      township: '370811002',
      status: 'pending',
      createdAt: new Date(),
      updatedAt: new Date(),
    });
    addVacancy({ title: '测试未核验企业', companyId: pendingCompany });

    const res = await as(SEEKER)('search', { keyword: '测试', pageSize: 20 });
    expect(res.data.vacancies.map((v: any) => v.id).sort()).toEqual([visible, lastDay].sort());
    expect(res.data.total).toBe(2);
  });

  it.each([
    ['a township', { township: '370812003' }, (v: any) => v.township === '370812003'],
    ['a county', { county: '370881' }, (v: any) => v.township.startsWith('370881')],
    [
      'an occupation minor category',
      { occupation: '4-09-08' },
      (v: any) => v.occupationCode.startsWith('4-09-08-'),
    ],
    [
      'an occupation major category',
      { occupation: '6' },
      (v: any) => v.occupationCode.startsWith('6-'),
    ],
    ['a minimum salary', { salaryMin: 6000 }, (v: any) => v.salaryMax >= 6000],
    ['a work type', { workType: 'partTime' }, (v: any) => v.workType === 'partTime'],
    ['公益性岗位', { flags: ['publicWelfare'] }, (v: any) => v.flags.publicWelfare],
    ['见习岗位', { flags: ['internship'] }, (v: any) => v.flags.internship],
    [
      '援助岗位 and 适合残疾人 together',
      { flags: ['assistance', 'disabilityFriendly'] },
      (v: any) => v.flags.assistance && v.flags.disabilityFriendly,
    ],
    ['a keyword in the title', { keyword: '保洁' }, (v: any) => v.title.includes('保洁')],
    [
      'a keyword in the company name',
      { keyword: '杏坛' },
      (v: any) => v.companyName.includes('杏坛'),
    ],
  ])('filters by %s: exactly the open vacancies that hold', async (_name, filter, holds) => {
    const all = (await as(SEEKER)('search', { pageSize: 20 })).data.vacancies.concat(
      (await as(SEEKER)('search', { pageSize: 20, page: 2 })).data.vacancies,
    );
    const expected = all
      .filter(holds)
      .map((v: any) => v.id)
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(all.length);
    const res = await as(SEEKER)('search', { ...filter, pageSize: 20 });
    expect(res.data.vacancies.map((v: any) => v.id).sort()).toEqual(expected);
    expect(res.data.total).toBe(expected.length);
  });

  it('treats the keyword literally (no pattern injection) and finds nothing for unknown words', async () => {
    for (const keyword of ['.*', '(', '不存在的岗位名称']) {
      const res = await as(SEEKER)('search', { keyword });
      expect(res).toMatchObject({ ok: true, data: { total: 0, vacancies: [] } });
    }
  });

  it('refuses a page size over 20 and an unknown county at their fields', async () => {
    const big = await as(SEEKER)('search', { pageSize: 50 });
    expect(big).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const county = await as(SEEKER)('search', { county: '110101' });
    expect(county.error.fields.county).toMatch(/区（县、市）/);
  });

  it('staff may browse too; applied is only ever true for the applicant', async () => {
    const id = addVacancy({ title: '唯一测试岗位' });
    await as(SEEKER)('apply', { vacancyId: id, share });
    const mine = await as(SEEKER)('search', { keyword: '唯一测试岗位' });
    expect(mine.data.vacancies[0]).toMatchObject({ id, applied: true });
    for (const openid of [OTHER_SEEKER, AS.caseworker, AS.supervisor]) {
      const res = await as(openid)('search', { keyword: '唯一测试岗位' });
      expect(res.data.vacancies[0]).toMatchObject({ id, applied: false });
    }
  });
});

describe('detail', () => {
  it('shows the whole ad without internal fields, and the requirements as labels', async () => {
    const id = addVacancy({
      minEducation: 'seniorHigh',
      minExperienceYears: 2,
      certificates: ['叉车证'],
      flags: {
        publicWelfare: true,
        internship: false,
        assistance: true,
        disabilityFriendly: false,
      },
    });
    const res = await as(SEEKER)('detail', { vacancyId: id });
    expect(res.data.vacancy).toMatchObject({
      id,
      open: true,
      description: '负责测试工作。',
      requirements: '认真负责。',
      benefits: '五险一金',
      minEducationLabel: '高中及以上',
      minExperienceYears: 2,
      certificates: ['叉车证'],
      flagLabels: ['公益性岗位', '援助岗位'],
      application: null,
    });
    expect(JSON.stringify(res.data)).not.toMatch(/内部备注|年龄歧视|demo-market|createdBy/);
  });

  it('a flexible vacancy reads 灵活用工 (what the employer offers), in the list and on its page', async () => {
    const id = addVacancy({ title: '灵活用工测试岗位', workType: 'flexible' });
    const list = await as(SEEKER)('search', { keyword: '灵活用工测试', pageSize: 20 });
    expect(list.data.vacancies.map((v: any) => [v.id, v.workTypeLabel])).toEqual([
      [id, '灵活用工'],
    ]);
    const res = await as(SEEKER)('detail', { vacancyId: id });
    expect(res.data.vacancy.workTypeLabel).toBe('灵活用工');
  });

  it('says who cannot apply and why: not registered, not a seeker; nothing for a registered seeker', async () => {
    const id = addVacancy();
    const reasonFor = async (openid: string) =>
      (await as(openid)('detail', { vacancyId: id })).data.vacancy.cannotApply;
    expect(await reasonFor(SEEKER)).toBeNull();
    expect(await reasonFor(AS.citizen)).toMatchObject({
      reason: 'notRegistered',
      message: expect.stringContaining('失业登记'),
    });
    expect((await reasonFor(AS.caseworker)).reason).toBe('notCitizen');
  });

  it('reads an old record without the structured requirement fields', async () => {
    const id = addVacancy();
    const res = await as(SEEKER)('detail', { vacancyId: id });
    expect(res.data.vacancy).toMatchObject({
      minEducationLabel: null,
      minExperienceYears: 0,
      certificates: [],
    });
  });

  it('a stopped vacancy is NOT_FOUND "已停止招聘"; an unknown or draft one "没有找到这个岗位"', async () => {
    const closed = addVacancy({ status: 'closed', closeReason: 'filled' });
    expect(await as(SEEKER)('detail', { vacancyId: closed })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: '该岗位已停止招聘' },
    });
    expect(await as(SEEKER)('detail', { vacancyId: 'no-such-vacancy' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: '没有找到这个岗位' },
    });
    // A draft never existed for seekers.
    const draft = addVacancy({ status: 'draft' });
    expect((await as(SEEKER)('detail', { vacancyId: draft })).error.message).toBe(
      '没有找到这个岗位',
    );
  });

  it('the applicant still sees a vacancy that expired after they applied, with their application', async () => {
    const id = addVacancy();
    await as(SEEKER)('apply', { vacancyId: id, share });
    await setVacancy(id, { status: 'expired', validUntil: inDays(-1) });
    const res = await as(SEEKER)('detail', { vacancyId: id });
    expect(res.data.vacancy).toMatchObject({
      open: false,
      statusLabel: '已停止招聘',
      applied: true,
      application: { status: 'applied', statusLabel: '已投递', vacancyOpen: false },
    });
    expect(await as(OTHER_SEEKER)('detail', { vacancyId: id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: '该岗位已停止招聘' },
    });
  });
});

/** Changes a stored vacancy, as the employer function's transitions or the expiry timer would. */
async function setVacancy(id: string, patch: Record<string, unknown>) {
  await cloud.runAs({}, () => vacanciesRepo(database()).update(id, patch));
}

describe('apply', () => {
  it('snapshots only the chosen fields and the masked ID, logs it and tells the employer', async () => {
    const id = addVacancy();
    const res = await as(SEEKER)('apply', {
      vacancyId: id,
      share,
      message: '可随时到岗',
    });
    expect(res).toMatchObject({
      ok: true,
      data: {
        application: {
          vacancyId: id,
          status: 'applied',
          statusLabel: '已投递',
          canWithdraw: true,
          sharedLabels: ['姓名', '性别', '年龄', '身份证号（隐去中间8位）', '手机号', '学历'],
          history: [{ label: '投递简历' }],
        },
      },
    });
    const [stored] = cloud.store.collection('applications').find({});
    expect(stored).toMatchObject({
      openid: SEEKER,
      companyId: companyOf(AS.employer),
      message: '可随时到岗',
      applicant: {
        name: '李秀英',
        sex: 'female',
        age: 48,
        idMasked: expect.stringMatching(/^370811\*{8}\d{3}[\dX]$/),
        mobile: '13805371002',
        education: 'seniorHigh',
        workHistory: null,
      },
    });
    // Never the number itself, key groups, disability or 低保.
    expect(JSON.stringify(stored)).not.toMatch(/idNumber|idHash|tags|disab|dibao|declarations/);
    expect(count('application_log', { event: 'apply', to: 'applied' })).toBe(1);
    expect(
      cloud.store.collection('messages').find({ openid: AS.employer, kind: 'newApplication' }),
    ).toHaveLength(1);
  });

  it('a subscription message reaches the employer when they have quota', async () => {
    cloud.grantSubscription(AS.employer, 'local-newApplication');
    await as(SEEKER)('apply', { vacancyId: addVacancy(), share });
    const sent = cloud.outbox().filter((m) => m.touser === AS.employer);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      templateId: 'local-newApplication',
      page: 'packages/employer/applications/index',
    });
    expect(JSON.stringify(sent[0]!.data)).not.toMatch(/李秀英|1380537/);
  });

  it('without a registration: FORBIDDEN, telling them to 办理失业登记 first, nothing written', async () => {
    const id = addVacancy();
    const before = cloud.writeCount();
    const res = await as(AS.citizen)('apply', { vacancyId: id, share });
    expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(res.error.message).toMatch(/失业登记/);
    expect(cloud.writeCount()).toBe(before);
  });

  it.each([
    ['a message over 200 characters', { message: '长'.repeat(201) }, 'message'],
    ['share flags that are not booleans', { share: { mobile: 'yes' } }, 'share.mobile'],
    ['an unknown share field', { share: { disabled: true } }, 'share'],
  ])('refuses %s at its field, writing nothing', async (_name, over, field) => {
    const id = addVacancy();
    const before = cloud.writeCount();
    const res = await as(SEEKER)('apply', { vacancyId: id, share, ...over });
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(Object.keys(res.error.fields ?? {}).join()).toContain(field);
    expect(cloud.writeCount()).toBe(before);
  });

  it('a closed or unknown vacancy is NOT_FOUND and writes nothing', async () => {
    const closed = addVacancy({ status: 'closed', closeReason: 'filled' });
    const before = cloud.writeCount();
    expect((await as(SEEKER)('apply', { vacancyId: closed, share })).error).toMatchObject({
      code: 'NOT_FOUND',
      message: '该岗位已停止招聘',
    });
    expect((await as(SEEKER)('apply', { vacancyId: 'nope', share })).error.code).toBe('NOT_FOUND');
    expect(cloud.writeCount()).toBe(before);
  });

  it('a repeat is CONFLICT "您已投递过该岗位"', async () => {
    const id = addVacancy();
    await as(SEEKER)('apply', { vacancyId: id, share });
    const before = cloud.writeCount();
    expect(await as(SEEKER)('apply', { vacancyId: id, share })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '您已投递过该岗位' },
    });
    expect(cloud.writeCount()).toBe(before);
  });

  it('concurrent double taps make one application, one log entry and one notice', async () => {
    const id = addVacancy();
    const results = await Promise.all(
      Array.from({ length: 5 }, () => as(SEEKER)('apply', { vacancyId: id, share })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((x) => !x.ok)) {
      expect(r.error).toMatchObject({ code: 'CONFLICT', message: '您已投递过该岗位' });
    }
    expect(count('applications', { vacancyId: id })).toBe(1);
    expect(count('application_log', { vacancyId: id })).toBe(1);
    expect(count('messages', { openid: AS.employer, kind: 'newApplication' })).toBe(1);
  });

  it('employers and staff cannot apply', async () => {
    const id = addVacancy();
    for (const openid of [AS.employer, AS.caseworker, AS.supervisor, AS.admin]) {
      expect((await as(openid)('apply', { vacancyId: id, share })).error.code).toBe('FORBIDDEN');
    }
    expect(count('applications')).toBe(0);
  });
});

describe('my applications and withdrawing', () => {
  it('lists my applications only, newest first, and withdraws one while open', async () => {
    const a = addVacancy({ title: '第一个岗位' });
    const b = addVacancy({ title: '第二个岗位' });
    await as(SEEKER)('apply', { vacancyId: a, share });
    await new Promise((r) => setTimeout(r, 5));
    const second = await as(SEEKER)('apply', { vacancyId: b, share });
    await as(OTHER_SEEKER)('apply', { vacancyId: a, share });

    const mine = await as(SEEKER)('myApplications');
    expect(mine.data.applications.map((x: any) => x.vacancy.title)).toEqual([
      '第二个岗位',
      '第一个岗位',
    ]);

    const res = await as(SEEKER)('withdraw', { applicationId: second.data.application.id });
    expect(res.data.application).toMatchObject({
      status: 'withdrawn',
      statusLabel: '已撤回',
      canWithdraw: false,
      history: [{ label: '投递简历' }, { label: '您撤回了投递' }],
    });
    // Final: a second withdrawal is a CONFLICT and writes nothing.
    const before = cloud.writeCount();
    expect(
      (await as(SEEKER)('withdraw', { applicationId: second.data.application.id })).error.code,
    ).toBe('CONFLICT');
    expect(cloud.writeCount()).toBe(before);
  });

  it('another person’s application is NOT_FOUND, the same as none', async () => {
    const applied = await as(OTHER_SEEKER)('apply', { vacancyId: addVacancy(), share });
    const before = cloud.writeCount();
    for (const applicationId of [applied.data.application.id, 'no-such-application']) {
      expect(await as(SEEKER)('withdraw', { applicationId })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND', message: '没有找到这份投递记录' },
      });
    }
    expect(cloud.writeCount()).toBe(before);
  });
});

describe('the employer’s applicants', () => {
  async function applied(vacancy = addVacancy(), seeker = SEEKER) {
    const res = await as(seeker)('apply', { vacancyId: vacancy, share, message: '您好' });
    return res.data.application.id as string;
  }

  it('lists own applicants with counts per vacancy and status; filters by both', async () => {
    const v1 = addVacancy({ title: '岗位一' });
    const v2 = addVacancy({ title: '岗位二' });
    const a1 = await applied(v1, SEEKER);
    await applied(v1, OTHER_SEEKER);
    await applied(v2, SEEKER);
    await as(AS.employer)('applicant', { applicationId: a1 });

    const all = await as(AS.employer)('applicants', {});
    expect(all.data.counts).toMatchObject({ applied: 2, viewed: 1, interview: 0 });
    expect(all.data.applications).toHaveLength(3);
    const row = all.data.vacancies.find((v: any) => v.id === v1);
    expect(row).toMatchObject({ title: '岗位一', total: 2, counts: { applied: 1, viewed: 1 } });

    const one = await as(AS.employer)('applicants', { vacancyId: v1, status: 'applied' });
    expect(one.data.applications.map((a: any) => a.name)).toEqual(['刘桂兰']);
    expect(one.data.counts).toMatchObject({ applied: 1, viewed: 1 });
    expect(one.data.applications[0]).not.toHaveProperty('idMasked');
  });

  it('another company sees none of them; its vacancy or application is NOT_FOUND', async () => {
    const v1 = addVacancy();
    const id = await applied(v1);
    const other = as(OTHER_EMPLOYER);
    expect((await other('applicants', {})).data.applications).toEqual([]);
    const before = cloud.writeCount();
    expect((await other('applicants', { vacancyId: v1 })).error.code).toBe('NOT_FOUND');
    for (const [action, payload] of [
      ['applicant', { applicationId: id }],
      ['moveApplication', { applicationId: id, event: 'reject', note: '不合适' }],
    ] as const) {
      const res = await other(action, payload);
      expect(res).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND', message: '没有找到这份应聘，或它不属于您的单位' },
      });
    }
    expect(cloud.writeCount()).toBe(before);
    expect(cloud.store.collection('applications').find({ _id: id })[0]!.status).toBe('applied');
  });

  it('opening one shows the masked ID and only the shared fields, and moves 已投递 → 企业已查看 once', async () => {
    const id = await applied();
    const res = await as(AS.employer)('applicant', { applicationId: id });
    expect(res.data.application).toMatchObject({
      name: '李秀英',
      sexLabel: '女',
      age: 48,
      idMasked: expect.stringMatching(/^370811\*{8}\d{3}[\dX]$/),
      mobile: '13805371002',
      educationLabel: '高中',
      workHistory: null,
      message: '您好',
      status: 'viewed',
      statusLabel: '已查看',
      nextEvents: [
        { event: 'invite', label: '邀请面试' },
        { event: 'offer', label: '录用' },
        { event: 'reject', label: '不合适' },
      ],
    });
    await as(AS.employer)('applicant', { applicationId: id });
    expect(count('application_log', { applicationId: id, event: 'view' })).toBe(1);
    expect(count('messages', { openid: SEEKER, kind: 'applicationStatus' })).toBe(1);
    const mine = await as(SEEKER)('myApplications');
    expect(mine.data.applications[0]).toMatchObject({
      status: 'viewed',
      statusLabel: '企业已查看',
    });
  });

  it('a field not shared stays hidden even though the registration has it', async () => {
    const id = (
      await as(SEEKER)('apply', {
        vacancyId: addVacancy(),
        share: { mobile: false, education: false, workHistory: true },
      })
    ).data.application.id;
    const res = await as(AS.employer)('applicant', { applicationId: id });
    expect(res.data.application).toMatchObject({
      mobile: null,
      educationLabel: null,
      workHistory: { lastEmployer: '济宁华纺织造有限公司', separationDate: expect.any(String) },
    });
    expect(JSON.stringify(res.data)).not.toMatch(/13805371002/);
  });

  it('invite → offer → hire: each move is logged and reaches the seeker with the employer’s words', async () => {
    const id = await applied();
    const employer = as(AS.employer);
    await employer('applicant', { applicationId: id });
    cloud.grantSubscription(SEEKER, 'local-applicationStatus');
    const invited = await employer('moveApplication', {
      applicationId: id,
      event: 'invite',
      note: '11月25日上午9点，任城区示例路8号',
      employerNote: '电话沟通过，态度积极',
    });
    expect(invited.data.application).toMatchObject({
      status: 'interview',
      interviewNote: '11月25日上午9点，任城区示例路8号',
      employerNote: '电话沟通过，态度积极',
    });
    const push = cloud.outbox().filter((m) => m.touser === SEEKER);
    expect(push).toHaveLength(1);
    expect(push[0]!.data).toMatchObject({
      phrase2: { value: '邀请面试' },
      thing4: { value: expect.stringContaining('11月25日') },
    });

    await employer('moveApplication', { applicationId: id, event: 'offer', note: '欢迎加入' });
    const hired = await employer('moveApplication', { applicationId: id, event: 'hire' });
    expect(hired.data.application).toMatchObject({ status: 'hired', nextEvents: [] });
    expect(
      cloud.store
        .collection('application_log')
        .find({ applicationId: id })
        .map((e) => [e.event, e.from, e.to, e.actorRole]),
    ).toEqual([
      ['apply', null, 'applied', 'citizen'],
      ['view', 'applied', 'viewed', 'employer'],
      ['invite', 'viewed', 'interview', 'employer'],
      ['offer', 'interview', 'offered', 'employer'],
      ['hire', 'offered', 'hired', 'employer'],
    ]);

    const mine = (await as(SEEKER)('myApplications')).data.applications[0];
    expect(mine).toMatchObject({
      status: 'hired',
      statusLabel: '已入职',
      interviewNote: '11月25日上午9点，任城区示例路8号',
      offerNote: '欢迎加入',
      canWithdraw: false,
    });
    expect(mine.history.map((h: any) => h.label)).toEqual([
      '投递简历',
      '企业查看了您的简历',
      '企业邀请您面试',
      '企业决定录用您',
      '企业确认您已入职',
    ]);
    // The employer's internal note never reaches the seeker, in any view or message.
    const seen = JSON.stringify([
      await as(SEEKER)('myApplications'),
      await as(SEEKER)('detail', { vacancyId: mine.vacancyId }),
      cloud.store.collection('messages').find({ openid: SEEKER }),
      cloud.outbox().filter((m) => m.touser === SEEKER),
    ]);
    expect(seen).not.toContain('态度积极');
    expect(count('messages', { openid: SEEKER, kind: 'applicationStatus' })).toBeGreaterThanOrEqual(
      3,
    );
  });

  it('rejecting needs a reason the seeker sees; without one nothing is written', async () => {
    const id = await applied();
    const employer = as(AS.employer);
    await employer('applicant', { applicationId: id });
    const before = cloud.writeCount();
    const missing = await employer('moveApplication', { applicationId: id, event: 'reject' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(missing.error.fields.note).toMatch(/原因/);
    const noPlace = await employer('moveApplication', { applicationId: id, event: 'invite' });
    expect(noPlace.error.fields.note).toMatch(/面试时间和地点/);
    expect(cloud.writeCount()).toBe(before);

    await employer('moveApplication', { applicationId: id, event: 'reject', note: '岗位已招满' });
    const mine = (await as(SEEKER)('myApplications')).data.applications[0];
    expect(mine).toMatchObject({
      status: 'rejected',
      statusLabel: '未录用',
      rejectReason: '岗位已招满',
    });
    expect(
      cloud.store.collection('messages').find({ openid: SEEKER, title: '投递结果' })[0]!.body,
    ).toContain('岗位已招满');
  });

  it('a move the lifecycle does not allow is a CONFLICT and writes nothing', async () => {
    const id = await applied();
    const employer = as(AS.employer);
    await employer('applicant', { applicationId: id });
    const before = cloud.writeCount();
    const res = await employer('moveApplication', { applicationId: id, event: 'hire' });
    expect(res).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(res.error.message).toMatch(/企业已查看/);
    expect(cloud.writeCount()).toBe(before);

    await as(SEEKER)('withdraw', { applicationId: id });
    const after = await employer('moveApplication', {
      applicationId: id,
      event: 'invite',
      note: '明天',
    });
    expect(after.error).toMatchObject({ code: 'CONFLICT' });
  });

  it('citizens cannot call the employer’s actions', async () => {
    for (const action of ['applicants', 'applicant', 'moveApplication'] as const) {
      expect((await as(SEEKER)(action, {})).error.code).toBe('FORBIDDEN');
    }
  });
});

describe('the daily reminder of unanswered applications', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('nudges the company once after 7 days without an answer, logged, idempotent', async () => {
    const a = (await as(SEEKER)('apply', { vacancyId: addVacancy({ title: '提醒岗位一' }), share }))
      .data.application.id;
    await as(OTHER_SEEKER)('apply', { vacancyId: addVacancy({ title: '提醒岗位二' }), share });
    const answered = (await as(SEEKER)('apply', { vacancyId: addVacancy(), share })).data
      .application.id;
    await as(AS.employer)('applicant', { applicationId: answered });
    await as(AS.employer)('moveApplication', {
      applicationId: answered,
      event: 'reject',
      note: '已招满',
    });
    const reminders = () =>
      cloud.store
        .collection('messages')
        .find({ openid: AS.employer, title: '有求职申请超过7天未答复' });

    const sixDays = dayjs().add(6, 'day').toDate();
    fixClock(sixDays);
    await cloud.scheduler.runTimer('jobs', sixDays);
    expect(reminders()).toHaveLength(0);

    const eightDays = dayjs().add(2, 'day').toDate();
    jest.setSystemTime(eightDays);
    expect(await cloud.scheduler.runTimer('jobs', eightDays)).toEqual({ ok: true, data: null });
    expect(reminders()).toHaveLength(1);
    expect(reminders()[0]!.body).toContain('2份求职申请');
    expect(count('application_log', { event: 'remind', actorRole: 'system' })).toBe(2);

    await cloud.scheduler.runTimer('jobs', eightDays);
    expect(reminders()).toHaveLength(1);
    expect(count('application_log', { event: 'remind' })).toBe(2);

    const mine = (await as(SEEKER)('myApplications')).data.applications.find(
      (x: any) => x.id === a,
    );
    expect(mine.history.map((h: any) => h.label)).toEqual(['投递简历', '已提醒企业尽快处理']);
  });
  it('with quota the reminder goes both by subscription message and into the inbox', async () => {
    await as(SEEKER)('apply', { vacancyId: addVacancy({ title: '订阅提醒岗位' }), share });
    // Granted after applying, so the quota is still there for the reminder.
    cloud.grantSubscription(AS.employer, 'local-newApplication');
    const eightDays = dayjs().add(8, 'day').toDate();
    fixClock(eightDays);
    await cloud.scheduler.runTimer('jobs', eightDays);
    const sent = cloud
      .outbox()
      .filter((m) => m.touser === AS.employer && m.templateId === 'local-newApplication');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ page: 'packages/employer/applications/index' });
    expect(
      cloud.store
        .collection('messages')
        .find({ openid: AS.employer, title: '有求职申请超过7天未答复' }),
    ).toHaveLength(1);
    expect(cloud.subscriptionQuota(AS.employer, 'local-newApplication')).toBe(0);
  });

  it('opening an application without answering does not restart the 7-day clock', async () => {
    const id = (await as(SEEKER)('apply', { vacancyId: addVacancy({ title: '只看不回' }), share }))
      .data.application.id;
    const fiveDays = dayjs().add(5, 'day').toDate();
    fixClock(fiveDays);
    await as(AS.employer)('applicant', { applicationId: id }); // viewed, not answered
    const eightDays = dayjs().add(3, 'day').toDate();
    jest.setSystemTime(eightDays);
    await cloud.scheduler.runTimer('jobs', eightDays);
    expect(
      cloud.store
        .collection('messages')
        .find({ openid: AS.employer, title: '有求职申请超过7天未答复' }),
    ).toHaveLength(1);
  });
});
