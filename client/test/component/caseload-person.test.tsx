/**
 * 包保对象详情: the audited reveal asks first, verification sends what was checked, status
 * changes follow the lifecycle table and a cancellation needs its reason; the page then shows
 * the server's answer.
 */
import Taro from '@tarojs/taro';
import { act, render } from '@testing-library/react';

import { REGISTRATION_STATUSES, type PersonDetail } from '@nuanxin/shared';

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
import { cloudCalls, settle, stubFetch, tap } from './helpers';

type Router = NonNullable<ReturnType<typeof Taro.getCurrentInstance>['router']>;

/** The page parameters the router would hand over for `?id=…`. */
function openWith(params: Record<string, string>) {
  Taro.getCurrentInstance().router = {
    params,
    path: '/packages/caseworker/person/index',
  } as Router;
}

beforeEach(() => {
  clearSession();
  setDemoOpenid('demo-caseworker-370811');
  jest.restoreAllMocks();
});

afterEach(() => {
  Taro.getCurrentInstance().router = null;
});

async function renderPerson(person: PersonDetail, handlers: Parameters<typeof byAction>[0] = {}) {
  openWith({ id: person.id });
  const stub = stubFetch(
    byAction({ getPerson: () => ok(person), person: () => ok(makeWorkbench(person)), ...handlers }),
  );
  const view = render(<PersonPage />);
  await settle();
  return { ...stub, ...view };
}

it('loads the person named in the page parameter and shows the profile', async () => {
  const person = makeDetail({ name: '赵刚', tags: ['older'], claimInsurance: true });
  const { container, requests } = await renderPerson(person);

  expect(payloadsOf(requests, 'getPerson')).toEqual([{ registrationId: person.id }]);
  expect(container.querySelector('#person-name')?.textContent).toBe('赵刚');
  expect(container.querySelector('#person-id-masked')?.textContent).toBe('370811********123X');
  expect(container.querySelector('#person-id-full')).toBeNull();
  // h5: the number as text (weapp makes it a tap-to-call).
  expect(container.querySelector('#person-mobile')?.textContent).toBe('13800000000');
  expect(container.querySelector('#person-pills')?.textContent).toContain('大龄');
  expect(container.querySelector('#person-pills')?.textContent).toContain('申领失业保险金');
  expect(container.querySelector('#person-wishes')?.textContent).toContain('快递员');
  expect(container.querySelector('#person-caseworker')?.textContent).toContain('张敏');
  expect(container.querySelector('#person-history')?.textContent).toContain('提交登记');
});

it('explains that revealing the ID number is recorded before asking the server for it', async () => {
  const person = makeDetail();
  const { container, requests } = await renderPerson(person, {
    revealIdNumber: () => ok({ idNumber: '37081119830512123X' }),
  });

  await tap(container.querySelector('#reveal-id'));
  expect(container.querySelector('#reveal-notice')?.textContent).toContain('查看将被记录');
  expect(cloudCalls(requests)).toEqual(['registration.getPerson', 'casework.person']);

  await tap(container.querySelector('#reveal-confirm'));
  await settle();
  expect(payloadsOf(requests, 'revealIdNumber')).toEqual([{ registrationId: person.id }]);
  expect(container.querySelector('#person-id-full')?.textContent).toBe('37081119830512123X');
  expect(container.querySelector('#person-id-masked')).toBeNull();
  expect(container.querySelector('#reveal-notice')).toBeNull();

  await tap(container.querySelector('#reveal-hide'));
  expect(container.querySelector('#person-id-full')).toBeNull();
  expect(container.querySelector('#person-id-masked')).not.toBeNull();
});

it('keeps the number masked when the server refuses, and says why', async () => {
  const person = makeDetail();
  const { container } = await renderPerson(person, {
    revealIdNumber: () => refused('FORBIDDEN', '只能查看本人负责对象的身份证号'),
  });
  await tap(container.querySelector('#reveal-id'));
  await tap(container.querySelector('#reveal-confirm'));
  await settle();
  expect(container.querySelector('#reveal-error')?.textContent).toBe(
    '只能查看本人负责对象的身份证号',
  );
  expect(container.querySelector('#person-id-full')).toBeNull();
});

it('sends each pending declaration as checked or not, then shows the registered record', async () => {
  const person = makeDetail({
    status: 'submitted',
    declaredKeys: ['disabled', 'dibao'],
    pending: ['disabled', 'dibao'],
  });
  const registered: PersonDetail = {
    ...person,
    status: 'registered',
    statusLabel: '已登记',
    pendingVerifications: [],
    tags: [{ key: 'disabled', label: '残疾' }],
    declared: [
      { key: 'disabled', label: '残疾', verified: true },
      { key: 'dibao', label: '低保家庭', verified: false },
    ],
  };
  const changed = jest.fn();
  Taro.eventCenter.on(CASELOAD_CHANGED, changed);
  const { container, requests } = await renderPerson(person, { verify: () => ok(registered) });

  // The evidence to check is next to each item.
  expect(container.querySelector('#verify-disabled')?.textContent).toContain('残疾人证');
  await tap(container.querySelector('#verify-disabled'));
  expect(container.querySelector('#verify-hint')?.textContent).toContain('低保家庭');
  await typeText(container.querySelector('#verify-note')!, '已查验残疾人证原件');
  await tap(container.querySelector('#verify-submit'));
  await settle();

  expect(payloadsOf(requests, 'verify')).toEqual([
    {
      registrationId: person.id,
      verified: { disabled: true, dibao: false },
      note: '已查验残疾人证原件',
    },
  ]);
  expect(container.querySelector('#person-status')?.textContent).toBe('已登记');
  expect(container.querySelector('#verify-submit')).toBeNull();
  expect(container.querySelector('#person-declared')?.textContent).toContain('已核验');
  expect(changed).toHaveBeenCalledWith(person.id);
  Taro.eventCenter.off(CASELOAD_CHANGED, changed);
});

it('lets a registered person’s later declaration be verified without re-registering', async () => {
  const person = makeDetail({
    status: 'registered',
    declaredKeys: ['veteran'],
    pending: ['veteran'],
  });
  const { container, requests } = await renderPerson(person, {
    verify: () =>
      ok({
        ...person,
        pendingVerifications: [],
        declared: [{ key: 'veteran', label: '退役军人', verified: true }],
      }),
  });
  expect(container.querySelector('#verify-submit')?.closest('.van-button')?.textContent).toBe(
    '提交核验结果',
  );
  await tap(container.querySelector('#verify-veteran'));
  await tap(container.querySelector('#verify-submit'));
  await settle();
  expect(payloadsOf(requests, 'verify')).toEqual([
    { registrationId: person.id, verified: { veteran: true }, note: '' },
  ]);
  expect(container.querySelector('#verify-submit')).toBeNull();
});

it('shows a verification refusal above the button and keeps the choices', async () => {
  const person = makeDetail({ status: 'submitted', pending: ['veteran'] });
  const { container } = await renderPerson(person, {
    verify: () => refused('CONFLICT', '该记录已存在或已被他人修改，请刷新后重试'),
  });
  await tap(container.querySelector('#verify-veteran'));
  await tap(container.querySelector('#verify-submit'));
  await settle();
  expect(container.querySelector('#verify-error')?.textContent).toBe(
    '该记录已存在或已被他人修改，请刷新后重试',
  );
  expect(container.querySelector('#verify-veteran')?.getAttribute('aria-checked')).toBe('true');
});

it('asks for a reason before cancelling a registration, then shows the cancelled record', async () => {
  const person = makeDetail({ status: 'registered' });
  const toast = jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'ok' });
  const { container, requests } = await renderPerson(person, {
    changeStatus: () => ok(afterChange(person, 'cancelled', 'movedAway')),
  });

  await tap(container.querySelector('#status-cancel'));
  expect(container.querySelector('#status-sheet')?.textContent).toContain('注销失业登记');
  await tap(container.querySelector('#status-confirm'));
  expect(container.querySelector('#cancel-reason-error')?.textContent).toBe('注销登记请选择原因');
  expect(payloadsOf(requests, 'changeStatus')).toEqual([]);

  await tap(container.querySelector('#cancel-reason-movedAway'));
  expect(container.querySelector('#cancel-reason-error')).toBeNull();
  await tap(container.querySelector('#status-confirm'));
  await settle();

  expect(payloadsOf(requests, 'changeStatus')).toEqual([
    { registrationId: person.id, to: 'cancelled', reason: 'movedAway', note: '' },
  ]);
  expect(container.querySelector('#status-sheet')).toBeNull();
  expect(container.querySelector('#person-status')?.textContent).toBe('已注销');
  expect(container.querySelector('#person-history')?.textContent).toContain('迁出本地');
  // A cancelled registration cannot change again.
  expect(container.querySelector('#person-actions')).toBeNull();
  expect(toast).toHaveBeenCalledWith({ title: '已注销登记', icon: 'success' });
});

it('marks a person employed with a note and no reason', async () => {
  const person = makeDetail({ status: 'registered' });
  jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'ok' });
  const { container, requests } = await renderPerson(person, {
    changeStatus: () => ok(afterChange(person, 'employed')),
  });
  await tap(container.querySelector('#status-employed'));
  expect(container.querySelector('#cancel-reason-movedAway')).toBeNull();
  await typeText(container.querySelector('#status-note')!, '已在鲁运物流上岗');
  await tap(container.querySelector('#status-confirm'));
  await settle();
  expect(payloadsOf(requests, 'changeStatus')).toEqual([
    { registrationId: person.id, to: 'employed', note: '已在鲁运物流上岗' },
  ]);
  expect(container.querySelector('#person-status')?.textContent).toBe('已就业');
});

it('proposes retirement age as the reason for someone on the cancellation list', async () => {
  const person = makeDetail({ reachedRetirement: true });
  const { container } = await renderPerson(person);
  expect(container.querySelector('#person-retirement')?.textContent).toContain('法定退休年龄');
  await tap(container.querySelector('#status-cancel'));
  expect(
    container.querySelector('#cancel-reason-retirementAge')?.getAttribute('aria-checked'),
  ).toBe('true');
});

it("keeps the sheet open with the server's refusal", async () => {
  const person = makeDetail();
  const { container } = await renderPerson(person, {
    changeStatus: () => refused('VALIDATION', '当前状态为“已就业”，不能进行此操作'),
  });
  await tap(container.querySelector('#status-flexible'));
  await tap(container.querySelector('#status-confirm'));
  await settle();
  expect(container.querySelector('#status-error')?.textContent).toBe(
    '当前状态为“已就业”，不能进行此操作',
  );
  expect(container.querySelector('#person-status')?.textContent).toBe('已登记');
});

const OFFERED = {
  draft: [],
  submitted: ['status-employed', 'status-flexible', 'status-cancel'],
  registered: ['status-employed', 'status-flexible', 'status-cancel'],
  employed: [],
  flexible: [],
  cancelled: [],
} as const;

it.each(REGISTRATION_STATUSES)('offers the lifecycle’s actions for a %s record', async (status) => {
  const person = makeDetail({ status, pending: status === 'submitted' ? ['dibao'] : [] });
  const { container } = await renderPerson(person);
  const offered = [...container.querySelectorAll('[id^="status-"]')]
    .map((el) => el.id)
    .filter((id) => id !== 'status-sheet');
  expect(offered).toEqual(OFFERED[status]);
  expect(container.querySelector('#verify-submit') !== null).toBe(status === 'submitted');
});

it('explains a missing page parameter without calling the cloud', async () => {
  openWith({});
  const { fetch } = stubFetch(() => ok({}));
  const { container } = render(<PersonPage />);
  await settle();
  expect(container.querySelector('#page-error-message')?.textContent).toContain('我的包保对象');
  expect(container.querySelector('#page-retry')).toBeNull();
  expect(fetch).not.toHaveBeenCalled();
});

it('retries after a failed load', async () => {
  const person = makeDetail();
  openWith({ id: person.id });
  let fail = true;
  stubFetch(
    byAction({
      getPerson: () => (fail ? refused('NOT_FOUND', '没有找到相关内容') : ok(person)),
      person: () => ok(makeWorkbench(person)),
    }),
  );
  const { container } = render(<PersonPage />);
  await settle();
  expect(container.querySelector('#page-error-message')?.textContent).toBe('没有找到相关内容');
  fail = false;
  await act(async () => {
    await tap(container.querySelector('#page-retry'));
  });
  await settle();
  expect(container.querySelector('#person-name')?.textContent).toBe(person.name);
});
