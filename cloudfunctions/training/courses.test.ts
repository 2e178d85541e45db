/**
 * A course's own state: the 就业中心's review of courses an institution publishes or changes
 * materially (seekers see them only once approved), cancelling a course (every booking cancelled
 * and logged, free trainings given back, each person told), and telling the people booked when
 * a course's time or place changes.
 */
import type { LocalCloud } from '@nuanxin/local';

import { fixClock } from '../test/registration';
import { seededCloud } from '../test/support';

import {
  at,
  booking,
  count,
  courseInput,
  insertSeeker,
  makeCourse,
  MARKET,
  OTHER_COUNTY_STAFF,
  SCHOOL_ACCOUNT,
  seats,
  STAFF,
  trainingAs,
} from './fixtures';

let cloud: LocalCloud;
beforeEach(async () => {
  cloud = await seededCloud();
});
afterEach(async () => {
  jest.useRealTimers();
  await cloud.close();
});

const SEEKER = 'wx-course-seeker';
const titles = (res: { data: { courses: { title: string }[] } }) =>
  res.data.courses.map((c) => c.title);
const rowOf = async (openid: string, id: string) =>
  (await trainingAs(cloud, openid)('manageCourses', {})).data.courses.find(
    (c: { id: string }) => c.id === id,
  );

describe('the 就业中心 reviews the courses institutions publish', () => {
  it('an institution’s new course is not shown to seekers until staff approve it; a rejection says why', async () => {
    fixClock(at('2026-11-20 10:00'));
    insertSeeker(cloud, SEEKER);
    const school = trainingAs(cloud, SCHOOL_ACCOUNT);
    const seeker = trainingAs(cloud, SEEKER);
    const input = courseInput({ title: '育婴员（五级）周末班' }, cloud);

    const saved = await school('saveCourse', input);
    expect(saved).toMatchObject({
      ok: true,
      data: {
        course: { status: 'pendingReview', statusLabel: '待就业中心审核', canReview: false },
        message: '已提交就业中心审核，审核通过后求职者即可看到并报名',
      },
    });
    const id = saved.data.course.id as string;

    expect(titles(await seeker('catalogue', {}))).not.toContain('育婴员（五级）周末班');
    const before = cloud.writeCount();
    for (const action of ['courseDetail', 'apply']) {
      expect(await seeker(action, { courseId: id })).toEqual({
        ok: false,
        error: { code: 'NOT_FOUND', message: '没有找到这门课程' },
      });
    }
    // Only 就业中心 staff in scope decide; nobody else, and a refusal writes nothing.
    expect(
      await trainingAs(cloud, OTHER_COUNTY_STAFF)('reviewCourse', {
        courseId: id,
        decision: 'approve',
      }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    for (const openid of [MARKET, SCHOOL_ACCOUNT]) {
      expect(
        await trainingAs(cloud, openid)('reviewCourse', { courseId: id, decision: 'approve' }),
      ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    const staff = trainingAs(cloud, STAFF);
    expect(await staff('reviewCourse', { courseId: id, decision: 'reject' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { reason: expect.stringContaining('原因') } },
    });
    expect(cloud.writeCount()).toBe(before);

    // Staff see it in their queue, and send it back with the reason.
    expect(await rowOf(STAFF, id)).toMatchObject({ status: 'pendingReview', canReview: true });
    const rejected = await staff('reviewCourse', {
      courseId: id,
      decision: 'reject',
      reason: '补贴说明不完整，请写明补贴标准',
    });
    expect(rejected).toMatchObject({
      ok: true,
      data: { course: { status: 'rejected', canReview: false } },
    });
    expect(await rowOf(SCHOOL_ACCOUNT, id)).toMatchObject({
      status: 'rejected',
      statusLabel: '审核未通过',
      reviewNote: '补贴说明不完整，请写明补贴标准',
    });
    expect(await seeker('courseDetail', { courseId: id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });

    // The institution corrects it: back in the queue; staff approve: seekers see it and book.
    const again = await school('saveCourse', {
      ...input,
      id,
      subsidyRule: '结业取得证书后按每人1200元标准由财政直接拨付',
    });
    expect(again.data.course).toMatchObject({ status: 'pendingReview', reviewNote: null });
    expect(
      await staff('reviewCourse', { courseId: id, decision: 'reject', reason: '' }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const approved = await staff('reviewCourse', { courseId: id, decision: 'approve' });
    expect(approved).toMatchObject({
      ok: true,
      data: { course: { status: 'published', enrolment: 'open', reviewNote: null } },
    });
    expect(titles(await seeker('catalogue', {}))).toContain('育婴员（五级）周末班');
    expect(await seeker('apply', { courseId: id })).toMatchObject({
      ok: true,
      data: { outcome: 'confirmed' },
    });
    expect(await staff('reviewCourse', { courseId: id, decision: 'approve' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(
      cloud.store
        .collection('audit_log')
        .find({ action: 'training.reviewCourse', subjectId: id })
        .map((a) => (a.detail as { decision: string }).decision),
    ).toEqual(['reject', 'approve']);
  });

  it('a material change by the institution goes back to review, a minor one does not; staff publish directly', async () => {
    fixClock(at('2026-11-20 10:00'));
    insertSeeker(cloud, SEEKER);
    // Published by 就业中心 staff for the institution: public at once.
    const id = await makeCourse(cloud, { title: '家政服务员（五级）春季班' });
    expect(
      booking(cloud, (await trainingAs(cloud, SEEKER)('apply', { courseId: id })).data.booking.id),
    ).toMatchObject({ status: 'confirmed' });
    const input = { ...courseInput({ title: '家政服务员（五级）春季班' }, cloud), id };
    const school = trainingAs(cloud, SCHOOL_ACCOUNT);

    const minor = await school('saveCourse', {
      ...input,
      description: '含实操耗材',
      status: 'closed',
    });
    expect(minor.data).toMatchObject({
      course: { status: 'closed' },
      message: '已保存',
    });
    expect((await school('saveCourse', input)).data.course.status).toBe('published');

    const bigger = await school('saveCourse', { ...input, capacity: 40 });
    expect(bigger.data.course).toMatchObject({ status: 'pendingReview' });
    expect(titles(await trainingAs(cloud, 'wx-someone')('catalogue', {}))).not.toContain(
      '家政服务员（五级）春季班',
    );
    // The person already booked still sees their course.
    expect(await trainingAs(cloud, SEEKER)('courseDetail', { courseId: id })).toMatchObject({
      ok: true,
      data: { course: { enrolment: 'unpublished' }, booking: { status: 'confirmed' } },
    });
    // While in review the editor keeps what the institution chose.
    expect((await school('staffCourse', { courseId: id })).data.course.editStatus).toBe(
      'published',
    );
    expect(
      (await trainingAs(cloud, STAFF)('reviewCourse', { courseId: id, decision: 'approve' })).data
        .course,
    ).toMatchObject({ status: 'published', capacity: 40 });

    const byStaff = await trainingAs(cloud, STAFF)('saveCourse', { ...input, capacity: 45 });
    expect(byStaff.data).toMatchObject({ course: { status: 'published' }, message: '已保存' });
  });
});

describe('cancelling a course', () => {
  /** Capacity 2: A confirmed, C promoted (B gave up their seat), D waiting. */
  async function bookedCourse() {
    fixClock(at('2026-11-20 10:00'));
    for (const openid of ['wx-a', 'wx-b', 'wx-c', 'wx-d']) insertSeeker(cloud, openid);
    const course = await makeCourse(cloud, { capacity: 2, startsIn: 10 });
    const ids: Record<string, string> = {};
    for (const openid of ['wx-a', 'wx-b', 'wx-c', 'wx-d']) {
      ids[openid] = (await trainingAs(cloud, openid)('apply', { courseId: course })).data.booking
        .id as string;
    }
    await trainingAs(cloud, 'wx-b')('cancel', { bookingId: ids['wx-b'] });
    expect(booking(cloud, ids['wx-c']!).status).toBe('promoted');
    return { course, ids };
  }

  it('cancels every booking and waitlist place, gives free trainings back, tells each person and logs it', async () => {
    const { course, ids } = await bookedCourse();
    cloud.grantSubscription('wx-a', 'local-trainingChange');
    const staff = trainingAs(cloud, STAFF);
    const reason = '授课教师无法到岗，本期停办';

    const before = cloud.writeCount();
    expect(await staff('cancelCourse', { courseId: course })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { reason: expect.any(String) } },
    });
    expect(await staff('cancelCourse', { courseId: course, reason: ' ' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(
      await trainingAs(cloud, OTHER_COUNTY_STAFF)('cancelCourse', { courseId: course, reason }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(
      await trainingAs(cloud, 'wx-a')('cancelCourse', { courseId: course, reason }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(cloud.writeCount()).toBe(before);
    expect((await trainingAs(cloud, 'wx-a')('myBookings', {})).data.quota.used).toBe(1);

    const done = await staff('cancelCourse', { courseId: course, reason });
    expect(done).toMatchObject({
      ok: true,
      data: {
        cancelled: 3,
        course: {
          status: 'cancelled',
          statusLabel: '已取消',
          cancelReason: reason,
          canCancel: false,
          canEdit: false,
        },
        message: '课程已取消，已取消3人的报名或候补并逐一通知',
      },
    });
    for (const openid of ['wx-a', 'wx-c', 'wx-d']) {
      expect(booking(cloud, ids[openid]!)).toMatchObject({
        status: 'cancelled',
        cancelReason: `课程已取消：${reason}`,
      });
    }
    expect(seats(cloud, course)).toMatchObject({ taken: 0, waiting: 0, cancelled: true });
    // A's free training is given back: the course did not take place.
    const a = await trainingAs(cloud, 'wx-a')('myBookings', {});
    expect(a.data.quota.used).toBe(0);
    expect(a.data.bookings[0]).toMatchObject({
      status: 'cancelled',
      canCancel: false,
      note: `课程已取消：${reason}`,
    });
    // Every change is logged as the staff member's.
    for (const [openid, from] of [
      ['wx-a', 'confirmed'],
      ['wx-c', 'promoted'],
      ['wx-d', 'waitlisted'],
    ] as const) {
      const log = cloud.store
        .collection('training_booking_log')
        .find({ bookingId: ids[openid], event: 'courseCancel' });
      expect(log).toEqual([
        expect.objectContaining({ from, to: 'cancelled', actorOpenid: STAFF, actorRole: 'staff' }),
      ]);
    }
    expect(count(cloud, 'audit_log', { action: 'training.cancelCourse', subjectId: course })).toBe(
      1,
    );
    // A asked to be told by subscription message; C and D find it in the app.
    expect(cloud.outbox().filter((m) => m.touser === 'wx-a')).toEqual([
      expect.objectContaining({
        templateId: 'local-trainingChange',
        page: 'packages/seeker/training/bookings/index',
        data: expect.objectContaining({ phrase2: { value: '课程取消' } }),
      }),
    ]);
    for (const openid of ['wx-c', 'wx-d']) {
      expect(cloud.store.collection('messages').find({ openid, kind: 'trainingChange' })).toEqual([
        expect.objectContaining({
          title: '培训课程已取消',
          body: expect.stringContaining(reason),
        }),
      ]);
    }
    // B had already cancelled: not told again.
    expect(count(cloud, 'messages', { openid: 'wx-b', kind: 'trainingChange' })).toBe(0);

    // Nobody books it any more; it cannot be cancelled or edited again.
    insertSeeker(cloud, 'wx-late');
    expect(await trainingAs(cloud, 'wx-late')('apply', { courseId: course })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '这门课程已取消，不能报名' },
    });
    const after = cloud.writeCount();
    expect(await staff('cancelCourse', { courseId: course, reason })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '这门课程已取消' },
    });
    expect(await staff('saveCourse', { ...courseInput({}, cloud), id: course })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(cloud.writeCount()).toBe(after);
  });

  it('bookings racing the cancellation are refused or cancelled with the rest', async () => {
    fixClock(at('2026-11-20 10:00'));
    const course = await makeCourse(cloud, { capacity: 3, waitlistLimit: 5 });
    const racers = Array.from({ length: 8 }, (_, i) => `wx-racer-${i}`);
    for (const openid of racers) insertSeeker(cloud, openid);
    const applying = racers.map((openid) =>
      trainingAs(cloud, openid)('apply', { courseId: course }),
    );
    // The cancellation starts once the first booking is in, while the others are under way.
    await applying[0];
    const results = await Promise.all([
      ...applying,
      trainingAs(cloud, STAFF)('cancelCourse', { courseId: course, reason: '场地临时无法使用' }),
    ]);
    const cancelled = results.at(-1);
    expect(cancelled).toMatchObject({ ok: true });
    const booked = results.slice(0, -1).filter((r) => r.ok);
    expect(booked.length).toBeGreaterThanOrEqual(1);
    expect(cancelled.data.cancelled).toBe(booked.length);
    for (const r of results.slice(0, -1)) {
      if (r.ok) expect(booking(cloud, r.data.booking.id).status).toBe('cancelled');
      else expect(r.error.message).toBe('这门课程已取消，不能报名');
    }
    expect(
      count(cloud, 'training_bookings', {
        courseId: course,
        status: { $in: ['booked', 'confirmed', 'waitlisted', 'promoted'] },
      }),
    ).toBe(0);
    expect(seats(cloud, course)).toMatchObject({ taken: 0, waiting: 0, cancelled: true });
    // Whoever got in before the cancellation got their free training back.
    for (const openid of racers) {
      expect((await trainingAs(cloud, openid)('myBookings', {})).data.quota.used).toBe(0);
    }
  });

  it('an institution cancels its own course; a course with attendance recorded cannot be cancelled', async () => {
    fixClock(at('2026-12-01 08:00'));
    insertSeeker(cloud, 'wx-a');
    const upcoming = await makeCourse(cloud, { startsIn: 10 });
    await trainingAs(cloud, 'wx-a')('apply', { courseId: upcoming });
    const running = await makeCourse(cloud, { startsIn: 1, sessions: 2, capacity: 5 });
    const b = await trainingAs(cloud, 'wx-a')('apply', { courseId: running });

    const school = trainingAs(cloud, SCHOOL_ACCOUNT);
    const done = await school('cancelCourse', { courseId: upcoming, reason: '报名人数不足' });
    expect(done).toMatchObject({ ok: true, data: { cancelled: 1 } });
    expect(
      cloud.store
        .collection('training_booking_log')
        .find({ event: 'courseCancel', courseId: upcoming }),
    ).toEqual([expect.objectContaining({ actorRole: 'institution', actorOpenid: SCHOOL_ACCOUNT })]);

    jest.setSystemTime(at('2026-12-02 10:00'));
    await trainingAs(cloud, STAFF)('recordAttendance', {
      courseId: running,
      marks: [{ bookingId: b.data.booking.id, present: true }],
    });
    expect(await rowOf(STAFF, running)).toMatchObject({ canCancel: false });
    const before = cloud.writeCount();
    expect(await school('cancelCourse', { courseId: running, reason: '报名人数不足' })).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: '这门课程已登记考勤或结业，不能取消' },
    });
    expect(cloud.writeCount()).toBe(before);
  });
});

describe('changing the time or place of a course with bookings', () => {
  it('tells the people booked and waiting; other changes tell nobody', async () => {
    fixClock(at('2026-11-20 10:00'));
    for (const openid of ['wx-a', 'wx-b']) insertSeeker(cloud, openid);
    const course = await makeCourse(cloud, { capacity: 1, startsIn: 10 });
    for (const openid of ['wx-a', 'wx-b']) {
      await trainingAs(cloud, openid)('apply', { courseId: course });
    }
    const input = { ...courseInput({ startsIn: 10 }, cloud), id: course };
    const staff = trainingAs(cloud, STAFF);
    const told = (openid: string) =>
      cloud.store.collection('messages').find({ openid, kind: 'trainingChange' });

    const quiet = await staff('saveCourse', { ...input, description: '请自备工作服' });
    expect(quiet.data.message).toBe('已保存');
    expect(told('wx-a')).toEqual([]);

    const moved = await staff('saveCourse', {
      ...input,
      sessions: input.sessions.map((s) => ({ ...s, start: '13:30', end: '17:00' })),
    });
    expect(moved.data.message).toBe('已保存；已通知2名报名和候补人员上课时间的变更');
    for (const openid of ['wx-a', 'wx-b']) {
      expect(told(openid)).toEqual([
        expect.objectContaining({
          title: '培训课程上课时间变更',
          body: expect.stringContaining('现在11月30日 13:30开课'),
          page: 'packages/seeker/training/bookings/index',
        }),
      ]);
    }

    await staff('saveCourse', {
      ...input,
      sessions: input.sessions.map((s) => ({ ...s, start: '13:30', end: '17:00' })),
      address: '任城区示例路2号新实训楼',
    });
    expect(told('wx-a').at(-1)).toMatchObject({
      title: '培训课程上课地点变更',
      body: expect.stringContaining('任城区示例路2号新实训楼'),
    });
  });
});
