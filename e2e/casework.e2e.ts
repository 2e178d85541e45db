/**
 * The caseworker's workbench end to end (issue 7): 张敏 opens 我的包保对象 and finds the overdue
 * person (seeded) at the top with a red marker; records a phone follow-up in two taps and the
 * person drops down; refers a published vacancy. A citizen sends a request with a photo of the
 * notice they got; 张敏 sees the photo and answers in 待办工单; the citizen reads the answer,
 * closes the request and rates it. The supervisor's 工作量 and 岗位推送统计 pages are looked at too.
 */
import { crc32, deflateSync } from 'node:zlib';

import type { Page } from 'playwright-core';

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
const SUN = 'demo-citizen-7'; // 孙丽, one of 张敏's people (seed)

/** Waits until `read()` satisfies `ok`, or fails with the last value after `timeout` ms. */
async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, timeout = 10_000) {
  const start = Date.now();
  let value = await read();
  while (!ok(value) && Date.now() - start < timeout) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    value = await read();
  }
  return value;
}

/**
 * A small PNG that looks like a paper notice: a light page, a dark title bar, grey text lines and
 * a red stamp — something a caseworker can recognise in a screenshot.
 */
function noticePng(width = 240, height = 170): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y += 1) {
    raw[y * (width * 3 + 1)] = 0; // filter: none
    for (let x = 0; x < width; x += 1) {
      let rgb = [250, 247, 240];
      if (y >= 14 && y < 28 && x >= 60 && x < 180) rgb = [40, 40, 40];
      const line = (y - 44) % 16;
      if (y >= 44 && y < 140 && line >= 0 && line < 5 && x >= 20 && x < 220 - ((y * 7) % 60)) {
        rgb = [150, 150, 150];
      }
      if ((x - 185) ** 2 + (y - 135) ** 2 < 22 ** 2 && (x - 185) ** 2 + (y - 135) ** 2 > 17 ** 2) {
        rgb = [200, 30, 30];
      }
      raw.set(rgb, y * (width * 3 + 1) + 1 + x * 3);
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The image inside a Taro <Image> has loaded (through its signed link): its natural width. */
function loadedWidth(page: Page, selector: string): Promise<number> {
  return until(
    () =>
      page
        .locator(`${selector} img`)
        .evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)
        .catch(() => 0),
    (w) => w > 0,
  );
}

async function rowIds(page: Page): Promise<string[]> {
  return page.locator('#caseload .workbench-row').evaluateAll((rows) => rows.map((r) => r.id));
}

it('the overdue person is on top; a phone follow-up moves them down', async () => {
  const page = await phone(world.browser);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await loginAs(world, page, ZHANG);
  await page.locator('#entry-my-seekers').click();
  await page.locator('#caseload .workbench-row').first().waitFor();

  const before = await rowIds(page);
  const top = page.locator('#caseload .workbench-row').first();
  await expect(top.innerText()).resolves.toContain('李秀英');
  await expect(top.locator('[id^="overdue-"]').innerText()).resolves.toMatch(/^逾期 \d+ 天$/);
  await expect(page.locator('#caseload-summary').innerText()).resolves.toContain('逾期');
  await screenshot(page, 'casework-workbench', { fullPage: false });

  await top.click();
  await page.locator('#quick-phone').waitFor();
  await expect(page.locator('#followup-badge').innerText()).resolves.toContain('逾期');
  await screenshot(page, 'casework-person', { fullPage: false });
  await page.locator('#quick-phone').click();
  await page.locator('#contact-sheet').waitFor();
  await screenshot(page, 'casework-contact-sheet', { fullPage: false });
  await page.locator('#contact-save').click();
  await page.locator('#contact-sheet').waitFor({ state: 'hidden' });
  await expect(page.locator('#followup-badge').innerText()).resolves.toMatch(/^下次回访/);
  // Said in the card, not in a toast over whatever opens next.
  await expect(page.locator('#contact-saved').innerText()).resolves.toContain('已记录跟踪回访');
  await page.locator('#person-plan').scrollIntoViewIfNeeded();
  await screenshot(page, 'casework-person-after', { fullPage: false });
  // The other services and the plan editor, looked at (then dismissed).
  await page.locator('#quick-more').click();
  await page.locator('#contact-kind-relief').click();
  await screenshot(page, 'casework-other-service-sheet', { fullPage: false });
  await page.locator('#contact-cancel').click();
  // A job referral names a published vacancy (its 公益性/见习 flags count in the push plan).
  await page.locator('#quick-more').click();
  await page.locator('#contact-kind-jobReferral').click();
  const option = page.locator('#referral-vacancies .referral-option').first();
  await option.waitFor();
  await screenshot(page, 'casework-referral-sheet', { fullPage: false });
  const vacancyId = (await option.getAttribute('id'))!.replace('referral-vacancy-', '');
  await option.click();
  await page.locator('#referral-vacancy-picked').waitFor();
  await page.locator('#contact-save').click();
  await page.locator('#contact-sheet').waitFor({ state: 'hidden' });
  await expect(page.locator('#contact-saved').innerText()).resolves.toContain('已记录岗位推荐');
  await screenshot(page, 'casework-referral-saved', { fullPage: false });
  const [referral] = world.cloud.store
    .collection('contacts')
    .find({ actorOpenid: ZHANG, kind: 'jobReferral', 'vacancy.id': vacancyId });
  expect(referral).toBeDefined();
  await page.locator('#plan-edit').click();
  await page.locator('#plan-sheet').waitFor();
  await screenshot(page, 'casework-plan-sheet', { fullPage: false });
  await page.locator('#plan-cancel').click();
  await page.locator('#person-timeline').scrollIntoViewIfNeeded();
  await screenshot(page, 'casework-person-timeline', { fullPage: false });

  await page.goBack();
  await page.locator('#caseload').waitFor();
  // The list reloaded when the person page reported the contact.
  const after = await until(
    () => rowIds(page),
    (ids) => ids[0] !== before[0],
  );
  expect(after.indexOf(before[0]!)).toBeGreaterThan(0);
  await screenshot(page, 'casework-workbench-after', { fullPage: false });

  const [contact] = world.cloud.store
    .collection('contacts')
    .find({ actorOpenid: ZHANG, kind: 'followUp', channel: 'phone', note: '' });
  expect(contact).toMatchObject({ outcome: 'reached' });
  expect(errors).toEqual([]);
  await page.context().close();
});

it('a citizen asks with a photo, the caseworker sees it and answers, the citizen reads the answer and rates it', async () => {
  const citizen = await phone(world.browser);
  await loginAs(world, citizen, SUN);
  await citizen.locator('#entry-help-requests').click();
  await citizen.locator('#ask-form').waitFor();
  await expect(citizen.locator('#ask-handler').innerText()).resolves.toContain('张敏');
  await citizen.locator('#ask-kind-training').click();
  await citizen.locator('#field-ask-text textarea').fill('超市收银培训结束后能推荐工作吗？');
  // 添加照片（可选）: Taro's h5 chooseImage opens a file input; the citizen picks a photo of the
  // training notice.
  const [chooser] = await Promise.all([
    citizen.waitForEvent('filechooser'),
    citizen.locator('#ask-photo-add').click(),
  ]);
  await chooser.setFiles({ name: 'notice.png', mimeType: 'image/png', buffer: noticePng() });
  await citizen.locator('#ask-photo-preview').waitFor();
  await expect(loadedWidth(citizen, '#ask-photo-preview .help-photo__thumb')).resolves.toBe(240);
  await citizen.locator('#ask-photo-preview').scrollIntoViewIfNeeded();
  await screenshot(citizen, 'casework-citizen-photo', { fullPage: false });
  await citizen.locator('#ask-submit').click();
  await citizen.locator('#my-requests [id^="my-request-"]').first().waitFor();
  const card = citizen.locator('#my-requests [id^="my-request-"]').first();
  await expect(card.innerText()).resolves.toContain('待答复');
  await expect(card.innerText()).resolves.toContain('附照片');
  const requestId = (await card.getAttribute('id'))!.replace('my-request-', '');
  // Sent with the request, and the form is empty again.
  await expect(citizen.locator('#ask-photo-preview').count()).resolves.toBe(0);
  const [asked] = world.cloud.store.collection('requests').find({ _id: requestId });
  expect(asked).toMatchObject({
    photo: expect.stringMatching(/^cloud:\/\/local\/requests\/[0-9a-f]{32}\/[0-9a-f]{32}\.png$/),
  });
  await screenshot(citizen, 'casework-citizen-asked');

  // Still waiting, she adds a detail: it joins the thread, and the deadline stays as it was.
  await card.locator('.help-card__head').click();
  await citizen
    .locator(`#add-form-${requestId} textarea`)
    .fill('培训证书下个月才能拿到，可以先推荐吗？');
  await citizen.locator(`#add-submit-${requestId}`).click();
  await citizen.locator(`#my-thread-${requestId}`, { hasText: '培训证书下个月才能拿到' }).waitFor();
  await expect(citizen.locator(`#my-thread-${requestId}`).innerText()).resolves.toContain(
    '我的补充',
  );
  const [added] = world.cloud.store.collection('requests').find({ _id: requestId });
  expect(added!.answerDue).toEqual(asked!.answerDue);
  expect(
    world.cloud.store.collection('request_messages').count({ requestId, from: 'citizen' }),
  ).toBe(2);
  await citizen.locator(`#add-form-${requestId}`).scrollIntoViewIfNeeded();
  await screenshot(citizen, 'casework-citizen-added', { fullPage: false });

  const staff = await phone(world.browser);
  await loginAs(world, staff, ZHANG);
  await staff.locator('#entry-tasks').click();
  await staff.locator(`#request-${requestId}`).waitFor();
  await expect(staff.locator(`#request-has-photo-${requestId}`).innerText()).resolves.toBe(
    '附照片',
  );
  await staff.locator(`#request-${requestId} .request-item__head`).click();
  // The photo under the question, loaded through its 10-minute signed link; the look is audited.
  await expect(loadedWidth(staff, `#thread-${requestId}-photo`)).resolves.toBe(240);
  await expect(
    staff.locator(`#thread-${requestId}-photo img`).getAttribute('src'),
  ).resolves.toMatch(/^\/cloud-file\/requests\/[0-9a-f]{32}\/[0-9a-f]{32}\.png\?exp=\d+&sig=/);
  expect(
    world.cloud.store
      .collection('audit_log')
      .count({ action: 'casework.requestPhoto', actorOpenid: ZHANG, subjectId: requestId }),
  ).toBe(1);
  await staff.locator(`#thread-${requestId}`, { hasText: '培训证书下个月才能拿到' }).waitFor();
  await staff.locator(`#thread-${requestId}`).scrollIntoViewIfNeeded();
  await screenshot(staff, 'casework-tasks-photo', { fullPage: false });
  // Tapping enlarges it.
  await staff.locator(`#thread-${requestId}-photo`).click();
  await staff.locator('.preview-image').waitFor();
  await screenshot(staff, 'casework-tasks-photo-preview', { fullPage: false });
  await staff.locator('.preview-image').click();
  await staff.locator('.preview-image').waitFor({ state: 'detached' });
  await staff
    .locator(`#answer-${requestId} textarea`)
    .fill('可以。培训结业后我给您推荐两家超市的收银岗位。');
  await screenshot(staff, 'casework-tasks-answer', { fullPage: false });
  await staff.locator(`#answer-submit-${requestId}`).click();
  await expect(
    until(
      () => staff.locator(`#thread-${requestId} .thread__message`).count(),
      (n) => n === 3,
    ),
  ).resolves.toBe(3);
  await screenshot(staff, 'casework-tasks-answered', { fullPage: false });
  await staff.context().close();

  await citizen.reload();
  await citizen.locator(`#my-request-${requestId}`).waitFor();
  await expect(citizen.locator(`#my-request-${requestId}`).innerText()).resolves.toContain(
    '已答复',
  );
  await citizen.locator(`#my-request-${requestId} .help-card__head`).click();
  await expect(citizen.locator(`#my-thread-${requestId}`).innerText()).resolves.toContain(
    '收银岗位',
  );
  await expect(loadedWidth(citizen, `#my-photo-${requestId}`)).resolves.toBe(240);
  await citizen.locator(`#resolve-${requestId}`).click();
  await citizen.locator(`#rate-form-${requestId}`).waitFor();
  await citizen.locator(`#rate-${requestId}-good`).click();
  await citizen.locator(`#rate-form-${requestId} textarea`).fill('回复很及时');
  await screenshot(citizen, 'casework-citizen-rate', { fullPage: false });
  await citizen.locator(`#rate-submit-${requestId}`).click();
  await expect(citizen.locator(`#rated-${requestId}`).innerText()).resolves.toContain('好');
  await screenshot(citizen, 'casework-citizen-rated', { fullPage: false });

  const [stored] = world.cloud.store.collection('requests').find({ _id: requestId });
  expect(stored).toMatchObject({ status: 'closed', rating: { value: 'good' } });
  // The citizen was told of the answer by WeChat: 提交求助 asked for 求助答复通知 in the tap (the
  // dev gateway's stand-in grants it), so the answer went to the outbox, not to 消息.
  expect(
    world.cloud.outbox().filter((m) => m.touser === SUN && m.templateId === 'local-requestReply'),
  ).toHaveLength(1);
  expect(
    world.cloud.store.collection('messages').count({ openid: SUN, kind: 'requestReply' }),
  ).toBe(0);
  await citizen.context().close();
});

it('the supervisor sees the caseloads and today’s visits page is clear', async () => {
  const page = await phone(world.browser);
  await loginAs(world, page, 'demo-supervisor');
  await page.locator('#entry-workload').click();
  await page.locator('#workload .load-card').first().waitFor();
  await page.locator(`#people-toggle-${ZHANG}`).click();
  await page.locator(`#people-${ZHANG}`).waitFor();
  await screenshot(page, 'casework-supervisor-workload');
  await page.context().close();

  // 推送提供就业岗位数 after a push run, by township, down to the people.
  await world.cloud.scheduler.runTimer('push', new Date());
  const stats = await phone(world.browser);
  await loginAs(world, stats, 'demo-supervisor');
  await stats.locator('#entry-push-stats').click();
  await stats.locator('#push-stats-totals').waitFor();
  const row = stats.locator('.push-stats__row').first();
  await row.locator('.push-stats__row-head').click();
  await row.locator('.push-stats__person').first().waitFor();
  await expect(stats.locator('#push-stats-totals').innerText()).resolves.toContain(
    '推送提供就业岗位数',
  );
  await screenshot(stats, 'casework-push-stats');
  await stats.context().close();

  const staff = await phone(world.browser);
  await loginAs(world, staff, ZHANG);
  await staff.locator('#entry-visits-today').click();
  await staff.locator('#visits-today, #page-empty').first().waitFor();
  await screenshot(staff, 'casework-visits-today');
  await staff.context().close();
});
