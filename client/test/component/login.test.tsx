/** The h5 dev login page: lists the gateway's demo accounts and signs in with the one tapped. */
import Taro from '@tarojs/taro';
import { render, screen } from '@testing-library/react';

import LoginPage from '../../src/pages/login/index';
import { clearSession, getDemoOpenid, getWhoami } from '../../src/services/session';

import { cloudCalls, makeWhoami, settle, stubFetch, tap } from './helpers';

const ACCOUNTS = [
  {
    note: '就业困难人员，已办理失业登记',
    openid: 'demo-citizen-1',
    displayName: '王芳',
    role: 'citizen',
    roleLabel: '求职者',
    org: null,
    orgLabel: null,
  },
  {
    openid: 'demo-employer-1',
    displayName: '济宁鲁源机械有限公司',
    role: 'employer',
    roleLabel: '用人单位',
    org: null,
    orgLabel: null,
  },
  {
    openid: 'demo-caseworker-1',
    displayName: '张敏',
    role: 'caseworker',
    roleLabel: '包保责任人',
    org: 'employment',
    orgLabel: '就业中心',
  },
  {
    openid: 'demo-caseworker-2',
    displayName: '赵磊',
    role: 'caseworker',
    roleLabel: '包保责任人',
    org: 'market',
    orgLabel: '市场服务中心',
  },
  {
    openid: 'demo-admin-1',
    displayName: '陈静',
    role: 'admin',
    roleLabel: '系统管理员',
    org: 'employment',
    orgLabel: '就业中心',
  },
];

beforeEach(() => {
  clearSession();
  jest.restoreAllMocks();
});

function gateway(whoamiFor: (openid: string | undefined) => unknown = () => null) {
  return stubFetch((request) => {
    if (request.url === '/_dev/accounts.json') return { body: ACCOUNTS };
    if (request.url === '/cloud/user') {
      const openid = request.headers['x-wx-openid'];
      const account = ACCOUNTS.find((a) => a.openid === openid);
      const data =
        whoamiFor(openid) ??
        makeWhoami(account!.role as 'citizen', { displayName: account!.displayName });
      return { body: { ok: true, data } };
    }
    return { status: 404, body: 'not found', raw: true };
  });
}

it('lists every demo account under its role, with a clear heading', async () => {
  gateway();
  const { container } = render(<LoginPage />);
  await settle();

  expect(container.querySelector('#login-title')?.textContent).toBe(
    '演示账号登录（仅本地开发环境）',
  );
  for (const account of ACCOUNTS) {
    const item = container.querySelector(`#account-${account.openid}`);
    expect(item?.textContent).toContain(account.displayName);
  }
  // Role groups in the usual order; the two caseworkers share one group.
  const groupTitles = [...container.querySelectorAll('.van-cell-group__title')].map(
    (el) => el.textContent,
  );
  expect(groupTitles).toEqual(['求职者', '用人单位', '包保责任人', '系统管理员']);
  expect(screen.getByText('市场服务中心')).toBeTruthy();
  // The gateway's note on who the demo person is helps pick the right account.
  expect(container.querySelector('#account-demo-citizen-1')?.textContent).toContain(
    '就业困难人员，已办理失业登记',
  );
});

it('stores the tapped account, asks whoami as that account, then opens the home tab', async () => {
  const { requests } = gateway();
  const switchTab = jest.spyOn(Taro, 'switchTab');
  const { container } = render(<LoginPage />);
  await settle();

  await tap(container.querySelector('#account-demo-caseworker-1'));
  await settle();

  expect(getDemoOpenid()).toBe('demo-caseworker-1');
  expect(Taro.getStorageSync('nuanxin.demoOpenid')).toBe('demo-caseworker-1');
  const whoamiRequest = requests.find((r) => r.url === '/cloud/user');
  expect(whoamiRequest?.headers['x-wx-openid']).toBe('demo-caseworker-1');
  expect(getWhoami()?.displayName).toBe('张敏');
  expect(switchTab).toHaveBeenCalledWith({ url: '/pages/home/index' });
});

it('shows an error with retry when the account list cannot be fetched, and recovers', async () => {
  let up = false;
  stubFetch((request) => {
    if (!up) return new TypeError('Failed to fetch');
    if (request.url === '/_dev/accounts.json') return { body: ACCOUNTS };
    return { status: 404, body: '', raw: true };
  });
  const { container } = render(<LoginPage />);
  await settle();
  expect(container.querySelector('#page-error-message')?.textContent).toBe(
    '网络不可用，请确认本地服务已启动后重试',
  );

  up = true;
  await tap(container.querySelector('#page-retry'));
  await settle();
  expect(container.querySelector('#account-demo-citizen-1')).not.toBeNull();
});

it('says so when the gateway has no demo accounts', async () => {
  stubFetch(() => ({ body: [] }));
  const { container } = render(<LoginPage />);
  await settle();
  expect(container.querySelector('#page-empty')?.textContent).toContain('暂无演示账号');
});

it('stays on the page with the reason when whoami fails', async () => {
  const { requests } = stubFetch((request) => {
    if (request.url === '/_dev/accounts.json') return { body: ACCOUNTS };
    return { status: 500, body: '<html></html>', raw: true };
  });
  const switchTab = jest.spyOn(Taro, 'switchTab');
  const { container } = render(<LoginPage />);
  await settle();

  await tap(container.querySelector('#account-demo-citizen-1'));
  await settle();

  expect(cloudCalls(requests)).toEqual(['user.whoami']);
  expect(container.querySelector('#login-error')?.textContent).toBe(
    '王芳：服务暂时不可用，请稍后重试（500）',
  );
  expect(switchTab).not.toHaveBeenCalled();
});
