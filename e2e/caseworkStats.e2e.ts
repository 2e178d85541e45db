/**
 * 包保服务统计 in Chromium: 张敏 records a 走访慰问 visit and a 临时救助 for 李秀英 (seed); the
 * supervisor opens 包保服务统计 from home, finds this month's numbers by township, taps the relief
 * amount and sees 李秀英 with the contact behind it. Screenshots of the table and the drill-down.
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

const ZHANG = 'demo-caseworker-370811';

async function record(payload: object) {
  const res = (await world.cloud.invoke(
    'casework',
    { action: 'recordContact', payload },
    { openid: ZHANG },
  )) as { ok: boolean };
  expect(res.ok).toBe(true);
}

it('the supervisor reads the month’s 包保 services by township and drills down to the person', async () => {
  const [li] = world.cloud.store
    .collection('registrations')
    .find({ 'identity.name': '李秀英' }) as { _id: string; township: string }[];
  await record({ registrationId: li!._id, kind: 'visit', channel: 'home', note: '入户走访慰问' });
  await record({
    registrationId: li!._id,
    kind: 'relief',
    amount: 1500,
    note: '临时生活困难救助',
  });

  const page = await phone(world.browser);
  await loginAs(world, page, 'demo-supervisor');
  await page.locator('#entry-service-stats').click();
  await page.locator('#row-total').waitFor();
  await expect(page.locator('#cell-total-amount').innerText()).resolves.toContain('1,500.00');
  await screenshot(page, 'casework-service-stats', { fullPage: false });

  await page.locator(`#cell-${li!.township}-amount`).click();
  const people = page.locator(`#people-${li!.township}-relief`);
  await people.waitFor();
  await expect(people.innerText()).resolves.toContain('李秀英');
  await people.scrollIntoViewIfNeeded();
  await screenshot(page, 'casework-service-stats-drill', { fullPage: false });
  await page.context().close();
});
