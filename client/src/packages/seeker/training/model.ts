/**
 * What the training pages say about a course or a booking, in the words a citizen uses, and
 * where they go. Dates are Shanghai wall-clock times.
 */
import { formatShanghai, type CourseCard } from '@nuanxin/shared';
import { deadlineText } from '@nuanxin/shared/src/training';

export const TRAINING_URLS = {
  catalogue: '/packages/seeker/training/index',
  bookings: '/packages/seeker/training/bookings/index',
  registration: '/packages/seeker/registration/index',
  detail: (id: string) => `/packages/seeker/training/detail/index?id=${encodeURIComponent(id)}`,
} as const;

/** Fired after a booking changes, so a list behind the current page shows the new state. */
export const TRAINING_CHANGED = 'training:changed';

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** '12月2日（周三）'. */
export function dayText(iso: string): string {
  const weekday = Number(formatShanghai(iso, 'd'));
  return `${formatShanghai(iso, 'M月D日')}（周${WEEKDAYS[weekday]}）`;
}

/** '12月2日（周三）开课 · 共4次课'. */
export function scheduleText(course: Pick<CourseCard, 'startsAt' | 'sessionCount'>): string {
  return `${dayText(course.startsAt)}开课 · 共${course.sessionCount}次课`;
}

export function feeText(course: Pick<CourseCard, 'funding' | 'fee'>): string {
  switch (course.funding) {
    case 'free':
      return '免费';
    case 'subsidised':
      return `政府补贴（学费${course.fee}元，按规定补贴）`;
    case 'paid':
      return `自费 ${course.fee}元`;
  }
}

export function placeText(
  course: Pick<CourseCard, 'mode' | 'townshipLabel' | 'distanceKm'>,
): string {
  if (course.mode === 'online') return '线上学习，用手机就能上课';
  const distance = course.distanceKm !== null ? ` · 距您约${course.distanceKm}公里` : '';
  return `${course.townshipLabel}${distance}`;
}

/** '还剩1个名额' / '已满，可排队候补（2人在候补）' / '名额和候补都已满'. */
export function seatsText(
  course: Pick<CourseCard, 'seatsLeft' | 'waiting' | 'waitlistOpen'>,
): string {
  if (course.seatsLeft > 0) return `还剩${course.seatsLeft}个名额`;
  if (course.waitlistOpen) {
    return course.waiting > 0
      ? `已满，可排队候补（${course.waiting}人在候补）`
      : '已满，可排队候补';
  }
  return '名额和候补都已满';
}

/** '请在11月21日24:00前确认'. */
export function confirmByText(iso: string): string {
  return `请在${deadlineText(iso)}前确认`;
}

export { deadlineText };
