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

// Shift work, as the requirements below say ("能适应倒班").
const TITLE = '电子装配工（倒班）';

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
  // The law is named once, at the field; by the button only the field to fix.
  const page = await employer.locator('#vacancy-form').innerText();
  expect(page.split('违反《就业促进法》')).toHaveLength(2);
  await expect(employer.locator('#vacancy-submit-fix-hint').innerText()).resolves.toContain(
    '其他任职要求',
  );
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
  // A registered citizen may land on 为您推荐 first; the search is under 全部岗位.
  await citizen.locator('#job-search, #tab-all').first().waitFor({ timeout: 10_000 });
  if (await citizen.locator('#tab-all').count()) await citizen.locator('#tab-all').click();
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

it('a company that did not pass is told what to do, corrects itself and is back in the queue; a waiting vacancy is withdrawn, not “filled”', async () => {
  const first17 = '91370811MA3D6X9M4';
  const employer = await phone(world.browser);
  await loginAs(world, employer, 'demo-citizen-3');
  await employer.locator('#entry-company-onboarding').click();
  await employer.locator('#company-choose-register').click();
  await employer.locator('#company-form').waitFor();
  await employer.locator('#field-name input').fill('济宁恒达机械有限公司');
  await employer.locator('#field-uscc input').fill(first17 + usccCheckChar(first17));
  await employer.locator('#industry-C').click();
  await employer.locator('#county-370811').click();
  await employer.locator('#township-370811002').click();
  await employer.locator('#field-address input').fill('任城区示例路18号');
  await employer.locator('#field-contactName input').fill('孙经理');
  await employer.locator('#field-contactMobile input').fill('13900005372');
  await employer.locator('#company-submit').click();
  await employer.locator('#company-status', { hasText: '待核验' }).waitFor({ timeout: 10_000 });
  const [company] = world.cloud.store
    .collection('companies')
    .find({ name: '济宁恒达机械有限公司' });

  // A vacancy posted meanwhile waits for the company's verification: it can be withdrawn only.
  await employer.locator('#company-vacancies').click();
  await employer.locator('#vacancies-post-job').click();
  await employer.locator('#vacancy-form').waitFor();
  await employer.locator('#field-title input').fill('机修工');
  await employer.locator('#field-occupationCode input').fill('机修钳工');
  await employer.locator('#occupation-6-31-01-02').click();
  await employer.locator('#field-salaryMin input').fill('4500');
  await employer.locator('#field-salaryMax input').fill('6000');
  await employer.locator('#work-type-fullTime').click();
  await employer.locator('#vacancy-submit').click();
  await employer.locator('#vacancy-result').waitFor({ timeout: 10_000 });
  await employer.locator('#vacancy-to-list').click();
  const [vacancy] = world.cloud.store.collection('vacancies').find({ title: '机修工' });
  const card = employer.locator(`#vacancy-${vacancy!._id}`);
  await card.waitFor({ timeout: 10_000 });
  await expect(card.innerText()).resolves.not.toContain('已招满');
  await employer.locator(`#vacancy-${vacancy!._id}-close`).click();
  await employer.locator(`#vacancy-${vacancy!._id}-close-panel`).waitFor();
  await screenshot(employer, 'employer-vacancy-withdraw');
  await employer.locator(`#vacancy-${vacancy!._id}-close-confirm`).click();
  await employer
    .locator(`#vacancy-${vacancy!._id}-status`, { hasText: '已关闭' })
    .waitFor({ timeout: 10_000 });

  // Staff do not verify the company.
  const staff = await phone(world.browser);
  await loginAs(world, staff, 'demo-market-1');
  await staff.locator('#entry-vacancy-review').click();
  await staff.locator(`#reject-company-${company!._id}`).click({ timeout: 10_000 });
  await staff
    .locator(`#reject-company-${company!._id}-panel textarea`)
    .fill('单位名称与营业执照不一致，请核对后重新提交');
  await staff.locator(`#reject-company-${company!._id}-confirm`).click();
  await staff.locator(`#company-${company!._id}`).waitFor({ state: 'detached', timeout: 10_000 });

  // The employer sees why, what to do, and whom to call; corrects and submits again.
  await employer.goto(employer.url().replace(/#.*$/, '#/packages/employer/company/index'));
  await employer.reload();
  await employer.locator('#company-next-steps').waitFor({ timeout: 10_000 });
  await expect(employer.locator('#company-next-steps').innerText()).resolves.toMatch(
    /重新提交核验[\s\S]*0537-12333/,
  );
  await screenshot(employer, 'employer-company-rejected');
  await employer.locator('#company-resubmit').click();
  await employer.locator('#company-form').waitFor();
  await employer.locator('#field-name input').fill('济宁恒达机械制造有限公司');
  await screenshot(employer, 'employer-company-resubmit-form');
  await employer.locator('#company-submit').click();
  await employer.locator('#company-status', { hasText: '待核验' }).waitFor({ timeout: 10_000 });
  expect(world.cloud.store.collection('companies').find({ _id: company!._id })[0]).toMatchObject({
    status: 'pending',
    name: '济宁恒达机械制造有限公司',
  });

  await staff.reload();
  await staff.locator(`#company-${company!._id}-resubmitted`).waitFor({ timeout: 10_000 });
  await screenshot(staff, 'market-review-resubmitted');
  await staff.context().close();
  await employer.context().close();
});
