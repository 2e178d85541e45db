/**
 * 市场服务中心 pages against the real `employer` function on a seeded local cloud: approving and
 * rejecting from the review queue, correcting a vacancy with a note the employer sees, the
 * ledger's status filter with counts, and naming a key enterprise's staff member.
 */
import { act, render } from '@testing-library/react';

import { createLocalCloud, loadCloudFunctions, seedDemo, type LocalCloud } from '@nuanxin/local';
import { usccCheckChar } from '@nuanxin/shared';

import EnterprisesPage from '../../src/packages/market/enterprises/index';
import LedgerPage from '../../src/packages/market/ledger/index';
import ReviewPage from '../../src/packages/market/review/index';
import { clearSession, setDemoOpenid } from '../../src/services/session';

import { settle, stubFetch, tap, typeInto } from './helpers';

const functions = loadCloudFunctions();
let cloud: LocalCloud;
const EMPLOYER = 'demo-employer-1';
const MARKET = 'demo-market-1';
const SUPERVISOR = 'demo-supervisor';

beforeEach(async () => {
  cloud = await createLocalCloud({ functions });
  await seedDemo(cloud);
  clearSession();
  stubFetch(async (request) => ({
    body: await cloud.invoke(request.url.slice('/cloud/'.length), request.body, {
      openid: request.headers['x-wx-openid'],
    }),
  }));
});
afterEach(async () => {
  jest.restoreAllMocks();
  await cloud.close();
});

const invoke = (openid: string, action: string, payload: unknown) =>
  cloud.invoke('employer', { action, payload }, { openid }) as Promise<any>;
const text = (container: Element, selector: string) =>
  container.querySelector(selector)?.textContent ?? null;
const doc = (collection: string, id: string) =>
  cloud.store.collection(collection).find({ _id: id })[0] as any;

async function waitFor(container: Element, selector: string): Promise<Element> {
  for (let i = 0; i < 100; i += 1) {
    const found = container.querySelector(selector);
    if (found) return found;
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
  }
  throw new Error(`${selector} never appeared`);
}
async function waitUntil(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    if (check()) return;
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
  }
  throw new Error(`${what} never happened`);
}
async function typeArea(field: Element, value: string): Promise<void> {
  const area = field.querySelector('taro-textarea-core');
  if (!area) throw new Error('no textarea found');
  await act(async () => {
    area.dispatchEvent(new CustomEvent('input', { detail: { value } }));
  });
}

/** A vacancy of demo-employer-1 held for review by an age limit. */
async function pendingVacancy(): Promise<string> {
  const res = await invoke(EMPLOYER, 'saveVacancy', {
    title: '仓库管理员',
    occupationCode: '4-02-06-01',
    headcount: 2,
    salaryMin: 4000,
    salaryMax: 5000,
    workType: 'fullTime',
    requirements: '年龄18-35岁，会用电脑',
  });
  expect(res.data.vacancy.status).toBe('pendingReview');
  return res.data.vacancy.id;
}

describe('review', () => {
  it('staff approve a pending vacancy from the queue, with its reasons shown', async () => {
    const id = await pendingVacancy();
    setDemoOpenid(MARKET);
    const { container } = render(<ReviewPage />);
    await waitFor(container, `#row-${id}`);
    expect(text(container, `#row-${id}-reasons`)).toMatch(/年龄限制/);
    await tap(container.querySelector(`#approve-vacancy-${id}`));
    await waitUntil(() => doc('vacancies', id).status === 'published', 'publishing');
    await waitUntil(() => container.querySelector(`#row-${id}`) === null, 'leaving the queue');
    expect(
      cloud.store.collection('messages').find({ openid: EMPLOYER, kind: 'vacancyReview' }),
    ).toHaveLength(1);
  });

  it('rejecting needs a reason, which the company then has', async () => {
    const first17 = '91370811MA3D5Y8L3';
    const reg = await cloud.invoke(
      'employer',
      {
        action: 'registerCompany',
        payload: {
          name: '济宁新星电子有限公司',
          uscc: first17 + usccCheckChar(first17),
          industry: 'C',
          township: '370811002',
          address: '任城区示例路8号',
          contactName: '周经理',
          contactMobile: '13900005371',
        },
      },
      { openid: 'wx-new-boss' },
    );
    const companyId = (reg as any).data.company.id as string;
    setDemoOpenid(MARKET);
    const { container } = render(<ReviewPage />);
    await waitFor(container, `#company-${companyId}`);
    await tap(container.querySelector(`#reject-company-${companyId}`));
    await tap(container.querySelector(`#reject-company-${companyId}-confirm`));
    expect(text(container, `#company-${companyId}-error`)).toMatch(/请填写不通过的原因/);
    await typeArea(
      container.querySelector(`#reject-company-${companyId}-panel`)!,
      '营业执照名称与信用代码不一致',
    );
    await tap(container.querySelector(`#reject-company-${companyId}-confirm`));
    await waitUntil(() => doc('companies', companyId).status === 'rejected', 'rejection');
    expect(doc('companies', companyId).rejectReason).toBe('营业执照名称与信用代码不一致');
  });

  it('an approval of wording the employer changed since the queue loaded is refused; the new wording shows', async () => {
    const id = await pendingVacancy();
    setDemoOpenid(MARKET);
    const { container } = render(<ReviewPage />);
    await waitFor(container, `#approve-vacancy-${id}`);
    expect(text(container, `#row-${id}`)).toContain('年龄18-35岁，会用电脑');
    await invoke(EMPLOYER, 'saveVacancy', {
      id,
      title: '仓库管理员',
      occupationCode: '4-02-06-01',
      headcount: 2,
      salaryMin: 4000,
      salaryMax: 5000,
      workType: 'fullTime',
      requirements: '身高170cm以上，会用电脑',
    });
    await tap(container.querySelector(`#approve-vacancy-${id}`));
    await waitUntil(
      () => (text(container, `#row-${id}`) ?? '').includes('身高170cm以上'),
      'the queue showing the new wording',
    );
    expect(doc('vacancies', id).status).toBe('pendingReview');
    expect(cloud.store.collection('vacancy_log').find({ vacancyId: id, event: 'approve' })).toEqual(
      [],
    );
  });

  it('a company corrected after a rejection is back in the queue with the earlier reason', async () => {
    const first17 = '91370811MA3D5Y8L3';
    const details = {
      name: '济宁新星电子有限公司',
      uscc: first17 + usccCheckChar(first17),
      industry: 'C',
      township: '370811002',
      address: '任城区示例路8号',
      contactName: '周经理',
      contactMobile: '13900005371',
    };
    const reg = await invoke('wx-new-boss', 'registerCompany', details);
    const companyId = reg.data.company.id as string;
    await invoke(MARKET, 'review', {
      kind: 'company',
      id: companyId,
      decision: 'reject',
      reason: '营业执照名称与信用代码不一致',
    });
    await invoke('wx-new-boss', 'updateCompany', { ...details, name: '济宁新星电子科技有限公司' });
    setDemoOpenid(MARKET);
    const { container } = render(<ReviewPage />);
    await waitFor(container, `#company-${companyId}-resubmitted`);
    expect(text(container, `#company-${companyId}`)).toContain('济宁新星电子科技有限公司');
    expect(text(container, `#company-${companyId}-resubmitted`)).toContain(
      '营业执照名称与信用代码不一致',
    );
  });

  it('staff correct a vacancy with a note and approve it in the same step', async () => {
    const id = await pendingVacancy();
    setDemoOpenid(MARKET);
    const { container } = render(<ReviewPage />);
    await waitFor(container, `#edit-vacancy-${id}`);
    await tap(container.querySelector(`#edit-vacancy-${id}`));
    const form = await waitFor(container, `#staff-edit-${id}`);
    await typeArea(form.querySelector('#field-requirements')!, '会用电脑');
    await tap(container.querySelector('#staff-edit-save'));
    await waitFor(container, '#field-note .field-error');
    await typeArea(form.querySelector('#field-note')!, '删除了“18-35岁”的年龄限制');
    await tap(container.querySelector('#staff-edit-save'));
    await waitUntil(() => doc('vacancies', id).status === 'published', 'publishing');
    expect(doc('vacancies', id)).toMatchObject({
      requirements: '会用电脑',
      staffNote: expect.objectContaining({ note: '删除了“18-35岁”的年龄限制' }),
    });
  });
});

describe('ledger', () => {
  it('filters by status; the chips carry the counts', async () => {
    setDemoOpenid(MARKET);
    const { container } = render(<LedgerPage />);
    await waitFor(container, '#ledger-total');
    const expiredChip = await waitFor(container, '#ledger-status-expired');
    const count = Number(/(\d+)/.exec(expiredChip.textContent ?? '')?.[1]);
    expect(count).toBeGreaterThan(0);
    await tap(expiredChip);
    await waitUntil(
      () => text(container, '#ledger-total') === `共${count}条，按更新时间从新到旧`,
      'the filtered list',
    );
    const statuses = [...container.querySelectorAll('[id$="-status"][id^="row-"]')].map(
      (el) => el.textContent,
    );
    expect(statuses).toHaveLength(count);
    expect(new Set(statuses)).toEqual(new Set(['已过期']));
    // The ledger's 备注 of an expired vacancy.
    expect(container.querySelector('[id$="-remark"]')?.textContent).toMatch(/已于.*到期/);
  });

  it('finds by keyword', async () => {
    await invoke(EMPLOYER, 'saveVacancy', {
      title: '独一无二的岗位',
      occupationCode: '4-02-06-01',
      headcount: 1,
      salaryMin: 4000,
      salaryMax: 5000,
      workType: 'fullTime',
    });
    setDemoOpenid(MARKET);
    const { container } = render(<LedgerPage />);
    await waitFor(container, '#ledger-total');
    await typeInto(container.querySelector('#ledger-page .mk-filters__grow')!, '独一无二');
    await tap(container.querySelector('#ledger-search'));
    await waitUntil(() => text(container, '#ledger-total')?.startsWith('共1条') ?? false, 'search');
    expect(container.querySelectorAll('[id^="row-"][id$="-status"]')).toHaveLength(1);
  });
});

describe('key enterprises', () => {
  it('a supervisor finds a company, names its staff member with a reason', async () => {
    setDemoOpenid(SUPERVISOR);
    const { container } = render(<EnterprisesPage />);
    await waitFor(container, '#enterprise-add');
    await typeInto(container.querySelector('#enterprise-add')!, '鲁运');
    await tap(container.querySelector('#enterprise-search'));
    const companyId = (
      cloud.store.collection('companies').find({ name: '济宁鲁运物流有限公司' })[0] as any
    )._id as string;
    await tap(await waitFor(container, `#candidate-${companyId}`));
    await tap(await waitFor(container, `#assign-${companyId}-staff-${MARKET}`));
    await typeArea(container.querySelector(`#assign-${companyId}`)!, '年度重点用工企业');
    await tap(container.querySelector(`#assign-${companyId}-save`));
    await waitFor(container, `#enterprise-${companyId}-current`);
    expect(text(container, `#enterprise-${companyId}-current`)).toContain('服务专员：郑凯');
    expect(doc('companies', companyId).keyStaff).toMatchObject({ staffName: '郑凯' });
    await settle();
  });

  it('market staff see their companies without the supervisor’s controls', async () => {
    const companyId = (
      cloud.store.collection('companies').find({ name: '济宁鲁运物流有限公司' })[0] as any
    )._id as string;
    await invoke(SUPERVISOR, 'setKeyEnterprise', {
      companyId,
      staffOpenid: MARKET,
      reason: '年度重点用工企业',
    });
    setDemoOpenid(MARKET);
    const { container } = render(<EnterprisesPage />);
    await waitFor(container, `#enterprise-${companyId}`);
    expect(text(container, `#enterprise-${companyId}`)).toContain('我负责');
    expect(container.querySelector('#enterprise-add')).toBeNull();
    expect(container.querySelector(`#enterprise-${companyId}-assign`)).toBeNull();
  });
});
