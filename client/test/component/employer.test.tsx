/**
 * Employer: company onboarding (the cloud's USCC reason at its field, then the status), posting a
 * vacancy (a discrimination refusal naming the law at its field, then 待审核 with the reasons) and
 * pausing a vacancy from the company page. Fixtures are parsed with the contracts' schemas.
 */
import { render } from '@testing-library/react';

import { contracts, type CompanyView, type VacancyView } from '@nuanxin/shared';

import CompanyPage from '../../src/packages/employer/company/index';
import PostJobPage from '../../src/packages/employer/post-job/index';
import { clearSession, setDemoOpenid } from '../../src/services/session';

import {
  cloudCalls,
  settle,
  stubFetch,
  tap,
  typeInto,
  type FakeResponse,
  type RecordedRequest,
} from './helpers';

const COMPANY: CompanyView = contracts.employer.myCompany.output.parse({
  company: {
    id: 'company-1',
    name: '济宁示例科技有限公司',
    uscc: '91370800MA3C4X7K2L',
    industry: 'I',
    township: '370811002',
    townshipLabel: '任城区 · 济阳街道',
    address: '任城区示例路1号',
    contactName: '李经理',
    contactMobile: '13800005370',
    status: 'pending',
    statusLabel: '待核验',
    rejectReason: null,
  },
}).company!;

function vacancy(overrides: Partial<VacancyView> = {}): VacancyView {
  return contracts.employer.myVacancies.output.parse({
    vacancies: [
      {
        id: 'v1',
        companyName: COMPANY.name,
        title: '仓库包装工',
        description: '',
        occupationCode: '6-31-05-00',
        occupationName: '包装工',
        headcount: 3,
        salaryMin: 3500,
        salaryMax: 4500,
        workType: 'fullTime',
        workTypeLabel: '全职',
        township: '370811002',
        townshipLabel: '任城区 · 济阳街道',
        requirements: '',
        benefits: '',
        flags: {
          publicWelfare: false,
          internship: false,
          assistance: false,
          disabilityFriendly: false,
        },
        validUntil: '2026-12-31',
        status: 'published',
        statusLabel: '招聘中',
        reviewReasons: [],
        rejectReason: null,
        updatedAt: '2026-11-20T01:00:00.000Z',
        ...overrides,
      },
    ],
  }).vacancies[0]!;
}

const ok = (data: unknown): FakeResponse => ({ body: { ok: true, data } });
const invalid = (message: string, fields: Record<string, string>): FakeResponse => ({
  body: { ok: false, error: { code: 'VALIDATION', message, fields } },
});

/** Answers by action name; an action answered with a list takes its answers in turn. */
function cloud(answers: Record<string, FakeResponse | FakeResponse[]>) {
  return stubFetch((request: RecordedRequest) => {
    const { action } = request.body as { action: string };
    const answer = answers[action];
    if (!answer) throw new Error(`unexpected action ${action}`);
    return Array.isArray(answer) ? (answer.length > 1 ? answer.shift()! : answer[0]!) : answer;
  });
}

beforeEach(() => {
  clearSession();
  setDemoOpenid('demo-employer');
});

it('registers a company with the right payload, shows the USCC reason at its field, then the status', async () => {
  const { requests } = cloud({
    myCompany: ok({ company: null }),
    registerCompany: [
      invalid('该统一社会信用代码已登记', { uscc: '该统一社会信用代码已登记，请联系市场服务中心' }),
      ok({ company: COMPANY }),
    ],
  });
  const { container } = render(<CompanyPage />);
  await settle();
  expect(container.querySelector('#company-form')).not.toBeNull();

  await typeInto(container.querySelector('#field-name')!, '济宁示例科技有限公司');
  await typeInto(container.querySelector('#field-uscc')!, '91370800ma3c4x7k2l');
  await tap(container.querySelector('#industry-I'));
  await tap(container.querySelector('#county-370811'));
  await tap(container.querySelector('#township-370811002'));
  await typeInto(container.querySelector('#field-address')!, '任城区示例路1号');
  await typeInto(container.querySelector('#field-contactName')!, '李经理');
  await typeInto(container.querySelector('#field-contactMobile')!, '13800005370');
  await tap(container.querySelector('#company-submit'));
  await settle();

  expect(cloudCalls(requests)).toEqual(['employer.myCompany', 'employer.registerCompany']);
  expect(requests[1]?.body).toEqual({
    action: 'registerCompany',
    payload: {
      name: '济宁示例科技有限公司',
      uscc: '91370800MA3C4X7K2L',
      industry: 'I',
      township: '370811002',
      address: '任城区示例路1号',
      contactName: '李经理',
      contactMobile: '13800005370',
    },
  });
  expect(container.querySelector('#field-uscc .field-error')?.textContent).toBe(
    '该统一社会信用代码已登记，请联系市场服务中心',
  );
  expect(container.querySelector('#company-submit-error')?.textContent).toBe(
    '该统一社会信用代码已登记',
  );

  await tap(container.querySelector('#company-submit'));
  await settle();
  expect(container.querySelector('#company-status')?.textContent).toBe('待核验');
  expect(container.querySelector('#company-status-hint')?.textContent).toContain(
    '审核通过后岗位才会公开',
  );
});

it('checks the USCC before calling the cloud', async () => {
  const { requests } = cloud({ myCompany: ok({ company: null }) });
  const { container } = render(<CompanyPage />);
  await settle();
  await typeInto(container.querySelector('#field-uscc')!, '12345');
  await tap(container.querySelector('#company-submit'));
  await settle();
  expect(container.querySelector('#field-uscc .field-error')?.textContent).toBeTruthy();
  expect(cloudCalls(requests)).toEqual(['employer.myCompany']);
});

it("posts a vacancy: the law's message at the title, then 待审核 with the reasons", async () => {
  const law = '“限男性”涉嫌性别歧视，违反《就业促进法》第二十七条，请修改';
  const pending = vacancy({
    title: '仓库包装工',
    status: 'pendingReview',
    statusLabel: '待审核',
    reviewReasons: ['企业尚未通过市场服务中心核验'],
  });
  const { requests } = cloud({
    myCompany: ok({ company: COMPANY }),
    saveVacancy: [invalid(law, { title: law }), ok({ vacancy: pending })],
  });
  const { container } = render(<PostJobPage />);
  await settle();
  expect(container.querySelector('#vacancy-form')).not.toBeNull();
  expect(container.querySelector('#field-salaryMin')?.textContent).toContain('1900');

  await typeInto(container.querySelector('#field-title')!, '仓库包装工（限男性）');
  await typeInto(container.querySelector('#field-occupationCode')!, '包装工');
  await tap(container.querySelector('#occupation-6-31-05-00'));
  await typeInto(container.querySelector('#field-headcount')!, '3');
  await typeInto(container.querySelector('#field-salaryMin')!, '3500');
  await typeInto(container.querySelector('#field-salaryMax')!, '4500');
  await tap(container.querySelector('#work-type-fullTime'));
  await tap(container.querySelector('#flag-assistance'));
  await tap(container.querySelector('#vacancy-submit'));
  await settle();

  expect(cloudCalls(requests)).toEqual(['employer.myCompany', 'employer.saveVacancy']);
  const payload = (requests[1]?.body as { payload: Record<string, unknown> }).payload;
  expect(payload).toMatchObject({
    title: '仓库包装工（限男性）',
    occupationCode: '6-31-05-00',
    headcount: 3,
    salaryMin: 3500,
    salaryMax: 4500,
    workType: 'fullTime',
    township: null,
    flags: { publicWelfare: false, internship: false, assistance: true, disabilityFriendly: false },
    submit: true,
  });
  expect(payload.validUntil).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(container.querySelector('#field-title .field-error')?.textContent).toBe(law);

  await typeInto(container.querySelector('#field-title')!, '仓库包装工');
  expect(container.querySelector('#field-title .field-error')).toBeNull();
  await tap(container.querySelector('#vacancy-submit'));
  await settle();

  expect(container.querySelector('#vacancy-result-status')?.textContent).toBe('待审核');
  expect(container.querySelector('#vacancy-result-reasons')?.textContent).toContain(
    '企业尚未通过市场服务中心核验',
  );
});

it('shows 已发布 when the vacancy is published at once', async () => {
  cloud({
    myCompany: ok({ company: { ...COMPANY, status: 'verified', statusLabel: '已核验' } }),
    saveVacancy: ok({ vacancy: vacancy() }),
  });
  const { container } = render(<PostJobPage />);
  await settle();
  await typeInto(container.querySelector('#field-title')!, '仓库包装工');
  await typeInto(container.querySelector('#field-occupationCode')!, '6-31-05');
  await tap(container.querySelector('#occupation-6-31-05-00'));
  await typeInto(container.querySelector('#field-salaryMin')!, '3500');
  await typeInto(container.querySelector('#field-salaryMax')!, '4500');
  await tap(container.querySelector('#work-type-fullTime'));
  await tap(container.querySelector('#vacancy-submit'));
  await settle();
  expect(container.querySelector('#vacancy-result-status')?.textContent).toBe('已发布');
});

it('lists the company and its vacancies, and pauses one', async () => {
  const { requests } = cloud({
    myCompany: ok({ company: COMPANY }),
    myVacancies: ok({ vacancies: [vacancy()] }),
    setVacancyStatus: ok({ vacancy: vacancy({ status: 'paused', statusLabel: '已暂停' }) }),
  });
  const { container } = render(<CompanyPage />);
  await settle();
  expect(container.querySelector('#company-status')?.textContent).toBe('待核验');
  expect(container.querySelector('#vacancy-v1-status')?.textContent).toBe('招聘中');
  expect(container.querySelector('#vacancy-v1-resume')).toBeNull();

  await tap(container.querySelector('#vacancy-v1-pause'));
  await settle();
  expect(cloudCalls(requests)).toEqual([
    'employer.myCompany',
    'employer.myVacancies',
    'employer.setVacancyStatus',
  ]);
  expect(requests[2]?.body).toEqual({
    action: 'setVacancyStatus',
    payload: { vacancyId: 'v1', event: 'pause', closeReason: 'filled', validUntil: null },
  });
  expect(container.querySelector('#vacancy-v1-status')?.textContent).toBe('已暂停');
  expect(container.querySelector('#vacancy-v1-resume')).not.toBeNull();
});
