/**
 * The house's one write journey end to end: an admin issues an invitation code in the H5 app, a
 * person types a wrong code (told why, nothing written) and then the right one under 我的 →
 * 工作人员绑定, and becomes that caseworker.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import type { Browser, Page } from 'playwright-core';

import {
  createLocalCloud,
  loadCloudFunctions,
  seedDemo,
  startGateway,
  type LocalCloud,
} from '@nuanxin/local';

import { launch, phone, screenshot } from './browser';

const h5Dir = join(__dirname, '..', 'client', 'dist', 'h5');
let cloud: LocalCloud;
let gateway: Awaited<ReturnType<typeof startGateway>>;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(join(h5Dir, 'index.html')))
    throw new Error('缺少 H5 构建：请先运行 npm run build:h5');
  cloud = await createLocalCloud({ functions: loadCloudFunctions() });
  await seedDemo(cloud);
  gateway = await startGateway({ cloud, port: 0, host: '127.0.0.1', h5Dir });
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await gateway?.close();
  await cloud?.close();
});

async function loginAs(page: Page, openid: string): Promise<void> {
  await page.goto(`${gateway.url}/#/pages/login/index`);
  await page.locator(`#account-${openid}`).click();
  await page.locator('#home-greeting').waitFor();
  await page.locator('#login-title').waitFor({ state: 'hidden' });
}

it('an admin issues a code; a person binds with it and becomes a caseworker', async () => {
  const admin = await phone(browser);
  await loginAs(admin, 'demo-admin');
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

  const person = await phone(browser);
  await loginAs(person, 'demo-citizen-8');
  await person.locator('.taro-tabbar__tabbar >> text=我的').click();
  await person.locator('#me-bind:visible').click();
  const field = person.locator('#redeem-code-field input');

  const before = cloud.writeCount();
  await field.fill('abc');
  await person.locator('#redeem-submit').click();
  await expect(person.locator('#redeem-code-field').innerText()).resolves.toContain(
    '邀请码应为8位',
  );
  expect(cloud.writeCount()).toBe(before);
  await screenshot(person, 'redeem-bad-code');

  await field.fill(code.toLowerCase());
  await person.locator('#redeem-submit').click();
  await person.locator('#me-role:visible', { hasText: '包保责任人' }).waitFor({ timeout: 10_000 });
  await expect(person.locator('#me-name:visible').innerText()).resolves.toContain('赵新同');
  await screenshot(person, 'redeem-bound');
  await person.context().close();

  const [user] = cloud.store.collection('users').find({ openid: 'demo-citizen-8' });
  expect(user).toMatchObject({ role: 'caseworker', org: 'employment', displayName: '赵新同' });
});
