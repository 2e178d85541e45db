/**
 * 为您推荐 end to end (issue 5): 李秀英 opens 推荐岗位 and lands on her recommendations, each with
 * its reasons and the sentence on how they are made; in 推荐设置 she agrees to be suggested to
 * employers; the employer opens 推荐人选 on a fitting vacancy, sees her masked and invites her;
 * the invitation reaches her 消息. Screenshots in e2e/artifacts/recommendations-*.png.
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
const EMPLOYER = 'demo-employer-3'; // 济宁众诚家政服务有限公司: 家政, 保洁, 养老

it('为您推荐 with reasons, 推荐设置, and an employer’s invitation', async () => {
  const errors: string[] = [];

  // 1. Her recommendations, first, with the reasons.
  const li = await phone(world.browser);
  li.on('pageerror', (e) => errors.push(e.message));
  await loginAs(world, li, LI);
  await li.locator('#entry-jobs:visible').click();
  await li.locator('#pane-rec:visible').waitFor();
  await expect(li.locator('#tab-rec:visible').getAttribute('aria-selected')).resolves.toBe('true');
  await expect(li.locator('#rec-explanation:visible').innerText()).resolves.toContain('推荐理由');
  const cards = li.locator('#pane-rec .vacancy-card:visible');
  expect(await cards.count()).toBeGreaterThanOrEqual(10);
  await expect(cards.first().innerText()).resolves.toMatch(/意向职业一致|与意向职业同属/);
  await screenshot(li, 'recommendations-seeker', { fullPage: false });

  // 2. Settings: both switches explained; she agrees to be suggested to employers.
  await li.locator('#rec-settings:visible').click();
  await li.locator('#setting-suggest:visible').waitFor();
  await li.locator('#setting-suggest:visible').click();
  await li.locator('#setting-suggest[aria-checked="true"]:visible').waitFor();
  await screenshot(li, 'recommendations-settings', { fullPage: false });
  const [prefs] = world.cloud.store.collection('match_preferences').find({ _id: LI }) as any[];
  expect(prefs).toMatchObject({ personalised: true, suggestToEmployers: true });

  // 3. The employer: 我的岗位 → 推荐人选 on their 家政服务员 vacancy → 邀请投递.
  const [company] = world.cloud.store
    .collection('companies')
    .find({ name: '济宁众诚家政服务有限公司' }) as any[];
  const [vacancy] = world.cloud.store.collection('vacancies').find({
    companyId: company._id,
    occupationCode: '4-10-01-06',
    status: 'published',
  }) as any[];
  const employer = await phone(world.browser);
  employer.on('pageerror', (e) => errors.push(e.message));
  await loginAs(world, employer, EMPLOYER);
  await employer.goto(`${world.url}/#/packages/employer/vacancies/index`);
  await employer.locator(`#vacancy-${vacancy._id}-candidates:visible`).click();
  const [registration] = world.cloud.store
    .collection('registrations')
    .find({ openid: LI, status: 'registered' }) as any[];
  const card = employer.locator(`#candidate-${registration._id}:visible`);
  await card.waitFor();
  const text = await card.innerText();
  expect(text).toContain('李某');
  expect(text).not.toContain('李秀英');
  await screenshot(employer, 'recommendations-candidates', { fullPage: false });
  await employer.locator(`#candidate-${registration._id}-invite:visible`).click();
  await employer.locator(`#candidate-${registration._id}-invited:visible`).waitFor();

  // 4. She finds the invitation in 消息.
  await li.goto(`${world.url}/#/pages/inbox/index`);
  const invitation = li.locator('.inbox-item:visible').filter({ hasText: '邀请您投递' });
  await invitation.first().waitFor();
  await screenshot(li, 'recommendations-invitation', { fullPage: false });

  expect(errors).toEqual([]);
});
