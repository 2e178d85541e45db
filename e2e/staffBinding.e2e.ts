/**
 * The house's one write journey end to end: an admin issues an invitation code in the H5 app, a
 * person types a wrong code (told why, nothing written) and then the right one under 我的 →
 * 工作人员绑定, and becomes that caseworker.
 */
import { phone, screenshot } from './browser';
import { loginAs, startWorld, type World } from './world';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world?.close();
});

it('an admin issues a code; a person binds with it and becomes a caseworker', async () => {
  const admin = await phone(world.browser);
  await loginAs(world, admin, 'demo-admin');
  await admin.locator('#entry-invitations').click();
  await admin.locator('#invitation-form').waitFor();
  await admin.locator('#invite-role-caseworker').click();
  await admin.locator('#invite-org-employment').click();
  await admin.locator('#invite-name-field input').fill('赵新同');
  await admin.locator('#invitation-submit').click();
  const code = (await admin.locator('#invitation-code').innerText()).trim();
  expect(code).toMatch(/^[23456789A-HJKMNP-Z]{8}$/);
  await screenshot(admin, 'admin-invitation-issued');
  await admin.context().close();

  const person = await phone(world.browser);
  await loginAs(world, person, 'demo-citizen-8');
  await person.locator('.taro-tabbar__tabbar >> text=我的').click();
  await person.locator('#me-bind:visible').click();
  const field = person.locator('#redeem-code-field input');

  const before = world.cloud.writeCount();
  await field.fill('abc');
  await person.locator('#redeem-submit').click();
  await expect(person.locator('#redeem-code-field').innerText()).resolves.toContain(
    '邀请码应为8位',
  );
  expect(world.cloud.writeCount()).toBe(before);
  await screenshot(person, 'redeem-bad-code');

  await field.fill(code.toLowerCase());
  await person.locator('#redeem-submit').click();
  await person.locator('#me-role:visible', { hasText: '包保责任人' }).waitFor({ timeout: 10_000 });
  await expect(person.locator('#me-name:visible').innerText()).resolves.toContain('赵新同');
  await screenshot(person, 'redeem-bound');
  await person.context().close();

  const [user] = world.cloud.store.collection('users').find({ openid: 'demo-citizen-8' });
  expect(user).toMatchObject({ role: 'caseworker', org: 'employment', displayName: '赵新同' });
});
