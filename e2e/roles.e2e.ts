/**
 * Each role logs in on the H5 build served by the local gateway and reaches its own home.
 * Screenshots go to e2e/artifacts/ (ignored by git) to be looked at.
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

const ROLES = [
  {
    key: 'citizen',
    openid: 'demo-citizen-1',
    name: '王小雨',
    label: '求职者',
    entry: 'entry-registration',
  },
  {
    key: 'employer',
    openid: 'demo-employer-1',
    name: '王经理',
    label: '用人单位',
    entry: 'entry-post-job',
  },
  {
    key: 'caseworker',
    openid: 'demo-caseworker-370811',
    name: '张敏',
    label: '包保责任人',
    entry: 'entry-my-seekers',
  },
  {
    key: 'supervisor',
    openid: 'demo-supervisor',
    name: '孙建国',
    label: '业务主管',
    entry: 'entry-ledger',
  },
  {
    key: 'admin',
    openid: 'demo-admin',
    name: '刘海燕',
    label: '系统管理员',
    entry: 'entry-invitations',
  },
];

it.each(ROLES)(
  '$key logs in and reaches the $label home',
  async ({ key, openid, name, label, entry }) => {
    const page = await phone(world.browser);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await loginAs(world, page, openid);
    const greeting = page.locator('#home-greeting');
    await expect(greeting.innerText()).resolves.toContain(name);
    await expect(greeting.innerText()).resolves.toContain(label);
    await page.locator(`#${entry}`).waitFor();
    await screenshot(page, `home-${key}`);
    expect(errors).toEqual([]);
    await page.context().close();
  },
);

it('without a chosen account the H5 app sends the visitor to the demo login', async () => {
  const page = await phone(world.browser);
  await page.goto(`${world.url}/`);
  await page.waitForURL(/pages\/login\/index/, { timeout: 15_000 });
  await page.locator('[id^="account-"]').first().waitFor({ timeout: 15_000 });
  await expect(page.locator('body').innerText()).resolves.toContain('演示账号');
  await screenshot(page, 'login');
  await page.context().close();
});
