/**
 * 感兴趣 end to end (issue 5, Applications): 李秀英 opens a position, taps 感兴趣 and reads what
 * the employer will see before anything is sent; the employer finds her on 应聘管理 under
 * 感兴趣的求职者 — masked as 李某 — and invites her; the invitation reaches her 消息, and 我的投递
 * lists the position with 去投递. Screenshots in e2e/artifacts/interest-*.png.
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

const LI = 'demo-citizen-2';
const EMPLOYER = 'demo-employer-1'; // 济宁鲁运物流有限公司

it('a seeker marks interest; the employer sees her masked and invites her', async () => {
  const errors: string[] = [];
  const store = world.cloud.store;
  const [vacancy] = store.collection('vacancies').find({ title: '仓库理货员' }) as any[];
  const [registration] = store
    .collection('registrations')
    .find({ openid: LI, status: 'registered' }) as any[];

  // 1. The position's page: 感兴趣 beside 投递简历; the first tap explains, then marks.
  const li = await phone(world.browser);
  li.on('pageerror', (e) => errors.push(e.message));
  await loginAs(world, li, LI);
  await li.goto(`${world.url}/#/packages/seeker/jobs/detail/index?id=${vacancy._id}`);
  await li.locator('#interest:visible').waitFor();
  await li.locator('#interest-hint:visible').scrollIntoViewIfNeeded();
  await screenshot(li, 'interest-position', { fullPage: false });
  await li.locator('#interest:visible').click();
  await li.locator('#interest-sheet:visible').waitFor();
  await expect(li.locator('#interest-shown:visible').innerText()).resolves.toContain('王某');
  await expect(li.locator('#interest-hidden:visible').innerText()).resolves.toContain('身份证号');
  await screenshot(li, 'interest-explanation', { fullPage: false });
  expect(store.collection('job_interests').count()).toBe(0);
  await li.locator('#interest-sheet-confirm:visible').click();
  await li.locator('#interest-sheet').waitFor({ state: 'detached' });
  await expect(li.locator('#interest-hint:visible').innerText()).resolves.toContain('已告诉');
  await screenshot(li, 'interest-marked', { fullPage: false });
  expect(store.collection('job_interests').find({})).toEqual([
    expect.objectContaining({ openid: LI, vacancyId: vacancy._id }),
  ]);

  // 2. The employer: 应聘管理 → 感兴趣的求职者 → 李某 → 邀请投递.
  const employer = await phone(world.browser);
  employer.on('pageerror', (e) => errors.push(e.message));
  await loginAs(world, employer, EMPLOYER);
  await employer.locator('#entry-applications:visible').click();
  await employer.locator('#applications-interested:visible').waitFor();
  await expect(employer.locator('#view-interested:visible').innerText()).resolves.toBe(
    '感兴趣的求职者（1）',
  );
  await screenshot(employer, 'interest-employer-applications', { fullPage: false });
  await employer.locator('#applications-interested:visible').click();
  const card = employer.locator(`#interested-${vacancy._id}-${registration._id}:visible`);
  await card.waitFor();
  const text = await card.innerText();
  expect(text).toContain('李某');
  expect(text).not.toContain('李秀英');
  expect(text).not.toContain(registration.identity.mobile);
  await expect(
    employer.locator(`#interested-vacancy-${vacancy._id}-count:visible`).innerText(),
  ).resolves.toBe('仓库理货员 · 1 人感兴趣');
  await screenshot(employer, 'interest-employer-list', { fullPage: false });
  await employer.locator(`#interested-${vacancy._id}-${registration._id}-invite:visible`).click();
  await employer
    .locator(`#interested-${vacancy._id}-${registration._id}-invited:visible`)
    .waitFor();

  // 3. She finds the invitation in 消息, and the position in 我的投递 → 感兴趣的岗位.
  await li.goto(`${world.url}/#/pages/inbox/index`);
  const invitation = li.locator('.inbox-item:visible').filter({ hasText: '感兴趣' });
  await invitation.first().waitFor();
  await screenshot(li, 'interest-invitation', { fullPage: false });
  await li.goto(`${world.url}/#/packages/seeker/applications/index`);
  await li.locator('#tab-interests:visible').click();
  await li.locator(`#interest-${vacancy._id}-invited:visible`).waitFor();
  await expect(li.locator(`#interest-${vacancy._id}-state:visible`).innerText()).resolves.toBe(
    '招聘中',
  );
  await screenshot(li, 'interest-mine', { fullPage: false });

  expect(errors).toEqual([]);
});
