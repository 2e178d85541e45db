/**
 * 包保服务统计 (casework.stats) against the real functions on a seeded local cloud: after the
 * caseworker records a 临时救助, the supervisor sees this month's numbers by township (amounts in
 * yuan, exact), taps the number and finds the person and the contact behind it (the read is
 * audited on the server); 上月 shows last month's; two chosen days in the wrong order say why.
 */
import Taro from '@tarojs/taro';
import { act, render } from '@testing-library/react';

import type { LocalCloud } from '@nuanxin/local';
import { inShanghai } from '@nuanxin/shared';

import ServiceStatsPage from '../../src/packages/supervisor/service-stats/index';
import { clearSession, setDemoOpenid } from '../../src/services/session';

import { tap } from './helpers';
import { text, trainingCloud as seededCloud, waitFor, waitForText } from './trainingCloud';

jest.setTimeout(30_000);

const SUPERVISOR = 'demo-supervisor';
const CASEWORKER = 'demo-caseworker-370811';

let cloud: LocalCloud;
beforeEach(async () => {
  cloud = await seededCloud();
  clearSession();
});
afterEach(async () => {
  Taro.getCurrentInstance().router = null;
  jest.restoreAllMocks();
  await cloud.close();
});

async function invoke(openid: string, action: string, payload: object) {
  const res = (await cloud.invoke('casework', { action, payload }, { openid })) as any;
  if (!res.ok) throw new Error(res.error.message);
  return res.data;
}

const monthOf = (shift: number) => {
  const month = inShanghai(new Date()).add(shift, 'month');
  return {
    from: month.startOf('month').format('YYYY-MM-DD'),
    to: month.endOf('month').format('YYYY-MM-DD'),
  };
};

it('shows the month by township, drills to the people of a number, and changes the period', async () => {
  const [li] = cloud.store.collection('registrations').find({ 'identity.name': '李秀英' }) as any[];
  await invoke(CASEWORKER, 'recordContact', {
    registrationId: li._id,
    kind: 'relief',
    amount: 1234.56,
    note: '临时生活困难救助',
  });
  const expected = await invoke(SUPERVISOR, 'stats', monthOf(0));
  const row = expected.townships.find((r: any) => r.township === li.township);
  expect(row.reliefFen).toBe(123456);

  setDemoOpenid(SUPERVISOR);
  const { container } = render(<ServiceStatsPage />);
  await waitFor(container, '#row-total');
  const [y, m] = monthOf(0).from.split('-');
  expect(text(container, '#service-stats-period')).toContain(`${y}年${Number(m)}月1日 至`);
  expect(container.querySelector('#period-thisMonth')?.getAttribute('aria-checked')).toBe('true');

  // The total row and the township's, each number as the server counts it.
  const total = text(container, '#row-total')!;
  expect(total).toContain('合计');
  expect(text(container, '#cell-total-visit')).toBe(
    `${expected.total.visit.contacts}走访慰问人次${expected.total.visit.people} 人`,
  );
  expect(text(container, '#cell-total-amount')).toBe('1,234.56救助金额（元）');
  const shown = container.querySelector(`#row-${li.township}`)!;
  expect(shown.textContent).toContain(row.townshipLabel);
  expect(text(container, `#cell-${li.township}-relief`)).toBe('1临时救助人次1 人');
  expect(text(container, `#cell-${li.township}-all`)).toBe(
    `${row.all.contacts}服务合计人次${row.all.people} 人`,
  );

  const audited = () =>
    cloud.store
      .collection('audit_log')
      .count({ actorOpenid: SUPERVISOR, action: 'casework.stats' });
  const before = audited();
  await tap(container.querySelector(`#cell-${li.township}-amount`));
  const people = await waitFor(container, `#people-${li.township}-relief`);
  expect(text(container, '#drill-summary')).toBe(
    `${row.townshipLabel} · 临时救助：1 人次，1 人，金额 1,234.56 元`,
  );
  const person = people.querySelector(`#person-${li._id}`)!;
  expect(person.textContent).toContain('李秀英');
  expect(person.textContent).toContain(li.identity.idMasked);
  expect(person.textContent).toContain('临时救助 · 1,234.56 元 · 记录人 张敏');
  expect(audited()).toBe(before + 1);
  // A second tap on the same number closes the list.
  await tap(container.querySelector(`#cell-${li.township}-amount`));
  expect(container.querySelector(`#people-${li.township}-relief`)).toBeNull();

  await tap(container.querySelector('#period-lastMonth'));
  const [py, pm] = monthOf(-1).from.split('-');
  await waitForText(container, '#service-stats-period', `${py}年${Number(pm)}月1日`);
  const last = await invoke(SUPERVISOR, 'stats', monthOf(-1));
  await waitFor(container, '#row-total');
  expect(text(container, '#cell-total-all')).toBe(
    `${last.total.all.contacts}服务合计人次${last.total.all.people} 人`,
  );
  expect(text(container, '#cell-total-amount')).toBe('0.00救助金额（元）');

  // Two chosen days in the wrong order: the server's reason, in Chinese.
  await tap(container.querySelector('#period-custom'));
  await waitFor(container, '#period-from');
  const [fromPicker] = [...container.querySelectorAll('taro-picker-core')];
  await act(async () => {
    fromPicker!.dispatchEvent(new CustomEvent('change', { detail: { value: '2099-01-01' } }));
  });
  await waitFor(container, '#page-error');
  expect(text(container, '#page-error-message')).toBe('结束日期不能早于开始日期');
});
