/**
 * Booking a training: the yearly free quota (000 §3(3)) at 0, 2 and 3 with Asia/Shanghai year
 * boundaries, cancellation giving a free training back before the start, the waitlist and its
 * promotions (notified, confirmed, lapsed), and 50 concurrent bookings for the last seat.
 */
import type { LocalCloud } from '@nuanxin/local';

import { fixClock } from '../test/registration';
import { seededCloud } from '../test/support';

import { at, booking, count, insertSeeker, makeCourse, seats, trainingAs } from './fixtures';

let cloud: LocalCloud;
beforeEach(async () => {
  cloud = await seededCloud();
});
afterEach(async () => {
  jest.useRealTimers();
  await cloud.close();
});

const ME = 'wx-trainee-0001';

function documentCounts(local: LocalCloud): Record<string, number> {
  return Object.fromEntries(
    local.store.collections().map((name) => [name, local.store.collection(name).count({})]),
  );
}

/** Collections that gained documents between two counts, with how many. */
function documentsAdded(before: Record<string, number>, after: Record<string, number>) {
  return Object.fromEntries(
    Object.entries(after)
      .map(([name, n]) => [name, n - (before[name] ?? 0)] as const)
      .filter(([, added]) => added !== 0),
  );
}

describe('the yearly free quota', () => {
  it('counts 0, 2, 3 confirmed free trainings and refuses the 4th saying when it renews', async () => {
    fixClock(at('2026-11-20 10:00'));
    insertSeeker(cloud, ME);
    const call = trainingAs(cloud, ME);
    const courses = [];
    for (let i = 0; i < 4; i += 1) courses.push(await makeCourse(cloud, { startsIn: 10 + i }));
    const paid = await makeCourse(cloud, { funding: 'paid', fee: 2000, startsIn: 12 });

    const start = await call('catalogue', {});
    expect(start.data.quota).toMatchObject({ used: 0, left: 3, text: '今年已使用 0/3 次免费培训' });

    for (const id of courses.slice(0, 2)) {
      expect(await call('apply', { courseId: id })).toMatchObject({
        ok: true,
        data: { outcome: 'confirmed', booking: { status: 'confirmed', countsQuota: true } },
      });
    }
    expect((await call('myBookings', {})).data.quota).toMatchObject({
      used: 2,
      text: '今年已使用 2/3 次免费培训',
      renewsOn: null,
    });

    const third = await call('apply', { courseId: courses[2] });
    expect(third.data.quota).toMatchObject({ used: 3, left: 0, renewsOn: '2027年1月1日' });
    expect(third.data.message).toContain('今年已使用 3/3 次免费培训');

    const before = cloud.writeCount();
    const fourth = await call('apply', { courseId: courses[3] });
    expect(fourth).toEqual({
      ok: false,
      error: {
        code: 'QUOTA_EXCEEDED',
        message: '今年的3次免费培训已用完，2027年1月1日起可再次预约',
      },
    });
    expect(cloud.writeCount()).toBe(before);
    const detail = await call('courseDetail', { courseId: courses[3] });
    expect(detail.data.blocker).toBe('今年的3次免费培训已用完，2027年1月1日起可再次预约');

    // A paid course does not count toward the free quota.
    const own = await call('apply', { courseId: paid });
    expect(own).toMatchObject({ ok: true, data: { booking: { countsQuota: false } } });
    expect(own.data.quota.used).toBe(3);
  });

  it('the year turns at midnight in Shanghai, not in UTC', async () => {
    fixClock(at('2026-12-20 10:00'));
    insertSeeker(cloud, ME);
    const call = trainingAs(cloud, ME);
    const courses = [];
    for (let i = 0; i < 5; i += 1) courses.push(await makeCourse(cloud, { startsIn: 25 + i }));

    // 23:30 on 31 December in Shanghai is 15:30 UTC: still 2026.
    jest.setSystemTime(at('2026-12-31 23:30'));
    for (const id of courses.slice(0, 3)) {
      expect((await call('apply', { courseId: id })).ok).toBe(true);
    }
    expect(await call('apply', { courseId: courses[3] })).toMatchObject({
      ok: false,
      error: { code: 'QUOTA_EXCEEDED', message: expect.stringContaining('2027年1月1日起') },
    });

    // 00:05 on 1 January in Shanghai is still 31 December in UTC: already 2027.
    jest.setSystemTime(at('2027-01-01 00:05'));
    expect(new Date().getUTCFullYear()).toBe(2026);
    const fresh = await call('apply', { courseId: courses[3] });
    expect(fresh).toMatchObject({
      ok: true,
      data: { quota: { year: '2027', used: 1, text: '今年已使用 1/3 次免费培训' } },
    });
    // The 2026 count stays as it was.
    expect(count(cloud, 'training_quota', { year: '2026', used: 3 })).toBe(1);
  });

  it('one person, two WeChat accounts: the same three', async () => {
    fixClock(at('2026-11-20 10:00'));
    insertSeeker(cloud, 'wx-account-a', { person: 'same-person' });
    insertSeeker(cloud, 'wx-account-b', { person: 'same-person' });
    const ids = [];
    for (let i = 0; i < 4; i += 1) ids.push(await makeCourse(cloud, { startsIn: 10 + i }));
    for (const id of ids.slice(0, 3)) {
      expect((await trainingAs(cloud, 'wx-account-a')('apply', { courseId: id })).ok).toBe(true);
    }
    expect(await trainingAs(cloud, 'wx-account-b')('apply', { courseId: ids[3] })).toMatchObject({
      ok: false,
      error: { code: 'QUOTA_EXCEEDED' },
    });
  });
});

describe('cancelling', () => {
  it('before the start gives the free training back; after the start it stays counted', async () => {
    fixClock(at('2026-11-20 10:00'));
    insertSeeker(cloud, ME);
    const call = trainingAs(cloud, ME);
    const early = await makeCourse(cloud, { startsIn: 10 });
    const later = await makeCourse(cloud, { startsIn: 5, sessions: 4 });

    const first = await call('apply', { courseId: early });
    expect(first.data.quota.used).toBe(1);
    const cancelled = await call('cancel', {
      bookingId: first.data.booking.id,
      reason: '找到工作了',
    });
    expect(cancelled).toMatchObject({
      ok: true,
      data: {
        booking: {
          status: 'cancelled',
          statusLabel: '已取消',
          canCancel: false,
          note: '找到工作了',
        },
        quota: { used: 0, text: '今年已使用 0/3 次免费培训' },
        message: '已取消报名，退回1次免费培训次数',
      },
    });
    expect(seats(cloud, early)).toMatchObject({ taken: 0 });
    const log = cloud.store
      .collection('training_booking_log')
      .find({ bookingId: first.data.booking.id });
    expect(log.map((l) => [l.event, l.from, l.to])).toEqual([
      ['apply', null, 'booked'],
      ['confirm', 'booked', 'confirmed'],
      ['cancel', 'confirmed', 'cancelled'],
    ]);
    expect(log[2]).toMatchObject({ actorOpenid: ME, actorRole: 'seeker' });
    expect(log[2]!.reason).toContain('退回1次免费培训');

    // The same course can be booked again once the earlier booking is cancelled.
    expect((await call('apply', { courseId: early })).data.quota.used).toBe(1);

    const second = await call('apply', { courseId: later });
    expect(second.data.quota.used).toBe(2);
    jest.setSystemTime(at(`${second.data.booking.startsAt.slice(0, 10)} 12:00`));
    const afterStart = await call('cancel', { bookingId: second.data.booking.id });
    expect(afterStart).toMatchObject({ ok: true, data: { quota: { used: 2 }, message: '已取消' } });
  });

  it("another person's booking is NOT_FOUND, and nothing is written", async () => {
    fixClock(at('2026-11-20 10:00'));
    insertSeeker(cloud, ME);
    insertSeeker(cloud, 'wx-someone-else');
    const course = await makeCourse(cloud);
    const mine = await trainingAs(cloud, ME)('apply', { courseId: course });
    const before = cloud.writeCount();
    const other = trainingAs(cloud, 'wx-someone-else');
    for (const action of ['cancel', 'acceptSeat']) {
      expect(await other(action, { bookingId: mine.data.booking.id })).toEqual({
        ok: false,
        error: { code: 'NOT_FOUND', message: '没有找到这条报名记录' },
      });
    }
    expect(cloud.writeCount()).toBe(before);
    expect(booking(cloud, mine.data.booking.id)).toMatchObject({ status: 'confirmed' });
  });

  it('a second booking of the same course is refused', async () => {
    fixClock(at('2026-11-20 10:00'));
    insertSeeker(cloud, ME);
    const course = await makeCourse(cloud);
    const call = trainingAs(cloud, ME);
    expect((await call('apply', { courseId: course })).ok).toBe(true);
    const before = cloud.writeCount();
    expect(await call('apply', { courseId: course })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '您已报名这门课程，可在“我的培训”中查看' },
    });
    expect(cloud.writeCount()).toBe(before);
  });
});

describe('the waitlist', () => {
  async function fullCourse() {
    insertSeeker(cloud, 'wx-a');
    insertSeeker(cloud, 'wx-b');
    insertSeeker(cloud, 'wx-c');
    const course = await makeCourse(cloud, { capacity: 1, startsIn: 10 });
    const a = await trainingAs(cloud, 'wx-a')('apply', { courseId: course });
    const b = await trainingAs(cloud, 'wx-b')('apply', { courseId: course });
    const c = await trainingAs(cloud, 'wx-c')('apply', { courseId: course });
    return { course, a: a.data, b: b.data, c: c.data };
  }

  it('a full course waitlists in order; a cancellation promotes the first and tells them', async () => {
    fixClock(at('2026-11-20 10:00'));
    const { course, a, b, c } = await fullCourse();
    expect(a.outcome).toBe('confirmed');
    expect(b).toMatchObject({
      outcome: 'waitlisted',
      booking: { status: 'waitlisted', waitPosition: 1 },
      // Waiting does not use a free training.
      quota: { used: 0 },
    });
    expect(b.message).toContain('候补（第1位）');
    expect(c.booking.waitPosition).toBe(2);
    expect(seats(cloud, course)).toMatchObject({ taken: 1, waiting: 2 });

    // B asked to be told (a one-time subscription); C did not.
    cloud.grantSubscription('wx-b', 'local-trainingSeat');
    jest.setSystemTime(at('2026-11-21 15:00'));
    await trainingAs(cloud, 'wx-a')('cancel', { bookingId: a.booking.id });

    expect(booking(cloud, b.booking.id)).toMatchObject({
      status: 'promoted',
      // Until the end of the next Shanghai day.
      confirmBy: at('2026-11-23 00:00'),
    });
    expect(seats(cloud, course)).toMatchObject({ taken: 1, waiting: 1 });
    expect(cloud.outbox().filter((m) => m.touser === 'wx-b')).toEqual([
      expect.objectContaining({
        fn: 'training',
        templateId: 'local-trainingSeat',
        page: 'packages/seeker/training/bookings/index',
        data: expect.objectContaining({
          thing1: { value: '家政服务员（五级）测试班' },
          phrase2: { value: '候补成功' },
          time4: { value: '2026-11-23 00:00' },
        }),
      }),
    ]);
    const mine = await trainingAs(cloud, 'wx-b')('myBookings', {});
    expect(mine.data.bookings[0]).toMatchObject({
      id: b.booking.id,
      status: 'promoted',
      statusLabel: '候补到名额，待确认',
      canAccept: true,
      confirmBy: at('2026-11-23 00:00').toISOString(),
    });
    expect((await trainingAs(cloud, 'wx-b')('catalogue', {})).data.promotions).toEqual([
      expect.objectContaining({ bookingId: b.booking.id, courseTitle: '家政服务员（五级）测试班' }),
    ]);
    // C moved up to first in line.
    expect((await trainingAs(cloud, 'wx-c')('myBookings', {})).data.bookings[0]).toMatchObject({
      status: 'waitlisted',
      waitPosition: 1,
    });

    const accepted = await trainingAs(cloud, 'wx-b')('acceptSeat', { bookingId: b.booking.id });
    expect(accepted).toMatchObject({
      ok: true,
      data: { booking: { status: 'confirmed' }, quota: { used: 1 } },
    });
    expect(
      cloud.store
        .collection('training_booking_log')
        .find({ bookingId: b.booking.id })
        .map((l) => `${l.event}:${l.to}`),
    ).toEqual(['apply:booked', 'waitlist:waitlisted', 'promote:promoted', 'confirm:confirmed']);
  });

  it('without a subscription the promotion notice goes to the in-app inbox', async () => {
    fixClock(at('2026-11-20 10:00'));
    const { a, b } = await fullCourse();
    await trainingAs(cloud, 'wx-a')('cancel', { bookingId: a.booking.id });
    expect(cloud.outbox().filter((m) => m.touser === 'wx-b')).toEqual([]);
    expect(cloud.store.collection('messages').find({ openid: 'wx-b' })).toEqual([
      expect.objectContaining({
        kind: 'trainingSeat',
        title: '培训候补成功，请确认参加',
        body: expect.stringContaining('请在11月21日24:00前打开“我的培训”确认参加'),
        page: 'packages/seeker/training/bookings/index',
        reason: 'noQuota',
      }),
    ]);
    expect(booking(cloud, b.booking.id).status).toBe('promoted');
  });

  it('a seat not confirmed by the deadline goes to the next person at the daily run', async () => {
    fixClock(at('2026-11-20 10:00'));
    const { course, a, b, c } = await fullCourse();
    await trainingAs(cloud, 'wx-a')('cancel', { bookingId: a.booking.id });
    // Promoted on 20 November: confirm by the end of 21 November.
    expect(booking(cloud, b.booking.id)).toMatchObject({
      status: 'promoted',
      confirmBy: at('2026-11-22 00:00'),
    });

    const run = at('2026-11-22 00:30');
    jest.setSystemTime(run);
    const before = cloud.writeCount();
    expect(
      await trainingAs(cloud, 'wx-b')('acceptSeat', { bookingId: b.booking.id }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '已超过确认期限，名额将让给下一位候补' },
    });
    expect(cloud.writeCount()).toBe(before);

    await cloud.scheduler.runTimer('training', run);
    expect(booking(cloud, b.booking.id)).toMatchObject({ status: 'lapsed' });
    expect(booking(cloud, c.booking.id)).toMatchObject({
      status: 'promoted',
      confirmBy: at('2026-11-24 00:00'),
    });
    expect(seats(cloud, course)).toMatchObject({ taken: 1, waiting: 0 });
    const lapsed = (await trainingAs(cloud, 'wx-b')('myBookings', {})).data.bookings[0];
    expect(lapsed).toMatchObject({
      status: 'lapsed',
      note: '未在期限内确认，名额已让给下一位候补',
      canAccept: false,
    });
    // B may book again and waits at the back.
    expect((await trainingAs(cloud, 'wx-b')('apply', { courseId: course })).data).toMatchObject({
      outcome: 'waitlisted',
      booking: { waitPosition: 1 },
    });
  });

  it('a waiting person whose free trainings ran out is taken off instead of promoted', async () => {
    fixClock(at('2026-11-20 10:00'));
    const { a, b, c } = await fullCourse();
    // B uses up the year's three free trainings elsewhere while waiting.
    for (let i = 0; i < 3; i += 1) {
      const other = await makeCourse(cloud, { startsIn: 12 + i });
      expect((await trainingAs(cloud, 'wx-b')('apply', { courseId: other })).ok).toBe(true);
    }
    await trainingAs(cloud, 'wx-a')('cancel', { bookingId: a.booking.id });
    expect(booking(cloud, b.booking.id)).toMatchObject({
      status: 'cancelled',
      cancelReason: '今年的免费培训次数已用完，已取消候补',
    });
    expect(booking(cloud, c.booking.id).status).toBe('promoted');
  });
});

describe('across the new year (a waiting person has no counter for the new year yet)', () => {
  /** A full course starting mid-January: A holds the seat, B and C wait from 20 December. */
  async function newYearCourse() {
    fixClock(at('2026-12-20 10:00'));
    for (const openid of ['wx-a', 'wx-b', 'wx-c']) insertSeeker(cloud, openid);
    const course = await makeCourse(cloud, { capacity: 1, startsIn: 25 });
    const a = (await trainingAs(cloud, 'wx-a')('apply', { courseId: course })).data;
    const b = (await trainingAs(cloud, 'wx-b')('apply', { courseId: course })).data;
    const c = (await trainingAs(cloud, 'wx-c')('apply', { courseId: course })).data;
    expect([a.outcome, b.outcome, c.outcome]).toEqual(['confirmed', 'waitlisted', 'waitlisted']);
    return { course, a, b, c };
  }

  it('waitlisted 20 Dec, cancelled 3 Jan: the cancel succeeds and the first waiting is promoted', async () => {
    const { course, a, b, c } = await newYearCourse();
    jest.setSystemTime(at('2027-01-03 10:00'));
    const cancelled = await trainingAs(cloud, 'wx-a')('cancel', { bookingId: a.booking.id });
    expect(cancelled).toMatchObject({
      ok: true,
      data: { booking: { status: 'cancelled' }, message: '已取消报名，退回1次免费培训次数' },
    });
    expect(booking(cloud, b.booking.id)).toMatchObject({
      status: 'promoted',
      confirmBy: at('2027-01-05 00:00'),
    });
    expect(booking(cloud, c.booking.id).status).toBe('waitlisted');
    expect(seats(cloud, course)).toMatchObject({ taken: 1, waiting: 1 });
    expect(cloud.store.collection('messages').find({ openid: 'wx-b' })).toEqual([
      expect.objectContaining({ kind: 'trainingSeat', title: '培训候补成功，请确认参加' }),
    ]);
    // B confirms in 2027: the free training counts in 2027.
    const accepted = await trainingAs(cloud, 'wx-b')('acceptSeat', { bookingId: b.booking.id });
    expect(accepted).toMatchObject({
      ok: true,
      data: { booking: { status: 'confirmed' }, quota: { year: '2027', used: 1 } },
    });
  });

  it('the daily run in January promotes from a December waitlist and still flags overdue certificates', async () => {
    const { course, a, b, c } = await newYearCourse();
    jest.setSystemTime(at('2027-01-03 10:00'));
    expect((await trainingAs(cloud, 'wx-a')('cancel', { bookingId: a.booking.id })).ok).toBe(true);
    // B lets the deadline pass: the run after it gives the seat to C.
    const run = at('2027-01-05 00:30');
    jest.setSystemTime(run);
    const overdueBefore = count(cloud, 'training_certificates', {
      status: 'open',
      overdueFlaggedAt: null,
      dueDate: { $lt: '2027-01-05' },
    });
    expect(overdueBefore).toBeGreaterThan(0);
    expect(await cloud.scheduler.runTimer('training', run)).toEqual({ ok: true, data: null });
    expect(booking(cloud, b.booking.id).status).toBe('lapsed');
    expect(booking(cloud, c.booking.id)).toMatchObject({ status: 'promoted' });
    expect(seats(cloud, course)).toMatchObject({ taken: 1, waiting: 0 });
    expect(
      count(cloud, 'training_certificates', {
        status: 'open',
        overdueFlaggedAt: null,
        dueDate: { $lt: '2027-01-05' },
      }),
    ).toBe(0);
  });

  it('one step of the daily run failing does not stop the others', async () => {
    fixClock(at('2027-01-05 00:30'));
    // A promotion whose course and seat counter are gone: lapsing it fails.
    cloud.store.collection('training_bookings').insert({
      courseId: 'course-gone',
      courseTitle: '已删除的课程',
      institutionId: 'institution-gone',
      township: '370811002',
      openid: 'wx-orphan',
      registrationId: null,
      person: 'openid:wx-orphan',
      name: '孤儿记录',
      mobile: '13900000000',
      status: 'promoted',
      activeKey: 'course:course-gone:wx-orphan',
      countsQuota: false,
      quotaYear: null,
      waitSeq: 1,
      confirmBy: at('2027-01-04 00:00'),
      bookedAt: at('2026-12-20 10:00'),
      confirmedAt: null,
      promotedAt: at('2027-01-03 10:00'),
      cancelledAt: null,
      cancelReason: null,
      attendedAt: null,
      resultAt: null,
      updatedAt: at('2027-01-03 10:00'),
    });
    const result = await cloud.scheduler.runTimer('training', new Date());
    // The run says something went wrong …
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    // … but the overdue certificates were still flagged and the staff told.
    expect(
      count(cloud, 'training_certificates', {
        status: 'open',
        overdueFlaggedAt: null,
        dueDate: { $lt: '2027-01-05' },
      }),
    ).toBe(0);
    expect(
      count(cloud, 'messages', { openid: 'demo-skills-1', kind: 'certificateOverdue' }),
    ).toBeGreaterThan(0);
  });
});

describe('capacity under concurrency', () => {
  it('50 people booking the last seat at once: exactly 1 confirmed, the rest waitlisted or told it is full', async () => {
    fixClock(at('2026-11-20 10:00'));
    const course = await makeCourse(cloud, { capacity: 3, waitlistLimit: 20, startsIn: 10 });
    for (const early of ['wx-early-1', 'wx-early-2']) {
      insertSeeker(cloud, early);
      expect((await trainingAs(cloud, early)('apply', { courseId: course })).data.outcome).toBe(
        'confirmed',
      );
    }
    const racers = Array.from({ length: 50 }, (_, i) => `wx-race-${i}`);
    for (const openid of racers) insertSeeker(cloud, openid);
    const documentsBefore = documentCounts(cloud);

    const results = await Promise.all(
      racers.map((openid) => trainingAs(cloud, openid)('apply', { courseId: course })),
    );

    const confirmed = results.filter((r) => r.ok && r.data.outcome === 'confirmed');
    const waitlisted = results.filter((r) => r.ok && r.data.outcome === 'waitlisted');
    const full = results.filter((r) => !r.ok);
    expect(confirmed).toHaveLength(1);
    expect(waitlisted).toHaveLength(20);
    expect(full).toHaveLength(29);
    for (const r of full) {
      expect(r).toEqual({
        ok: false,
        error: { code: 'CONFLICT', message: '这门课程的名额和候补都已满，请选择其他课程' },
      });
    }
    expect(count(cloud, 'training_bookings', { courseId: course, status: 'confirmed' })).toBe(3);
    expect(count(cloud, 'training_bookings', { courseId: course, status: 'waitlisted' })).toBe(20);
    expect(seats(cloud, course)).toMatchObject({ capacity: 3, taken: 3, waiting: 20 });
    // The waitlist numbers are distinct and consecutive: the order is well defined.
    const numbers = cloud.store
      .collection('training_bookings')
      .find({ courseId: course, status: 'waitlisted' })
      .map((b) => b.waitSeq as number)
      .sort((x, y) => x - y);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    // Only the confirmed bookings used a free training.
    const people = cloud.store
      .collection('registrations')
      .find({ openid: { $regex: '^wx-(race|early)-' } })
      .map((r) => r.idHash);
    const used = cloud.store
      .collection('training_quota')
      .find({ person: { $in: people } })
      .reduce((sum, q) => sum + (q.used as number), 0);
    expect(used).toBe(3);
    // The refused calls added nothing: the only new documents are the 21 bookings (1 confirmed,
    // 20 waiting) with two log entries each, and the one free-training counter that was used.
    expect(documentsAdded(documentsBefore, documentCounts(cloud))).toEqual({
      training_bookings: 21,
      training_booking_log: 42,
      training_quota: 1,
    });
  });

  it('a person with 2 free trainings used books two free courses at once: exactly one is confirmed', async () => {
    fixClock(at('2026-11-20 10:00'));
    insertSeeker(cloud, ME);
    const call = trainingAs(cloud, ME);
    for (let i = 0; i < 2; i += 1) {
      const used = await makeCourse(cloud, { startsIn: 10 + i });
      expect((await call('apply', { courseId: used })).data.outcome).toBe('confirmed');
    }
    const first = await makeCourse(cloud, { title: '中式面点师（五级）培训班', startsIn: 15 });
    const second = await makeCourse(cloud, { title: '保育师（五级）培训班', startsIn: 16 });

    const results = await Promise.all([
      call('apply', { courseId: first }),
      call('apply', { courseId: second }),
    ]);

    expect(results.filter((r) => r.ok && r.data.outcome === 'confirmed')).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([
      {
        ok: false,
        error: {
          code: 'QUOTA_EXCEEDED',
          message: '今年的3次免费培训已用完，2027年1月1日起可再次预约',
        },
      },
    ]);
    expect(count(cloud, 'training_bookings', { openid: ME, status: 'confirmed' })).toBe(3);
    expect(
      count(cloud, 'training_bookings', { openid: ME, courseId: { $in: [first, second] } }),
    ).toBe(1);
    expect((await call('myBookings', {})).data.quota).toMatchObject({ used: 3, left: 0 });
  });

  it('one person tapping twice at once gets one booking', async () => {
    fixClock(at('2026-11-20 10:00'));
    insertSeeker(cloud, ME);
    const course = await makeCourse(cloud);
    const call = trainingAs(cloud, ME);
    const results = await Promise.all([1, 2, 3].map(() => call('apply', { courseId: course })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(count(cloud, 'training_bookings', { courseId: course, openid: ME })).toBe(1);
    expect(seats(cloud, course)).toMatchObject({ taken: 1 });
  });
});
