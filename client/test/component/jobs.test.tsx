/**
 * 推荐岗位 (全部岗位) and a vacancy's page against the real jobs function: filters narrow the list to
 * what holds, 加载更多 pages on, an empty result says so; applying shows what the employer will
 * see, sends only what the seeker picked, and ends in "已投递"; someone not registered is told to
 * register first.
 */
import Taro from '@tarojs/taro';
import { render, waitFor } from '@testing-library/react';

import type { LocalCloud } from '@nuanxin/local';

import JobDetailPage from '../../src/packages/seeker/jobs/detail/index';
import JobsPage from '../../src/packages/seeker/jobs/index';
import { clearSession, setDemoOpenid } from '../../src/services/session';

import { cloudCalls, tap, typeInto, type RecordedRequest } from './helpers';
import { appears, idle, realCloud, textOf } from './jobsCloud';

// Each test seeds a whole demo city and runs real functions.
jest.setTimeout(30_000);

type Router = NonNullable<ReturnType<typeof Taro.getCurrentInstance>['router']>;

let cloud: LocalCloud;
let requests: RecordedRequest[];

beforeEach(async () => {
  clearSession();
  jest.restoreAllMocks();
  ({ cloud, requests } = await realCloud());
});

afterEach(async () => {
  Taro.getCurrentInstance().router = null;
  await cloud.close();
});

const cards = (container: Element) => [
  ...container.querySelectorAll('[id^="vacancy-"].vacancy-card'),
];
const stored = (q: object) => cloud.store.collection('vacancies').find(q);

describe('browsing all open vacancies', () => {
  it('lists 10 at a time with 加载更多, and filters by flag, county and keyword', async () => {
    setDemoOpenid('demo-citizen-2');
    const { container } = render(<JobsPage />);
    // A registered seeker lands on 为您推荐; 全部岗位 is the second tab.
    await tap(await appears(container, '#tab-all'));
    await textOf(container, '#job-total', (t) => t === '共 40 个岗位');
    expect(cards(container)).toHaveLength(10);
    expect(container.querySelector('#tab-all')?.textContent).toBe('全部岗位');

    await tap(container.querySelector('#job-more'));
    await waitFor(() => expect(cards(container)).toHaveLength(20));

    // 公益性岗位: exactly the published ones flagged so.
    const welfare = stored({ status: 'published', 'flags.publicWelfare': true });
    await tap(container.querySelector('#flag-publicWelfare'));
    await textOf(container, '#job-total', (t) => t === `共 ${welfare.length} 个岗位`);
    expect(
      cards(container)
        .map((c) => c.id)
        .sort(),
    ).toEqual(welfare.map((v) => `vacancy-${v._id}`).sort());
    for (const card of cards(container)) expect(card.textContent).toContain('公益性岗位');

    // Add 曲阜市 from the panel: only its 公益性岗位 remain.
    await tap(container.querySelector('#job-filters-toggle'));
    // Work types as vacancies offer them: 灵活用工, not a person's 灵活就业.
    expect(
      [...container.querySelectorAll('[id^="filter-work-type-"]')].map((c) => c.textContent),
    ).toEqual(['✓ 不限', '全职', '兼职', '灵活用工']);
    await tap(container.querySelector('#filter-county-370881'));
    const qufu = welfare.filter((v) => String(v.township).startsWith('370881'));
    await textOf(container, '#job-total', (t) => t === `共 ${qufu.length} 个岗位`);
    expect(qufu.length).toBeGreaterThan(0);
    expect(container.querySelector('#job-filters-toggle')?.textContent).toContain('曲阜市');
    const last = requests[requests.length - 1]!.body as { payload: Record<string, unknown> };
    expect(last.payload).toMatchObject({ county: '370881', flags: ['publicWelfare'], page: 1 });

    // A keyword nothing matches: the empty state, and one tap clears everything.
    await typeInto(container.querySelector('#job-search')!, '飞行员');
    await tap(container.querySelector('#job-search-submit'));
    await appears(container, '#job-empty');
    expect(container.querySelector('#job-empty')?.textContent).toContain('没有符合条件的岗位');
    await tap(container.querySelector('#job-clear'));
    await textOf(container, '#job-total', (t) => t === '共 40 个岗位');
  });

  it('searches titles and company names, and opens a vacancy from its card', async () => {
    setDemoOpenid('demo-citizen-2');
    const navigateTo = jest.spyOn(Taro, 'navigateTo');
    const { container } = render(<JobsPage />);
    await tap(await appears(container, '#tab-all'));
    await textOf(container, '#job-total', (t) => t === '共 40 个岗位');
    await typeInto(container.querySelector('#job-search')!, '杏坛');
    await tap(container.querySelector('#job-search-submit'));
    const xingtan = stored({ status: 'published', companyName: '曲阜杏坛文旅发展有限公司' });
    await textOf(container, '#job-total', (t) => t === `共 ${xingtan.length} 个岗位`);
    const first = cards(container)[0]!;
    await tap(first);
    expect(navigateTo).toHaveBeenCalledWith({
      url: `/packages/seeker/jobs/detail/index?id=${first.id.slice('vacancy-'.length)}`,
    });
  });
});

function openDetail(id: string) {
  Taro.getCurrentInstance().router = {
    params: { id },
    path: '/packages/seeker/jobs/detail/index',
  } as unknown as Router;
}

describe('applying', () => {
  it('shows what the employer will see, sends only the chosen fields, then 已投递', async () => {
    setDemoOpenid('demo-citizen-2');
    const [vacancy] = stored({ title: '仓库理货员' });
    openDetail(vacancy!._id as string);
    const { container } = render(<JobDetailPage />);
    await appears(container, '#vacancy-detail');
    expect(container.querySelector('#vacancy-detail')?.textContent).toContain(
      '济宁鲁运物流有限公司',
    );
    expect(container.querySelector('#vacancy-detail')?.textContent).toContain('援助岗位');

    await tap(container.querySelector('#apply'));
    expect(container.querySelector('#apply-always')?.textContent).toBe(
      '姓名、性别、年龄、身份证号（隐去中间8位）',
    );
    expect(container.querySelector('#apply-never')?.textContent).toContain('低保');
    await tap(container.querySelector('#share-mobile'));
    await tap(container.querySelector('#apply-confirm'));
    await appears(container, '#apply-success');
    expect(container.querySelector('#apply-success')?.textContent).toContain(
      '已投递，企业查看后会通知您',
    );
    expect(container.querySelector('#apply-status-label')?.textContent).toBe('已投递');
    expect(container.querySelector('#apply')).toBeNull();

    const [application] = cloud.store.collection('applications').find({ openid: 'demo-citizen-2' });
    expect(application).toMatchObject({
      vacancyId: vacancy!._id,
      share: { mobile: true, education: false, workHistory: false },
      applicant: { mobile: '13805371002', education: null, workHistory: null },
    });
    // The 投递 tap asked for 求职进度通知 (the demo grants it): the next step reaches WeChat.
    expect(cloud.subscriptionQuota('demo-citizen-2', 'local-applicationStatus')).toBe(1);
    expect(cloudCalls(requests)).toEqual(['jobs.detail', 'jobs.myInterests', 'jobs.apply']);
  });

  it('without a registration: explains and links to 失业登记 instead of the apply button', async () => {
    setDemoOpenid('demo-citizen-1');
    const navigateTo = jest.spyOn(Taro, 'navigateTo');
    const [vacancy] = stored({ title: '养老护理员' });
    openDetail(vacancy!._id as string);
    const { container } = render(<JobDetailPage />);
    await appears(container, '#apply-blocked');
    expect(container.querySelector('#apply')).toBeNull();
    expect(container.querySelector('#apply-blocked-reason')?.textContent).toContain('失业登记');
    await tap(container.querySelector('#apply-register'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/seeker/registration/index' });
  });

  it('a vacancy that stopped says so, without an apply button', async () => {
    setDemoOpenid('demo-citizen-2');
    const [closed] = stored({ status: 'closed' });
    openDetail(closed!._id as string);
    const { container } = render(<JobDetailPage />);
    await appears(container, '#page-error');
    expect(container.querySelector('#page-error-message')?.textContent).toBe('该岗位已停止招聘');
    expect(container.querySelector('#page-retry')).toBeNull();
    expect(container.querySelector('#back-to-jobs')).not.toBeNull();
    await idle();
  });
});
