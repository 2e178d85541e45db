/**
 * Pushes of positions and the caseworker's tasks (issue 5), against the real functions on a
 * seeded local cloud: the seeker taps "有新岗位时通知我" on 我的投递 (the gateway's stand-in grants
 * the one-time subscription, the cloud counts it), the push run sends the next position by
 * subscription message and the card lists it; the caseworker tells a person about a position that
 * reached only the app, and confirms a hire, on 待办.
 */
import Taro from '@tarojs/taro';
import { act, render } from '@testing-library/react';

import type { LocalCloud } from '@nuanxin/local';

import TasksPage from '../../src/packages/caseworker/tasks/index';
import MyApplicationsPage from '../../src/packages/seeker/applications/index';
import { clearSession, setDemoOpenid } from '../../src/services/session';

import { tap } from './helpers';
import { text, trainingCloud as seededCloud, waitFor, waitForText } from './trainingCloud';

jest.setTimeout(30_000);

// Page lifecycle is a platform boundary: jsdom has no page stack, so `useDidShow` runs when the
// page mounts (its first show, as in WeChat).
jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual('@tarojs/taro');
  const { useEffect } = jest.requireActual('react');
  return {
    __esModule: true,
    ...actual,
    default: actual.default,
    useDidShow(fn: () => void) {
      // Once, on mount: the first show.
      useEffect(() => fn(), []); // eslint-disable-line react-hooks/exhaustive-deps
    },
  };
});

/** 李秀英: registered, 任城区, her caseworker is 张敏 (demo-caseworker-370811). */
const SEEKER = 'demo-citizen-2';
/** 王小雨: not registered. */
const UNREGISTERED = 'demo-citizen-1';
const CASEWORKER = 'demo-caseworker-370811';
const EMPLOYER = 'demo-employer-1';
const TEMPLATE = 'local-jobRecommendation';

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

const registrationOf = (openid: string) =>
  cloud.store.collection('registrations').find({ openid })[0]!._id as string;

async function invoke(openid: string, fn: string, action: string, payload: unknown = {}) {
  const res = (await cloud.invoke(fn, { action, payload }, { openid })) as any;
  if (!res.ok) throw new Error(`${fn}.${action}: ${res.error.message}`);
  return res.data;
}

describe('有新岗位时通知我', () => {
  it('a tap grants one message; the next pushed position arrives by WeChat and is listed', async () => {
    setDemoOpenid(SEEKER);
    const { container, unmount } = render(<MyApplicationsPage />);
    await waitFor(container, '#job-alerts');
    expect(text(container, '#job-alerts-status')).toContain('推荐的岗位会放在“消息”里');

    await tap(container.querySelector('#job-alerts-subscribe'));
    await waitForText(container, '#job-alerts-status', '已开启，还可通知您 1 次');
    expect(cloud.subscriptionQuota(SEEKER, TEMPLATE)).toBe(1);
    expect(cloud.store.collection('push_subscriptions').find({ _id: SEEKER })[0]).toMatchObject({
      remaining: 1,
    });

    await cloud.scheduler.runTimer('push', new Date());
    const [push] = cloud.store
      .collection('pushes')
      .find({ registrationId: registrationOf(SEEKER) }) as any[];
    expect(push).toMatchObject({ channel: 'subscription', caseworkerTask: false });
    expect(cloud.outbox().filter((m) => m.touser === SEEKER && m.templateId === TEMPLATE)).toEqual([
      expect.objectContaining({ page: `packages/seeker/jobs/detail/index?id=${push.vacancyId}` }),
    ]);
    unmount();

    const again = render(<MyApplicationsPage />);
    await waitFor(again.container, `#job-alerts-push-${push.vacancyId}`);
    expect(text(again.container, '#job-alerts-pushes')).toContain('本月为您推荐了');
    expect(text(again.container, '#job-alerts-status')).toContain('推荐的岗位会放在“消息”里');
  });

  it('is not offered to someone who is not registered', async () => {
    setDemoOpenid(UNREGISTERED);
    const { container } = render(<MyApplicationsPage />);
    await waitFor(container, '#applications-empty');
    // Once push.mine has answered (registered: false): still no card.
    const fetch = globalThis.fetch as unknown as jest.Mock;
    const index = fetch.mock.calls.findIndex(
      ([url, init]) => url === '/cloud/push' && String(init?.body).includes('"mine"'),
    );
    expect(index).toBeGreaterThanOrEqual(0);
    await act(async () => {
      await fetch.mock.results[index]!.value;
    });
    expect(container.querySelector('#job-alerts')).toBeNull();
  });
});

describe('待办事项 on the caseworker’s 待办', () => {
  it('a position that reached only the app: the caseworker phones and marks it told', async () => {
    await cloud.scheduler.runTimer('push', new Date());
    const [push] = cloud.store
      .collection('pushes')
      .find({ registrationId: registrationOf(SEEKER) }) as any[];
    expect(push).toMatchObject({ channel: 'inApp', caseworkerTask: true });
    const domId = `task-tellPush-${String(push._id).replace(/[^A-Za-z0-9_-]/g, '-')}`;

    setDemoOpenid(CASEWORKER);
    const { container } = render(<TasksPage />);
    const card = await waitFor(container, `#${domId}`);
    expect(card.textContent).toContain('请电话或微信告知');
    expect(card.textContent).toContain('李秀英');

    await tap(container.querySelector(`#${domId}-phone`));
    await waitFor(container, '#tasks');
    for (let i = 0; i < 100 && container.querySelector(`#${domId}`); i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(container.querySelector(`#${domId}`)).toBeNull();
    expect(cloud.store.collection('pushes').find({ _id: push._id })[0]).toMatchObject({
      toldBy: CASEWORKER,
      toldChannel: 'phone',
    });
  });

  it('a hire: the caseworker confirms it and the person is employed', async () => {
    const [vacancy] = cloud.store.collection('vacancies').find({ title: '仓库理货员' });
    const applied = await invoke(SEEKER, 'jobs', 'apply', { vacancyId: vacancy!._id });
    const applicationId = applied.application.id as string;
    for (const [event, note] of [
      ['invite', '明天上午9点面试'],
      ['offer', ''],
      ['hire', ''],
    ]) {
      await invoke(EMPLOYER, 'jobs', 'moveApplication', { applicationId, event, note });
    }
    const domId = `task-confirmHire-${applicationId}`;

    setDemoOpenid(CASEWORKER);
    const { container } = render(<TasksPage />);
    const card = await waitFor(container, `#${domId}`);
    expect(card.textContent).toContain('入职待确认');
    expect(card.textContent).toContain('仓库理货员');

    // The first tap asks once more and changes nothing yet.
    await tap(container.querySelector(`#${domId}-confirm`));
    const asking = await waitFor(container, `#${domId}-confirming`);
    expect(asking.textContent).toContain('核实已到岗');
    expect(cloud.store.collection('registrations').find({ openid: SEEKER })[0]).toMatchObject({
      status: 'registered',
    });
    await tap(container.querySelector(`#${domId}-confirm-submit`));
    for (let i = 0; i < 100 && container.querySelector(`#${domId}`); i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(container.querySelector(`#${domId}`)).toBeNull();
    expect(cloud.store.collection('registrations').find({ openid: SEEKER })[0]).toMatchObject({
      status: 'employed',
    });
  });
});
