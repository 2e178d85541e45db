/**
 * 岗位推送统计 (push.stats) against the real functions on a seeded local cloud: after a push run,
 * the supervisor sees the month's 推送提供就业岗位数 and people reached, by township; a tap on a
 * township lists the people and each position pushed to them (the read is audited on the
 * server); the previous month, without pushes, says so.
 */
import Taro from '@tarojs/taro';
import { render } from '@testing-library/react';

import type { LocalCloud } from '@nuanxin/local';
import { formatShanghai, inShanghai } from '@nuanxin/shared';

import PushStatsPage from '../../src/packages/supervisor/push-stats/index';
import { clearSession, setDemoOpenid } from '../../src/services/session';

import { tap } from './helpers';
import { text, trainingCloud as seededCloud, waitFor, waitForText } from './trainingCloud';

jest.setTimeout(30_000);

const SUPERVISOR = 'demo-supervisor';

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

async function stats(payload: object) {
  const res = (await cloud.invoke(
    'push',
    { action: 'stats', payload },
    { openid: SUPERVISOR },
  )) as any;
  expect(res.ok).toBe(true);
  return res.data;
}

it('shows the month by township and drills down to the people and their positions', async () => {
  await cloud.scheduler.runTimer('push', new Date());
  const month = formatShanghai(new Date(), 'YYYY-MM');
  const expected = await stats({ month });
  expect(expected.total).toBeGreaterThan(0);
  const [first] = expected.townships;

  setDemoOpenid(SUPERVISOR);
  const { container } = render(<PushStatsPage />);
  await waitFor(container, '#push-stats-totals');
  const [year, m] = month.split('-');
  expect(text(container, '#push-stats-month')).toBe(`${year}年${Number(m)}月`);
  expect(text(container, '#push-stats-totals')).toBe(
    `${expected.total}推送提供就业岗位数${expected.people}收到推送的人数`,
  );
  const row = container.querySelector(`#township-${first.township}`)!;
  expect(row.textContent).toContain(first.townshipLabel);
  expect(row.textContent).toContain(`${first.people} 人`);
  // This month is the latest: there is no next one to step to.
  expect(container.querySelector('#push-stats-next')).toBeNull();

  const audited = () =>
    cloud.store.collection('audit_log').count({ actorOpenid: SUPERVISOR, action: 'push.stats' });
  const before = audited();
  await tap(row.querySelector('.push-stats__row-head'));
  const people = await waitFor(container, `#people-${first.township}`);
  const drilled = await stats({ month, township: first.township });
  for (const person of drilled.details) {
    const shown = people.querySelector(`#person-${person.registrationId}`)!;
    expect(shown.textContent).toContain(`${person.name} · ${person.pushes.length} 个岗位`);
    for (const push of person.pushes) expect(shown.textContent).toContain(push.title);
  }
  // The names behind the number were read on record (the page's read and ours).
  expect(audited()).toBe(before + 2);

  await tap(container.querySelector('#push-stats-prev'));
  const previous = inShanghai(`${month}-01 12:00`).subtract(1, 'month');
  await waitForText(container, '#push-stats-month', `${previous.month() + 1}月`);
  await waitFor(container, '#page-empty');
  expect(text(container, '#page-empty')).toContain('还没有推送记录');
  expect(container.querySelector('#push-stats-next')).not.toBeNull();
});
