/**
 * 工作量 (supervisor): caseloads per caseworker with overdue and unanswered counts, caps, and
 * moving a person to another caseworker who covers their township, with a reason.
 */
import Taro from '@tarojs/taro';
import { render } from '@testing-library/react';

import { caseworkerLoadSchema, type CaseworkerLoad } from '@nuanxin/shared';

import WorkloadPage from '../../src/packages/supervisor/workload/index';
import { clearSession, setDemoOpenid } from '../../src/services/session';

import { byAction, caseloadOf, makeEntry, ok, payloadsOf, refused } from './caseloadFixtures';
import { settle, stubFetch, tap } from './helpers';

beforeEach(() => {
  clearSession();
  setDemoOpenid('demo-supervisor');
  jest.restoreAllMocks();
});

const load = (overrides: Partial<CaseworkerLoad>): CaseworkerLoad =>
  caseworkerLoadSchema.parse({
    openid: 'cw-1',
    name: '张敏',
    orgLabel: '就业中心',
    people: 3,
    load: 2,
    cap: 200,
    overdue: 0,
    dueToday: 0,
    unanswered: 0,
    ...overrides,
  });

const ZHANG = load({ openid: 'cw-1', name: '张敏', overdue: 2, unanswered: 1 });
const LI = load({ openid: 'cw-2', name: '李娜', people: 1, load: 1 });
const loads = (caseworkers = [ZHANG, LI]) =>
  ok({ caseworkers, unassignedPeople: 1, supervisorQueue: 2 });

const option = (openid: string, name: string, extra: object = {}) => ({
  openid,
  name,
  org: 'employment',
  orgLabel: '就业中心',
  load: 10,
  cap: 200,
  townshipCount: 3,
  covers: true,
  ...extra,
});

it('shows each caseworker with people, load and cap, overdue and unanswered; links to the queues', async () => {
  stubFetch(byAction({ caseloads: () => loads() }));
  const navigateTo = jest.spyOn(Taro, 'navigateTo');
  const { container } = render(<WorkloadPage />);
  await settle();
  expect([...container.querySelectorAll('.load-card')].map((c) => c.id)).toEqual([
    'load-cw-1',
    'load-cw-2',
  ]);
  expect(container.querySelector('#load-cw-1')?.className).toContain('load-card--overdue');
  expect(container.querySelector('#load-overdue-cw-1')?.textContent).toBe('2');
  expect(container.querySelector('#load-cap-cw-1')?.textContent).toBe('2/200');
  expect(container.querySelector('#workload-unassigned')?.textContent).toContain('1');
  await tap(container.querySelector('#workload-queue'));
  expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/caseworker/tasks/index' });
});

it('sets a cap: a bad number is explained without calling; a good one is saved', async () => {
  const { requests } = stubFetch(
    byAction({
      caseloads: () => loads(),
      setCap: (payload) => ok({ openid: 'cw-2', name: '李娜', cap: payload.cap, load: 1 }),
    }),
  );
  const { container } = render(<WorkloadPage />);
  await settle();
  await tap(container.querySelector('#cap-edit-cw-2'));
  const input = container.querySelector('#cap-input-cw-2')!;
  const type = async (value: string) => {
    const { act } = await import('@testing-library/react');
    for (let i = 0; i < 20 && !input.querySelector('input'); i += 1) {
      await act(() => new Promise((resolve) => setTimeout(resolve, 5)));
    }
    await act(async () => {
      input.dispatchEvent(new CustomEvent('input', { detail: { value } }));
    });
  };
  await type('0');
  await tap(container.querySelector('#cap-save-cw-2'));
  expect(container.querySelector('#cap-error-cw-2')?.textContent).toContain('至少为1人');
  expect(payloadsOf(requests, 'setCap')).toEqual([]);
  await type('150');
  await tap(container.querySelector('#cap-save-cw-2'));
  await settle();
  expect(payloadsOf(requests, 'setCap')).toEqual([{ caseworkerOpenid: 'cw-2', cap: 150 }]);
  expect(container.querySelector('#load-cap-cw-2')?.textContent).toBe('1/150');
});

it('moves a person to a caseworker who covers them, with a reason', async () => {
  const person = makeEntry({ name: '李秀英', state: 'overdue', overdueDays: 5 });
  let moved = false;
  const { requests } = stubFetch(
    byAction({
      caseloads: () =>
        moved
          ? loads([
              { ...ZHANG, people: 2 },
              { ...LI, people: 2 },
            ])
          : loads(),
      caseload: () => caseloadOf(moved ? [] : [person]),
      caseworkers: () =>
        ok({
          caseworkers: [
            option('cw-1', '张敏'),
            option('cw-2', '李娜'),
            option('cw-3', '王静', { load: 200, cap: 200 }),
            option('cw-4', '刘洋', { covers: false }),
          ],
        }),
      reassign: () => {
        moved = true;
        return ok({ registrationId: person.id, caseworkerName: '李娜', previousName: '张敏' });
      },
    }),
  );
  const { container } = render(<WorkloadPage />);
  await settle();
  await tap(container.querySelector('#people-toggle-cw-1'));
  await settle();
  expect(payloadsOf(requests, 'caseload')).toEqual([{ caseworkerOpenid: 'cw-1' }]);
  expect(container.querySelector(`#load-person-${person.id}`)?.textContent).toContain('逾期 5 天');

  await tap(container.querySelector(`#reassign-${person.id}`));
  await settle();
  expect(payloadsOf(requests, 'caseworkers')).toEqual([{ registrationId: person.id }]);
  // Not the current caseworker, not one who does not cover the township; a full one is disabled.
  const options = [...container.querySelectorAll('[id^="reassign-option-"]')].map((o) => o.id);
  expect(options).toEqual(['reassign-option-cw-2', 'reassign-option-cw-3']);
  expect(container.querySelector('#reassign-option-cw-3')?.getAttribute('aria-disabled')).toBe(
    'true',
  );

  await tap(container.querySelector('#reassign-option-cw-2'));
  await tap(container.querySelector('#reassign-confirm'));
  expect(container.querySelector('#reassign-error')?.textContent).toContain('原因');
  expect(payloadsOf(requests, 'reassign')).toEqual([]);

  const { act } = await import('@testing-library/react');
  await act(async () => {
    container
      .querySelector('#reassign-reason')!
      .dispatchEvent(new CustomEvent('input', { detail: { value: '按片区重新分工' } }));
  });
  await tap(container.querySelector('#reassign-confirm'));
  await settle();
  expect(payloadsOf(requests, 'reassign')).toEqual([
    { registrationId: person.id, caseworkerOpenid: 'cw-2', reason: '按片区重新分工' },
  ]);
  expect(container.querySelector('#reassign-panel')).toBeNull();
  expect(container.querySelector(`#load-person-${person.id}`)).toBeNull();
});

it('shows a refusal of the move in the panel', async () => {
  const person = makeEntry({ name: '孙丽' });
  stubFetch(
    byAction({
      caseloads: () => loads(),
      caseload: () => caseloadOf([person]),
      caseworkers: () => ok({ caseworkers: [option('cw-2', '李娜')] }),
      reassign: () => refused('CONFLICT', '李娜的包保人数已达上限（1人），请选择其他包保责任人'),
    }),
  );
  const { container } = render(<WorkloadPage />);
  await settle();
  await tap(container.querySelector('#people-toggle-cw-1'));
  await settle();
  await tap(container.querySelector(`#reassign-${person.id}`));
  await settle();
  await tap(container.querySelector('#reassign-option-cw-2'));
  const { act } = await import('@testing-library/react');
  await act(async () => {
    container
      .querySelector('#reassign-reason')!
      .dispatchEvent(new CustomEvent('input', { detail: { value: '均衡工作量' } }));
  });
  await tap(container.querySelector('#reassign-confirm'));
  await settle();
  expect(container.querySelector('#reassign-error')?.textContent).toContain('已达上限');
});
