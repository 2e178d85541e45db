/**
 * 应聘管理 and 我的投递 against the real jobs function: the employer sees the applicant with the
 * masked ID and only what was shared, opening it tells the seeker "企业已查看", 邀请面试 needs the
 * time and place, and the seeker then sees the new state with the employer's words (never the
 * internal note); 不合适 needs a reason the seeker reads; the seeker withdraws from 我的投递.
 */
import { act, render, waitFor } from '@testing-library/react';

import type { LocalCloud } from '@nuanxin/local';

import EmployerApplicationsPage from '../../src/packages/employer/applications/index';
import MyApplicationsPage from '../../src/packages/seeker/applications/index';
import { clearSession, setDemoOpenid } from '../../src/services/session';

import { typeText } from './caseloadFixtures';
import { cloudCalls, tap, type RecordedRequest } from './helpers';
import { appears, invoke, realCloud, textOf } from './jobsCloud';

// Each test seeds a whole demo city and runs real functions.
jest.setTimeout(30_000);

// Page lifecycle is a platform boundary: jsdom has no page stack to show a page again. Here
// `useDidShow` runs when the page mounts (its first show, as in WeChat) and again on `showAgain()`.
const mockShows = new Set<() => void>();
jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual('@tarojs/taro');
  const { useEffect, useRef } = jest.requireActual('react');
  return {
    __esModule: true,
    ...actual,
    default: actual.default,
    useDidShow(fn: () => void) {
      const ref = useRef(fn);
      ref.current = fn;
      useEffect(() => {
        const show = () => ref.current();
        mockShows.add(show);
        show();
        return () => void mockShows.delete(show);
      }, []);
    },
  };
});

async function showAgain(): Promise<void> {
  await act(async () => {
    for (const show of mockShows) show();
  });
}

const SEEKER = 'demo-citizen-2'; // 李秀英, registered
const OTHER_SEEKER = 'demo-citizen-4'; // 刘桂兰, submitted
const EMPLOYER = 'demo-employer-1'; // 济宁鲁运物流有限公司

let cloud: LocalCloud;
let requests: RecordedRequest[];

beforeEach(async () => {
  clearSession();
  jest.restoreAllMocks();
  ({ cloud, requests } = await realCloud());
});

afterEach(async () => {
  await cloud.close();
});

function vacancyId(title: string): string {
  const [v] = cloud.store.collection('vacancies').find({ title });
  return v!._id as string;
}

async function apply(openid: string, title: string, share = { mobile: false, education: true }) {
  return (await invoke(cloud, openid, 'jobs', 'apply', { vacancyId: vacancyId(title), share }))
    .application.id as string;
}

it('the employer invites an applicant to interview, and the seeker sees it in 我的投递', async () => {
  const id = await apply(SEEKER, '仓库理货员');
  await apply(OTHER_SEEKER, '叉车司机');

  setDemoOpenid(EMPLOYER);
  const employer = render(<EmployerApplicationsPage />);
  const { container } = employer;
  await appears(container, `#applicant-${id}`);
  expect(container.querySelector('#applications-waiting')?.textContent).toContain('2 份新投递');
  expect(container.querySelector(`#applicant-${id}-status`)?.textContent).toBe('新投递');
  expect(container.querySelector('#filter-status-applied')?.textContent).toContain('新投递（2）');

  // Only one vacancy's applicants.
  await tap(container.querySelector(`#filter-vacancy-${vacancyId('叉车司机')}`));
  await textOf(container, '#filter-status-all', (t) => t.endsWith('全部（1）'));
  expect(container.querySelector(`#applicant-${id}`)).toBeNull();
  await tap(container.querySelector('#filter-vacancy-all'));
  await appears(container, `#applicant-${id}`);

  await tap(container.querySelector(`#applicant-${id}`));
  await appears(container, '#applicant-detail');
  expect(container.querySelector('#applicant-name')?.textContent).toContain('李秀英');
  expect(container.querySelector('#applicant-idMasked')?.textContent).toMatch(
    /^身份证号：370811\*{8}\d{3}[\dX]$/,
  );
  expect(container.querySelector('#applicant-mobile')?.textContent).toBe('手机号：未提供');
  expect(container.querySelector('#applicant-education')?.textContent).toBe('学历：高中');
  expect(container.querySelector('#applicant-status')?.textContent).toBe('已查看');

  // 邀请面试 needs the time and place: nothing is sent without them.
  await tap(container.querySelector('#applicant-action-invite'));
  await tap(container.querySelector('#move-confirm'));
  expect(container.querySelector('#move-sheet .field-error')?.textContent).toBe(
    '请填写面试时间和地点',
  );
  expect(cloudCalls(requests).filter((c) => c === 'jobs.moveApplication')).toHaveLength(0);
  await typeText(container.querySelector('#field-note')!, '11月25日上午9点，济阳街道鲁运物流园');
  await typeText(container.querySelector('#field-employerNote')!, '电话里沟通顺畅');
  await tap(container.querySelector('#move-confirm'));
  await textOf(container, '#applicant-status', (t) => t === '已邀面试');
  expect(container.querySelector('#move-sheet')).toBeNull();
  expect(container.querySelector('#applicant-employer-note')?.textContent).toContain(
    '电话里沟通顺畅',
  );
  expect(container.querySelector('#applicant-history')?.textContent).toContain('邀请面试');
  employer.unmount();

  setDemoOpenid(SEEKER);
  const seeker = render(<MyApplicationsPage />);
  await textOf(seeker.container, `#application-${id}-status`, (t) => t === '邀请面试');
  expect(seeker.container.querySelector(`#application-${id}-reply`)?.textContent).toBe(
    '面试安排：11月25日上午9点，济阳街道鲁运物流园',
  );
  await tap(seeker.container.querySelector(`#application-${id}-history-toggle`));
  const history = seeker.container.querySelector(`#application-${id}-history`)?.textContent ?? '';
  expect(history).toContain('企业查看了您的简历');
  expect(history).toContain('企业邀请您面试');
  expect(seeker.container.textContent).not.toContain('电话里沟通顺畅');
  // The inbox holds the news too (no subscription quota in the demo).
  expect(
    cloud.store.collection('messages').find({ openid: SEEKER, kind: 'applicationStatus' }),
  ).toHaveLength(2);
});

it('不合适 needs a reason, which the seeker then reads', async () => {
  const id = await apply(SEEKER, '客服专员');
  setDemoOpenid(EMPLOYER);
  const employer = render(<EmployerApplicationsPage />);
  await appears(employer.container, `#applicant-${id}`);
  await tap(employer.container.querySelector(`#applicant-${id}`));
  await appears(employer.container, '#applicant-action-reject');
  await tap(employer.container.querySelector('#applicant-action-reject'));
  await tap(employer.container.querySelector('#move-confirm'));
  expect(employer.container.querySelector('#move-sheet .field-error')?.textContent).toBe(
    '请填写原因',
  );
  await typeText(
    employer.container.querySelector('#field-note')!,
    '本岗位已招满，欢迎关注其他岗位',
  );
  await tap(employer.container.querySelector('#move-confirm'));
  await textOf(employer.container, '#applicant-status', (t) => t === '不合适');
  expect(employer.container.querySelector('#applicant-final')).not.toBeNull();
  employer.unmount();

  setDemoOpenid(SEEKER);
  const seeker = render(<MyApplicationsPage />);
  await textOf(seeker.container, `#application-${id}-status`, (t) => t === '未录用');
  expect(seeker.container.querySelector(`#application-${id}-reply`)?.textContent).toBe(
    '企业答复：本岗位已招满，欢迎关注其他岗位',
  );
  expect(seeker.container.querySelector(`#application-${id}-withdraw`)).toBeNull();
});

it('the seeker withdraws an open application; the employer sees 已撤回', async () => {
  const id = await apply(SEEKER, '会计');
  setDemoOpenid(SEEKER);
  const seeker = render(<MyApplicationsPage />);
  await appears(seeker.container, `#application-${id}-withdraw`);
  await tap(seeker.container.querySelector(`#application-${id}-withdraw`));
  expect(seeker.container.querySelector('#withdraw-sheet')?.textContent).toContain('会计');
  await tap(seeker.container.querySelector('#withdraw-sheet-confirm'));
  await textOf(seeker.container, `#application-${id}-status`, (t) => t === '已撤回');
  expect(seeker.container.querySelector(`#application-${id}-withdraw`)).toBeNull();
  seeker.unmount();

  setDemoOpenid(EMPLOYER);
  const employer = render(<EmployerApplicationsPage />);
  await textOf(employer.container, `#applicant-${id}-status`, (t) => t === '已撤回');
  expect(employer.container.querySelector('#applications-waiting')).toBeNull();
});

it('an employer without applications, and a seeker without any, see what to do next', async () => {
  setDemoOpenid('demo-employer-5');
  const employer = render(<EmployerApplicationsPage />);
  await appears(employer.container, '#applications-empty');
  expect(employer.container.textContent).toContain('还没有人投递');
  employer.unmount();

  setDemoOpenid(SEEKER);
  const seeker = render(<MyApplicationsPage />);
  await appears(seeker.container, '#applications-empty');
  expect(seeker.container.querySelector('#applications-browse')).not.toBeNull();
});

it('我的投递 shows the employer’s answer when the seeker comes back to it', async () => {
  const id = await apply(SEEKER, '育婴员');
  setDemoOpenid(SEEKER);
  const seeker = render(<MyApplicationsPage />);
  await textOf(seeker.container, `#application-${id}-status`, (t) => t === '已投递');
  await invoke(cloud, 'demo-employer-3', 'jobs', 'applicant', { applicationId: id });
  await invoke(cloud, 'demo-employer-3', 'jobs', 'moveApplication', {
    applicationId: id,
    event: 'offer',
    note: '请12月1日到公司办理入职',
  });
  await showAgain();
  await textOf(seeker.container, `#application-${id}-status`, (t) => t === '已发录用通知');
  expect(seeker.container.querySelector(`#application-${id}-reply`)?.textContent).toBe(
    '录用说明：请12月1日到公司办理入职',
  );
});

it('有新投递时微信通知我: each tap grants one more message, and the next application arrives by WeChat', async () => {
  setDemoOpenid(EMPLOYER);
  const employer = render(<EmployerApplicationsPage />);
  await appears(employer.container, '#new-application-alerts');
  expect(cloud.subscriptionQuota(EMPLOYER, 'local-newApplication')).toBe(0);
  await tap(employer.container.querySelector('#new-application-alerts-subscribe'));
  await textOf(employer.container, '#new-application-alerts-status', (t) => t.includes('已开启'));
  expect(cloud.subscriptionQuota(EMPLOYER, 'local-newApplication')).toBe(1);
  // As the text says, it can be turned on again: each acceptance is one more message.
  const again = employer.container.querySelector('#new-application-alerts-subscribe');
  expect(again?.closest('.van-button')?.textContent).toBe('再次开启');
  expect(employer.container.querySelector('#new-application-alerts-status')?.textContent).toContain(
    '再次开启',
  );
  await tap(again);
  await waitFor(() => expect(cloud.subscriptionQuota(EMPLOYER, 'local-newApplication')).toBe(2));
  await textOf(employer.container, '#new-application-alerts-status', (t) => t.includes('已开启'));
  employer.unmount();

  await apply(SEEKER, '仓库理货员');
  const sent = cloud
    .outbox()
    .filter((m) => m.touser === EMPLOYER && m.templateId === 'local-newApplication');
  expect(sent).toHaveLength(1);
  expect(cloud.subscriptionQuota(EMPLOYER, 'local-newApplication')).toBe(1);
});
