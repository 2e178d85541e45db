/**
 * Issue 4 end to end: a person onboards their company, posts a vacancy that says "限男性" and is
 * told which law forbids it (nothing published), fixes the wording, the 市场服务中心 verifies the
 * company — which publishes the waiting vacancy — and a registered citizen finds it among the
 * open positions.
 */
import { usccCheckChar } from '@nuanxin/shared';

import { phone, screenshot } from './browser';
import { loginAs, startWorld, type World } from './world';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world?.close();
});

const TITLE = '电子装配工（白班）';

it('an employer onboards and posts; "限男性" is refused naming the law; staff approve; a citizen finds it', async () => {
  const employer = await phone(world.browser);
  await loginAs(world, employer, 'demo-citizen-1');
  await employer.locator('#entry-company-onboarding').click();
  await employer.locator('#company-choose-register').click();
  await employer.locator('#company-form').waitFor();
  await employer.locator('#field-name input').fill('济宁新星电子有限公司');
  await employer
    .locator('#field-uscc input')
    .fill('91370811MA3D5Y8L3' + usccCheckChar('91370811MA3D5Y8L3'));
  await employer.locator('#industry-C').click();
  await employer.locator('#county-370811').click();
  await employer.locator('#township-370811002').click();
  await employer.locator('#field-address input').fill('任城区示例路8号');
  await employer.locator('#field-contactName input').fill('周经理');
  await employer.locator('#field-contactMobile input').fill('13900005371');
  await screenshot(employer, 'employer-onboarding-form');
  await employer.locator('#company-submit').click();
  await employer.locator('#company-status', { hasText: '待核验' }).waitFor({ timeout: 10_000 });
  await screenshot(employer, 'employer-company-pending');
  const [company] = world.cloud.store
    .collection('companies')
    .find({ name: '济宁新星电子有限公司' });
  expect(company).toMatchObject({ status: 'pending' });

  await employer.locator('#company-post-job').click();
  await employer.locator('#vacancy-form').waitFor();
  await employer.locator('#field-title input').fill(TITLE);
  await employer.locator('#field-occupationCode input').fill('电子设备装接');
  await employer.locator('#occupation-6-25-04-07').click();
  await employer.locator('#field-headcount input').fill('5');
  await employer.locator('#field-salaryMin input').fill('3800');
  await employer.locator('#field-salaryMax input').fill('5000');
  await employer.locator('#work-type-fullTime').click();
  const requirements = employer.locator('#field-requirements textarea');
  await requirements.fill('限男性，能适应倒班');
  await requirements.blur();
  // Screening on leaving the field already names the phrase and the law…
  const error = employer.locator('#field-requirements .field-error');
  await expect(error.innerText()).resolves.toMatch(/限男性[\s\S]*就业促进法/);
  const before = world.cloud.store.collection('vacancies').count();
  const events = () =>
    world.cloud.store.collection('ad_screening_events').find({ kind: 'blocked', category: 'sex' });
  await Promise.all([
    employer.waitForResponse((r) => r.url().includes('/cloud/employer')),
    employer.locator('#vacancy-submit').click(),
  ]);
  // …and the cloud refuses the save too (counted for 清理歧视性招聘信息数), nothing published.
  expect(events()).toHaveLength(1);
  await expect(error.innerText()).resolves.toMatch(/就业促进法/);
  expect(world.cloud.store.collection('vacancies').count()).toBe(before);
  await screenshot(employer, 'employer-vacancy-refused');

  await requirements.fill('男女不限，能适应倒班');
  await requirements.blur();
  await employer.locator('#vacancy-submit').click();
  await employer.locator('#vacancy-result').waitFor({ timeout: 10_000 });
  await expect(employer.locator('#vacancy-result-status').innerText()).resolves.toContain('待审核');
  await expect(employer.locator('#vacancy-result-reasons').innerText()).resolves.toMatch(/核验/);
  await screenshot(employer, 'employer-vacancy-waiting');
  const [vacancy] = world.cloud.store.collection('vacancies').find({ title: TITLE });
  expect(vacancy).toMatchObject({ status: 'pendingReview', companyId: company!._id });
  await employer.context().close();

  const staff = await phone(world.browser);
  await loginAs(world, staff, 'demo-market-1');
  await staff.locator('#entry-vacancy-review').click();
  await staff.locator(`#company-${company!._id}`).waitFor({ timeout: 10_000 });
  await screenshot(staff, 'market-review-queue');
  await staff.locator(`#approve-company-${company!._id}`).click();
  await staff.locator(`#company-${company!._id}`).waitFor({ state: 'detached', timeout: 10_000 });
  expect(world.cloud.store.collection('vacancies').find({ _id: vacancy!._id })[0]).toMatchObject({
    status: 'published',
  });
  await screenshot(staff, 'market-review-done');
  await staff.context().close();

  const citizen = await phone(world.browser);
  await loginAs(world, citizen, 'demo-citizen-2');
  await citizen.locator('#entry-jobs').click();
  await citizen.locator('#job-search input').fill('电子装配');
  await citizen.locator('#job-search-submit').click();
  const card = citizen.locator(`#vacancy-${vacancy!._id}`);
  await card.waitFor({ timeout: 10_000 });
  await expect(card.innerText()).resolves.toContain('济宁新星电子有限公司');
  await screenshot(citizen, 'citizen-finds-vacancy');
  await card.click();
  await citizen.locator('#vacancy-detail').waitFor({ timeout: 10_000 });
  await expect(citizen.locator('#vacancy-detail').innerText()).resolves.toContain('男女不限');
  await screenshot(citizen, 'citizen-vacancy-detail');
  await citizen.context().close();
});
