/**
 * 我的包保对象 — the workbench list: overdue people on top with a red marker and "逾期 N 天", the
 * "131" chips and push plan, server-side filters (state, status, tag, township), paging of a long
 * caseload, and reloading when the person page records something.
 */
import Taro from '@tarojs/taro';
import { act, render } from '@testing-library/react';

import {
  CASELOAD_CHANGED,
  CASELOAD_PAGE_SIZE,
} from '../../src/packages/caseworker/components/personView';
import MySeekersPage from '../../src/packages/caseworker/my-seekers/index';
import VisitsTodayPage from '../../src/packages/caseworker/visits-today/index';
import { clearSession, setDemoOpenid } from '../../src/services/session';

import { byAction, caseloadOf, makeEntry, payloadsOf, refused } from './caseloadFixtures';
import { cloudCalls, settle, stubFetch, tap } from './helpers';

beforeEach(() => {
  clearSession();
  setDemoOpenid('demo-caseworker-370811');
  jest.restoreAllMocks();
});

function rowIds(container: Element): string[] {
  return [...container.querySelectorAll('.workbench-row')].map((row) => row.id);
}

it('shows overdue people first with a red marker, then the schedule, "131" and pushes', async () => {
  const overdue = makeEntry({
    name: '李秀英',
    state: 'overdue',
    overdueDays: 12,
    due: '2026-02-26',
    openRequests: 1,
    tags: ['older'],
  });
  const soon = makeEntry({ name: '孙丽', state: 'dueSoon', due: '2026-03-12' });
  const employed = makeEntry({
    name: '赵刚',
    status: 'employed',
    situation: 'employed',
    due: '2027-01-05',
  });
  // The server sorts by urgency; the page keeps that order.
  stubFetch(byAction({ caseload: () => caseloadOf([overdue, soon, employed]) }));
  const { container } = render(<MySeekersPage />);
  await settle();

  expect(rowIds(container)).toEqual([
    `person-${overdue.id}`,
    `person-${soon.id}`,
    `person-${employed.id}`,
  ]);
  const row = (id: string) => container.querySelector(`#person-${id}`)!;
  expect(row(overdue.id).className).toContain('workbench-row--overdue');
  expect(container.querySelector(`#overdue-${overdue.id}`)?.textContent).toBe('逾期 12 天');
  expect(container.querySelector(`#due-${soon.id}`)?.textContent).toBe('2天后到期');
  expect(container.querySelector(`#due-${employed.id}`)?.textContent).toBe('下次回访 2027-01-05');
  expect(row(soon.id).className).not.toContain('overdue');
  const chips = [...row(overdue.id).querySelectorAll('.service-chip')].map((c) => c.textContent);
  expect(chips).toEqual(['今年指导 1/1', '今年岗位推荐 2/3', '今年培训 0/1']);
  expect(row(overdue.id).querySelector('.service-chip--met')?.textContent).toBe('今年指导 1/1');
  expect(row(overdue.id).textContent).toContain('本月推送 2/3 · 进行中');
  expect(row(overdue.id).textContent).toContain('待答复求助 1');
  expect(row(overdue.id).textContent).toContain('大龄');
  // People in work: yearly follow-up, no "131" or push plan.
  expect(row(employed.id).textContent).toContain('稳定就业 · 每年回访');
  expect(row(employed.id).querySelector('.service-chip')).toBeNull();

  const summary = container.querySelector('#caseload-summary')!.textContent;
  expect(summary).toContain('逾期 1 人');
  expect(summary).toContain('即将到期 1 人');
  expect(summary).toContain('待答复求助 1 条');
  expect(container.textContent).not.toMatch(/\d{17}[\dX]/);
});

it('sends the state filter, and status, tag and township under 更多筛选, to the server', async () => {
  const here = makeEntry({
    township: '370811002',
    townshipLabel: '任城区 越河街道',
    tags: ['older'],
  });
  const there = makeEntry({ township: '370811009', townshipLabel: '任城区 安居街道' });
  const { requests } = stubFetch(
    byAction({
      caseload: (payload) =>
        payload.township === '370811009' ? caseloadOf([there]) : caseloadOf([here, there]),
    }),
  );
  const { container } = render(<MySeekersPage />);
  await settle();

  await tap(container.querySelector('#filter-state-overdue'));
  await settle();
  expect(container.querySelector('#caseload-count')?.textContent).toBe('共 2 人（已筛选）');
  expect(container.querySelector('#filter-status-registered')).toBeNull();
  await tap(container.querySelector('#caseload-more-filters'));
  expect(
    [...container.querySelectorAll('[id^="filter-status-"]')].map((c) => c.textContent),
  ).toEqual(['全部状态', '待核验', '已登记', '已就业', '灵活就业']);
  await tap(container.querySelector('#filter-status-registered'));
  await settle();
  await tap(container.querySelector('#filter-tag-older'));
  await settle();
  await tap(container.querySelector('#township-select'));
  await tap(container.querySelector('#township-option-370811009'));
  await settle();

  expect(payloadsOf(requests, 'caseload')).toEqual([
    {},
    { state: 'overdue' },
    { state: 'overdue', status: 'registered' },
    { state: 'overdue', status: 'registered', tag: 'older' },
    { state: 'overdue', status: 'registered', tag: 'older', township: '370811009' },
  ]);
  expect(rowIds(container)).toEqual([`person-${there.id}`]);
});

it('offers to clear filters that match nobody', async () => {
  const { requests } = stubFetch(
    byAction({
      caseload: (payload) =>
        payload.state ? caseloadOf([]) : caseloadOf([makeEntry(), makeEntry()]),
    }),
  );
  const { container } = render(<MySeekersPage />);
  await settle();
  await tap(container.querySelector('#filter-state-dueToday'));
  await settle();
  expect(container.querySelector('#caseload-none')?.textContent).toContain(
    '没有符合筛选条件的人员',
  );
  await tap(container.querySelector('#caseload-clear-filters'));
  await settle();
  expect(payloadsOf(requests, 'caseload')).toEqual([{}, { state: 'dueToday' }, {}]);
  expect(rowIds(container)).toHaveLength(2);
});

it('says why the list is empty when nobody is assigned yet', async () => {
  stubFetch(byAction({ caseload: () => caseloadOf([]) }));
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
      caseload: () =>
        fail ? refused('FORBIDDEN', '您没有权限进行此操作') : caseloadOf([makeEntry()]),
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
  const person = makeEntry();
  stubFetch(byAction({ caseload: () => caseloadOf([person]) }));
  const navigateTo = jest.spyOn(Taro, 'navigateTo');
  const { container } = render(<MySeekersPage />);
  await settle();
  await tap(container.querySelector(`#person-${person.id}`));
  expect(navigateTo).toHaveBeenCalledWith({
    url: `/packages/caseworker/person/index?id=${person.id}`,
  });
});

it('renders a long caseload a page at a time', async () => {
  const people = Array.from({ length: 200 }, () => makeEntry());
  stubFetch(byAction({ caseload: () => caseloadOf(people) }));
  const { container } = render(<MySeekersPage />);
  await settle();
  expect(container.querySelector('#caseload-count')?.textContent).toBe('共 200 人');
  expect(rowIds(container)).toHaveLength(CASELOAD_PAGE_SIZE);
  await tap(container.querySelector('#caseload-more'));
  expect(rowIds(container)).toHaveLength(2 * CASELOAD_PAGE_SIZE);
});

it('reloads with the current filter when the person page reports a change', async () => {
  const { requests } = stubFetch(byAction({ caseload: () => caseloadOf([makeEntry()]) }));
  const { container } = render(<MySeekersPage />);
  await settle();
  await tap(container.querySelector('#filter-state-overdue'));
  await settle();
  await act(async () => {
    Taro.eventCenter.trigger(CASELOAD_CHANGED, 'reg-x');
  });
  await settle();
  expect(cloudCalls(requests)).toHaveLength(3);
  expect(payloadsOf(requests, 'caseload').at(-1)).toEqual({ state: 'overdue' });
});

describe('今日回访', () => {
  it("asks for today's due and overdue people and says how many", async () => {
    const people = [
      makeEntry({ name: '李秀英', state: 'overdue', overdueDays: 3 }),
      makeEntry({ name: '王芳', state: 'dueToday', due: '2026-03-10' }),
    ];
    const { requests } = stubFetch(byAction({ caseload: () => caseloadOf(people) }));
    const { container } = render(<VisitsTodayPage />);
    await settle();
    expect(payloadsOf(requests, 'caseload')).toEqual([{ state: 'due' }]);
    expect(container.querySelector('#visits-summary')?.textContent).toContain(
      '2 人，其中逾期 1 人',
    );
    expect(rowIds(container)).toEqual(people.map((p) => `person-${p.id}`));
  });

  it('says when nobody is due, and who is due soon', async () => {
    stubFetch(
      byAction({
        caseload: () => {
          const answer = caseloadOf([]);
          (answer.body as any).data.counts.dueSoon = 2;
          return answer;
        },
      }),
    );
    const { container } = render(<VisitsTodayPage />);
    await settle();
    expect(container.querySelector('#page-empty')?.textContent).toContain('今天没有需要回访的人');
    expect(container.querySelector('#page-empty')?.textContent).toContain('2 人到期');
  });
});
