/** 我的包保对象: masked IDs and action flags, server-side filters, paging of a long caseload. */
import Taro from '@tarojs/taro';
import { act, render } from '@testing-library/react';

import {
  CASELOAD_CHANGED,
  CASELOAD_PAGE_SIZE,
} from '../../src/packages/caseworker/components/personView';
import MySeekersPage from '../../src/packages/caseworker/my-seekers/index';
import { clearSession, setDemoOpenid } from '../../src/services/session';

import { byAction, makeSummary, ok, payloadsOf, refused } from './caseloadFixtures';
import { cloudCalls, settle, stubFetch, tap } from './helpers';

beforeEach(() => {
  clearSession();
  setDemoOpenid('demo-caseworker-370811');
  jest.restoreAllMocks();
});

const list = (people: ReturnType<typeof makeSummary>[]) => ok({ people, total: people.length });

function rowIds(container: Element): string[] {
  return [...container.querySelectorAll('.person-row')].map((row) => row.id);
}

it('shows each person with a masked ID and the flags that need action, in the server’s order', async () => {
  const plain = makeSummary({ name: '李娜', tags: ['older'] });
  const pending = makeSummary({
    name: '赵刚',
    sex: 'male',
    age: 51,
    status: 'submitted',
    pending: ['disabled'],
    claimInsurance: true,
  });
  const retired = makeSummary({ name: '孙丽', reachedRetirement: true, consentWithdrawn: true });
  // listMine sorts by urgency; the page keeps that order.
  stubFetch(byAction({ listMine: () => list([retired, pending, plain]) }));
  const { container } = render(<MySeekersPage />);
  await settle();

  expect(container.querySelector('#caseload-count')?.textContent).toBe('共 3 人');
  expect(rowIds(container)).toEqual([
    `person-${retired.id}`,
    `person-${pending.id}`,
    `person-${plain.id}`,
  ]);

  const row = (id: string) => container.querySelector(`#person-${id}`)!;
  expect(row(pending.id).querySelector('.person-row__id')?.textContent).toBe('370811********123X');
  expect(row(pending.id).textContent).toContain('男 · 51岁');
  expect(row(pending.id).querySelector('.status-chip')?.textContent).toBe('待核验');
  const flags = (id: string) =>
    [...row(id).querySelectorAll('.person-row__flag')].map((f) => f.textContent);
  expect(flags(pending.id)).toEqual(['待核验', '申领失业保险金']);
  expect(flags(retired.id)).toEqual(['已达退休年龄（待注销）', '已撤回同意']);
  expect(flags(plain.id)).toEqual([]);
  expect(row(plain.id).textContent).toContain('大龄');
  // Nobody's full ID number reaches the list.
  expect(container.textContent).not.toMatch(/\d{17}[\dX]/);
});

it('sends the chosen status and township to the server and shows its count', async () => {
  const here = makeSummary({ township: '370811002', townshipLabel: '任城区 越河街道' });
  const there = makeSummary({ township: '370811004', townshipLabel: '任城区 古槐街道' });
  const { requests } = stubFetch(
    byAction({
      listMine: (payload) =>
        payload.township === '370811004'
          ? list([there])
          : payload.status
            ? list([here])
            : list([here, there]),
    }),
  );
  const { container } = render(<MySeekersPage />);
  await settle();

  await tap(container.querySelector('#filter-status-submitted'));
  await settle();
  expect(container.querySelector('#caseload-count')?.textContent).toBe('共 1 人（已筛选）');

  // The township select offers the townships of the caseworker's people.
  await tap(container.querySelector('#township-select'));
  const options = [...container.querySelectorAll('[id^="township-option-"]')].map((o) => o.id);
  expect(options).toEqual([
    'township-option-all',
    'township-option-370811002',
    'township-option-370811004',
  ]);
  await tap(container.querySelector('#township-option-370811004'));
  await settle();
  expect(container.querySelector('#township-select-value')?.textContent).toBe('任城区 古槐街道');

  await tap(container.querySelector('#filter-status-all'));
  await settle();

  expect(payloadsOf(requests, 'listMine')).toEqual([
    {},
    { status: 'submitted' },
    { status: 'submitted', township: '370811004' },
    { township: '370811004' },
  ]);
  expect(rowIds(container)).toEqual([`person-${there.id}`]);
});

it('offers the statuses a 包保 person can have, and to clear filters that match nobody', async () => {
  const { requests } = stubFetch(
    byAction({
      listMine: (payload) => (payload.status ? list([]) : list([makeSummary(), makeSummary()])),
    }),
  );
  const { container } = render(<MySeekersPage />);
  await settle();
  expect(
    [...container.querySelectorAll('[id^="filter-status-"]')].map((c) => c.textContent),
  ).toEqual(['全部', '待核验', '已登记', '已就业', '灵活就业']);
  await tap(container.querySelector('#filter-status-flexible'));
  await settle();
  expect(container.querySelector('#caseload-none')?.textContent).toContain(
    '没有符合筛选条件的人员',
  );

  await tap(container.querySelector('#caseload-clear-filters'));
  await settle();
  expect(payloadsOf(requests, 'listMine')).toEqual([{}, { status: 'flexible' }, {}]);
  expect(rowIds(container)).toHaveLength(2);
});

it('says why the list is empty when nobody is assigned yet', async () => {
  stubFetch(byAction({ listMine: () => list([]) }));
  const { container } = render(<MySeekersPage />);
  await settle();
  const empty = container.querySelector('#page-empty');
  expect(empty?.textContent).toContain('暂无包保对象');
  expect(empty?.textContent).toContain('自动分配');
});

it('shows a failure in Chinese and loads again on retry', async () => {
  let fail = true;
  stubFetch(
    byAction({
      listMine: () => (fail ? refused('FORBIDDEN', '您没有权限进行此操作') : list([makeSummary()])),
    }),
  );
  const { container } = render(<MySeekersPage />);
  await settle();
  expect(container.querySelector('#page-error-message')?.textContent).toBe('您没有权限进行此操作');

  fail = false;
  await tap(container.querySelector('#page-retry'));
  await settle();
  expect(rowIds(container)).toHaveLength(1);
});

it('opens the person page for a tapped row', async () => {
  const person = makeSummary();
  stubFetch(byAction({ listMine: () => list([person]) }));
  const navigateTo = jest.spyOn(Taro, 'navigateTo');
  const { container } = render(<MySeekersPage />);
  await settle();
  await tap(container.querySelector(`#person-${person.id}`));
  expect(navigateTo).toHaveBeenCalledWith({
    url: `/packages/caseworker/person/index?id=${person.id}`,
  });
});

it('renders a long caseload a page at a time', async () => {
  const people = Array.from({ length: 200 }, () => makeSummary());
  stubFetch(byAction({ listMine: () => list(people) }));
  const { container } = render(<MySeekersPage />);
  await settle();

  expect(container.querySelector('#caseload-count')?.textContent).toBe('共 200 人');
  expect(rowIds(container)).toHaveLength(CASELOAD_PAGE_SIZE);
  expect(container.querySelector('#caseload-more')?.closest('.van-button')?.textContent).toBe(
    `显示更多（还有 ${200 - CASELOAD_PAGE_SIZE} 人）`,
  );
  await tap(container.querySelector('#caseload-more'));
  expect(rowIds(container)).toHaveLength(2 * CASELOAD_PAGE_SIZE);
});

it('reloads with the current filter when the person page reports a change', async () => {
  const { requests } = stubFetch(byAction({ listMine: () => list([makeSummary()]) }));
  const { container } = render(<MySeekersPage />);
  await settle();
  await tap(container.querySelector('#filter-status-registered'));
  await settle();

  await act(async () => {
    Taro.eventCenter.trigger(CASELOAD_CHANGED, 'reg-x');
  });
  await settle();
  expect(cloudCalls(requests)).toHaveLength(3);
  expect(payloadsOf(requests, 'listMine').at(-1)).toEqual({ status: 'registered' });
});
