/**
 * 为您推荐, 推荐设置 and the employer's 推荐人选 against the real matching function on a seeded
 * local cloud: a registered seeker lands on their top-10 with each card's reasons and the
 * explanation; someone not registered sees 全部岗位 only; turning personalisation off moves the
 * tab second with how to turn it back on; an employer sees a consenting seeker masked and invites
 * them once.
 */
import Taro from '@tarojs/taro';
import { render, waitFor } from '@testing-library/react';

import type { LocalCloud } from '@nuanxin/local';
import { PERSONALISATION_OFF_NOTICE, PREFERENCE_TEXTS } from '@nuanxin/shared';

import CandidatesPage from '../../src/packages/employer/candidates/index';
import VacanciesPage from '../../src/packages/employer/vacancies/index';
import JobsPage from '../../src/packages/seeker/jobs/index';
import SettingsPage from '../../src/packages/seeker/settings/index';
import { clearSession, setDemoOpenid } from '../../src/services/session';

import { cloudCalls, tap, type RecordedRequest } from './helpers';
import { appears, idle, invoke, realCloud, textOf } from './jobsCloud';

jest.setTimeout(30_000);

type Router = NonNullable<ReturnType<typeof Taro.getCurrentInstance>['router']>;

const LI = 'demo-citizen-2';
const EMPLOYER = 'demo-employer-1';

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

const recCards = (container: Element) => [
  ...container.querySelectorAll('[id^="rec-"].vacancy-card'),
];
const tabs = (container: Element) =>
  [...container.querySelectorAll('[role="tab"]')].map((t) => ({
    id: t.id,
    text: t.textContent,
    selected: t.getAttribute('aria-selected') === 'true',
  }));

describe('为您推荐', () => {
  it('a registered seeker lands on their top-10, each with its reasons', async () => {
    setDemoOpenid(LI);
    const navigateTo = jest.spyOn(Taro, 'navigateTo');
    const { container } = render(<JobsPage />);
    await appears(container, '#pane-rec');
    expect(tabs(container)).toEqual([
      { id: 'tab-rec', text: '为您推荐', selected: true },
      { id: 'tab-all', text: '全部岗位', selected: false },
    ]);
    const mine = await invoke(cloud, LI, 'matching', 'mine');
    expect(container.querySelector('#rec-explanation')?.textContent).toContain(mine.explanation);
    const cards = recCards(container);
    expect(cards.map((c) => c.id)).toEqual(mine.items.map((i: any) => `rec-${i.vacancy.id}`));
    expect(cards).toHaveLength(10);
    cards.forEach((card, n) => {
      const shown = [...card.querySelectorAll('.vacancy-card__reason')].map((r) => r.textContent);
      expect(shown).toEqual(mine.items[n].reasons);
    });
    // Only the recommendations were asked for: 全部岗位 loads when opened.
    expect(cloudCalls(requests)).toEqual(['matching.mine']);

    await tap(cards[0]!);
    expect(navigateTo).toHaveBeenLastCalledWith({
      url: `/packages/seeker/jobs/detail/index?id=${mine.items[0].vacancy.id}`,
    });
    await tap(container.querySelector('#rec-settings'));
    expect(navigateTo).toHaveBeenLastCalledWith({ url: '/packages/seeker/settings/index' });

    await tap(container.querySelector('#tab-all'));
    await textOf(container, '#job-total', (t) => /共 \d+ 个岗位/.test(t));
    expect(container.querySelector('#pane-rec')).toBeNull();
  });

  it('someone not registered sees 全部岗位 only', async () => {
    setDemoOpenid('demo-citizen-1');
    const { container } = render(<JobsPage />);
    await textOf(container, '#job-total', (t) => /共 \d+ 个岗位/.test(t));
    expect(tabs(container)).toEqual([{ id: 'tab-all', text: '全部岗位', selected: true }]);
  });

  it('a seeker with nothing in reach is told so and pointed to 全部岗位', async () => {
    setDemoOpenid('demo-citizen-4'); // 刘桂兰, 嘉祥县: no demo vacancy within her 10 km
    const { container } = render(<JobsPage />);
    await appears(container, '#rec-empty');
    expect(container.querySelector('#rec-empty')?.textContent).toContain('通勤距离');
    await tap(container.querySelector('#rec-browse-all'));
    await textOf(container, '#job-total', (t) => /共 \d+ 个岗位/.test(t));
    expect(tabs(container).find((t) => t.selected)?.id).toBe('tab-all');
  });
});

describe('推荐设置', () => {
  it('explains both switches; turning personalisation off moves 为您推荐 second', async () => {
    setDemoOpenid(LI);
    const { container } = render(<SettingsPage />);
    const personalised = await appears(container, '#setting-personalised');
    expect(personalised.textContent).toContain(PREFERENCE_TEXTS.personalised.help);
    expect(personalised.getAttribute('aria-checked')).toBe('true');
    const suggest = container.querySelector('#setting-suggest')!;
    expect(suggest.textContent).toContain(PREFERENCE_TEXTS.suggestToEmployers.help);
    expect(suggest.getAttribute('aria-checked')).toBe('false');

    await tap(personalised);
    await waitFor(() =>
      expect(cloud.store.collection('match_preferences').find({ _id: LI })).toEqual([
        expect.objectContaining({ personalised: false, suggestToEmployers: false }),
      ]),
    );
    await idle();
    expect(container.querySelector('#setting-personalised')?.getAttribute('aria-checked')).toBe(
      'false',
    );

    const page = render(<JobsPage />);
    await textOf(page.container, '#job-total', (t) => /共 \d+ 个岗位/.test(t));
    expect(tabs(page.container).map((t) => [t.id, t.selected])).toEqual([
      ['tab-all', true],
      ['tab-rec', false],
    ]);
    await tap(page.container.querySelector('#tab-rec'));
    const off = await appears(page.container, '#rec-off');
    expect(off.textContent).toContain(PERSONALISATION_OFF_NOTICE);
    expect(recCards(page.container)).toHaveLength(0);
  });
});

describe('推荐人选 (employer)', () => {
  async function publishedVacancy(): Promise<string> {
    const saved = await invoke(cloud, EMPLOYER, 'employer', 'saveVacancy', {
      title: '住家保姆',
      description: '照料老人起居，做饭保洁。',
      occupationCode: '4-10-01-06',
      headcount: 2,
      salaryMin: 4500,
      salaryMax: 6500,
      workType: 'fullTime',
      township: '370811005',
      requirements: '身体健康，有耐心。',
      benefits: '包吃住。',
    });
    return saved.vacancy.id;
  }

  it('opens from 我的岗位 for a published vacancy', async () => {
    const vacancyId = await publishedVacancy();
    setDemoOpenid(EMPLOYER);
    const navigateTo = jest.spyOn(Taro, 'navigateTo');
    const { container } = render(<VacanciesPage />);
    await tap(await appears(container, `#vacancy-${vacancyId}-candidates`));
    expect(navigateTo).toHaveBeenCalledWith({
      url: `/packages/employer/candidates/index?vacancyId=${vacancyId}`,
    });
  });

  it('shows a consenting seeker masked with why they fit; 邀请投递 once', async () => {
    const vacancyId = await publishedVacancy();
    Taro.getCurrentInstance().router = {
      params: { vacancyId },
      path: '/packages/employer/candidates/index',
    } as unknown as Router;
    setDemoOpenid(EMPLOYER);
    const empty = render(<CandidatesPage />);
    await appears(empty.container, '#candidates-empty');
    empty.unmount();

    await invoke(cloud, LI, 'matching', 'setPreferences', {
      personalised: true,
      suggestToEmployers: true,
    });
    const { container } = render(<CandidatesPage />);
    const registrationId = (
      cloud.store.collection('registrations').find({ openid: LI, status: 'registered' })[0] as any
    )._id;
    const card = await appears(container, `#candidate-${registrationId}`);
    expect(container.querySelector('#candidates-vacancy')?.textContent).toBe('住家保姆');
    expect(card.textContent).toContain('李某');
    expect(card.textContent).toContain('意向职业一致：家政服务员');
    expect(card.textContent).not.toContain('李秀英');
    expect(card.textContent).not.toContain('13805371002');

    await tap(container.querySelector(`#candidate-${registrationId}-invite`));
    await appears(container, `#candidate-${registrationId}-invited`);
    expect(container.querySelector(`#candidate-${registrationId}-invite`)).toBeNull();
    expect(
      cloud.store.collection('messages').find({ openid: LI, kind: 'jobRecommendation' }),
    ).toHaveLength(1);
  });
});
