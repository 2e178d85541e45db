/** Admin: the staff invitation form checks itself against the contract, then shows the code. */
import { render } from '@testing-library/react';

import InvitationsPage from '../../src/packages/admin/invitations/index';
import { clearSession, setDemoOpenid } from '../../src/services/session';

import { cloudCalls, settle, stubFetch, tap, typeInto } from './helpers';

beforeEach(() => {
  clearSession();
  setDemoOpenid('demo-admin');
});

it('explains missing choices and a short name without calling the cloud', async () => {
  const { fetch } = stubFetch(() => ({ body: {} }));
  const { container } = render(<InvitationsPage />);

  await typeInto(container.querySelector('#invite-name-field')!, '张');
  await tap(container.querySelector('#invitation-submit'));

  expect(container.querySelector('#invite-role-error')?.textContent).toBe('请选择工作人员的角色');
  expect(container.querySelector('#invite-org-error')?.textContent).toBe('请选择所属机构');
  expect(container.querySelector('#invite-name-field .van-field__error-message')?.textContent).toBe(
    '姓名至少2个字',
  );
  expect(fetch).not.toHaveBeenCalled();
});

it('creates an invitation with the chosen role, org, name and townships and shows the code', async () => {
  const { requests } = stubFetch(() => ({
    body: { ok: true, data: { code: 'K7M3Q9PX', expiresAt: '2025-11-29T06:30:00.000Z' } },
  }));
  const { container } = render(<InvitationsPage />);

  await tap(container.querySelector('#invite-role-caseworker'));
  await tap(container.querySelector('#invite-org-employment'));
  await typeInto(container.querySelector('#invite-name-field')!, '张敏');
  await tap(container.querySelector('#county-370811'));
  await tap(container.querySelector('#township-370811002'));
  await tap(container.querySelector('#invite-days-15'));
  await tap(container.querySelector('#invitation-submit'));
  await settle();

  expect(cloudCalls(requests)).toEqual(['user.createInvitation']);
  expect(requests[0]?.body).toEqual({
    action: 'createInvitation',
    payload: {
      role: 'caseworker',
      org: 'employment',
      displayName: '张敏',
      townships: ['370811002'],
      validDays: 15,
    },
  });
  expect(container.querySelector('#invitation-code')?.textContent).toBe('K7M3Q9PX');
  // 06:30 UTC is 14:30 in Shanghai.
  expect(container.querySelector('#invitation-expiry')?.textContent).toBe(
    '有效期至 2025年11月29日 14:30',
  );
});

it("shows the cloud's refusal and lets the admin try again", async () => {
  stubFetch(() => ({
    body: { ok: false, error: { code: 'FORBIDDEN', message: '您没有权限进行此操作' } },
  }));
  const { container } = render(<InvitationsPage />);
  await tap(container.querySelector('#invite-role-supervisor'));
  await tap(container.querySelector('#invite-org-market'));
  await typeInto(container.querySelector('#invite-name-field')!, '刘强');
  await tap(container.querySelector('#invitation-submit'));
  await settle();

  expect(container.querySelector('#invitation-error')?.textContent).toBe('您没有权限进行此操作');
  expect(container.querySelector('#invitation-submit')?.closest('.van-button')?.textContent).toBe(
    '重新生成',
  );
});
