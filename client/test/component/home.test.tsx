/** Home: greeting by name and role, then exactly that role's entries. */
import Taro from '@tarojs/taro';
import { render } from '@testing-library/react';

import { ROLES, ROLE_LABELS, type Role } from '@nuanxin/shared';

import { entriesFor, MARKET_ENTRIES, ROLE_ENTRIES } from '../../src/constants/roleEntries';
import HomePage from '../../src/pages/home/index';
import { clearSession, setDemoOpenid } from '../../src/services/session';

import { makeWhoami, settle, stubFetch, tap } from './helpers';

beforeEach(() => {
  clearSession();
  jest.restoreAllMocks();
});

/** What each role must find on its home page (the list, spelled out). */
const EXPECTED: Record<Role, string[]> = {
  citizen: ['失业登记', '推荐岗位', '我的投递', '职业培训', '我的求助', '企业招聘'],
  employer: ['企业信息', '发布岗位', '我的岗位', '应聘管理', '单位同事', '培训机构'],
  caseworker: ['我的包保对象', '待办工单', '今日回访', '培训需求', '培训课程'],
  // Supervisors also oversee the 市场服务中心's work.
  supervisor: [
    '待分配人员',
    '统计台账',
    '工作量',
    '岗位推送统计',
    '包保服务统计',
    '培训课程',
    '企业与岗位审核',
    '岗位需求台账',
    '重点企业服务',
  ],
  admin: ['生成工作人员邀请码', '包保服务统计'],
};

const allKeys = [
  ...ROLES.flatMap((role) => ROLE_ENTRIES[role].map((entry) => entry.key)),
  ...MARKET_ENTRIES.map((entry) => entry.key),
];

describe.each(ROLES)('%s', (role) => {
  it("greets by name and role label and shows only this role's entries", async () => {
    setDemoOpenid(`demo-${role}`);
    const whoami = makeWhoami(role);
    stubFetch(() => ({ body: { ok: true, data: whoami } }));
    const { container } = render(<HomePage />);
    await settle();

    const greeting = container.querySelector('#home-greeting');
    expect(greeting?.textContent).toContain(`您好，${whoami.displayName}`);
    expect(container.querySelector('#home-role')?.textContent).toBe(ROLE_LABELS[role]);

    const shown = [...container.querySelectorAll('[id^="entry-"]')].map((el) => ({
      id: el.id,
      title: el.querySelector('.role-entry__title')?.textContent,
    }));
    expect(shown.map((s) => s.title)).toEqual(EXPECTED[role]);
    const own = entriesFor(whoami).map((entry) => `entry-${entry.key}`);
    expect(shown.map((s) => s.id)).toEqual(own);
    for (const key of allKeys.filter((k) => !own.includes(`entry-${k}`))) {
      expect(container.querySelector(`#entry-${key}`)).toBeNull();
    }
  });

  it("opens the entry's page in the role's subpackage", async () => {
    setDemoOpenid(`demo-${role}`);
    stubFetch(() => ({ body: { ok: true, data: makeWhoami(role) } }));
    const navigateTo = jest.spyOn(Taro, 'navigateTo');
    const { container } = render(<HomePage />);
    await settle();

    const first = ROLE_ENTRIES[role][0]!;
    await tap(container.querySelector(`#entry-${first.key}`));
    expect(navigateTo).toHaveBeenCalledWith({ url: first.url });
    const subpackage = {
      citizen: 'seeker',
      employer: 'employer',
      caseworker: 'caseworker',
      supervisor: 'supervisor',
      admin: 'admin',
    }[role];
    expect(first.url.startsWith(`/packages/${subpackage}/`)).toBe(true);
  });
});

it('a 市场服务中心 caseworker finds the market centre’s work instead of 包保 entries', async () => {
  setDemoOpenid('demo-market-1');
  stubFetch(() => ({
    body: { ok: true, data: makeWhoami('caseworker', { org: 'market', orgLabel: '市场服务中心' }) },
  }));
  const navigateTo = jest.spyOn(Taro, 'navigateTo');
  const { container } = render(<HomePage />);
  await settle();
  const titles = [...container.querySelectorAll('[id^="entry-"] .role-entry__title')].map(
    (el) => el.textContent,
  );
  expect(titles).toEqual(['企业与岗位审核', '岗位需求台账', '重点企业服务']);
  await tap(container.querySelector('#entry-vacancy-review'));
  expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/market/review/index' });
});

it('sends an h5 visitor without a chosen account to the login page, without calling the cloud', async () => {
  const { fetch } = stubFetch(() => ({ body: {} }));
  const reLaunch = jest.spyOn(Taro, 'reLaunch');
  render(<HomePage />);
  await settle();
  expect(reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' });
  expect(fetch).not.toHaveBeenCalled();
});

it('shows a loading state, then an error with retry that recovers', async () => {
  setDemoOpenid('demo-citizen');
  let online = false;
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  stubFetch(async () => {
    await gate;
    return online
      ? { body: { ok: true, data: makeWhoami('citizen') } }
      : new TypeError('Failed to fetch');
  });
  const { container } = render(<HomePage />);
  expect(container.querySelector('#page-loading')).not.toBeNull();

  release();
  await settle();
  expect(container.querySelector('#page-error-message')?.textContent).toBe(
    '网络不可用，请检查网络后重试',
  );

  online = true;
  await tap(container.querySelector('#page-retry'));
  await settle();
  expect(container.querySelector('#home-greeting')).not.toBeNull();
});

it('greets a new user without a name kindly', async () => {
  setDemoOpenid('demo-new');
  stubFetch(() => ({
    body: { ok: true, data: makeWhoami('citizen', { displayName: '', isNew: true }) },
  }));
  const { container } = render(<HomePage />);
  await settle();
  expect(container.querySelector('#home-greeting')?.textContent).toContain(
    '您好，欢迎使用暖心就业',
  );
});
