/**
 * The employer function: onboarding, posting with discrimination screening, staff review, the
 * ledger's scope, ownership, and expiry by the daily timer with a fixed clock.
 */
import type { LocalCloud } from '@nuanxin/local';
import { dayjs, MINIMUM_MONTHLY_WAGE, usccCheckChar, type ActionName } from '@nuanxin/shared';

import { fixClock } from '../test/registration';
import { AS, caller as callerOf, seededCloud } from '../test/support';

const MARKET = 'demo-market-1';
const OTHER_EMPLOYER = 'demo-employer-2';

let cloud: LocalCloud;
beforeEach(async () => {
  cloud = await seededCloud();
});
afterEach(async () => {
  jest.useRealTimers();
  await cloud.close();
});

const uscc = (first17: string) => first17 + usccCheckChar(first17);
const company = (over: Record<string, unknown> = {}) => ({
  name: '济宁新星电子有限公司',
  uscc: uscc('91370811MA3D5Y8L3'),
  industry: 'C',
  township: '370811002',
  address: '任城区示例路8号',
  contactName: '周经理',
  contactMobile: '13900005371',
  ...over,
});
const vacancy = (over: Record<string, unknown> = {}) => ({
  title: '电子装配工',
  description: '负责电子元件装配与检验。',
  occupationCode: '6-25-04-07',
  headcount: 5,
  salaryMin: 3800,
  salaryMax: 5000,
  workType: 'fullTime',
  requirements: '初中及以上学历，能适应倒班。',
  benefits: '五险一金',
  ...over,
});
/** Calls as `openid`; results are read loosely, as the assertions say what they must hold. */
function caller(c: LocalCloud, openid: string) {
  const call = callerOf(c, openid);
  return (fn: 'employer', action: ActionName<'employer'>, payload: unknown): Promise<any> =>
    call(fn, action, payload);
}
const count = (name: string) => cloud.store.collection(name).count();

describe('company onboarding', () => {
  it('a citizen registers a company: pending, and becomes its employer', async () => {
    const call = caller(cloud, AS.newCitizen);
    const res = await call('employer', 'registerCompany', company());
    expect(res).toMatchObject({
      ok: true,
      data: { company: { status: 'pending', statusLabel: '待核验' } },
    });
    const mine = await call('employer', 'myCompany', {});
    expect(mine.data.company.name).toBe('济宁新星电子有限公司');
  });

  it.each([
    ['too short', '91370811MA3D5', /应为18位/],
    ['bad check character', '91370811MA3D5Y8L30', /校验位不正确/],
    ['forbidden letter', '91370811MA3D5Y8LO0', /不含字符“O”/],
  ])('a %s USCC is refused on the uscc field, nothing written', async (_name, code, reason) => {
    const before = cloud.writeCount();
    const res = await caller(cloud, AS.newCitizen)(
      'employer',
      'registerCompany',
      company({ uscc: code }),
    );
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(res.error.fields.uscc).toMatch(reason);
    expect(cloud.writeCount()).toBe(before);
  });

  it('a USCC already registered is a CONFLICT and writes nothing', async () => {
    await caller(cloud, AS.newCitizen)('employer', 'registerCompany', company());
    const before = cloud.writeCount();
    const res = await caller(cloud, 'wx-second-user')('employer', 'registerCompany', company());
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', fields: { uscc: expect.any(String) } },
    });
    expect(cloud.writeCount()).toBe(before);
  });
});

describe('posting a vacancy', () => {
  it('"限男性" is refused naming the law, with no vacancy written', async () => {
    const [vacancies, log] = [count('vacancies'), count('vacancy_log')];
    const res = await caller(cloud, AS.employer)(
      'employer',
      'saveVacancy',
      vacancy({ requirements: '限男性，能吃苦耐劳' }),
    );
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(res.error.message).toMatch(/就业促进法/);
    expect(res.error.fields.requirements).toMatch(/限男性/);
    expect(count('vacancies')).toBe(vacancies);
    expect(count('vacancy_log')).toBe(log);
    // Counted for 清理歧视性招聘信息数, without personal data.
    expect(cloud.store.collection('ad_screening_events').find({})).toEqual([
      expect.objectContaining({ kind: 'blocked', category: 'sex' }),
    ]);
  });

  it('a verified company with a clean ad is published at once, logged', async () => {
    const res = await caller(cloud, AS.employer)('employer', 'saveVacancy', vacancy());
    expect(res.data.vacancy).toMatchObject({ status: 'published', statusLabel: '招聘中' });
    expect(res.data.vacancy.validUntil).toBe(
      dayjs().tz('Asia/Shanghai').add(30, 'day').format('YYYY-MM-DD'),
    );
    const mine = await caller(cloud, AS.employer)('employer', 'myVacancies', {});
    // Newest first.
    expect(mine.data.vacancies[0].id).toBe(res.data.vacancy.id);
    expect(
      cloud.store
        .collection('vacancy_log')
        .find({ vacancyId: res.data.vacancy.id })
        .map((l: any) => l.event),
    ).toEqual(['create', 'submit']);
  });

  it('a flexible vacancy reads 灵活用工 to its employer (what they offer, not a person’s 灵活就业)', async () => {
    const res = await caller(cloud, AS.employer)(
      'employer',
      'saveVacancy',
      vacancy({ workType: 'flexible' }),
    );
    expect(res.data.vacancy.workTypeLabel).toBe('灵活用工');
    const mine = await caller(cloud, AS.employer)('employer', 'myVacancies', {});
    expect(mine.data.vacancies.find((v: any) => v.id === res.data.vacancy.id).workTypeLabel).toBe(
      '灵活用工',
    );
  });

  it('a salary below the minimum wage is refused on its field', async () => {
    const before = count('vacancies');
    const res = await caller(cloud, AS.employer)(
      'employer',
      'saveVacancy',
      vacancy({ salaryMin: MINIMUM_MONTHLY_WAGE - 1 }),
    );
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(res.error.fields.salaryMin).toMatch(/最低工资/);
    expect(count('vacancies')).toBe(before);
  });

  it('an age limit goes to review; market staff approve it and it is published', async () => {
    const employer = caller(cloud, AS.employer);
    const saved = await employer(
      'employer',
      'saveVacancy',
      vacancy({ requirements: '年龄18-35岁' }),
    );
    expect(saved.data.vacancy.status).toBe('pendingReview');
    expect(saved.data.vacancy.reviewReasons.join()).toMatch(/年龄|35/);

    const staff = caller(cloud, MARKET);
    const queue = await staff('employer', 'reviewQueue', {});
    expect(queue.data.vacancies.map((v: any) => v.id)).toEqual([saved.data.vacancy.id]);
    const approved = await staff('employer', 'review', {
      kind: 'vacancy',
      id: saved.data.vacancy.id,
      decision: 'approve',
    });
    expect(approved.data).toMatchObject({ status: 'published' });
    const mine = await employer('employer', 'myVacancies', {});
    expect(mine.data.vacancies[0].status).toBe('published');
  });

  it('a rejection carries the reason the employer sees, and is counted', async () => {
    const saved = await caller(cloud, AS.employer)(
      'employer',
      'saveVacancy',
      vacancy({ requirements: '身高165cm以上' }),
    );
    const res = await caller(cloud, AS.supervisor)('employer', 'review', {
      kind: 'vacancy',
      id: saved.data.vacancy.id,
      decision: 'reject',
      reason: '身高要求与岗位无关，请删除',
    });
    expect(res.data.status).toBe('rejected');
    const mine = await caller(cloud, AS.employer)('employer', 'myVacancies', {});
    expect(mine.data.vacancies[0]).toMatchObject({
      status: 'rejected',
      rejectReason: '身高要求与岗位无关，请删除',
    });
    expect(cloud.store.collection('ad_screening_events').find({ kind: 'rejected' })).toHaveLength(
      1,
    );
  });

  it('a new company’s vacancy waits; verifying the company publishes it', async () => {
    const me = caller(cloud, AS.newCitizen);
    const reg = await me('employer', 'registerCompany', company());
    const saved = await me('employer', 'saveVacancy', vacancy());
    expect(saved.data.vacancy).toMatchObject({
      status: 'pendingReview',
      reviewReasons: [expect.stringMatching(/核验/)],
    });
    const res = await caller(cloud, MARKET)('employer', 'review', {
      kind: 'company',
      id: reg.data.company.id,
      decision: 'approve',
    });
    expect(res.data).toMatchObject({ status: 'verified', published: 1 });
    expect((await me('employer', 'myVacancies', {})).data.vacancies[0].status).toBe('published');
  });
});

describe('ownership and scope', () => {
  it('an employer can neither see nor change another company’s vacancy', async () => {
    const saved = await caller(cloud, AS.employer)('employer', 'saveVacancy', vacancy());
    const id = saved.data.vacancy.id;
    const other = caller(cloud, OTHER_EMPLOYER);
    const theirs = (await other('employer', 'myVacancies', {})).data.vacancies;
    expect(theirs.map((v: any) => v.id)).not.toContain(id);
    expect(theirs.every((v: any) => v.companyName === '济宁康泰食品有限公司')).toBe(true);
    const before = cloud.writeCount();
    expect(
      await other('employer', 'setVacancyStatus', { vacancyId: id, event: 'pause' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await other('employer', 'saveVacancy', vacancy({ id, title: '改掉' }))).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(cloud.writeCount()).toBe(before);
  });

  it('citizens cannot call employer actions; asking for their company gets none', async () => {
    expect(await caller(cloud, AS.citizen)('employer', 'myCompany', {})).toMatchObject({
      ok: true,
      data: { company: null, myRole: null, serviceStaff: null },
    });
    for (const action of ['saveVacancy', 'myVacancies', 'setVacancyStatus'] as const) {
      const res = await caller(cloud, AS.citizen)('employer', action, {});
      expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });

  it('staff see only their townships; other caseworkers are refused', async () => {
    await caller(cloud, AS.employer)('employer', 'saveVacancy', vacancy({ title: '任城岗位' }));
    // demo-employer-2's company is in 兖州区, outside the market staff member's townships.
    await caller(cloud, OTHER_EMPLOYER)('employer', 'saveVacancy', vacancy({ title: '兖州岗位' }));
    const rows = (await caller(cloud, MARKET)('employer', 'ledger', { pageSize: 50 })).data
      .vacancies;
    const titles = rows.map((v: any) => v.title);
    expect(titles).toContain('任城岗位');
    expect(titles).not.toContain('兖州岗位');
    expect(rows.every((v: any) => /^(370811|370871)/.test(v.township))).toBe(true);
    expect(await caller(cloud, AS.caseworker)('employer', 'ledger', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('pause, resume and close as filled, with the ledger’s 备注', async () => {
    const employer = caller(cloud, AS.employer);
    const id = (await employer('employer', 'saveVacancy', vacancy())).data.vacancy.id;
    expect(
      (await employer('employer', 'setVacancyStatus', { vacancyId: id, event: 'pause' })).data
        .vacancy.status,
    ).toBe('paused');
    expect(
      (await employer('employer', 'setVacancyStatus', { vacancyId: id, event: 'resume' })).data
        .vacancy.status,
    ).toBe('published');
    await employer('employer', 'setVacancyStatus', {
      vacancyId: id,
      event: 'close',
      closeReason: 'filled',
    });
    const rows = (await caller(cloud, MARKET)('employer', 'ledger', { status: 'closed' })).data
      .vacancies;
    expect(rows[0]).toMatchObject({ id, remark: '已招满' });
  });
});

describe('expiry timer', () => {
  it('expires a vacancy the day after its valid-until date, logs it and tells the employer', async () => {
    const employer = caller(cloud, AS.employer);
    const validUntil = dayjs().tz('Asia/Shanghai').add(5, 'day').format('YYYY-MM-DD');
    const id = (await employer('employer', 'saveVacancy', vacancy({ validUntil }))).data.vacancy.id;
    const stored = () => cloud.store.collection('vacancies').find({ _id: id })[0]!;

    const onLastDay = new Date(`${validUntil}T02:30:00+08:00`);
    fixClock(onLastDay);
    await cloud.scheduler.runTimer('employer', onLastDay);
    expect(stored().status).toBe('published');

    const nextDay = new Date(dayjs(onLastDay).add(1, 'day').valueOf());
    jest.setSystemTime(nextDay);
    expect(await cloud.scheduler.runTimer('employer', nextDay)).toEqual({ ok: true, data: null });
    expect(stored().status).toBe('expired');
    expect(
      cloud.store.collection('vacancy_log').find({ vacancyId: id, event: 'expire' }),
    ).toHaveLength(1);
    expect(
      cloud.store.collection('messages').find({ openid: AS.employer, kind: 'vacancyExpired' }),
    ).toHaveLength(1);
    const rows = (await caller(cloud, MARKET)('employer', 'ledger', { status: 'expired' })).data
      .vacancies;
    expect(rows[0].remark).toBe(`已于${validUntil}到期`);
  });
});
