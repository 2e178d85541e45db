/**
 * Subscription messages of casework, asked where WeChat allows it — inside a tap — against the
 * real functions (jobsCloud: the dev gateway's `/_dev/subscribe` stand-in grants the one-time
 * subscription as the gateway does):
 *  - 提交求助 asks for "求助答复通知" before anything goes over the network; the answer then goes
 *    out by WeChat;
 *  - the caseworker's "每天提醒我（微信）" on 今日回访 asks for "回访提醒" and "工单提醒"; the next
 *    new request then goes out by WeChat;
 *  - the supervisor's "有求助时提醒我（微信）" on the request queue asks for "工单提醒"; the next
 *    request of someone without a caseworker then goes out by WeChat;
 *  - 补充说明: the citizen adds to an answered request under its thread (asking for 求助答复通知 in
 *    the tap); it waits for an answer again and the caseworker's thread shows the addition.
 */
import { render } from '@testing-library/react';

import type { LocalCloud } from '@nuanxin/local';

import TasksPage from '../../src/packages/caseworker/tasks/index';
import VisitsTodayPage from '../../src/packages/caseworker/visits-today/index';
import HelpRequestsPage from '../../src/packages/seeker/help-requests/index';
import { clearSession, setDemoOpenid } from '../../src/services/session';

import { typeText } from './caseloadFixtures';
import { tap, type RecordedRequest } from './helpers';
import { appears, idle, invoke, realCloud, textOf } from './jobsCloud';

// Each test seeds a whole demo city and runs real functions.
jest.setTimeout(30_000);

const LI = 'demo-citizen-2'; // 李秀英, one of 张敏's people (seed)
const ZHANG = 'demo-caseworker-370811';
const SUPERVISOR = 'demo-supervisor';
const QIAN = 'demo-citizen-9'; // 钱思远, no caseworker yet (seed)

let cloud: LocalCloud;
let requests: RecordedRequest[];

beforeEach(async () => {
  clearSession();
  jest.restoreAllMocks();
  ({ cloud, requests } = await realCloud());
});
afterEach(async () => {
  await cloud.close();
});

const sent = (openid: string, key: string) =>
  cloud.outbox().filter((m) => m.touser === openid && m.templateId === `local-${key}`);

/** The order of what the page sent: `subscribe`, `casework.ask`, … */
const sequence = () =>
  requests.map((r) =>
    r.url === '/_dev/subscribe'
      ? 'subscribe'
      : `${r.url.slice('/cloud/'.length)}.${(r.body as { action: string }).action}`,
  );

describe('我的求助: 提交求助 asks for 求助答复通知', () => {
  beforeEach(() => setDemoOpenid(LI));

  it('in the tap, before the request is sent; the answer then reaches WeChat', async () => {
    const { container } = render(<HelpRequestsPage />);
    await appears(container, '#ask-form');
    expect(container.querySelector('#ask-notice-hint')?.textContent).toContain('求助答复通知');
    await tap(container.querySelector('#ask-kind-insurance'));
    await typeText(container.querySelector('#field-ask-text')!, '失业保险金这个月还没到账');
    expect(cloud.subscriptionQuota(LI, 'local-requestReply')).toBe(0);

    await tap(container.querySelector('#ask-submit'));
    await textOf(container, '#my-requests', (t) => t.includes('失业保险金这个月还没到账'));
    expect(cloud.subscriptionQuota(LI, 'local-requestReply')).toBe(1);
    expect(requests.find((r) => r.url === '/_dev/subscribe')?.body).toEqual({
      openid: LI,
      templateIds: ['local-requestReply'],
    });
    const order = sequence();
    expect(order.indexOf('subscribe')).toBeLessThan(order.indexOf('casework.ask'));

    const [asked] = cloud.store
      .collection('requests')
      .find({ openid: LI, text: '失业保险金这个月还没到账' }) as any[];
    await invoke(cloud, ZHANG, 'casework', 'answer', {
      requestId: asked._id,
      text: '已查询，下周一发放。',
    });
    expect(sent(LI, 'requestReply')).toHaveLength(1);
    expect(cloud.subscriptionQuota(LI, 'local-requestReply')).toBe(0);
  });

  it('a form the page refuses asks nothing', async () => {
    const { container } = render(<HelpRequestsPage />);
    await appears(container, '#ask-form');
    await typeText(container.querySelector('#field-ask-text')!, '没有选类型');
    await tap(container.querySelector('#ask-submit'));
    await appears(container, '#field-ask-kind .field-error');
    expect(sequence()).not.toContain('subscribe');
    expect(cloud.subscriptionQuota(LI, 'local-requestReply')).toBe(0);
  });
});

describe('今日回访: 每天提醒我（微信）', () => {
  beforeEach(() => setDemoOpenid(ZHANG));

  it('says what it does, grants 回访提醒 and 工单提醒 per tap, and the next new request reaches WeChat', async () => {
    const { container } = render(<VisitsTodayPage />);
    await appears(container, '#daily-reminders');
    expect(container.querySelector('#daily-reminders-status')?.textContent).toContain(
      '每个工作日早上',
    );
    const button = container.querySelector('#daily-reminders-subscribe');
    expect(button?.closest('.van-button')?.textContent).toBe('每天提醒我（微信）');

    await tap(button);
    await textOf(container, '#daily-reminders-status', (t) => t.includes('已开启'));
    expect(cloud.subscriptionQuota(ZHANG, 'local-followUpReminder')).toBe(1);
    expect(cloud.subscriptionQuota(ZHANG, 'local-requestAlert')).toBe(1);
    expect(requests.find((r) => r.url === '/_dev/subscribe')?.body).toEqual({
      openid: ZHANG,
      templateIds: ['local-followUpReminder', 'local-requestAlert'],
    });

    // Each acceptance is one message: it can be turned on again.
    const again = container.querySelector('#daily-reminders-subscribe');
    expect(again?.closest('.van-button')?.textContent).toBe('再次开启');
    await tap(again);
    await textOf(container, '#daily-reminders-status', (t) => t.includes('已开启'));
    expect(cloud.subscriptionQuota(ZHANG, 'local-followUpReminder')).toBe(2);

    await invoke(cloud, LI, 'casework', 'ask', { kind: 'policy', text: '灵活就业有补贴吗？' });
    expect(sent(ZHANG, 'requestAlert')).toHaveLength(1);
    expect(cloud.subscriptionQuota(ZHANG, 'local-requestAlert')).toBe(1);
  });
});

describe('待办工单 (supervisor): 有求助时提醒我（微信）', () => {
  it('asks for 工单提醒 only; the next request of someone without a caseworker reaches WeChat', async () => {
    setDemoOpenid(SUPERVISOR);
    const { container } = render(<TasksPage />);
    await appears(container, '#daily-reminders');
    expect(container.querySelector('#daily-reminders-status')?.textContent).toContain(
      '未分配包保责任人',
    );
    const button = container.querySelector('#daily-reminders-subscribe');
    expect(button?.closest('.van-button')?.textContent).toBe('有求助时提醒我（微信）');
    await tap(button);
    await textOf(container, '#daily-reminders-status', (t) => t.includes('已开启'));
    expect(requests.find((r) => r.url === '/_dev/subscribe')?.body).toEqual({
      openid: SUPERVISOR,
      templateIds: ['local-requestAlert'],
    });
    expect(cloud.subscriptionQuota(SUPERVISOR, 'local-requestAlert')).toBe(1);
    expect(
      container.querySelector('#daily-reminders-subscribe')?.closest('.van-button')?.textContent,
    ).toBe('再次开启');

    await invoke(cloud, QIAN, 'casework', 'ask', { kind: 'job', text: '见习岗位怎么报名？' });
    expect(sent(SUPERVISOR, 'requestAlert')).toHaveLength(1);
  });

  it('is not offered to a caseworker on this page (theirs is on 今日回访)', async () => {
    setDemoOpenid(ZHANG);
    const { container } = render(<TasksPage />);
    await appears(container, '#tasks');
    await idle(200);
    expect(container.querySelector('#daily-reminders')).toBeNull();
  });
});

describe('我的求助: 补充说明', () => {
  it('an answered request takes an addition, waits again, and the caseworker reads it in order', async () => {
    const asked = await invoke(cloud, LI, 'casework', 'ask', {
      kind: 'insurance',
      text: '失业保险金这个月还没到账',
    });
    const id = asked.request.id as string;
    await invoke(cloud, ZHANG, 'casework', 'answer', { requestId: id, text: '下周一发放。' });

    setDemoOpenid(LI);
    const page = render(<HelpRequestsPage />);
    await tap(await appears(page.container, `#my-request-${id} .help-card__head`));
    const form = await appears(page.container, `#add-form-${id}`);
    expect(form.textContent).toContain('补充后会重新等待答复');
    await tap(page.container.querySelector(`#add-submit-${id}`));
    expect(
      page.container.querySelector(`#field-add-text-${id} .field-error`)?.textContent,
    ).toContain('请填写补充内容');
    expect(sequence()).not.toContain('casework.addToRequest');

    await typeText(form, '需要带什么材料去办理？');
    await tap(page.container.querySelector(`#add-submit-${id}`));
    await textOf(page.container, `#my-request-${id} .help-status`, (t) => t === '待答复');
    const order = sequence();
    expect(order.indexOf('subscribe')).toBeLessThan(order.indexOf('casework.addToRequest'));
    const bubbles = [...page.container.querySelectorAll(`#my-thread-${id} .help-thread__message`)];
    expect(bubbles.map((b) => b.textContent)).toEqual([
      expect.stringContaining('失业保险金这个月还没到账'),
      expect.stringContaining('下周一发放。'),
      expect.stringMatching(/我的补充.*需要带什么材料去办理？/),
    ]);
    expect(
      cloud.store
        .collection('messages')
        .find({ openid: ZHANG, kind: 'requestAlert' })
        .some((m: any) => String(m.body).includes('需要带什么材料去办理？')),
    ).toBe(true);
    page.unmount();

    setDemoOpenid(ZHANG);
    const tasks = render(<TasksPage />);
    await tap(await appears(tasks.container, `#request-${id} .request-item__head`));
    await appears(tasks.container, `#thread-${id} .thread__message`);
    const staffView = [...tasks.container.querySelectorAll(`#thread-${id} .thread__message`)];
    expect(staffView.map((b) => b.textContent)).toEqual([
      expect.stringContaining('失业保险金这个月还没到账'),
      expect.stringContaining('下周一发放。'),
      expect.stringMatching(/补充说明.*需要带什么材料去办理？/),
    ]);
    expect(tasks.container.querySelector(`#answer-${id}`)).not.toBeNull();
  });
});
