/**
 * 失业登记 end to end (issue 3): a citizen consents, types a wrong ID number and sees why at the
 * field, fixes it, fills the four steps and submits; the result names their 包保 caseworker. The
 * caseworker then logs in and finds the new person with the ID number masked.
 */
import type { Page } from 'playwright-core';

import { idCardCheckChar } from '@nuanxin/shared';

import { phone, screenshot } from './browser';
import { loginAs, startWorld, type World } from './world';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world?.close();
});

// A made-up man born 1978-06-15 in 任城区 (odd sequence digit → male), with its check character.
const FIRST17 = '37081119780615031';
const ID = FIRST17 + idCardCheckChar(FIRST17);
const WRONG = FIRST17 + (ID.endsWith('1') ? '2' : '1');

const field = (page: Page, name: string) => page.locator(`#field-${name} input`).first();

it('a citizen registers (wrong ID first) and their caseworker finds them, ID masked', async () => {
  const page = await phone(world.browser);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await loginAs(world, page, 'demo-citizen-8');
  await page.locator('#entry-registration').click();

  // 1. Separate consent before anything sensitive is typed.
  await page.locator('#consent-agree').click();
  await page.locator('#form-step-identity').waitFor();
  const [consent] = world.cloud.store.collection('consents').find({ openid: 'demo-citizen-8' });
  expect(consent).toMatchObject({ purpose: 'registration', withdrawnAt: null });

  // 2. A wrong check character is explained at the field, and nothing moves on.
  await field(page, 'name').fill('周建华');
  await field(page, 'idNumber').fill(WRONG);
  await field(page, 'mobile').click();
  await expect(page.locator('#field-idNumber .field-error').innerText()).resolves.toContain(
    '校验位',
  );
  await page.locator('#field-idNumber').scrollIntoViewIfNeeded();
  await screenshot(page, 'registration-wrong-id', { fullPage: false });
  await page.locator('#form-next').click();
  await expect(page.locator('#form-step-identity').isVisible()).resolves.toBe(true);

  await field(page, 'idNumber').fill(ID);
  await field(page, 'mobile').fill('13812345678');
  await expect(page.locator('#field-idNumber .field-error').count()).resolves.toBe(0);
  await field(page, 'hukouPlace').fill('山东省济宁市任城区');
  await page.locator('#hukou-urban').click();
  await page.locator('#county-370811').click();
  await page.locator('#township-370811006').click();
  await field(page, 'community').fill('南张社区');
  await page.locator('#location-township').click();
  await page.locator('#education-seniorHigh').click();
  await page.locator('#form-next').click();

  // 3. Work history: never employed, not insured.
  await page.locator('#form-step-work').waitFor();
  await page.locator('#reason-neverEmployed').click();
  await page.locator('#insured-no').click();
  await page.locator('#form-next').click();

  // 4. No key-group declarations; 5. wishes.
  await page.locator('#form-step-declarations').waitFor();
  await page.locator('#form-next').click();
  await page.locator('#form-step-wishes').waitFor();
  await page.locator('#occupation-search input').fill('保洁');
  await page.locator('#occupation-4-09-08-01').click();
  await field(page, 'salaryMin').fill('3000');
  await field(page, 'salaryMax').fill('4500');
  await page.locator('#commute-10').click();
  await page.locator('#worktype-fullTime').click();
  await page.locator('#form-submit').click();

  // The result names the caseworker of 任城区's 就业中心.
  await page.locator('#result-status:visible').waitFor({ timeout: 15_000 });
  await expect(page.locator('#result-status:visible').innerText()).resolves.toContain('已登记');
  await expect(page.locator('#result-caseworker:visible').innerText()).resolves.toContain('张敏');
  await screenshot(page, 'registration-result');
  expect(errors).toEqual([]);
  await page.context().close();

  const [registration] = world.cloud.store
    .collection('registrations')
    .find({ openid: 'demo-citizen-8', status: 'registered' });
  expect(registration).toMatchObject({ caseworkerOpenid: 'demo-caseworker-370811' });
  expect(JSON.stringify(registration)).not.toContain(ID); // encrypted at rest
  expect(world.cloud.outbox().some((m) => m.touser === 'demo-citizen-8')).toBe(true);

  // The caseworker finds the new person in the caseload; the person page masks the ID number.
  const staff = await phone(world.browser);
  await loginAs(world, staff, 'demo-caseworker-370811');
  await staff.locator('#entry-my-seekers').click();
  const row = staff.locator(`#person-${String(registration!._id)}`);
  await row.waitFor({ timeout: 15_000 });
  expect(await row.innerText()).toContain('周建华');
  expect(await row.innerText()).not.toContain(ID);
  await screenshot(staff, 'caseworker-finds-new-person');
  await row.click();
  const masked = staff.locator('#person-id-masked:visible');
  await masked.waitFor({ timeout: 15_000 });
  expect(await masked.innerText()).toContain(`${ID.slice(0, 6)}********${ID.slice(14)}`);
  expect(await staff.locator('#person-page:visible').innerText()).not.toContain(ID);
  await screenshot(staff, 'caseworker-person-masked');
  await staff.context().close();
});
