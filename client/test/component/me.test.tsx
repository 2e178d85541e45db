/** "我的": profile, staff binding by invitation code, and switching the demo account. */
import Taro from '@tarojs/taro';
import { render } from '@testing-library/react';

import { RedeemInvitationForm } from '../../src/components/RedeemInvitationForm';
import MePage from '../../src/pages/me/index';
import { clearSession, getDemoOpenid, getWhoami, setDemoOpenid } from '../../src/services/session';

import { cloudCalls, makeWhoami, settle, stubFetch, tap, typeInto } from './helpers';

beforeEach(() => {
  clearSession();
  jest.restoreAllMocks();
});

describe('redeem invitation form', () => {
  it.each([
    ['too short', 'abc'],
    ['misreadable letters O and I', 'ABCO1I23'],
    ['empty', ''],
  ])('explains a bad code (%s) under the field and does not call the cloud', async (_, code) => {
    setDemoOpenid('demo-citizen');
    const { fetch } = stubFetch(() => ({ body: { ok: true, data: makeWhoami('caseworker') } }));
    const { container } = render(<RedeemInvitationForm />);

    if (code) await typeInto(container, code);
    await tap(container.querySelector('#redeem-submit'));

    const message = container.querySelector('#redeem-code-field .van-field__error-message');
    expect(message?.textContent).toBe('邀请码应为8位字母或数字，请核对后重新输入');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('sends a valid code in upper case and reports the new role', async () => {
    setDemoOpenid('demo-citizen');
    const staff = makeWhoami('caseworker');
    const { requests } = stubFetch(() => ({ body: { ok: true, data: staff } }));
    const onRedeemed = jest.fn();
    const { container } = render(<RedeemInvitationForm onRedeemed={onRedeemed} />);

    await typeInto(container, ' abcd2345 ');
    await tap(container.querySelector('#redeem-submit'));
    await settle();

    expect(requests.map((r) => r.body)).toEqual([
      { action: 'redeemInvitation', payload: { code: 'ABCD2345' } },
    ]);
    expect(onRedeemed).toHaveBeenCalledWith(staff);
    expect(getWhoami()).toEqual(staff);
  });

  it("shows the cloud's refusal under the field", async () => {
    setDemoOpenid('demo-citizen');
    stubFetch(() => ({
      body: {
        ok: false,
        error: {
          code: 'NOT_FOUND',
          message: '邀请码不存在',
          fields: { code: '邀请码不存在或已过期，请向管理员重新索取' },
        },
      },
    }));
    const { container } = render(<RedeemInvitationForm />);
    await typeInto(container, 'ABCD2345');
    await tap(container.querySelector('#redeem-submit'));
    await settle();
    expect(
      container.querySelector('#redeem-code-field .van-field__error-message')?.textContent,
    ).toBe('邀请码不存在或已过期，请向管理员重新索取');
  });

  it('shows a transport failure above the button', async () => {
    setDemoOpenid('demo-citizen');
    stubFetch(() => new TypeError('Failed to fetch'));
    const { container } = render(<RedeemInvitationForm />);
    await typeInto(container, 'ABCD2345');
    await tap(container.querySelector('#redeem-submit'));
    await settle();
    expect(container.querySelector('#redeem-error')?.textContent).toBe(
      '网络不可用，请检查网络后重试',
    );
  });
});

describe('me page', () => {
  it('shows name, role, organisation and townships of a staff member, without binding', async () => {
    setDemoOpenid('demo-caseworker');
    stubFetch(() => ({ body: { ok: true, data: makeWhoami('caseworker') } }));
    const { container } = render(<MePage />);
    await settle();

    expect(container.querySelector('#me-name')?.textContent).toBe('张敏');
    expect(container.querySelector('#me-role')?.textContent).toBe('包保责任人');
    expect(container.querySelector('#me-org')?.textContent).toContain('就业中心');
    expect(container.querySelector('#me-townships')?.textContent).toContain('任城区 许庄街道');
    expect(container.querySelector('#me-bind')).toBeNull();
  });

  it('lets a citizen open the binding form and become staff', async () => {
    setDemoOpenid('demo-citizen');
    let bound = false;
    const { requests } = stubFetch((request) => {
      const action = (request.body as { action: string }).action;
      if (action === 'redeemInvitation') bound = true;
      return { body: { ok: true, data: makeWhoami(bound ? 'caseworker' : 'citizen') } };
    });
    const { container } = render(<MePage />);
    await settle();
    expect(container.querySelector('#me-role')?.textContent).toBe('求职者');

    await tap(container.querySelector('#me-bind'));
    await typeInto(container.querySelector('#redeem-form')!, 'ABCD2345');
    await tap(container.querySelector('#redeem-submit'));
    await settle();

    expect(cloudCalls(requests)).toEqual(['user.whoami', 'user.redeemInvitation']);
    expect(container.querySelector('#me-role')?.textContent).toBe('包保责任人');
    expect(container.querySelector('#redeem-form')).toBeNull();
  });

  it('closes the binding form on 取消 without calling the cloud again', async () => {
    setDemoOpenid('demo-citizen');
    const { requests } = stubFetch(() => ({ body: { ok: true, data: makeWhoami('citizen') } }));
    const { container } = render(<MePage />);
    await settle();

    await tap(container.querySelector('#me-bind'));
    expect(container.querySelector('#redeem-form')).not.toBeNull();
    await tap(container.querySelector('#redeem-cancel'));
    expect(container.querySelector('#redeem-form')).toBeNull();
    expect(container.querySelector('#me-bind')).not.toBeNull();
    expect(cloudCalls(requests)).toEqual(['user.whoami']);
  });

  it('switches account in h5: forgets the demo openid and returns to login', async () => {
    setDemoOpenid('demo-citizen');
    stubFetch(() => ({ body: { ok: true, data: makeWhoami('citizen') } }));
    const reLaunch = jest.spyOn(Taro, 'reLaunch');
    const { container } = render(<MePage />);
    await settle();

    await tap(container.querySelector('#me-switch-account'));
    expect(getDemoOpenid()).toBeNull();
    expect(reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' });
  });

  it('shows the error with retry when whoami fails', async () => {
    setDemoOpenid('demo-citizen');
    stubFetch(() => ({ status: 500, body: 'oops', raw: true }));
    const { container } = render(<MePage />);
    await settle();
    expect(container.querySelector('#page-error-message')?.textContent).toBe(
      '服务暂时不可用，请稍后重试（500）',
    );
    expect(container.querySelector('#page-retry')).not.toBeNull();
  });
});
