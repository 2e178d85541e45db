/**
 * The person page's workbench: the follow-up schedule, "131" and the plan; a phone follow-up in
 * two taps; a status learnt in a follow-up reloads the profile; other services ask only for what
 * they need (a referral names its vacancy or course, or a position/training elsewhere); what was
 * saved is said in the card; the 一人一策 editor names the 创业咨询师 for entrepreneurship.
 */
import Taro from '@tarojs/taro';
import { render } from '@testing-library/react';

import { contracts, type PersonDetail, type Workbench } from '@nuanxin/shared';

import { CASELOAD_CHANGED } from '../../src/packages/caseworker/components/personView';
import PersonPage from '../../src/packages/caseworker/person/index';
import { clearSession, setDemoOpenid } from '../../src/services/session';

import {
  afterChange,
  byAction,
  makeCourseCard,
  makeDetail,
  makeVacancy,
  makeWorkbench,
  ok,
  payloadsOf,
  refused,
  typeText,
} from './caseloadFixtures';
import { cloudCalls, settle, stubFetch, tap, typeInto } from './helpers';

type Router = NonNullable<ReturnType<typeof Taro.getCurrentInstance>['router']>;

beforeEach(() => {
  clearSession();
  setDemoOpenid('demo-caseworker-370811');
  jest.restoreAllMocks();
});
afterEach(() => {
  Taro.getCurrentInstance().router = null;
});

async function renderPerson(
  person: PersonDetail,
  workbench: Workbench,
  handlers: Parameters<typeof byAction>[0] = {},
) {
  Taro.getCurrentInstance().router = {
    params: { id: person.id },
    path: '/packages/caseworker/person/index',
  } as unknown as Router;
  const stub = stubFetch(
    byAction({ getPerson: () => ok(person), person: () => ok(workbench), ...handlers }),
  );
  const view = render(<PersonPage />);
  await settle();
  return { ...stub, ...view };
}

it('shows when the follow-up is due, "131", the plan, and one timeline of everything', async () => {
  const person = makeDetail({ name: '李秀英' });
  const workbench = makeWorkbench(person, {
    entry: { state: 'overdue', overdueDays: 9, due: '2026-03-01' },
  });
  const { container } = await renderPerson(person, workbench);

  expect(container.querySelector('#followup-badge')?.textContent).toBe('逾期 9 天');
  expect(container.querySelector('#followup-due')?.textContent).toContain('2026-03-01');
  expect(container.querySelector('#person-followup')?.textContent).toContain('失业（每月回访）');
  expect(container.querySelector('#service-guidance')?.className).toContain('service-chip--met');
  expect(container.querySelector('#service-jobIntroduction')?.textContent).toBe('今年岗位推荐 2/3');
  expect(container.querySelector('#service-guidance-sessions')?.textContent).toBe('职业指导师 1/3');
  expect(container.querySelector('#person-push')?.textContent).toBe('本月推送 2/3 · 进行中');
  expect(container.querySelector('#plan-none')?.textContent).toContain('还没有帮扶计划');
  // The registration's own history and the services, together.
  const timeline = container.querySelector('#person-history')!.textContent;
  expect(timeline).toContain('提交登记');
  expect(timeline).toContain('跟踪回访');
  expect(timeline).toContain('电话 · 已联系上');
});

it('records a phone follow-up in two taps and shows the new schedule', async () => {
  const person = makeDetail({ name: '李秀英' });
  const before = makeWorkbench(person, { entry: { state: 'overdue', overdueDays: 9 } });
  const after = makeWorkbench(person, { entry: { state: 'notDue', due: '2026-04-10' } });
  const changed = jest.fn();
  Taro.eventCenter.on(CASELOAD_CHANGED, changed);
  const { container, requests } = await renderPerson(person, before, {
    recordContact: () => ok(after),
  });

  await tap(container.querySelector('#quick-phone'));
  expect(container.querySelector('#contact-sheet')?.textContent).toContain('电话跟踪回访：李秀英');
  expect(container.querySelector('#contact-outcome-reached')?.getAttribute('aria-checked')).toBe(
    'true',
  );
  await tap(container.querySelector('#contact-save'));
  await settle();

  expect(payloadsOf(requests, 'recordContact')).toEqual([
    {
      registrationId: person.id,
      kind: 'followUp',
      channel: 'phone',
      outcome: 'reached',
      situation: null,
      amount: null,
      counsellor: '',
      note: '',
      vacancyId: null,
      publicWelfare: false,
      internship: false,
      courseId: null,
    },
  ]);
  expect(container.querySelector('#contact-sheet')).toBeNull();
  // What was saved is said in the card, not in a toast over the page.
  expect(container.querySelector('#contact-saved')?.textContent).toBe('✓ 已记录跟踪回访');
  expect(container.querySelector('#followup-badge')?.textContent).toBe('下次回访 04-10');
  expect(changed).toHaveBeenCalledWith(person.id);
  Taro.eventCenter.off(CASELOAD_CHANGED, changed);
  // No status change: the profile is not read again.
  expect(cloudCalls(requests).filter((c) => c === 'registration.getPerson')).toHaveLength(1);
});

it('a follow-up that finds the person employed reloads the profile with the new status', async () => {
  const person = makeDetail({ name: '王芳' });
  const employed = afterChange(person, 'employed');
  let profile = person;
  const after = makeWorkbench(employed, {
    entry: { situation: 'employed', due: '2027-03-10' },
  });
  const { container, requests } = await renderPerson(person, makeWorkbench(person), {
    getPerson: () => ok(profile),
    recordContact: () => {
      profile = employed;
      return ok(after);
    },
  });
  await tap(container.querySelector('#quick-wechat'));
  await tap(container.querySelector('#contact-situation-employed'));
  await typeText(container.querySelector('#contact-note')!, '已在鲁运物流上岗');
  await tap(container.querySelector('#contact-save'));
  await settle();

  expect(payloadsOf(requests, 'recordContact')[0]).toMatchObject({
    channel: 'wechat',
    situation: 'employed',
    note: '已在鲁运物流上岗',
  });
  expect(container.querySelector('#person-status')?.textContent).toBe('已就业');
  expect(container.querySelector('#person-followup')?.textContent).toContain(
    '稳定就业（每年回访）',
  );
});

it('other services ask only for what they need: relief asks the amount before calling', async () => {
  const person = makeDetail();
  const { container, requests } = await renderPerson(person, makeWorkbench(person), {
    recordContact: () => ok(makeWorkbench(person)),
  });
  await tap(container.querySelector('#quick-more'));
  await tap(container.querySelector('#contact-kind-relief'));
  expect(container.querySelector('#contact-outcome-reached')).toBeNull();
  expect(container.querySelector('#contact-situation-same')).toBeNull();
  await tap(container.querySelector('#contact-save'));
  expect(container.querySelector('#field-contact-amount')?.textContent).toContain('救助金额');
  expect(container.querySelector('#field-contact-amount .field-error')?.textContent).toContain(
    '请填写救助金额',
  );
  expect(payloadsOf(requests, 'recordContact')).toEqual([]);

  await typeInto(container.querySelector('#field-contact-amount')!, '500');
  await tap(container.querySelector('#contact-save'));
  await settle();
  expect(payloadsOf(requests, 'recordContact')).toEqual([
    expect.objectContaining({ kind: 'relief', amount: 500, channel: null }),
  ]);
});

it('guidance asks for the 职业指导师; the server’s refusal stays in the sheet', async () => {
  const person = makeDetail();
  const { container, requests } = await renderPerson(person, makeWorkbench(person), {
    recordContact: () => refused('NOT_FOUND', '没有找到这名人员，或该人员不在您的服务范围内'),
  });
  await tap(container.querySelector('#quick-more'));
  // Guidance is the first choice, at the office by default.
  expect(container.querySelector('#contact-channel-office')?.getAttribute('aria-checked')).toBe(
    'true',
  );
  await tap(container.querySelector('#contact-save'));
  expect(container.querySelector('#field-contact-counsellor .field-error')?.textContent).toContain(
    '职业指导师',
  );
  await typeInto(container.querySelector('#field-contact-counsellor')!, '王立新');
  await tap(container.querySelector('#contact-save'));
  await settle();
  expect(payloadsOf(requests, 'recordContact')[0]).toMatchObject({
    kind: 'guidance',
    channel: 'office',
    counsellor: '王立新',
  });
  expect(container.querySelector('#contact-error')?.textContent).toContain('没有找到这名人员');
  expect(container.querySelector('#contact-sheet')).not.toBeNull();
});

it('the 一人一策 editor names the 创业咨询师 for entrepreneurship', async () => {
  const person = makeDetail({ name: '陈志强' });
  const workbench = makeWorkbench(person, {
    wishes: { entrepreneurship: true, wantsTraining: false },
  });
  const saved = makeWorkbench(person, {
    plan: {
      needType: 'entrepreneurship',
      needTypeLabel: '自主创业',
      goals: '开一家社区早餐店',
      nextSteps: '对接创业担保贷款',
      advisorName: '刘咨询师',
      savedAt: '2026-03-10T02:00:00.000Z',
      savedBy: '张敏',
    },
  });
  const { container, requests } = await renderPerson(person, workbench, {
    savePlan: () => ok(saved),
  });
  await tap(container.querySelector('#plan-edit'));
  // The person's own wish chooses the first plan's type.
  expect(container.querySelector('#plan-need-entrepreneurship')?.getAttribute('aria-checked')).toBe(
    'true',
  );
  await typeText(container.querySelector('#plan-goals')!, '开一家社区早餐店');
  await typeText(container.querySelector('#plan-steps')!, '对接创业担保贷款');
  await tap(container.querySelector('#plan-save'));
  expect(container.querySelector('#field-plan-advisor .field-error')?.textContent).toContain(
    '创业咨询师',
  );
  expect(payloadsOf(requests, 'savePlan')).toEqual([]);

  await typeInto(container.querySelector('#field-plan-advisor')!, '刘咨询师');
  await tap(container.querySelector('#plan-save'));
  await settle();
  expect(payloadsOf(requests, 'savePlan')).toEqual([
    {
      registrationId: person.id,
      needType: 'entrepreneurship',
      goals: '开一家社区早餐店',
      nextSteps: '对接创业担保贷款',
      advisorName: '刘咨询师',
    },
  ]);
  expect(container.querySelector('#person-plan')?.textContent).toContain('刘咨询师');
  expect(container.querySelector('#plan-edit')?.closest('.van-button')?.textContent).toBe(
    '修改计划',
  );
});

it('without the right to record, the quick actions are not offered', async () => {
  const person = makeDetail();
  const { container } = await renderPerson(person, makeWorkbench(person, { canRecord: false }));
  expect(container.querySelector('#person-followup')).not.toBeNull();
  expect(container.querySelector('#quick-phone')).toBeNull();
  expect(container.querySelector('#plan-edit')).toBeNull();
});

it('a workbench that does not load says why, and the profile still shows', async () => {
  const person = makeDetail();
  let fail = true;
  const { container } = await renderPerson(person, makeWorkbench(person), {
    person: () =>
      fail ? refused('INTERNAL', '服务暂时不可用，请稍后重试') : ok(makeWorkbench(person)),
  });
  expect(container.querySelector('#person-name')?.textContent).toBe(person.name);
  expect(container.querySelector('#workbench-error')?.textContent).toBe(
    '服务暂时不可用，请稍后重试',
  );
  fail = false;
  await tap(container.querySelector('#workbench-retry'));
  await settle();
  expect(container.querySelector('#quick-phone')).not.toBeNull();
});

describe('referrals name what they refer to', () => {
  const welfare = makeVacancy({
    title: '社区公益岗',
    companyName: '越河街道办事处',
    flags: { publicWelfare: true, internship: false, assistance: false, disabilityFriendly: false },
    flagLabels: ['公益性岗位'],
  });
  const plain = makeVacancy({ title: '分拣员' });
  const search = (payload: Record<string, unknown>) =>
    ok({
      vacancies: payload.keyword === '公益' ? [welfare] : [welfare, plain],
      total: payload.keyword === '公益' ? 1 : 2,
      page: 1,
      pageSize: 8,
    });

  async function openReferral(kind: 'jobReferral' | 'trainingReferral', handlers = {}) {
    const person = makeDetail({ name: '李秀英', township: '370811002' });
    const view = await renderPerson(person, makeWorkbench(person), {
      search,
      recordContact: () => ok(makeWorkbench(person)),
      ...handlers,
    });
    await tap(view.container.querySelector('#quick-more'));
    await tap(view.container.querySelector(`#contact-kind-${kind}`));
    await settle();
    return { ...view, person };
  }

  it('a job referral picks a published vacancy found by keyword in the person’s county', async () => {
    const { container, requests, person } = await openReferral('jobReferral');
    expect(payloadsOf(requests, 'search')[0]).toMatchObject({ county: '370811', keyword: '' });
    // Nothing picked yet: the caseworker is asked to pick, nothing is sent.
    await tap(container.querySelector('#contact-save'));
    expect(container.querySelector('#referral-vacancies')?.textContent).toContain('请选择一个岗位');
    expect(payloadsOf(requests, 'recordContact')).toEqual([]);

    await typeInto(container.querySelector('#referral-vacancy-keyword')!, '公益');
    await tap(container.querySelector('#referral-vacancy-search'));
    await settle();
    expect(payloadsOf(requests, 'search')[1]).toMatchObject({ keyword: '公益' });
    expect(container.querySelector(`#referral-vacancy-${plain.id}`)).toBeNull();
    await tap(container.querySelector(`#referral-vacancy-${welfare.id}`));
    expect(container.querySelector('#referral-vacancy-picked')?.textContent).toContain(
      '社区公益岗越河街道办事处 · 公益性岗位',
    );
    await tap(container.querySelector('#contact-save'));
    await settle();
    expect(payloadsOf(requests, 'recordContact')).toEqual([
      expect.objectContaining({
        registrationId: person.id,
        kind: 'jobReferral',
        vacancyId: welfare.id,
        publicWelfare: false,
        internship: false,
        courseId: null,
        note: '',
      }),
    ]);
    expect(container.querySelector('#contact-saved')?.textContent).toBe('✓ 已记录岗位推荐');
  });

  it('a position elsewhere is named in the note, with its 公益性/见习 flags ticked', async () => {
    const { container, requests } = await openReferral('jobReferral');
    await tap(container.querySelector('#job-source-elsewhere'));
    expect(container.querySelector('#referral-vacancies')).toBeNull();
    await tap(container.querySelector('#contact-save'));
    expect(container.querySelector('#contact-note')?.textContent).toContain('请选择平台上的岗位');
    await tap(container.querySelector('#contact-job-flag-publicWelfare'));
    await typeText(container.querySelector('#contact-note')!, '社区保洁公益岗（越河街道）');
    await tap(container.querySelector('#contact-save'));
    await settle();
    expect(payloadsOf(requests, 'recordContact')).toEqual([
      expect.objectContaining({
        kind: 'jobReferral',
        vacancyId: null,
        publicWelfare: true,
        internship: false,
        note: '社区保洁公益岗（越河街道）',
      }),
    ]);
  });

  it('a training referral picks a course that fits and takes bookings now', async () => {
    const open = makeCourseCard({ title: '叉车司机（五级）' });
    const started = makeCourseCard({
      title: '电工',
      enrolment: 'started',
      enrolmentLabel: '已开课',
    });
    const offers = (payload: Record<string, unknown>) =>
      ok(
        contracts.training.trainingOffers.output.parse({
          people: [],
          summary: { withNeed: 1, offered: 0, notOffered: 1 },
          person: {
            registrationId: payload.registrationId,
            name: '李秀英',
            townshipLabel: '任城区 越河街道',
            trainingNeed: '叉车',
            offered: false,
            institutions: [],
            trainedThisYear: false,
            offers: [],
            bookings: [],
            recommended: [open, started],
            training131: { done: 0, target: 1, met: false },
          },
        }),
      );
    const { container, requests } = await openReferral('trainingReferral', {
      trainingOffers: offers,
    });
    await settle();
    expect(container.querySelector(`#referral-course-${started.id}`)).toBeNull();
    await tap(container.querySelector(`#referral-course-${open.id}`));
    expect(container.querySelector('#referral-course-picked')?.textContent).toContain(
      '济宁技师学院',
    );
    await tap(container.querySelector('#contact-save'));
    await settle();
    expect(payloadsOf(requests, 'recordContact')).toEqual([
      expect.objectContaining({ kind: 'trainingReferral', courseId: open.id, note: '' }),
    ]);
  });
});

it('a saved plan is said in the plan card', async () => {
  const person = makeDetail();
  const saved = makeWorkbench(person, {
    plan: {
      needType: 'jobSearch',
      needTypeLabel: '求职就业',
      goals: '三个月内找到仓储工作',
      nextSteps: '每周推荐两个岗位',
      advisorName: null,
      savedAt: '2026-03-10T02:00:00.000Z',
      savedBy: '张敏',
    },
  });
  const { container } = await renderPerson(person, makeWorkbench(person), {
    savePlan: () => ok(saved),
  });
  await tap(container.querySelector('#plan-edit'));
  await typeText(container.querySelector('#plan-goals')!, '三个月内找到仓储工作');
  await typeText(container.querySelector('#plan-steps')!, '每周推荐两个岗位');
  await tap(container.querySelector('#plan-save'));
  await settle();
  expect(container.querySelector('#plan-sheet')).toBeNull();
  expect(container.querySelector('#plan-saved')?.textContent).toBe('✓ 已制定帮扶计划');
  expect(container.querySelector('#contact-saved')).toBeNull();
});
