/**
 * The seeker's training pages against the real `training` function on a seeded local cloud (the
 * fetch boundary is routed into it): the list with this year's free count and the courses that
 * fit the person's need first, booking the last seat, joining the waitlist (asking to be told),
 * cancelling with the free training given back, and the waiting person confirming the seat.
 */
import Taro from '@tarojs/taro';
import { act, render } from '@testing-library/react';

import type { LocalCloud } from '@nuanxin/local';

import MyTrainingPage from '../../src/packages/seeker/training/bookings/index';
import CourseDetailPage from '../../src/packages/seeker/training/detail/index';
import TrainingPage from '../../src/packages/seeker/training/index';
import { clearSession, setDemoOpenid } from '../../src/services/session';

import { settle, tap } from './helpers';
import { label, openWith, text, trainingCloud, waitFor, waitForText } from './trainingCloud';

let cloud: LocalCloud;

/** 张伟: registered, asked for 电脑办公 training. */
const ZHANG = 'demo-citizen-3';
/** 孙丽: registered. */
const SUN = 'demo-citizen-7';
/** 王小雨: not registered. */
const WANG = 'demo-citizen-1';
const OFFICE = '电脑办公应用培训班（Word/Excel）';

beforeEach(async () => {
  cloud = await trainingCloud();
  clearSession();
});
afterEach(async () => {
  Taro.getCurrentInstance().router = null;
  jest.restoreAllMocks();
  await cloud.close();
});

const as = (openid: string) => setDemoOpenid(openid);
const courseId = (title: string) =>
  cloud.store.collection('training_courses').find({ title })[0]!._id as string;

function openDetail(id: string) {
  openWith({ id }, '/packages/seeker/training/detail/index');
  return render(<CourseDetailPage />);
}

describe('the course list', () => {
  it('shows the free count, the courses that fit the need first with why, and filters', async () => {
    as(ZHANG);
    const navigate = jest.spyOn(Taro, 'navigateTo');
    const { container } = render(<TrainingPage />);
    await waitFor(container, '#quota');
    expect(text(container, '#quota')).toBe('今年已使用 0/3 次免费培训');

    const office = courseId(OFFICE);
    const recommended = container.querySelector(`#recommended-${office}`)!;
    expect(recommended.textContent).toContain('符合您填写的培训需求“电脑办公”');
    expect(recommended.textContent).toContain('还剩1个名额');
    // The fitting course leads the full list too.
    expect(container.querySelector('[id^="course-"]')!.id).toBe(`course-${office}`);
    const total = text(container, '#training-count');

    await tap(container.querySelector('#filter-freeOnly'));
    await waitForText(container, '#training-count', '共');
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(text(container, '#training-count')).not.toBe(total);
    const cards = [...container.querySelectorAll('[id^="course-"]')].filter((c) =>
      /^course-[0-9a-f]+$/.test(c.id),
    );
    expect(cards.length).toBeGreaterThan(0);
    for (const card of cards) expect(card.textContent).toContain('免费');
    expect(container.textContent).not.toContain('美发师（五级）精品班');

    await tap(container.querySelector(`#course-${office}`));
    expect(navigate).toHaveBeenCalledWith({
      url: `/packages/seeker/training/detail/index?id=${office}`,
    });
  });

  it('a citizen without a registration is told free training needs one, with the way there', async () => {
    as(WANG);
    const { container } = render(<TrainingPage />);
    await waitFor(container, '#register-notice');
    expect(text(container, '#quota')).toBe('办理失业登记后，每年可参加3次免费培训');
    expect(container.querySelector('#recommended')).toBeNull();

    const detail = openDetail(courseId(OFFICE));
    await waitFor(detail.container, '#book-blocker');
    expect(text(detail.container, '#book-blocker')).toContain('请先在“失业登记”中办理');
    expect(detail.container.querySelector('#book')).toBeNull();
    expect(detail.container.querySelector('#go-register')).not.toBeNull();
  });
});

describe('booking, the waitlist and cancelling', () => {
  it('books the last seat (1/3), the next person waits, a cancellation gives the seat to them', async () => {
    const office = courseId(OFFICE);

    as(ZHANG);
    const first = openDetail(office);
    await waitFor(first.container, '#book');
    expect(label(first.container, '#book')).toContain('立即报名');
    await tap(first.container.querySelector('#book'));
    await waitFor(first.container, '#booking-status');
    expect(text(first.container, '#booking-status')).toContain('已报名成功');
    await waitForText(first.container, '#quota', '今年已使用 1/3 次免费培训');
    first.unmount();

    as(SUN);
    const second = openDetail(office);
    await waitFor(second.container, '#book');
    expect(label(second.container, '#book')).toContain('排队候补');
    expect(text(second.container, '#wait-hint')).toContain('候补不占用免费次数');
    await tap(second.container.querySelector('#book'));
    await waitFor(second.container, '#waitlist-notice');
    expect(text(second.container, '#waitlist-notice')).toContain('排第1位');
    expect(text(second.container, '#quota')).toBe('今年已使用 0/3 次免费培训');
    second.unmount();

    as(ZHANG);
    const again = openDetail(office);
    await waitFor(again.container, '#cancel-booking');
    await tap(again.container.querySelector('#cancel-booking'));
    expect(text(again.container, '#cancel-sheet')).toContain('退回1次免费培训次数');
    await tap(again.container.querySelector('#cancel-sheet-confirm'));
    await waitFor(again.container, '#action-message');
    expect(text(again.container, '#action-message')).toBe('已取消报名，退回1次免费培训次数');
    await waitForText(again.container, '#quota', '今年已使用 0/3 次免费培训');
    again.unmount();

    // 孙丽 asked to be told when she joined the waitlist: the notice went out as a push.
    expect(cloud.outbox().filter((m) => m.touser === SUN)).toEqual([
      expect.objectContaining({ page: 'packages/seeker/training/bookings/index' }),
    ]);

    as(SUN);
    const list = render(<TrainingPage />);
    await waitFor(list.container, '#promotion-notice');
    expect(text(list.container, '#promotion-notice')).toContain(OFFICE);
    list.unmount();

    const mine = render(<MyTrainingPage />);
    await waitFor(mine.container, '#promotion-notice');
    expect(text(mine.container, '#promotion-notice')).toMatch(
      /请在\d+月\d+日(24:00| \d\d:\d\d)前确认/,
    );
    const accept = mine.container.querySelector('[id^="accept-"]')!;
    await tap(accept);
    await waitFor(mine.container, '#action-message');
    expect(text(mine.container, '#action-message')).toContain(`已确认参加“${OFFICE}”`);
    await waitForText(mine.container, '#quota', '今年已使用 1/3 次免费培训');
    expect(mine.container.querySelector('#promotion-notice')).toBeNull();
  });

  it('my training lists a waiting place with its position and lets the person leave the list', async () => {
    const office = courseId(OFFICE);
    await cloud.invoke(
      'training',
      { action: 'apply', payload: { courseId: office } },
      { openid: ZHANG },
    );
    await cloud.invoke(
      'training',
      { action: 'apply', payload: { courseId: office } },
      { openid: SUN },
    );

    as(SUN);
    const { container } = render(<MyTrainingPage />);
    const card = await waitFor(container, '[id^="booking-"]');
    expect(card.textContent).toContain('候补中');
    expect(card.textContent).toContain('候补第1位');
    await tap(card.querySelector('[id^="cancel-"]'));
    await tap(container.querySelector('#cancel-sheet-confirm'));
    await waitFor(container, '#action-message');
    await settle();
    expect(container.querySelector('[id^="booking-"]')!.textContent).toContain('已取消');
  });

  it('an empty history offers the way to the courses', async () => {
    as(SUN);
    const { container } = render(<MyTrainingPage />);
    await waitFor(container, '#browse-courses');
    expect(text(container, '#page-empty')).toContain('您还没有报名培训');
  });
});
