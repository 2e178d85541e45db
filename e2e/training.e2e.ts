/**
 * 职业培训 end to end (issue 6): 张伟, who asked for 电脑办公 training, finds the course first with
 * the reason, books its last seat and sees "1/3"; 孙丽 joins the waitlist; 张伟 cancels (the free
 * training comes back) and 孙丽 is promoted, sees the notice and confirms. Then the 就业中心
 * caseworker sees 张伟 as offered an institution. An institution's own course waits for the
 * 就业中心's review; a cancelled course tells the people booked. Screenshots in
 * e2e/artifacts/training-*.png.
 */
import { dayjs, TIME_ZONE } from '@nuanxin/shared';

import { phone, screenshot } from './browser';
import { loginAs, startWorld, type World } from './world';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world?.close();
});

const OFFICE = '电脑办公应用培训班（Word/Excel）';

it('book the last seat, wait, cancel, promoted and confirmed', async () => {
  const office = world.cloud.store.collection('training_courses').find({ title: OFFICE })[0]!
    ._id as string;
  const errors: string[] = [];

  // 1. 张伟 opens 职业培训: the course that fits his need comes first, with why.
  const zhang = await phone(world.browser);
  zhang.on('pageerror', (e) => errors.push(e.message));
  await loginAs(world, zhang, 'demo-citizen-3');
  await zhang.locator('#entry-training:visible').click();
  await zhang.locator('#quota:visible').waitFor();
  await zhang.locator('#quota:visible').filter({ hasText: '今年已使用 0/3 次免费培训' }).waitFor();
  await expect(zhang.locator(`#recommended-${office}`).innerText()).resolves.toContain(
    '符合您填写的培训需求“电脑办公”',
  );
  await screenshot(zhang, 'training-list', { fullPage: false });

  // 2. He books the last seat and sees 1/3.
  await zhang.locator(`#recommended-${office}`).click();
  await zhang.locator('#book:visible').waitFor();
  await screenshot(zhang, 'training-detail');
  await zhang.locator('#book:visible').click();
  await zhang.locator('#booking-status:visible').waitFor();
  await zhang.locator('#quota:visible').filter({ hasText: '今年已使用 1/3 次免费培训' }).waitFor();
  await screenshot(zhang, 'training-booked', { fullPage: false });

  // 3. 孙丽 finds it full and joins the waitlist.
  const sun = await phone(world.browser);
  sun.on('pageerror', (e) => errors.push(e.message));
  await loginAs(world, sun, 'demo-citizen-7');
  await sun.goto(`${world.url}/#/packages/seeker/training/detail/index?id=${office}`);
  await sun.locator('#book:visible').waitFor();
  await expect(sun.locator('#wait-hint:visible').innerText()).resolves.toContain('名额已满');
  await sun.locator('#book:visible').click();
  await sun.locator('#waitlist-notice:visible').waitFor();
  await expect(sun.locator('#waitlist-notice:visible').innerText()).resolves.toContain('排第1位');
  await screenshot(sun, 'training-waitlisted', { fullPage: false });

  // 4. 张伟 cancels: the free training comes back.
  await zhang.locator('#cancel-booking:visible').click();
  await zhang.locator('#cancel-sheet-confirm:visible').click();
  await zhang.locator('#action-message:visible').waitFor();
  await expect(zhang.locator('#action-message:visible').innerText()).resolves.toContain(
    '退回1次免费培训次数',
  );
  await zhang.locator('#quota:visible').filter({ hasText: '今年已使用 0/3 次免费培训' }).waitFor();

  // 5. 孙丽 was promoted: the notice is on her training page and in her inbox.
  await sun.goto(`${world.url}/#/packages/seeker/training/index`);
  await sun.locator('#promotion-notice:visible').waitFor();
  await expect(sun.locator('#promotion-notice:visible').innerText()).resolves.toContain(OFFICE);
  await screenshot(sun, 'training-promoted', { fullPage: false });
  await sun.locator('#promotion-go:visible').click();
  await sun.locator('[id^="accept-"]:visible').first().waitFor();
  await screenshot(sun, 'training-my-bookings', { fullPage: false });
  await sun.locator('[id^="accept-"]:visible').first().click();
  await sun.locator('#action-message:visible').waitFor();
  await sun.locator('#quota:visible').filter({ hasText: '今年已使用 1/3 次免费培训' }).waitFor();
  expect(
    world.cloud.store
      .collection('training_bookings')
      .find({ courseId: office, openid: 'demo-citizen-7' })[0],
  ).toMatchObject({ status: 'confirmed' });
  await screenshot(sun, 'training-confirmed', { fullPage: false });

  expect(errors).toEqual([]);
  await zhang.context().close();
  await sun.context().close();
});

it('the caseworker sees who with a training need was offered an institution', async () => {
  // 张伟's training page (above, or now) recommended courses: an offer of their institutions.
  await world.cloud.invoke(
    'training',
    { action: 'catalogue', payload: {} },
    { openid: 'demo-citizen-3' },
  );
  const page = await phone(world.browser);
  await loginAs(world, page, 'demo-caseworker-370811');
  await page.locator('#entry-training-offers:visible').click();
  await page.locator('#offer-summary:visible').waitFor();
  const zhangId = world.cloud.store
    .collection('registrations')
    .find({ openid: 'demo-citizen-3' })[0]!._id as string;
  await expect(page.locator(`#offer-person-${zhangId}`).innerText()).resolves.toContain('已推荐');
  await screenshot(page, 'training-offers', { fullPage: false });
  await page.context().close();
});

it('an institution sees its own courses; the 职鉴中心 sees overdue certificates', async () => {
  const page = await phone(world.browser);
  await loginAs(world, page, 'demo-employer-3');
  await page.locator('#entry-training-courses:visible').click();
  await page.locator('#institution-name:visible').waitFor();
  await screenshot(page, 'training-institution-courses', { fullPage: false });
  // 李秀英 has a seat on the centre's 家政服务员 course: its roster, then the course editor.
  const housekeeping = world.cloud.store
    .collection('training_courses')
    .find({ title: '家政服务员（五级）培训班' })[0]!._id as string;
  await page.locator(`#roster-${housekeeping}:visible`).click();
  await page.locator('#roster-course:visible').waitFor();
  await expect(page.locator('#roster-course:visible').innerText()).resolves.toContain(
    '已报名 1/30',
  );
  await expect(page.locator('body').innerText()).resolves.toContain('李秀英');
  await screenshot(page, 'training-roster', { fullPage: false });
  await page.goBack();
  await page.locator('#course-new:visible').click();
  await page.locator('#course-save:visible').waitFor();
  await screenshot(page, 'training-course-editor', { fullPage: false });
  await page.context().close();

  const skills = await phone(world.browser);
  await loginAs(world, skills, 'demo-skills-1');
  await skills.goto(`${world.url}/#/packages/training/certificates/index`);
  await skills.locator('#certificate-counts:visible').waitFor();
  await expect(skills.locator('#certificate-counts:visible').innerText()).resolves.toContain(
    '超期 2 人',
  );
  await screenshot(skills, 'training-certificates', { fullPage: false });
  await skills.context().close();
});

const shanghaiDay = (days: number) => dayjs().tz(TIME_ZONE).add(days, 'day').format('YYYY-MM-DD');

const courseOf = (institutionId: string, title: string) => ({
  institutionId,
  title,
  occupationCode: '4-10-01-06',
  level: 'level5',
  sessions: [{ date: shanghaiDay(20), start: '09:00', end: '16:00', online: false, topic: '' }],
  township: '370811002',
  address: '许庄街道社区服务中心',
  capacity: 20,
  funding: 'free',
  enrolDeadline: shanghaiDay(15),
});

it('the 就业中心 approves an institution’s course; a cancelled course tells the people booked', async () => {
  const institution = (name: string) =>
    world.cloud.store.collection('training_institutions').find({ name })[0]!._id as string;
  const invoke = (openid: string, action: string, payload: unknown) =>
    world.cloud.invoke('training', { action, payload }, { openid }) as Promise<{
      ok: boolean;
      data: { course: { id: string }; booking: { id: string } };
    }>;
  const submitted = await invoke(
    'demo-employer-3',
    'saveCourse',
    courseOf(institution('兖州区巧手家政培训中心'), '育婴员（五级）周末班'),
  );
  const pending = submitted.data.course.id;
  const staffCourse = await invoke(
    'demo-caseworker-370811',
    'saveCourse',
    courseOf(institution('济宁市技师学院（示例）'), '家政服务员（五级）夜校班'),
  );
  const doomed = staffCourse.data.course.id;
  await invoke('demo-citizen-3', 'apply', { courseId: doomed });

  const page = await phone(world.browser);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await loginAs(world, page, 'demo-caseworker-370811');
  await page.goto(`${world.url}/#/packages/training/courses/index`);
  await page.locator(`#review-${pending}:visible`).waitFor();
  await screenshot(page, 'training-review-queue', { fullPage: false });
  await page.locator(`#approve-${pending}:visible`).click();
  await page.locator('#review-done:visible').waitFor();
  expect(world.cloud.store.collection('training_courses').find({ _id: pending })[0]!.status).toBe(
    'published',
  );

  await page.goto(`${world.url}/#/packages/training/edit/index?id=${doomed}`);
  await page.locator('#course-cancel:visible').click();
  await page.locator('#field-cancelReason textarea:visible').fill('授课教师临时无法到岗，本期停办');
  await screenshot(page, 'training-cancel-course');
  await page.locator('#course-cancel-confirm:visible').click();
  await page.locator('#course-cancelled:visible').waitFor();
  await expect(page.locator('#save-message:visible').innerText()).resolves.toContain(
    '已取消1人的报名或候补',
  );
  await page.context().close();

  const zhang = await phone(world.browser);
  zhang.on('pageerror', (e) => errors.push(e.message));
  await loginAs(world, zhang, 'demo-citizen-3');
  await zhang.goto(`${world.url}/#/packages/seeker/training/bookings/index`);
  await zhang.locator('#quota:visible').waitFor();
  await expect(zhang.locator('body').innerText()).resolves.toContain(
    '课程已取消：授课教师临时无法到岗，本期停办',
  );
  await screenshot(zhang, 'training-course-cancelled', { fullPage: false });
  expect(errors).toEqual([]);
  await zhang.context().close();
});
