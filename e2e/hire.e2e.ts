/**
 * From a recommendation to a confirmed job, end to end (issue 5, the last bar): 李秀英 opens 推荐岗位,
 * reads why 济宁众诚家政's 家政服务员 was chosen for her, opens it and applies, choosing to share her
 * mobile; the company is told by subscription message (the outbox). The employer opens 应聘管理 —
 * she is told 企业已查看 by subscription message — sends an offer, then confirms she started; she
 * sees each step in 我的投递 and 消息. Her caseworker 张敏 finds 入职待确认 on 待办 and confirms:
 * the registration is now 已就业 and the next follow-up is a year away. Screenshots in
 * e2e/artifacts/hire-*.png.
 *
 * Consent to the templates is given on the pages, as a person would: the employer taps
 * 有新投递时微信通知我 on 应聘管理, and the 投递 tap asks for 求职进度通知 (the H5 build's dev
 * stand-in for WeChat's dialog records the grant).
 */
import { inShanghai } from '@nuanxin/shared';

import { phone, screenshot } from './browser';
import { loginAs, startWorld, type World } from './world';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world?.close();
});

const LI = 'demo-citizen-2'; // 李秀英: registered, 包保 张敏, wishes 家政服务员 and 保洁员
const EMPLOYER = 'demo-employer-3'; // 济宁众诚家政服务有限公司
const ZHANG = 'demo-caseworker-370811';
const COMPANY = '济宁众诚家政服务有限公司';

/** Waits (up to 5 s) for a condition the page reaches asynchronously, such as a grant. */
async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !check(); i += 1) await new Promise((r) => setTimeout(r, 50));
  expect(check()).toBe(true);
}

const store = (name: string, query: Record<string, unknown> = {}) =>
  world.cloud.store.collection(name).find(query) as any[];

it('推荐岗位 → 投递 → 企业录用并确认入职 → 包保责任人核实，登记转为已就业', async () => {
  const errors: string[] = [];
  const [registration] = store('registrations', { openid: LI, status: 'registered' });
  expect(registration.caseworkerOpenid).toBe(ZHANG);
  const [company] = store('companies', { name: COMPANY });
  const [vacancy] = store('vacancies', {
    companyId: company._id,
    occupationCode: '4-10-01-06',
    status: 'published',
  });
  expect(vacancy.title).toBe('家政服务员');
  const [recommended] = store('recommendations', { _id: registration._id });
  const item = recommended.items.find((i: any) => i.vacancyId === vacancy._id);
  expect(item.reasons).toContain('意向职业一致：家政服务员');

  // 0. The employer asks to be told of new applications by WeChat.
  const employer = await phone(world.browser);
  employer.on('pageerror', (e) => errors.push(`employer: ${e.message}`));
  await loginAs(world, employer, EMPLOYER);
  await employer.locator('#entry-applications:visible').click();
  await employer.locator('#new-application-alerts-subscribe:visible').click();
  // The grant is asked for in the tap; the text changes once the (dev) dialog has answered.
  await employer.locator('#new-application-alerts-status:visible', { hasText: '已开启' }).waitFor();
  expect(world.cloud.subscriptionQuota(EMPLOYER, 'local-newApplication')).toBe(1);
  expect(world.cloud.subscriptionQuota(LI, 'local-applicationStatus')).toBe(0);

  // 1. 推荐岗位: the 家政服务员 card, with the reasons the matching gave.
  const li = await phone(world.browser);
  li.on('pageerror', (e) => errors.push(`seeker: ${e.message}`));
  await loginAs(world, li, LI);
  await li.locator('#entry-jobs:visible').click();
  await li.locator('#pane-rec:visible').waitFor();
  const card = li.locator(`#rec-${vacancy._id}:visible`);
  await card.waitFor();
  const cardText = await card.innerText();
  expect(cardText).toContain('家政服务员');
  expect(cardText).toContain(COMPANY);
  for (const reason of item.reasons) expect(cardText).toContain(reason);
  await expect(li.locator('#rec-explanation:visible').innerText()).resolves.toContain('推荐理由');
  await card.scrollIntoViewIfNeeded();
  await screenshot(li, 'hire-01-seeker-recommended', { fullPage: false });

  // 2. The position, and 投递简历: she shares her mobile and leaves a message.
  await card.click();
  await li.locator('#vacancy-detail:visible').waitFor();
  await li.locator('#apply:visible').click();
  await li.locator('#apply-sheet:visible').waitFor();
  await expect(li.locator('#apply-sheet:visible').innerText()).resolves.toContain(
    `${COMPANY}将看到`,
  );
  await li.locator('#apply-sheet:visible #share-mobile').click();
  await li.locator('#apply-sheet:visible #field-message textarea').fill('做过两年家政，可随时到岗');
  await screenshot(li, 'hire-02-seeker-apply-sheet', { fullPage: false });
  await li.locator('#apply-confirm:visible').click();
  await li.locator('#apply-success:visible').waitFor();
  // The 投递 tap asked for 求职进度通知; the demo's stand-in for WeChat's dialog says yes.
  await until(() => world.cloud.subscriptionQuota(LI, 'local-applicationStatus') === 1);
  await expect(li.locator('#apply-status-label:visible').innerText()).resolves.toBe('已投递');
  await screenshot(li, 'hire-03-seeker-applied', { fullPage: false });

  const [application] = store('applications', { openid: LI, vacancyId: vacancy._id });
  expect(application).toMatchObject({
    status: 'applied',
    registrationId: registration._id,
    share: { mobile: true, education: false, workHistory: false },
    message: '做过两年家政，可随时到岗',
  });

  // The company hears of it by subscription message, with no applicant's data in it.
  const toEmployer = world.cloud
    .outbox()
    .filter((m) => m.touser === EMPLOYER && m.templateId === 'local-newApplication');
  expect(toEmployer).toHaveLength(1);
  expect(toEmployer[0]!.page).toBe('packages/employer/applications/index');
  expect(toEmployer[0]!.data.thing1!.value).toBe('家政服务员');
  expect(JSON.stringify(toEmployer[0]!.data)).not.toContain('李');

  // 3. 我的投递 shows it, waiting for the company.
  await li.locator('#apply-mine:visible').click();
  const mine = li.locator(`#application-${application._id}:visible`);
  await mine.waitFor();
  await expect(
    li.locator(`#application-${application._id}-status:visible`).innerText(),
  ).resolves.toBe('已投递');
  await screenshot(li, 'hire-04-seeker-mine', { fullPage: false });

  // 4. The employer: 应聘管理 lists her; opening the application tells her 企业已查看.
  await employer.reload();
  await employer.locator('#applications-page:visible').waitFor();
  await expect(employer.locator('#applications-waiting:visible').innerText()).resolves.toContain(
    '有 1 份新投递',
  );
  const row = employer.locator(`#applicant-${application._id}:visible`);
  await expect(row.innerText()).resolves.toContain('李秀英');
  await expect(
    employer.locator(`#applicant-${application._id}-status:visible`).innerText(),
  ).resolves.toBe('新投递');
  await screenshot(employer, 'hire-05-employer-list', { fullPage: false });

  await row.click();
  await employer.locator('#applicant-detail:visible').waitFor();
  await expect(employer.locator('#applicant-status:visible').innerText()).resolves.toBe('已查看');
  await expect(employer.locator('#applicant-mobile:visible').innerText()).resolves.toContain(
    '13805371002',
  );
  await expect(employer.locator('#applicant-education:visible').innerText()).resolves.toContain(
    '未提供',
  );
  await expect(employer.locator('#applicant-idMasked:visible').innerText()).resolves.toMatch(
    /^身份证号：\d{6}\*{8}\d{3}[\dX]$/,
  );
  await expect(employer.locator('#applicant-message:visible').innerText()).resolves.toContain(
    '做过两年家政',
  );
  await screenshot(employer, 'hire-06-employer-applicant', { fullPage: false });
  expect(store('applications', { _id: application._id })[0].status).toBe('viewed');
  const toSeeker = () =>
    world.cloud
      .outbox()
      .filter((m) => m.touser === LI && m.templateId === 'local-applicationStatus');
  expect(toSeeker()).toHaveLength(1);
  expect(toSeeker()[0]!.data.phrase2!.value).toBe('企业已查看');
  expect(toSeeker()[0]!.page).toBe('packages/seeker/applications/index');

  // 5. 录用 with the words she will read, then 确认入职.
  await employer.locator('#applicant-action-offer:visible').click();
  await employer.locator('#move-sheet:visible').waitFor();
  await employer
    .locator('#move-sheet:visible #field-note textarea')
    .fill('请于下周一上午8点到公司人事部办理入职，带身份证');
  await screenshot(employer, 'hire-07-employer-offer-sheet', { fullPage: false });
  await employer.locator('#move-confirm:visible').click();
  await employer.locator('#move-sheet').waitFor({ state: 'detached' });
  await expect(employer.locator('#applicant-status:visible').innerText()).resolves.toBe('已录用');
  await expect(employer.locator('#applicant-done:visible').innerText()).resolves.toContain(
    '本人到岗后，请点“确认入职”',
  );
  await screenshot(employer, 'hire-07b-employer-offered', { fullPage: false });
  expect(store('applications', { _id: application._id })[0]).toMatchObject({
    status: 'offered',
    offerNote: '请于下周一上午8点到公司人事部办理入职，带身份证',
  });

  await employer.locator('#applicant-action-hire:visible').click();
  await employer.locator('#move-sheet:visible').waitFor();
  await employer.locator('#move-confirm:visible').click();
  await employer.locator('#move-sheet').waitFor({ state: 'detached' });
  await expect(employer.locator('#applicant-status:visible').innerText()).resolves.toBe('已入职');
  await expect(employer.locator('#applicant-done:visible').innerText()).resolves.toContain(
    '已确认入职，求职者会收到通知',
  );
  await employer.locator('#applicant-final:visible').waitFor();
  const employerHistory = await employer.locator('#applicant-history:visible').innerText();
  for (const step of ['求职者投递', '首次查看', '录用', '确认入职']) {
    expect(employerHistory).toContain(step);
  }
  await screenshot(employer, 'hire-08-employer-hired');
  expect(store('applications', { _id: application._id })[0].status).toBe('hired');
  const [confirmation] = store('hire_confirmations', { _id: application._id });
  expect(confirmation).toMatchObject({
    status: 'pending',
    registrationId: registration._id,
    personName: '李秀英',
  });
  // The registration does not move on the employer's word alone.
  expect(store('registrations', { _id: registration._id })[0].status).toBe('registered');

  // 6. She sees each answer: her one WeChat message went on 企业已查看; the rest wait in 消息.
  expect(toSeeker()).toHaveLength(1);
  const inbox = store('messages', { openid: LI, kind: 'applicationStatus' });
  expect(inbox.map((m) => m.title).sort()).toEqual(['入职确认', '录用通知'].sort());
  await li.goto(`${world.url}/#/packages/seeker/applications/index`);
  const status = li.locator(`#application-${application._id}-status:visible`);
  await status.waitFor();
  await expect(status.innerText()).resolves.toBe('已入职');
  await expect(
    li.locator(`#application-${application._id}-reply:visible`).innerText(),
  ).resolves.toContain('请于下周一上午8点到公司人事部办理入职');
  await li.locator(`#application-${application._id}-history-toggle:visible`).click();
  const seekerHistory = await li
    .locator(`#application-${application._id}-history:visible`)
    .innerText();
  for (const step of ['投递简历', '企业查看了您的简历', '企业决定录用您', '企业确认您已入职']) {
    expect(seekerHistory).toContain(step);
  }
  await screenshot(li, 'hire-09-seeker-hired', { fullPage: false });
  await li.goto(`${world.url}/#/pages/inbox/index`);
  const hiredNews = li.locator('.inbox-item:visible').filter({ hasText: '入职确认' });
  await hiredNews.first().waitFor();
  await expect(hiredNews.first().innerText()).resolves.toContain(COMPANY);
  await screenshot(li, 'hire-10-seeker-inbox', { fullPage: false });

  // 7. 张敏: 待办 → 入职待确认 for 李秀英 → 确认已入职.
  const zhang = await phone(world.browser);
  zhang.on('pageerror', (e) => errors.push(`caseworker: ${e.message}`));
  await loginAs(world, zhang, ZHANG);
  await zhang.locator('#entry-tasks:visible').click();
  const taskId = `task-confirmHire-${application._id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  const task = zhang.locator(`#${taskId}:visible`);
  await task.waitFor();
  const taskText = await task.innerText();
  expect(taskText).toContain('入职待确认');
  expect(taskText).toContain('李秀英');
  expect(taskText).toContain(`家政服务员 · ${COMPANY}`);
  await zhang.locator('#tasks-requests-heading:visible').waitFor();
  await task.scrollIntoViewIfNeeded();
  await screenshot(zhang, 'hire-11-caseworker-tasks', { fullPage: false });
  expect(
    store('messages', { openid: ZHANG, kind: 'requestAlert' }).some(
      (m) => m.title === '包保对象入职待确认',
    ),
  ).toBe(true);

  // Asked once more: it closes her unemployment registration.
  await zhang.locator(`#${taskId}-confirm:visible`).click();
  await expect(zhang.locator(`#${taskId}-confirming:visible`).innerText()).resolves.toContain(
    '核实已到岗',
  );
  expect(store('registrations', { _id: registration._id })[0].status).toBe('registered');
  await zhang.locator(`#${taskId}-confirm-submit:visible`).click();
  const saved = zhang.locator('#task-saved:visible');
  await saved.waitFor();
  await expect(saved.innerText()).resolves.toContain('李秀英：已确认入职，转为已就业');
  await expect(zhang.locator(`#${taskId}`).count()).resolves.toBe(0);
  await screenshot(zhang, 'hire-12-caseworker-confirmed', { fullPage: false });

  const after = store('registrations', { _id: registration._id })[0];
  expect(after.status).toBe('employed');
  expect(after.caseworkerOpenid).toBe(ZHANG);
  expect(store('hire_confirmations', { _id: application._id })[0]).toMatchObject({
    status: 'confirmed',
    decidedBy: ZHANG,
  });

  // 8. Her page: 已就业, followed up once a year from today.
  await zhang.goto(
    `${world.url}/#/packages/caseworker/person/index?id=${encodeURIComponent(registration._id)}`,
  );
  await zhang.locator('#person-page:visible').waitFor();
  await expect(zhang.locator('#person-status:visible').innerText()).resolves.toContain('已就业');
  const followUp = zhang.locator('#person-followup:visible');
  await followUp.waitFor();
  await expect(zhang.locator('#followup-due:visible').innerText()).resolves.toBe(
    `应于 ${inShanghai(new Date()).add(1, 'year').format('YYYY-MM-DD')} 前回访`,
  );
  await expect(followUp.innerText()).resolves.toContain('每年回访');
  await expect(zhang.locator('#person-tasks:visible').count()).resolves.toBe(0);
  await screenshot(zhang, 'hire-13-caseworker-person', { fullPage: false });

  expect(errors).toEqual([]);
});
