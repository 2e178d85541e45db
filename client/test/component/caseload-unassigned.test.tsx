/** 待分配人员: the supervisor picks a caseworker with room, assigns, and the person leaves. */
import Taro from '@tarojs/taro';
import { render } from '@testing-library/react';

import UnassignedPage from '../../src/packages/supervisor/unassigned/index';
import { clearSession, setDemoOpenid } from '../../src/services/session';

import { byAction, makeDetail, makeSummary, ok, payloadsOf, refused } from './caseloadFixtures';
import { settle, stubFetch, tap } from './helpers';

beforeEach(() => {
  clearSession();
  setDemoOpenid('demo-supervisor');
  jest.restoreAllMocks();
});

const ZHANG = {
  openid: 'demo-caseworker-370811',
  name: '张敏',
  org: 'employment',
  orgLabel: '就业中心',
  load: 12,
  cap: 200,
  townshipCount: 3,
} as const;
const FULL = {
  openid: 'demo-caseworker-full',
  name: '周强',
  org: 'employment',
  orgLabel: '就业中心',
  load: 200,
  cap: 200,
  townshipCount: 2,
} as const;
const TALENT = {
  openid: 'demo-caseworker-talent',
  name: '吴倩',
  org: 'talent',
  orgLabel: '人才服务中心',
  load: 30,
  cap: 150,
  townshipCount: 5,
} as const;

it('assigns the chosen caseworker and takes the person off the list', async () => {
  const first = makeSummary({ name: '陈晨', tags: ['recentGraduate'], status: 'registered' });
  const second = makeSummary({ name: '刘洋' });
  const toast = jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'ok' });
  const { requests } = stubFetch(
    byAction({
      unassigned: () => ok({ people: [first, second] }),
      caseworkers: () => ok({ caseworkers: [ZHANG, FULL, TALENT] }),
      assign: () => ok(makeDetail({ id: first.id })),
    }),
  );
  const { container } = render(<UnassignedPage />);
  await settle();

  expect(container.querySelector('#unassigned-count')?.textContent).toBe('共 2 人待分配');
  const card = container.querySelector(`#unassigned-${first.id}`)!;
  expect(card.textContent).toContain('370811********123X');
  expect(card.textContent).toContain('离校2年内高校毕业生');

  await tap(container.querySelector(`#assign-pick-${first.id}`));
  const options = [...card.querySelectorAll('.caseworker-option')];
  // A graduate: the 人才服务中心 first, then others with room, the full one last and disabled.
  expect(options.map((o) => o.id)).toEqual([
    `assign-option-${first.id}-${TALENT.openid}`,
    `assign-option-${first.id}-${ZHANG.openid}`,
    `assign-option-${first.id}-${FULL.openid}`,
  ]);
  expect(options[0]?.textContent).toContain('30/150人');
  expect(options[2]?.textContent).toContain('已满');
  expect(options[2]?.getAttribute('aria-disabled')).toBe('true');

  await tap(container.querySelector(`#assign-option-${first.id}-${ZHANG.openid}`));
  expect(card.querySelector('.unassigned-card__select-value')?.textContent).toBe(
    '张敏（就业中心）',
  );
  await tap(container.querySelector(`#assign-${first.id}`));
  await settle();

  expect(payloadsOf(requests, 'assign')).toEqual([
    { registrationId: first.id, caseworkerOpenid: ZHANG.openid, reason: '待分配人员由主管指定' },
  ]);
  expect(container.querySelector(`#unassigned-${first.id}`)).toBeNull();
  expect(container.querySelector(`#unassigned-${second.id}`)).not.toBeNull();
  expect(container.querySelector('#unassigned-count')?.textContent).toBe('共 1 人待分配');
  expect(toast).toHaveBeenCalledWith({ title: '已分配给张敏', icon: 'success' });

  // The caseworker's load counts the new person.
  await tap(container.querySelector(`#assign-pick-${second.id}`));
  expect(
    container.querySelector(`#assign-option-${second.id}-${ZHANG.openid}`)?.textContent,
  ).toContain('13/200人');
});

it('cannot choose a caseworker who is full', async () => {
  const person = makeSummary();
  stubFetch(
    byAction({
      unassigned: () => ok({ people: [person] }),
      caseworkers: () => ok({ caseworkers: [FULL] }),
    }),
  );
  const { container } = render(<UnassignedPage />);
  await settle();
  await tap(container.querySelector(`#assign-pick-${person.id}`));
  await tap(container.querySelector(`#assign-option-${person.id}-${FULL.openid}`));
  expect(
    container.querySelector(`#unassigned-${person.id} .unassigned-card__select-value`)?.textContent,
  ).toBe('请选择');
});

it('asks for a caseworker before calling the cloud', async () => {
  const person = makeSummary();
  const { requests } = stubFetch(
    byAction({
      unassigned: () => ok({ people: [person] }),
      caseworkers: () => ok({ caseworkers: [ZHANG] }),
    }),
  );
  const { container } = render(<UnassignedPage />);
  await settle();
  await tap(container.querySelector(`#assign-${person.id}`));
  expect(container.querySelector(`#assign-error-${person.id}`)?.textContent).toBe(
    '请选择包保责任人',
  );
  // The options open so the choice is right there.
  expect(container.querySelector(`#assign-options-${person.id}`)).not.toBeNull();
  expect(payloadsOf(requests, 'assign')).toEqual([]);
});

it("keeps the person and shows the server's refusal", async () => {
  const person = makeSummary();
  stubFetch(
    byAction({
      unassigned: () => ok({ people: [person] }),
      caseworkers: () => ok({ caseworkers: [ZHANG] }),
      assign: () => refused('CONFLICT', '该责任人已满员，请选择其他责任人'),
    }),
  );
  const { container } = render(<UnassignedPage />);
  await settle();
  await tap(container.querySelector(`#assign-pick-${person.id}`));
  await tap(container.querySelector(`#assign-option-${person.id}-${ZHANG.openid}`));
  await tap(container.querySelector(`#assign-${person.id}`));
  await settle();
  expect(container.querySelector(`#assign-error-${person.id}`)?.textContent).toBe(
    '该责任人已满员，请选择其他责任人',
  );
  expect(container.querySelector(`#unassigned-${person.id}`)).not.toBeNull();
});

it('says everyone is assigned when the queue is empty, also after the last assignment', async () => {
  const person = makeSummary();
  jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'ok' });
  stubFetch(
    byAction({
      unassigned: () => ok({ people: [person] }),
      caseworkers: () => ok({ caseworkers: [ZHANG] }),
      assign: () => ok(makeDetail({ id: person.id })),
    }),
  );
  const { container } = render(<UnassignedPage />);
  await settle();
  await tap(container.querySelector(`#assign-pick-${person.id}`));
  await tap(container.querySelector(`#assign-option-${person.id}-${ZHANG.openid}`));
  await tap(container.querySelector(`#assign-${person.id}`));
  await settle();
  expect(container.querySelector('#page-empty')?.textContent).toContain(
    '所有人员都已分配包保责任人',
  );
});

it('shows a load failure in Chinese and retries', async () => {
  let fail = true;
  stubFetch(
    byAction({
      unassigned: () => (fail ? refused('FORBIDDEN', '您没有权限进行此操作') : ok({ people: [] })),
      caseworkers: () => ok({ caseworkers: [] }),
    }),
  );
  const { container } = render(<UnassignedPage />);
  await settle();
  expect(container.querySelector('#page-error-message')?.textContent).toBe('您没有权限进行此操作');
  fail = false;
  await tap(container.querySelector('#page-retry'));
  await settle();
  expect(container.querySelector('#page-empty')).not.toBeNull();
});
