/**
 * Requests (工单): the citizen asks, reads the thread, closes and rates (a 差 needs a reason); the
 * caseworker's inbox shows overdue ones first, answers in the thread and closes; a supervisor
 * completes a 差 review. Fixtures are parsed with the contracts' schemas.
 */
import Taro from '@tarojs/taro';
import { render } from '@testing-library/react';

import {
  inboxItemSchema,
  requestViewSchema,
  threadSchema,
  type InboxItem,
  type RequestView,
} from '@nuanxin/shared';

import TasksPage from '../../src/packages/caseworker/tasks/index';
import HelpRequestsPage from '../../src/packages/seeker/help-requests/index';
import { clearSession, setDemoOpenid } from '../../src/services/session';

import { byAction, ok, payloadsOf, typeText } from './caseloadFixtures';
import { settle, stubFetch, tap } from './helpers';

type Router = NonNullable<ReturnType<typeof Taro.getCurrentInstance>['router']>;

let serial = 0;
function view(overrides: Partial<RequestView> = {}): RequestView {
  serial += 1;
  return requestViewSchema.parse({
    id: `req-${serial}`,
    kind: 'insurance',
    kindLabel: '失业保险金',
    text: '失业保险金这个月还没到账',
    status: 'open',
    statusLabel: '待答复',
    createdAt: '2026-03-09T02:00:00.000Z',
    answerDue: '2026-03-10T02:00:00.000Z',
    answeredAt: null,
    closedAt: null,
    handler: '张敏',
    rating: null,
    canRate: false,
    canClose: true,
    canAddTo: false,
    messageCount: 1,
    hasPhoto: false,
    photoUrl: null,
    ...overrides,
  });
}

function item(overrides: Partial<InboxItem> = {}): InboxItem {
  return inboxItemSchema.parse({
    ...view(),
    personName: '李秀英',
    registrationId: 'reg-1',
    townshipLabel: '任城区 李营街道',
    caseworkerName: '张敏',
    overdue: false,
    escalationLevel: 0,
    reason: 'own',
    reasonLabel: '我的包保对象',
    review: null,
    ...overrides,
  });
}

const messages = [
  {
    id: 'm1',
    at: '2026-03-09T02:00:00.000Z',
    from: 'citizen',
    author: '本人',
    text: '失业保险金这个月还没到账',
  },
  {
    id: 'm2',
    at: '2026-03-09T05:00:00.000Z',
    from: 'staff',
    author: '张敏',
    text: '已查询，下周一发放。',
  },
];

const thread = (request: RequestView, canAnswer = false, extra = messages) =>
  ok(threadSchema.parse({ request, messages: extra, canAnswer }));

beforeEach(() => {
  clearSession();
  jest.restoreAllMocks();
});
afterEach(() => {
  Taro.getCurrentInstance().router = null;
});

describe('我的求助 (citizen)', () => {
  beforeEach(() => setDemoOpenid('demo-citizen-2'));

  it('asks: the kind is required, then the request joins the list on top', async () => {
    const old = view({ status: 'answered', statusLabel: '已答复', messageCount: 2 });
    const created = view({
      kind: 'policy',
      kindLabel: '政策咨询',
      text: '灵活就业可以领社保补贴吗？',
    });
    const { requests } = stubFetch(
      byAction({
        myRequests: () =>
          ok({ requests: [old], handler: '张敏', needsTownship: false, answerWithin: '1个工作日' }),
        ask: () => ok({ request: created }),
      }),
    );
    const { container } = render(<HelpRequestsPage />);
    await settle();
    expect(container.querySelector('#ask-handler')?.textContent).toContain('张敏');
    expect(container.querySelector('#field-ask-township')).toBeNull();

    await typeText(container.querySelector('#field-ask-text')!, '灵活就业可以领社保补贴吗？');
    await tap(container.querySelector('#ask-submit'));
    expect(container.querySelector('#field-ask-kind .field-error')?.textContent).toContain(
      '请选择求助类型',
    );
    expect(payloadsOf(requests, 'ask')).toEqual([]);

    await tap(container.querySelector('#ask-kind-policy'));
    await tap(container.querySelector('#ask-submit'));
    await settle();
    expect(payloadsOf(requests, 'ask')).toEqual([
      { kind: 'policy', text: '灵活就业可以领社保补贴吗？' },
    ]);
    const cards = [...container.querySelectorAll('[id^="my-request-"]')].map((c) => c.id);
    expect(cards).toEqual([`my-request-${created.id}`, `my-request-${old.id}`]);
  });

  it('without a registration, asks where the person lives', async () => {
    const { requests } = stubFetch(
      byAction({
        myRequests: () =>
          ok({ requests: [], handler: '业务主管', needsTownship: true, answerWithin: '2个工作日' }),
      }),
    );
    const { container } = render(<HelpRequestsPage />);
    await settle();
    expect(container.querySelector('#ask-handler')?.textContent).toContain('业务主管');
    // The deployment's deadline, not a fixed one.
    expect(container.querySelector('#ask-handler')?.textContent).toContain('一般在2个工作日内');
    await tap(container.querySelector('#ask-kind-job'));
    await typeText(container.querySelector('#field-ask-text')!, '我想找保洁的工作');
    await tap(container.querySelector('#ask-submit'));
    expect(container.querySelector('#field-ask-township .field-error')?.textContent).toContain(
      '乡镇（街道）',
    );
    expect(payloadsOf(requests, 'ask')).toEqual([]);
  });

  it('reads the thread, and rates a closed request; 差 needs a reason', async () => {
    const closed = view({
      status: 'closed',
      statusLabel: '已结束',
      canRate: true,
      canClose: false,
      messageCount: 2,
    });
    const rated = {
      ...closed,
      canRate: false,
      rating: { value: 'poor', label: '差', comment: '没解决' },
    } as RequestView;
    const { requests } = stubFetch(
      byAction({
        myRequests: () =>
          ok({
            requests: [closed],
            handler: '张敏',
            needsTownship: false,
            answerWithin: '1个工作日',
          }),
        requestThread: () => thread(closed),
        rate: () => thread(rated),
      }),
    );
    const page = render(<HelpRequestsPage />);
    await settle();
    await tap(page.container.querySelector(`#my-request-${closed.id} .help-card__head`));
    await settle();
    const bubbles = [
      ...page.container.querySelectorAll(`#my-thread-${closed.id} .help-thread__message`),
    ];
    expect(bubbles.map((b) => b.textContent)).toEqual([
      expect.stringContaining('失业保险金这个月还没到账'),
      expect.stringContaining('已查询，下周一发放。'),
    ]);
    await tap(page.container.querySelector(`#rate-${closed.id}-poor`));
    await tap(page.container.querySelector(`#rate-submit-${closed.id}`));
    expect(page.container.querySelector(`#thread-error-${closed.id}`)?.textContent).toContain(
      '写明原因',
    );
    expect(payloadsOf(requests, 'rate')).toEqual([]);
    await typeText(page.container.querySelector(`#rate-form-${closed.id}`)!, '没解决');
    await tap(page.container.querySelector(`#rate-submit-${closed.id}`));
    await settle();
    expect(payloadsOf(requests, 'rate')).toEqual([
      { requestId: closed.id, rating: 'poor', comment: '没解决' },
    ]);
    expect(page.container.querySelector(`#rated-${closed.id}`)?.textContent).toBe(
      '您的评价：差（没解决）',
    );
    expect(page.container.querySelector(`#rate-form-${closed.id}`)).toBeNull();
  });

  it('closes a request that has been answered', async () => {
    const answered = view({ status: 'answered', statusLabel: '已答复', messageCount: 2 });
    const closed = {
      ...answered,
      status: 'closed',
      statusLabel: '已结束',
      canClose: false,
      canRate: true,
    } as RequestView;
    const { requests } = stubFetch(
      byAction({
        myRequests: () =>
          ok({
            requests: [answered],
            handler: '张敏',
            needsTownship: false,
            answerWithin: '1个工作日',
          }),
        requestThread: () => thread(answered),
        closeRequest: () => thread(closed),
      }),
    );
    const { container } = render(<HelpRequestsPage />);
    await settle();
    await tap(container.querySelector(`#my-request-${answered.id} .help-card__head`));
    await settle();
    await tap(container.querySelector(`#resolve-${answered.id}`));
    await settle();
    expect(payloadsOf(requests, 'closeRequest')).toEqual([{ requestId: answered.id, note: '' }]);
    expect(container.querySelector(`#my-request-${answered.id}`)?.textContent).toContain('已结束');
    expect(container.querySelector(`#rate-form-${answered.id}`)).not.toBeNull();
  });
});

describe('待办工单 (staff)', () => {
  beforeEach(() => setDemoOpenid('demo-caseworker-370811'));

  it('shows overdue requests with a marker, answers in the thread and updates the item', async () => {
    const late = item({ overdue: true, escalationLevel: 1 });
    const fresh = item({ personName: '孙丽', kind: 'job', kindLabel: '找工作' });
    const answeredView = {
      ...late,
      status: 'answered',
      statusLabel: '已答复',
      canClose: true,
    } as RequestView;
    const { requests } = stubFetch(
      byAction({
        inbox: () =>
          ok({
            requests: [late, fresh],
            counts: { open: 2, overdue: 1 },
            answerWithin: '1个工作日',
          }),
        requestThread: () => thread(late, true, messages.slice(0, 1)),
        answer: () => thread(answeredView, true),
      }),
    );
    const { container } = render(<TasksPage />);
    await settle();
    expect(container.querySelector('#tasks-count')?.textContent).toBe(
      '共 2 条，待答复 2 条，其中超时 1 条',
    );
    expect(container.querySelector(`#request-${late.id}`)?.className).toContain(
      'request-item--overdue',
    );
    expect(container.querySelector(`#request-overdue-${late.id}`)?.textContent).toBe(
      '超时未答复 · 已上报1次',
    );

    await tap(container.querySelector(`#request-${late.id} .request-item__head`));
    await settle();
    expect(payloadsOf(requests, 'requestThread')).toEqual([{ requestId: late.id }]);
    await tap(container.querySelector(`#answer-submit-${late.id}`));
    expect(container.querySelector(`#answer-${late.id}`)?.textContent).toContain('请填写答复内容');
    expect(payloadsOf(requests, 'answer')).toEqual([]);

    await typeText(container.querySelector(`#answer-${late.id}`)!, '已查询，下周一发放。');
    await tap(container.querySelector(`#answer-submit-${late.id}`));
    await settle();
    expect(payloadsOf(requests, 'answer')).toEqual([
      { requestId: late.id, text: '已查询，下周一发放。' },
    ]);
    const card = container.querySelector(`#request-${late.id}`)!;
    expect(card.textContent).toContain('已答复');
    expect(card.querySelectorAll('.thread__message')).toHaveLength(2);
    expect(container.querySelector(`#request-overdue-${late.id}`)).toBeNull();
    // The line above the list follows at once: one left waiting, none overdue.
    expect(container.querySelector('#tasks-count')?.textContent).toBe('共 2 条，待答复 1 条');
    // Said in the thread, under the answer, instead of a toast over the text.
    expect(container.querySelector(`#request-saved-${late.id}`)?.textContent).toBe(
      '✓ 已答复，市民会收到通知',
    );
    await typeText(container.querySelector(`#answer-${late.id}`)!, '补充');
    expect(container.querySelector(`#request-saved-${late.id}`)).toBeNull();
  });

  it('opens the request named in the page parameter', async () => {
    const one = item();
    Taro.getCurrentInstance().router = { params: { id: one.id }, path: '/x' } as unknown as Router;
    const { requests } = stubFetch(
      byAction({
        inbox: () =>
          ok({ requests: [one], counts: { open: 1, overdue: 0 }, answerWithin: '1个工作日' }),
        requestThread: () => thread(one, true),
      }),
    );
    const { container } = render(<TasksPage />);
    await settle();
    expect(payloadsOf(requests, 'requestThread')).toEqual([{ requestId: one.id }]);
    expect(container.querySelector(`#thread-${one.id}`)).not.toBeNull();
  });

  it('a supervisor completes the review of a 差 rating', async () => {
    setDemoOpenid('demo-supervisor');
    const poor = item({
      ...view({ status: 'closed', statusLabel: '已结束', canClose: false }),
      reason: 'review',
      reasonLabel: '差评待复核',
      review: 'open',
      rating: { value: 'poor', label: '差', comment: '答非所问' },
    });
    const { requests } = stubFetch(
      byAction({
        inbox: () =>
          ok({ requests: [poor], counts: { open: 0, overdue: 0 }, answerWithin: '1个工作日' }),
        requestThread: () => thread(poor, false),
        closeReview: () => ok({ requestId: poor.id, review: 'done' }),
      }),
    );
    const { container } = render(<TasksPage />);
    await settle();
    expect(container.querySelector(`#request-${poor.id}`)?.textContent).toContain('差评待复核');
    await tap(container.querySelector(`#request-${poor.id} .request-item__head`));
    await settle();
    expect(container.querySelector(`#request-${poor.id}`)?.textContent).toContain(
      '市民评价（差）：答非所问',
    );
    await typeText(container.querySelector(`#review-${poor.id}`)!, '已回访市民，重新解答');
    await tap(container.querySelector(`#review-submit-${poor.id}`));
    await settle();
    expect(payloadsOf(requests, 'closeReview')).toEqual([
      { requestId: poor.id, note: '已回访市民，重新解答' },
    ]);
    expect(container.querySelector(`#review-${poor.id}`)).toBeNull();
    expect(container.querySelector(`#request-saved-${poor.id}`)?.textContent).toBe('✓ 已完成复核');
  });

  it('says when there is nothing to answer', async () => {
    stubFetch(
      byAction({
        inbox: () =>
          ok({ requests: [], counts: { open: 0, overdue: 0 }, answerWithin: '1个工作日' }),
      }),
    );
    const { container } = render(<TasksPage />);
    await settle();
    expect(container.querySelector('#page-empty')?.textContent).toContain('没有待处理的求助');
    expect(container.querySelector('#page-empty')?.textContent).toContain('请在1个工作日内答复');
  });
});
