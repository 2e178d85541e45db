/**
 * 感兴趣 against the real jobs and matching functions: on a vacancy's page the first tap explains
 * exactly what the employer will see before anything is sent, the button then reads 已感兴趣 and
 * a second tap takes it back; 我的投递 lists the marked positions with their state and 去投递; on
 * 应聘管理 the employer finds those interested per vacancy, masked, and invites one.
 */
import Taro from '@tarojs/taro';
import { act, render, waitFor } from '@testing-library/react';

import type { LocalCloud } from '@nuanxin/local';
import { INTEREST_SHOWN } from '@nuanxin/shared';

import EmployerApplicationsPage from '../../src/packages/employer/applications/index';
import MyApplicationsPage from '../../src/packages/seeker/applications/index';
import JobDetailPage from '../../src/packages/seeker/jobs/detail/index';
import { interestExplainedKey } from '../../src/packages/seeker/jobs/detail/Interest';
import { clearSession, setDemoOpenid } from '../../src/services/session';

import { cloudCalls, tap, type RecordedRequest } from './helpers';
import { appears, idle, invoke, realCloud, textOf } from './jobsCloud';

// Each test seeds a whole demo city and runs real functions.
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
      useEffect(() => fn(), []); // eslint-disable-line react-hooks/exhaustive-deps
    },
  };
});

type Router = NonNullable<ReturnType<typeof Taro.getCurrentInstance>['router']>;

const SEEKER = 'demo-citizen-2'; // 李秀英, registered
const OTHER_SEEKER = 'demo-citizen-3'; // 张伟, registered
const UNREGISTERED = 'demo-citizen-1';
const EMPLOYER = 'demo-employer-1'; // 济宁鲁运物流有限公司

let cloud: LocalCloud;
let requests: RecordedRequest[];

beforeEach(async () => {
  clearSession();
  for (const openid of [SEEKER, OTHER_SEEKER]) Taro.removeStorageSync(interestExplainedKey(openid));
  jest.restoreAllMocks();
  ({ cloud, requests } = await realCloud());
});

afterEach(async () => {
  Taro.getCurrentInstance().router = null;
  await cloud.close();
});

const vacancyId = (title: string) =>
  cloud.store.collection('vacancies').find({ title })[0]!._id as string;
const interests = () => cloud.store.collection('job_interests').find({});
const registrationId = (openid: string) =>
  cloud.store.collection('registrations').find({ openid })[0]!._id as string;

/** The 感兴趣 button's words (vantui puts the id on the inner native button). */
const label = (container: Element) =>
  container.querySelector('#interest')?.closest('.van-button')?.textContent;

function openDetail(id: string) {
  Taro.getCurrentInstance().router = {
    params: { id },
    path: '/packages/seeker/jobs/detail/index',
  } as unknown as Router;
}

describe('感兴趣 on a vacancy’s page', () => {
  it('explains first what the employer sees, then toggles 已感兴趣 on and off', async () => {
    setDemoOpenid(SEEKER);
    const id = vacancyId('仓库理货员');
    openDetail(id);
    const { container } = render(<JobDetailPage />);
    // Enabled once the current state has been read.
    const button = await appears(container, '.van-button:not(.van-button--disabled) #interest');
    expect(label(container)).toBe('感兴趣');
    expect(container.querySelector('#apply')).not.toBeNull();

    // The first tap sends nothing: it says exactly what the employer will see.
    await tap(button);
    await appears(container, '#interest-sheet');
    expect(container.querySelector('#interest-shown')?.textContent).toBe(INTEREST_SHOWN.join('、'));
    expect(container.querySelector('#interest-shown')?.textContent).toContain('王某');
    const hidden = container.querySelector('#interest-hidden')?.textContent ?? '';
    for (const word of ['手机号', '身份证号', '重点群体']) expect(hidden).toContain(word);
    expect(container.querySelector('#interest-sheet')?.textContent).toContain('邀请您投递');
    expect(interests()).toHaveLength(0);
    expect(cloudCalls(requests)).not.toContain('jobs.markInterest');

    await tap(container.querySelector('#interest-sheet-confirm'));
    await waitFor(() => expect(label(container)).toBe('✓ 已感兴趣'));
    expect(container.querySelector('#interest-sheet')).toBeNull();
    expect(container.querySelector('#interest-hint')?.textContent).toContain(
      '已告诉济宁鲁运物流有限公司',
    );
    expect(interests()).toEqual([
      expect.objectContaining({
        openid: SEEKER,
        vacancyId: id,
        _id: `${registrationId(SEEKER)}:${id}`,
      }),
    ]);

    // Again: taken back at once.
    await tap(container.querySelector('#interest'));
    await waitFor(() => expect(label(container)).toBe('感兴趣'));
    expect(interests()).toHaveLength(0);

    // Explained once on this phone: the next mark goes straight through.
    await tap(container.querySelector('#interest'));
    await waitFor(() => expect(label(container)).toBe('✓ 已感兴趣'));
    expect(container.querySelector('#interest-sheet')).toBeNull();
    expect(interests()).toHaveLength(1);
  });

  it('a second account on the same phone is shown the explanation too', async () => {
    setDemoOpenid(SEEKER);
    const id = vacancyId('仓库理货员');
    openDetail(id);
    const first = render(<JobDetailPage />);
    await tap(await appears(first.container, '.van-button:not(.van-button--disabled) #interest'));
    await tap(await appears(first.container, '#interest-sheet-confirm'));
    await waitFor(() => expect(label(first.container)).toBe('✓ 已感兴趣'));
    first.unmount();

    // 张伟 on the same phone has never read what the employer will see.
    setDemoOpenid(OTHER_SEEKER);
    const second = render(<JobDetailPage />);
    await tap(await appears(second.container, '.van-button:not(.van-button--disabled) #interest'));
    await appears(second.container, '#interest-sheet');
    expect(interests().filter((i) => i.openid === OTHER_SEEKER)).toHaveLength(0);
    second.unmount();

    // Back to 李秀英: already explained to her, so it goes straight through.
    setDemoOpenid(SEEKER);
    const third = render(<JobDetailPage />);
    await waitFor(() => expect(label(third.container)).toBe('✓ 已感兴趣'));
    await tap(third.container.querySelector('#interest'));
    await waitFor(() => expect(label(third.container)).toBe('感兴趣'));
    await tap(third.container.querySelector('#interest'));
    await waitFor(() => expect(label(third.container)).toBe('✓ 已感兴趣'));
    expect(third.container.querySelector('#interest-sheet')).toBeNull();
  });

  it('is not offered without a registration, nor once applied', async () => {
    setDemoOpenid(UNREGISTERED);
    openDetail(vacancyId('养老护理员'));
    const first = render(<JobDetailPage />);
    await appears(first.container, '#apply-blocked');
    expect(first.container.querySelector('#interest')).toBeNull();
    first.unmount();

    setDemoOpenid(SEEKER);
    await invoke(cloud, SEEKER, 'jobs', 'apply', { vacancyId: vacancyId('会计') });
    openDetail(vacancyId('会计'));
    const second = render(<JobDetailPage />);
    await appears(second.container, '#apply-status');
    expect(second.container.querySelector('#interest')).toBeNull();
    await idle();
    expect(cloudCalls(requests)).not.toContain('jobs.myInterests');
  });
});

describe('感兴趣的岗位 on 我的投递', () => {
  it('lists them with the state and the employer’s invitation; 去投递 opens the page', async () => {
    const open = vacancyId('仓库理货员');
    const stopped = vacancyId('叉车司机');
    await invoke(cloud, SEEKER, 'jobs', 'markInterest', { vacancyId: open, interested: true });
    await invoke(cloud, SEEKER, 'jobs', 'markInterest', { vacancyId: stopped, interested: true });
    await invoke(cloud, EMPLOYER, 'matching', 'inviteCandidate', {
      vacancyId: open,
      candidateId: registrationId(SEEKER),
    });
    await invoke(cloud, EMPLOYER, 'employer', 'setVacancyStatus', {
      vacancyId: stopped,
      event: 'close',
      closeReason: 'filled',
    });
    setDemoOpenid(SEEKER);
    const navigateTo = jest.spyOn(Taro, 'navigateTo');
    const { container } = render(<MyApplicationsPage />);
    await textOf(container, '#tab-interests', (t) => t === '感兴趣的岗位（2）');
    // 投递记录 first: nothing applied yet.
    expect(container.querySelector('#applications-empty')).not.toBeNull();

    await tap(container.querySelector('#tab-interests'));
    await appears(container, `#interest-${open}`);
    expect(container.querySelector(`#interest-${open}-state`)?.textContent).toBe('招聘中');
    expect(container.querySelector(`#interest-${open}-invited`)?.textContent).toContain(
      '企业已邀请您投递',
    );
    expect(container.querySelector(`#interest-${stopped}-state`)?.textContent).toBe('已停止招聘');
    expect(container.querySelector(`#interest-${stopped}-apply`)).toBeNull();

    await tap(container.querySelector(`#interest-${open}-apply`));
    expect(navigateTo).toHaveBeenCalledWith({
      url: `/packages/seeker/jobs/detail/index?id=${open}`,
    });

    await tap(container.querySelector(`#interest-${stopped}-remove`));
    await act(async () => {
      for (let i = 0; i < 100 && container.querySelector(`#interest-${stopped}`); i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    });
    expect(container.querySelector(`#interest-${stopped}`)).toBeNull();
    expect(interests().map((i) => i.vacancyId)).toEqual([open]);
  });
});

describe('感兴趣的求职者 on 应聘管理', () => {
  it('shows them per vacancy, masked, and invites one', async () => {
    const id = vacancyId('仓库理货员');
    await invoke(cloud, SEEKER, 'jobs', 'markInterest', { vacancyId: id, interested: true });
    setDemoOpenid(EMPLOYER);
    const { container } = render(<EmployerApplicationsPage />);
    await textOf(container, '#view-interested', (t) => t === '感兴趣的求职者（1）');
    expect(container.querySelector('#applications-interested')?.textContent).toContain(
      '有 1 人对您的岗位感兴趣',
    );

    await tap(container.querySelector('#applications-interested'));
    await appears(container, '#interested');
    expect(container.querySelector(`#interested-vacancy-${id}-count`)?.textContent).toBe(
      '仓库理货员 · 1 人感兴趣',
    );
    const card = `#interested-${id}-${registrationId(SEEKER)}`;
    const text = (await appears(container, card)).textContent ?? '';
    expect(text).toContain('李某');
    expect(text).toContain('45–54岁');
    expect(text).not.toContain('李秀英');
    expect(container.querySelector('#interested-explanation')?.textContent).toContain('姓氏');

    await tap(container.querySelector(`${card}-invite`));
    await appears(container, `${card}-invited`);
    expect(container.querySelector(`${card}-invite`)).toBeNull();
    const messages = cloud.store
      .collection('messages')
      .find({ openid: SEEKER, kind: 'jobRecommendation' });
    expect(messages).toHaveLength(1);
    expect(String(messages[0]!.body)).toContain('感兴趣');
  });

  it('an employer nobody is interested in is told what will appear', async () => {
    setDemoOpenid('demo-employer-5');
    const { container } = render(<EmployerApplicationsPage />);
    await textOf(container, '#view-interested', (t) => t === '感兴趣的求职者（0）');
    expect(container.querySelector('#applications-interested')).toBeNull();
    await tap(container.querySelector('#view-interested'));
    await appears(container, '#interested-empty');
    expect(container.textContent).toContain('点“感兴趣”');
  });
});
