/**
 * Employer pages against the real `employer` function on a seeded local cloud (the fetch
 * boundary is routed into it): choosing to register or to join with a colleague's code, the
 * cloud's reasons at their fields, posting with the structured fields and the preview, the
 * discrimination screening on leaving a field, my vacancies with status actions, editing, and
 * colleagues.
 */
import Taro from '@tarojs/taro';
import { act, render } from '@testing-library/react';

import { createLocalCloud, loadCloudFunctions, seedDemo, type LocalCloud } from '@nuanxin/local';
import { inShanghai, usccCheckChar } from '@nuanxin/shared';

import ColleaguesPage from '../../src/packages/employer/colleagues/index';
import CompanyPage from '../../src/packages/employer/company/index';
import PostJobPage from '../../src/packages/employer/post-job/index';
import VacanciesPage from '../../src/packages/employer/vacancies/index';
import { clearSession, setDemoOpenid } from '../../src/services/session';

import { settle, stubFetch, tap, typeInto } from './helpers';

const functions = loadCloudFunctions();
let cloud: LocalCloud;
const EMPLOYER = 'demo-employer-1';

beforeEach(async () => {
  cloud = await createLocalCloud({ functions });
  await seedDemo(cloud);
  clearSession();
  // Every page call goes to the real function, as the caller the session names.
  stubFetch(async (request) => ({
    body: await cloud.invoke(request.url.slice('/cloud/'.length), request.body, {
      openid: request.headers['x-wx-openid'],
    }),
  }));
});
afterEach(async () => {
  Taro.getCurrentInstance().router = null;
  jest.restoreAllMocks();
  await cloud.close();
});

const as = (openid: string) => setDemoOpenid(openid);
const invoke = (openid: string, action: string, payload: unknown) =>
  cloud.invoke('employer', { action, payload }, { openid }) as Promise<any>;
const text = (container: Element, selector: string) =>
  container.querySelector(selector)?.textContent ?? null;

/** Cloud answers take a few turns of the event loop; wait until `selector` shows up. */
async function waitFor(container: Element, selector: string): Promise<Element> {
  for (let i = 0; i < 100; i += 1) {
    const found = container.querySelector(selector);
    if (found) return found;
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
  }
  throw new Error(`${selector} never appeared`);
}
async function idle(): Promise<void> {
  for (let i = 0; i < 10; i += 1) {
    await act(() => new Promise((resolve) => setTimeout(resolve, 5)));
  }
  await settle();
}

async function typeArea(field: Element, value: string, blur = false): Promise<void> {
  const area = field.querySelector('taro-textarea-core');
  if (!area) throw new Error('no textarea found');
  await act(async () => {
    area.dispatchEvent(new CustomEvent('input', { detail: { value } }));
  });
  if (blur) {
    await act(async () => {
      area.dispatchEvent(new CustomEvent('blur', { detail: { value } }));
    });
  }
}
async function blurInput(field: Element, value: string): Promise<void> {
  const input = field.querySelector('taro-input-core')!;
  await act(async () => {
    input.dispatchEvent(new CustomEvent('blur', { detail: { value } }));
  });
}

describe('company', () => {
  it('a new user chooses to register; the cloud’s USCC conflict shows at its field; then registered', async () => {
    as('wx-new-boss');
    const { container } = render(<CompanyPage />);
    await waitFor(container, '#company-choose');
    expect(text(container, '#company-choose')).toContain('用邀请码加入已入驻的单位');
    await tap(container.querySelector('#company-choose-register'));
    await waitFor(container, '#company-form');

    const taken = (cloud.store.collection('companies').find({})[0] as any).uscc as string;
    await typeInto(container.querySelector('#field-name')!, '济宁新星电子有限公司');
    await typeInto(container.querySelector('#field-uscc')!, taken.toLowerCase());
    await tap(container.querySelector('#industry-C'));
    await tap(container.querySelector('#county-370811'));
    await tap(container.querySelector('#township-370811002'));
    await typeInto(container.querySelector('#field-address')!, '任城区示例路8号');
    await typeInto(container.querySelector('#field-contactName')!, '周经理');
    await typeInto(container.querySelector('#field-contactMobile')!, '13900005371');
    await tap(container.querySelector('#company-submit'));
    await waitFor(container, '#field-uscc .field-error');
    expect(text(container, '#field-uscc .field-error')).toBe('该统一社会信用代码已登记');

    const fresh = '91370811MA3D5Y8L3';
    await typeInto(container.querySelector('#field-uscc')!, fresh + usccCheckChar(fresh));
    await tap(container.querySelector('#company-submit'));
    await waitFor(container, '#company-status');
    expect(text(container, '#company-status')).toBe('待核验');
    expect(cloud.store.collection('company_members').find({ openid: 'wx-new-boss' })).toEqual([
      expect.objectContaining({ role: 'owner' }),
    ]);
  });

  it('a colleague joins with the owner’s code: a wrong code is refused at the field first', async () => {
    const { code } = (await invoke(EMPLOYER, 'inviteColleague', {})).data;
    as('wx-new-colleague');
    const { container } = render(<CompanyPage />);
    await waitFor(container, '#company-choose');
    await tap(container.querySelector('#company-choose-join'));
    await waitFor(container, '#join-form');
    await typeInto(container.querySelector('#field-code')!, 'ZZZZ2222');
    await typeInto(container.querySelector('#field-displayName')!, '刘晓');
    await tap(container.querySelector('#join-submit'));
    await waitFor(container, '#field-code .field-error');
    expect(text(container, '#field-code .field-error')).toMatch(/邀请码不正确/);

    await typeInto(container.querySelector('#field-code')!, code.toLowerCase());
    await tap(container.querySelector('#join-submit'));
    await waitFor(container, '#company-card');
    expect(text(container, '#company-card')).toContain('济宁鲁运物流有限公司');
    expect(container.querySelector('#company-colleagues')).not.toBeNull();
  });

  it('a company that did not pass says what to do and whom to call; the owner corrects and resubmits it', async () => {
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
    const companyId = (await invoke('wx-new-boss', 'registerCompany', details)).data.company.id;
    await invoke('demo-market-1', 'review', {
      kind: 'company',
      id: companyId,
      decision: 'reject',
      reason: '单位名称与营业执照不一致',
    });
    as('wx-new-boss');
    const { container } = render(<CompanyPage />);
    await waitFor(container, '#company-next-steps');
    expect(text(container, '#company-reject-reason')).toContain('单位名称与营业执照不一致');
    expect(text(container, '#company-next-steps')).toContain('重新提交核验');
    expect(text(container, '#company-market-phone')).toBe('0537-12333');

    await tap(container.querySelector('#company-resubmit'));
    await waitFor(container, '#company-form');
    expect(text(container, '#company-form')).toContain('单位名称与营业执照不一致');
    await typeInto(container.querySelector('#field-name')!, '济宁新星电子科技有限公司');
    await tap(container.querySelector('#company-submit'));
    await waitFor(container, '#company-card');
    expect(text(container, '#company-status')).toBe('待核验');
    expect(text(container, '#company-card')).toContain('济宁新星电子科技有限公司');
    expect(container.querySelector('#company-next-steps')).toBeNull();
    const queue = await invoke('demo-market-1', 'reviewQueue', {});
    expect(queue.data.companies.map((c: any) => c.id)).toContain(companyId);
  });

  it('a key enterprise’s employer sees the named service staff member', async () => {
    const companyId = (cloud.store.collection('users').find({ openid: EMPLOYER })[0] as any)
      .companyId;
    await cloud.invoke(
      'employer',
      {
        action: 'setKeyEnterprise',
        payload: { companyId, staffOpenid: 'demo-market-1', reason: '年度重点用工企业' },
      },
      { openid: 'demo-supervisor' },
    );
    as(EMPLOYER);
    const { container } = render(<CompanyPage />);
    await waitFor(container, '#company-service-staff');
    expect(text(container, '#company-service-staff')).toContain('您的专属服务专员：郑凯');
  });
});

describe('posting', () => {
  it('leaving the title with "限男性" names the law at once; flagged wording gets a softer notice', async () => {
    as(EMPLOYER);
    const { container } = render(<PostJobPage />);
    await waitFor(container, '#vacancy-form');
    const title = container.querySelector('#field-title')!;
    await typeInto(title, '仓库包装工（限男性）');
    await blurInput(title, '仓库包装工（限男性）');
    expect(text(container, '#field-title .field-error')).toMatch(
      /“限男性”.*《就业促进法》第二十七条/,
    );

    const requirements = container.querySelector('#field-requirements')!;
    await typeArea(requirements, '年龄18-35岁', true);
    expect(text(container, '#field-requirements .field-error')).toBeNull();
    expect(text(container, '#field-requirements .vf-screen-hint')).toMatch(/年龄限制.*审核/);

    await typeInto(title, '仓库包装工');
    await blurInput(title, '仓库包装工');
    expect(text(container, '#field-title .field-error')).toBeNull();
  });

  it('posts with education, experience and certificates, after the preview seekers will see', async () => {
    as(EMPLOYER);
    const { container } = render(<PostJobPage />);
    await waitFor(container, '#vacancy-form');
    await typeInto(container.querySelector('#field-title')!, '叉车司机（夜班）');
    await typeInto(container.querySelector('#field-occupationCode')!, '6-30-05');
    await tap(await waitFor(container, '#occupation-6-30-05-01'));
    await typeInto(container.querySelector('#field-headcount')!, '2');
    await typeInto(container.querySelector('#field-salaryMin')!, '5000');
    await typeInto(container.querySelector('#field-salaryMax')!, '6500');
    // The work types as an employer offers them.
    expect([...container.querySelectorAll('[id^="work-type-"]')].map((c) => c.textContent)).toEqual(
      ['全职', '兼职', '灵活用工'],
    );
    await tap(container.querySelector('#work-type-flexible'));
    await tap(container.querySelector('#education-seniorHigh'));
    await typeInto(container.querySelector('#field-minExperienceYears')!, '1');
    await tap(container.querySelector('#certificate-add-叉车证'));
    await tap(container.querySelector('#vacancy-preview'));
    const preview = await waitFor(container, '#vacancy-preview-detail');
    expect(preview.textContent).toContain('叉车司机（夜班）');
    expect(preview.textContent).toContain('济宁鲁运物流有限公司');
    expect(preview.textContent).toContain('学历：高中及以上');
    expect(preview.textContent).toContain('经验：1年及以上');
    expect(preview.textContent).toContain('需持证书：叉车证');
    expect(preview.textContent).toContain('灵活用工');

    await tap(container.querySelector('#preview-submit'));
    await waitFor(container, '#vacancy-result-status');
    expect(text(container, '#vacancy-result-status')).toBe('已发布');
    expect(cloud.store.collection('vacancies').find({ title: '叉车司机（夜班）' })).toEqual([
      expect.objectContaining({
        status: 'published',
        workType: 'flexible',
        minEducation: 'seniorHigh',
        minExperienceYears: 1,
        certificates: ['叉车证'],
      }),
    ]);
  });

  it('the cloud still refuses at save what the form let through, naming the law at the field', async () => {
    as(EMPLOYER);
    const { container } = render(<PostJobPage />);
    await waitFor(container, '#vacancy-form');
    await typeInto(container.querySelector('#field-title')!, '包装工');
    await typeInto(container.querySelector('#field-occupationCode')!, '包装工');
    await tap(await waitFor(container, '#occupation-6-31-05-00'));
    await typeInto(container.querySelector('#field-salaryMin')!, '3500');
    await typeInto(container.querySelector('#field-salaryMax')!, '4500');
    await tap(container.querySelector('#work-type-fullTime'));
    // Typed but never left: no blur, so only the cloud's check sees it.
    await typeArea(container.querySelector('#field-requirements')!, '仅限本地户口');
    const before = cloud.store.collection('vacancies').count();
    await tap(container.querySelector('#vacancy-submit'));
    await waitFor(container, '#field-requirements .field-error');
    const law = text(container, '#field-requirements .field-error')!;
    expect(law).toMatch(/就业促进法/);
    expect(cloud.store.collection('vacancies').count()).toBe(before);
    // Once at the field, plus one short line by the button naming the field to fix.
    expect(container.textContent!.split(law)).toHaveLength(2);
    expect(container.querySelector('#vacancy-submit-error')).toBeNull();
    expect(text(container, '#vacancy-submit-fix-hint')).toBe(
      '请先修改上方标红的内容：其他任职要求',
    );
  });

  it('the benefits are screened on leaving the field, like the rest of the ad', async () => {
    as(EMPLOYER);
    const { container } = render(<PostJobPage />);
    await waitFor(container, '#vacancy-form');
    await typeArea(container.querySelector('#field-benefits')!, '包吃住，限男性住宿', true);
    expect(text(container, '#field-benefits .field-error')).toMatch(/“限男性”.*就业促进法/);
  });

  it('edits a vacancy loaded by id and saves it', async () => {
    const saved = await invoke(EMPLOYER, 'saveVacancy', {
      title: '理货员',
      occupationCode: '4-02-06-01',
      headcount: 2,
      salaryMin: 3800,
      salaryMax: 4800,
      workType: 'fullTime',
      certificates: ['健康证'],
    });
    const id = saved.data.vacancy.id as string;
    Taro.getCurrentInstance().router = {
      params: { id },
      path: '/packages/employer/post-job/index',
    } as never;
    as(EMPLOYER);
    const { container } = render(<PostJobPage />);
    await waitFor(container, '#vacancy-form');
    expect(text(container, '#certificates-chosen')).toContain('健康证');
    await typeInto(container.querySelector('#field-title')!, '仓库理货员');
    await tap(container.querySelector('#vacancy-submit'));
    await waitFor(container, '#vacancy-result-status');
    expect(text(container, '#vacancy-result-status')).toBe('已保存');
    expect((cloud.store.collection('vacancies').find({ _id: id })[0] as any).title).toBe(
      '仓库理货员',
    );
  });
});

describe('my vacancies', () => {
  it('shows why a vacancy was not approved and the staff’s note, and pauses one', async () => {
    const pending = await invoke(EMPLOYER, 'saveVacancy', {
      title: '前台接待',
      occupationCode: '4-03-01-01',
      headcount: 1,
      salaryMin: 3000,
      salaryMax: 3500,
      workType: 'fullTime',
      requirements: '身高165cm以上',
    });
    await cloud.invoke(
      'employer',
      {
        action: 'review',
        payload: {
          kind: 'vacancy',
          id: pending.data.vacancy.id,
          decision: 'reject',
          reason: '身高要求与岗位无关',
        },
      },
      { openid: 'demo-market-1' },
    );
    const published = await invoke(EMPLOYER, 'saveVacancy', {
      title: '快递员',
      occupationCode: '4-02-07-08',
      headcount: 3,
      salaryMin: 4000,
      salaryMax: 6000,
      workType: 'fullTime',
    });
    const id = published.data.vacancy.id as string;
    await cloud.invoke(
      'employer',
      {
        action: 'staffEditVacancy',
        payload: {
          id,
          title: '快递员',
          occupationCode: '4-02-07-08',
          headcount: 4,
          salaryMin: 4000,
          salaryMax: 6000,
          workType: 'fullTime',
          note: '按企业电话把招聘人数改为4人',
        },
      },
      { openid: 'demo-market-1' },
    );

    as(EMPLOYER);
    const { container } = render(<VacanciesPage />);
    const rejectedId = pending.data.vacancy.id as string;
    await waitFor(container, `#vacancy-${rejectedId}`);
    expect(text(container, `#vacancy-${rejectedId}-reject-reason`)).toContain('身高要求与岗位无关');
    expect(text(container, `#vacancy-${rejectedId}`)).toContain('修改后提交');
    expect(text(container, `#vacancy-${id}-staff-note`)).toContain('按企业电话把招聘人数改为4人');

    await tap(container.querySelector(`#vacancy-${id}-pause`));
    await idle();
    expect(text(container, `#vacancy-${id}-status`)).toBe('已暂停');
    expect(container.querySelector(`#vacancy-${id}-resume`)).not.toBeNull();
    expect((cloud.store.collection('vacancies').find({ _id: id })[0] as any).status).toBe('paused');

    await tap(container.querySelector(`#vacancy-${id}-history`));
    const history = await waitFor(container, `#history-${id}`);
    expect(history.textContent).toContain('工作人员修改');
    expect(history.textContent).toContain('市场服务中心 郑凯');
  });

  it('closes as filled only after confirming', async () => {
    const saved = await invoke(EMPLOYER, 'saveVacancy', {
      title: '装卸工',
      occupationCode: '4-02-05-01',
      headcount: 3,
      salaryMin: 4000,
      salaryMax: 5000,
      workType: 'fullTime',
    });
    const id = saved.data.vacancy.id as string;
    as(EMPLOYER);
    const { container } = render(<VacanciesPage />);
    await waitFor(container, `#vacancy-${id}`);
    await tap(container.querySelector(`#vacancy-${id}-close`));
    expect(container.querySelector(`#vacancy-${id}-close-panel`)).not.toBeNull();
    expect((cloud.store.collection('vacancies').find({ _id: id })[0] as any).status).toBe(
      'published',
    );
    await tap(container.querySelector(`#vacancy-${id}-close-confirm`));
    await idle();
    expect(text(container, `#vacancy-${id}-status`)).toBe('已关闭');
  });
});

describe('waiting for review, and renewing', () => {
  const basics = {
    title: '仓库管理员',
    occupationCode: '4-02-06-01',
    headcount: 1,
    salaryMin: 4000,
    salaryMax: 5000,
    workType: 'fullTime',
  };

  it('a vacancy waiting for review offers withdrawal, never “已招满”', async () => {
    const id = (await invoke(EMPLOYER, 'saveVacancy', { ...basics, requirements: '年龄18-35岁' }))
      .data.vacancy.id as string;
    as(EMPLOYER);
    const { container } = render(<VacanciesPage />);
    await waitFor(container, `#vacancy-${id}`);
    expect(text(container, `#vacancy-${id}`)).not.toContain('已招满');
    expect(text(container, `#vacancy-${id}`)).toContain('撤回岗位');
    await tap(container.querySelector(`#vacancy-${id}-close`));
    expect(text(container, `#vacancy-${id}-close-panel`)).toContain('企业撤回');
    await tap(container.querySelector(`#vacancy-${id}-close-confirm`));
    await idle();
    expect(text(container, `#vacancy-${id}-status`)).toBe('已关闭');
    expect(cloud.store.collection('vacancies').find({ _id: id })[0]).toMatchObject({
      closeReason: 'withdrawn',
    });
  });

  it('renewal offers dates from the server’s today and sends days, not a date from the phone', async () => {
    const id = (await invoke(EMPLOYER, 'saveVacancy', basics)).data.vacancy.id as string;
    const { today } = (await invoke(EMPLOYER, 'myVacancies', {})).data;
    const after = (days: number) =>
      inShanghai(today as string)
        .add(days, 'day')
        .format('YYYY-MM-DD');
    as(EMPLOYER);
    const requests = stubFetch(async (request) => ({
      body: await cloud.invoke(request.url.slice('/cloud/'.length), request.body, {
        openid: request.headers['x-wx-openid'],
      }),
    })).requests;
    const { container } = render(<VacanciesPage />);
    await waitFor(container, `#vacancy-${id}-renew`);
    await tap(container.querySelector(`#vacancy-${id}-renew`));
    expect(text(container, `#vacancy-${id}-renew-panel`)).toContain(`${after(60)}（60天后）`);
    await tap(container.querySelector(`#vacancy-${id}-renew-60`));
    await tap(container.querySelector(`#vacancy-${id}-renew-confirm`));
    await idle();
    const sent = requests.find((r) => (r.body as any)?.action === 'setVacancyStatus')!.body as any;
    expect(sent.payload).toMatchObject({ event: 'renew', validDays: 60 });
    expect(sent.payload.validUntil ?? null).toBeNull();
    expect(cloud.store.collection('vacancies').find({ _id: id })[0]).toMatchObject({
      validUntil: after(60),
    });
  });
});

describe('colleagues', () => {
  it('the owner invites: the code is shown big with how a colleague uses it', async () => {
    as(EMPLOYER);
    const { container } = render(<ColleaguesPage />);
    await waitFor(container, '#colleague-invite');
    expect(text(container, '#colleagues-current')).toContain('王经理（我）');
    await tap(container.querySelector('#colleague-invite'));
    const code = await waitFor(container, '#invite-code');
    expect(code.textContent).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
    expect(
      cloud.store.collection('company_invitations').find({ code: code.textContent }),
    ).toHaveLength(1);
    expect(text(container, '#invite-steps')).toContain('用邀请码加入已入驻的单位');
    expect(container.querySelector('#invite-copy')).not.toBeNull();
  });

  it('the owner removes a colleague after confirming', async () => {
    const { code } = (await invoke(EMPLOYER, 'inviteColleague', {})).data;
    await cloud.invoke(
      'employer',
      { action: 'joinCompany', payload: { code, displayName: '刘晓' } },
      { openid: 'wx-colleague' },
    );
    as(EMPLOYER);
    const { container } = render(<ColleaguesPage />);
    await waitFor(container, '#colleagues-current');
    const member = (
      cloud.store.collection('company_members').find({ openid: 'wx-colleague' })[0] as any
    )._id as string;
    await tap(container.querySelector(`#colleague-${member}-remove`));
    await tap(container.querySelector(`#colleague-${member}-remove-confirm`));
    await waitFor(container, '#colleagues-former');
    expect(text(container, '#colleagues-former')).toContain('刘晓');
    expect((cloud.store.collection('users').find({ openid: 'wx-colleague' })[0] as any).role).toBe(
      'citizen',
    );
  });

  it('a colleague who is not the owner cannot invite', async () => {
    const { code } = (await invoke(EMPLOYER, 'inviteColleague', {})).data;
    await cloud.invoke(
      'employer',
      { action: 'joinCompany', payload: { code, displayName: '刘晓' } },
      { openid: 'wx-colleague' },
    );
    as('wx-colleague');
    const { container } = render(<ColleaguesPage />);
    await waitFor(container, '#colleague-member-hint');
    expect(container.querySelector('#colleague-invite')).toBeNull();
  });
});
