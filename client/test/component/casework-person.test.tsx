/**
 * The person page's workbench: the follow-up schedule, "131" and the plan; a phone follow-up in
 * two taps; a status learnt in a follow-up reloads the profile; other services ask only for what
 * they need; the 一人一策 editor names the 创业咨询师 for entrepreneurship.
 */
import Taro from '@tarojs/taro';
import { render } from '@testing-library/react';

import type { PersonDetail, Workbench } from '@nuanxin/shared';

import { CASELOAD_CHANGED } from '../../src/packages/caseworker/components/personView';
import PersonPage from '../../src/packages/caseworker/person/index';
import { clearSession, setDemoOpenid } from '../../src/services/session';

import {
  afterChange,
  byAction,
  makeDetail,
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
  expect(container.querySelector('#service-jobIntroduction')?.textContent).toBe('推荐 2/3');
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
    },
  ]);
  expect(container.querySelector('#contact-sheet')).toBeNull();
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
