/**
 * The market centre's side beyond review: editing a vacancy with the employer's knowledge, the
 * ledger's occupation/keyword filters, paging and counts, and a vacancy's history in words.
 */
import type { LocalCloud } from '@nuanxin/local';

import { AS, seededCloud } from '../test/support';

import { caller, MARKET, OTHER_EMPLOYER, vacancy } from './fixtures';

let cloud: LocalCloud;
beforeEach(async () => {
  cloud = await seededCloud();
});
afterEach(async () => {
  await cloud.close();
});

const stored = (id: string) => cloud.store.collection('vacancies').find({ _id: id })[0] as any;

/** A vacancy of demo-employer-1 waiting for review (an age limit). */
async function pendingVacancy(over: Record<string, unknown> = {}): Promise<string> {
  const res = await caller(cloud, AS.employer)(
    'saveVacancy',
    vacancy({ requirements: '年龄18-35岁，能适应倒班', ...over }),
  );
  expect(res.data.vacancy.status).toBe('pendingReview');
  return res.data.vacancy.id;
}

const edit = (id: string, over: Record<string, unknown> = {}) => ({
  ...vacancy({ id, requirements: '能适应倒班' }),
  note: '删除了“18-35岁”的年龄限制',
  ...over,
});

describe('staff edit with the employer’s knowledge', () => {
  it('edits, approves in the same step, logs the note and tells the employer', async () => {
    const id = await pendingVacancy();
    const res = await caller(cloud, MARKET)('staffEditVacancy', edit(id, { approve: true }));
    expect(res).toMatchObject({
      ok: true,
      data: { vacancy: { id, status: 'published', requirements: '能适应倒班' } },
    });
    expect(
      cloud.store
        .collection('vacancy_log')
        .find({ vacancyId: id })
        .map((l: any) => [l.event, l.reason]),
    ).toEqual([
      ['create', null],
      ['submit', null],
      ['staffEdit', '删除了“18-35岁”的年龄限制'],
      ['approve', '工作人员修改后审核通过'],
    ]);
    const mine = (await caller(cloud, AS.employer)('myVacancies', {})).data.vacancies.find(
      (v: any) => v.id === id,
    );
    expect(mine).toMatchObject({
      status: 'published',
      staffNote: { note: '删除了“18-35岁”的年龄限制', at: expect.any(String) },
    });
    const [message] = cloud.store
      .collection('messages')
      .find({ openid: AS.employer, kind: 'vacancyReview' }) as any[];
    expect(message.title).toBe('工作人员修改了您的岗位');
    expect(message.body).toContain('删除了“18-35岁”的年龄限制');
  });

  it('without approve a pending vacancy stays pending; a clean edit of a published one stays published', async () => {
    const id = await pendingVacancy();
    const res = await caller(cloud, MARKET)('staffEditVacancy', edit(id));
    expect(res.data.vacancy.status).toBe('pendingReview');
    const published = (await caller(cloud, AS.employer)('saveVacancy', vacancy())).data.vacancy.id;
    const again = await caller(cloud, AS.supervisor)(
      'staffEditVacancy',
      edit(published, { headcount: 2, note: '招聘人数按企业电话更正为2人' }),
    );
    expect(again.data.vacancy).toMatchObject({ status: 'published', headcount: 2 });
  });

  it('a blocked phrase is refused even from staff, nothing written', async () => {
    const id = await pendingVacancy();
    const before = cloud.writeCount();
    const res = await caller(cloud, MARKET)(
      'staffEditVacancy',
      edit(id, { requirements: '限男性', approve: true }),
    );
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(res.error.fields.requirements).toMatch(/就业促进法/);
    expect(cloud.writeCount()).toBe(before);
    expect(stored(id).requirements).toBe('年龄18-35岁，能适应倒班');
  });

  it.each([
    ['a note too short', { note: '改了' }, 'note'],
    ['salaryMin above salaryMax', { salaryMin: 6000, salaryMax: 5000 }, 'salaryMin'],
  ])('refuses %s at its field, nothing written', async (_name, over, field) => {
    const id = await pendingVacancy();
    const before = cloud.writeCount();
    const res = await caller(cloud, MARKET)('staffEditVacancy', edit(id, over));
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(res.error.fields[field]).toMatch(/[\u4e00-\u9fa5]/);
    expect(cloud.writeCount()).toBe(before);
  });

  it('approve on a vacancy not waiting for review is a CONFLICT, nothing written', async () => {
    const id = (await caller(cloud, AS.employer)('saveVacancy', vacancy())).data.vacancy.id;
    const before = cloud.writeCount();
    const res = await caller(cloud, MARKET)('staffEditVacancy', edit(id, { approve: true }));
    expect(res).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(cloud.writeCount()).toBe(before);
  });

  it('out of scope is NOT_FOUND; employers, citizens and other caseworkers are refused', async () => {
    const theirs = (await caller(cloud, OTHER_EMPLOYER)('saveVacancy', vacancy())).data.vacancy.id;
    const before = cloud.writeCount();
    expect(await caller(cloud, MARKET)('staffEditVacancy', edit(theirs))).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    for (const openid of [AS.employer, AS.citizen, AS.caseworker]) {
      expect(await caller(cloud, openid)('staffEditVacancy', edit(theirs))).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    }
    expect(cloud.writeCount()).toBe(before);
  });
});

describe('review tells the employer', () => {
  it('a rejection reaches the employer’s inbox with the reason', async () => {
    const id = await pendingVacancy();
    await caller(cloud, MARKET)('review', {
      kind: 'vacancy',
      id,
      decision: 'reject',
      reason: '年龄限制与岗位无关，请删除',
    });
    const [message] = cloud.store
      .collection('messages')
      .find({ openid: AS.employer, kind: 'vacancyReview' }) as any[];
    expect(message).toMatchObject({
      title: '岗位未通过审核',
      page: 'packages/employer/vacancies/index',
    });
    expect(message.body).toContain('年龄限制与岗位无关，请删除');
  });
});

describe('ledger', () => {
  it('filters by occupation at any level of the classification', async () => {
    const staff = caller(cloud, MARKET);
    await caller(cloud, AS.employer)(
      'saveVacancy',
      vacancy({ title: '包装岗位', occupationCode: '6-31-05-00' }),
    );
    for (const code of ['6', '6-31', '6-31-05', '6-31-05-00']) {
      const res = await staff('ledger', { occupation: code, pageSize: 50 });
      expect(res.ok).toBe(true);
      expect(res.data.vacancies.map((v: any) => v.title)).toContain('包装岗位');
      expect(
        res.data.vacancies.every(
          (v: any) => v.occupationCode === code || v.occupationCode.startsWith(`${code}-`),
        ),
      ).toBe(true);
    }
    const other = await staff('ledger', { occupation: '6-32', pageSize: 50 });
    expect(other.data.vacancies.map((v: any) => v.title)).not.toContain('包装岗位');
  });

  it('finds by keyword in the title or the company’s name', async () => {
    const staff = caller(cloud, MARKET);
    await caller(cloud, AS.employer)('saveVacancy', vacancy({ title: '独一无二的岗位' }));
    const byTitle = await staff('ledger', { keyword: '独一无二' });
    expect(byTitle.data.vacancies.map((v: any) => v.title)).toEqual(['独一无二的岗位']);
    const byCompany = await staff('ledger', { keyword: '鲁运物流', pageSize: 50 });
    expect(byCompany.data.total).toBeGreaterThan(1);
    expect(byCompany.data.vacancies.every((v: any) => v.companyName.includes('鲁运物流'))).toBe(
      true,
    );
  });

  it('pages newest first, with the total and the counts per status in scope', async () => {
    const staff = caller(cloud, MARKET);
    const all = await staff('ledger', { pageSize: 50 });
    const total = all.data.total as number;
    expect(total).toBe(all.data.vacancies.length);
    const counted = Object.values(all.data.counts as Record<string, number>).reduce(
      (a, b) => a + b,
      0,
    );
    expect(counted).toBe(total);
    const times = all.data.vacancies.map((v: any) => Date.parse(v.updatedAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);

    const first = await staff('ledger', { page: 1, pageSize: 5 });
    const second = await staff('ledger', { page: 2, pageSize: 5 });
    expect(first.data).toMatchObject({ total, page: 1, pageSize: 5 });
    expect(first.data.vacancies.map((v: any) => v.id)).toEqual(
      all.data.vacancies.slice(0, 5).map((v: any) => v.id),
    );
    expect(second.data.vacancies.map((v: any) => v.id)).toEqual(
      all.data.vacancies.slice(5, 10).map((v: any) => v.id),
    );

    // The status filter narrows the rows, not the counts.
    const published = await staff('ledger', { status: 'published', pageSize: 50 });
    expect(published.data.counts).toEqual(all.data.counts);
    expect(published.data.total).toBe(all.data.counts.published);
  });

  it('leaves drafts out; a township outside the scope or a draft filter finds nothing; keywords are literal', async () => {
    const staff = caller(cloud, MARKET);
    const draft = await caller(cloud, AS.employer)(
      'saveVacancy',
      vacancy({ title: '草稿岗位（内部）', submit: false }),
    );
    expect(draft.data.vacancy.status).toBe('draft');
    const all = await staff('ledger', { pageSize: 50, keyword: '草稿岗位' });
    expect(all.data).toMatchObject({ total: 0, vacancies: [] });
    expect((await staff('ledger', { status: 'draft' })).data.total).toBe(0);
    // 370812 (兖州区) is not among the market staff member's townships.
    const outside = await staff('ledger', { township: '370812001' });
    expect(outside.data).toMatchObject({ total: 0, vacancies: [] });
    await caller(cloud, AS.employer)('saveVacancy', vacancy({ title: '电工（持证）' }));
    const literal = await staff('ledger', { keyword: '（持证' });
    expect(literal.data.vacancies.map((v: any) => v.title)).toEqual(['电工（持证）']);
    expect((await staff('ledger', { keyword: '.*' })).data.total).toBe(0);
  });

  it('refuses a page size above 50 and a malformed occupation code', async () => {
    const staff = caller(cloud, MARKET);
    expect((await staff('ledger', { pageSize: 51 })).error.fields.pageSize).toBeTruthy();
    expect((await staff('ledger', { occupation: '6-3' })).error.fields.occupation).toBeTruthy();
  });
});

describe('vacancy history', () => {
  it('shows events in words with who did them, to the employer and to staff, without openids', async () => {
    const id = await pendingVacancy();
    await caller(cloud, MARKET)('staffEditVacancy', edit(id, { approve: true }));
    await caller(cloud, AS.employer)('setVacancyStatus', { vacancyId: id, event: 'pause' });

    const mine = await caller(cloud, AS.employer)('vacancyHistory', { vacancyId: id });
    const EMPLOYER = '企业：王经理（济宁鲁运物流有限公司）';
    expect(mine.data.entries.map((e: any) => [e.eventLabel, e.actor, e.toLabel])).toEqual([
      ['创建岗位', EMPLOYER, '草稿'],
      ['提交', EMPLOYER, '待审核'],
      ['工作人员修改', '市场服务中心 郑凯', '待审核'],
      ['审核通过', '市场服务中心 郑凯', '招聘中'],
      ['暂停招聘', EMPLOYER, '已暂停'],
    ]);
    expect(mine.data.entries[2].reason).toBe('删除了“18-35岁”的年龄限制');
    expect(JSON.stringify(mine.data)).not.toMatch(/demo-market-1|demo-employer-1/);

    const staffView = await caller(cloud, MARKET)('vacancyHistory', { vacancyId: id });
    expect(staffView.data.entries).toHaveLength(5);
  });

  it('another company’s or out-of-scope vacancy is NOT_FOUND', async () => {
    const theirs = (await caller(cloud, OTHER_EMPLOYER)('saveVacancy', vacancy())).data.vacancy.id;
    for (const openid of [AS.employer, MARKET]) {
      expect(await caller(cloud, openid)('vacancyHistory', { vacancyId: theirs })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
    }
    expect(
      await caller(cloud, AS.caseworker)('vacancyHistory', { vacancyId: theirs }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
