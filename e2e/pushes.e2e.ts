/**
 * Pushes end to end (issue 5): 李秀英 (就业困难人员) taps 有新岗位时通知我 on 我的投递; the nightly
 * matching and the push run go (on the last day of this month, so her whole month is owed): the
 * first position reaches WeChat (the outbox), the others wait in 消息, where she reads them; her
 * caseworker 张敏 sees this month's plan as met (with a 公益性岗位) and, on 待办, the positions to
 * tell her by phone. Screenshots in e2e/artifacts/pushes-*.png.
 */
import { inShanghai } from '@nuanxin/shared';

import { phone, screenshot } from './browser';
import { loginAs, startWorld, type World } from './world';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  jest.useRealTimers();
  await world?.close();
});

const LI = 'demo-citizen-2';
const ZHANG = 'demo-caseworker-370811';
const TEMPLATE = 'local-jobRecommendation';

/** 10:00 in Shanghai on the last day of the current Shanghai month. */
function lastDayOfMonth(): Date {
  const end = inShanghai(new Date()).endOf('month').format('YYYY-MM-DD');
  return new Date(`${end}T10:00:00+08:00`);
}

/** Runs the cloud's timers as on `at` (the functions read the clock; the browser keeps its own). */
async function runTimersAt(at: Date, fns: string[]): Promise<void> {
  jest.useFakeTimers({
    now: at,
    doNotFake: [
      'nextTick',
      'setImmediate',
      'setTimeout',
      'clearTimeout',
      'setInterval',
      'clearInterval',
      'queueMicrotask',
    ],
  });
  try {
    for (const fn of fns) await world.cloud.scheduler.runTimer(fn, at);
  } finally {
    jest.useRealTimers();
  }
}

it('有新岗位时通知我, the push run, 消息, and the caseworker’s plan met', async () => {
  const errors: string[] = [];

  // 1. 李秀英 asks to be told of new positions.
  const li = await phone(world.browser);
  li.on('pageerror', (e) => errors.push(e.message));
  await loginAs(world, li, LI);
  await li.locator('#entry-applications:visible').click();
  await li.locator('#job-alerts-subscribe:visible').waitFor();
  await screenshot(li, 'pushes-alerts-before', { fullPage: false });
  await li.locator('#job-alerts-subscribe:visible').click();
  await li
    .locator('#job-alerts-status:visible')
    .filter({ hasText: '已开启，还可通知您 1 次' })
    .waitFor();
  expect(world.cloud.subscriptionQuota(LI, TEMPLATE)).toBe(1);

  // 2. Recommendations are computed, then the month is topped up.
  await runTimersAt(lastDayOfMonth(), ['matching', 'push']);
  const [registration] = world.cloud.store.collection('registrations').find({ openid: LI });
  const pushes = world.cloud.store
    .collection('pushes')
    .find({ registrationId: registration!._id }) as any[];
  expect(pushes).toHaveLength(3);
  expect(pushes.some((p) => p.publicWelfare)).toBe(true);
  expect(pushes.filter((p) => p.channel === 'subscription')).toHaveLength(1);
  const sent = world.cloud.outbox().filter((m) => m.touser === LI && m.templateId === TEMPLATE);
  expect(sent).toHaveLength(1);

  // 3. She reads the other two in 消息.
  await li.goto(`${world.url}/#/pages/inbox/index`);
  const recommended = li.locator('.inbox-item:visible').filter({ hasText: '为您推荐岗位' });
  await recommended.first().waitFor();
  expect(await recommended.count()).toBeGreaterThanOrEqual(2);
  await expect(recommended.first().innerText()).resolves.toContain('推荐理由');
  await screenshot(li, 'pushes-inbox', { fullPage: false });

  // 4. 张敏 sees the plan met, and the positions to tell her about on 待办.
  const zhang = await phone(world.browser);
  zhang.on('pageerror', (e) => errors.push(e.message));
  await loginAs(world, zhang, ZHANG);
  await zhang.locator('#entry-my-seekers:visible').click();
  const row = zhang.locator(`#person-${registration!._id}`);
  await row.waitFor();
  await expect(row.innerText()).resolves.toContain('本月推送 3/3 · 已完成');
  await screenshot(zhang, 'pushes-caseload', { fullPage: false });

  await zhang.goto(`${world.url}/#/packages/caseworker/tasks/index`);
  const tasks = zhang.locator('#case-tasks:visible');
  await tasks.waitFor();
  await expect(tasks.innerText()).resolves.toContain('请电话或微信告知');
  await expect(tasks.innerText()).resolves.toContain('李秀英');
  await screenshot(zhang, 'pushes-tasks', { fullPage: false });

  expect(errors).toEqual([]);
});
