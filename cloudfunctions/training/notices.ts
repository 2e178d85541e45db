/**
 * Telling the people booked on a course (and those waiting for it) what happened to it: its
 * time or place changed, or it was cancelled. A subscription message when they allowed one
 * ("培训课程变更通知"), otherwise the same news in the in-app inbox (notify()).
 */
import { formatShanghai, townshipLabel } from '@nuanxin/shared';
import {
  trainingChangeData,
  type BookingStatus,
  type CourseChanges,
} from '@nuanxin/shared/src/training';

import { bookingsRepo, notify, type BookingRecord, type CourseRecord, type Store } from '../_lib';

import { MY_BOOKINGS_PAGE } from './seats';

/** Bookings whose people still expect the course: booked, holding a seat, or waiting. */
const EXPECTING: BookingStatus[] = ['booked', 'confirmed', 'waitlisted', 'promoted'];

function placeOf(course: CourseRecord): string {
  if (course.mode === 'online') return '线上学习';
  return `${townshipLabel(course.township)}${course.address ? ` ${course.address}` : ''}`;
}

/** '上课时间和地点' / '上课时间' / '上课地点'. */
export function changeWhat(changes: Pick<CourseChanges, 'time' | 'place'>): string {
  return changes.time && changes.place ? '上课时间和地点' : changes.time ? '上课时间' : '上课地点';
}

/** Tells everyone still expecting the course of its new time or place; returns how many. */
export async function tellOfChange(
  db: Store,
  course: CourseRecord,
  changes: Pick<CourseChanges, 'time' | 'place'>,
  now: Date,
): Promise<number> {
  const what = changeWhat(changes);
  const people = new Map<string, BookingRecord>();
  for (const b of await bookingsRepo(db).ofCourse(course._id)) {
    if (EXPECTING.includes(b.status)) people.set(b.openid, b);
  }
  for (const openid of people.keys()) {
    await notify(
      db,
      {
        openid,
        template: 'trainingChange',
        data: trainingChangeData({
          courseTitle: course.title,
          change: '课程变更',
          startsAt: course.startsAt,
          note: `${what}有变更，请查看`,
        }),
        page: MY_BOOKINGS_PAGE,
        title: `培训课程${what}变更`,
        body: `您报名的“${course.title}”${what}有变更：现在${formatShanghai(course.startsAt, 'M月D日 HH:mm')}开课，上课地点：${placeOf(course)}。如不能参加，请在“我的培训”中取消报名。`,
      },
      now,
    );
  }
  return people.size;
}

/** Tells each person whose booking was cancelled with the course; `released`: quota given back. */
export async function tellOfCancellation(
  db: Store,
  course: CourseRecord,
  cancelled: readonly { booking: BookingRecord; was: BookingStatus }[],
  reason: string,
  now: Date,
): Promise<void> {
  for (const { booking, was } of cancelled) {
    const released = was === 'confirmed' && booking.quotaYear !== null;
    await notify(
      db,
      {
        openid: booking.openid,
        template: 'trainingChange',
        data: trainingChangeData({
          courseTitle: course.title,
          change: '课程取消',
          startsAt: course.startsAt,
          note: reason,
        }),
        page: MY_BOOKINGS_PAGE,
        title: '培训课程已取消',
        body: `很抱歉，您${was === 'waitlisted' ? '候补' : '报名'}的“${course.title}”（原定${formatShanghai(course.startsAt, 'M月D日 HH:mm')}开课）已取消，原因：${reason}。${released ? '已退回您今年的1次免费培训次数，' : ''}可以在“职业培训”中选择其他课程。`,
      },
      now,
    );
  }
}
