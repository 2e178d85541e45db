/**
 * Training rules as the policy states them: the booking lifecycle and what each change does to
 * seats and the free quota, 3 free trainings per Shanghai calendar year (000 §3(3)), certificates
 * within 2 months of passing (000 §3(7)), enrolment and confirm deadlines, and why a course fits.
 */
import { courseInput } from '../src/contracts/training/schemas';
import {
  BOOKING_STATUSES,
  BOOKING_TABLE,
  certificateDueDate,
  courseChanges,
  courseFit,
  courseMode,
  courseTimes,
  daysUntilDue,
  deadlineText,
  dueText,
  enrolmentState,
  FREE_TRAININGS_PER_YEAR,
  hasQuotaLeft,
  isActiveBooking,
  isCertificateOverdue,
  promotionDeadline,
  quotaExhaustedMessage,
  quotaUsageText,
  quotaYear,
  trainingChangeData,
  transitionBooking,
  type BookingEvent,
  type BookingStatus,
} from '../src/training';

const shanghai = (wallClock: string) => new Date(`${wallClock.replace(' ', 'T')}:00+08:00`);

describe('the booking lifecycle', () => {
  const events: BookingEvent[] = [
    { type: 'confirm', countsQuota: true },
    { type: 'waitlist' },
    { type: 'promote' },
    { type: 'lapse' },
    { type: 'cancel', beforeStart: true, counted: true },
    { type: 'courseCancel', counted: true },
    { type: 'attend' },
    { type: 'noShow' },
    { type: 'pass' },
    { type: 'fail' },
  ];
  const cases = BOOKING_STATUSES.flatMap((from) => events.map((event) => ({ from, event })));

  it.each(cases)('$from + $event.type follows the table', ({ from, event }) => {
    const result = transitionBooking(from, event);
    expect(result.ok).toBe(BOOKING_TABLE[event.type][from] === true);
    if (!result.ok) expect(result.reason).toMatch(/^报名当前状态为“.+”，不能/);
  });

  it.each<
    [BookingStatus, BookingEvent, BookingStatus, { seats: number; waiting: number; quota: number }]
  >([
    [
      'booked',
      { type: 'confirm', countsQuota: true },
      'confirmed',
      { seats: 1, waiting: 0, quota: 1 },
    ],
    [
      'booked',
      { type: 'confirm', countsQuota: false },
      'confirmed',
      { seats: 1, waiting: 0, quota: 0 },
    ],
    ['booked', { type: 'waitlist' }, 'waitlisted', { seats: 0, waiting: 1, quota: 0 }],
    // The seat is already held for the promoted person; only the quota is counted on accepting.
    ['waitlisted', { type: 'promote' }, 'promoted', { seats: 1, waiting: -1, quota: 0 }],
    [
      'promoted',
      { type: 'confirm', countsQuota: true },
      'confirmed',
      { seats: 0, waiting: 0, quota: 1 },
    ],
    ['promoted', { type: 'lapse' }, 'lapsed', { seats: -1, waiting: 0, quota: 0 }],
    [
      'confirmed',
      { type: 'cancel', beforeStart: true, counted: true },
      'cancelled',
      { seats: -1, waiting: 0, quota: -1 },
    ],
    // After the start the training stays counted; a paid one was never counted.
    [
      'confirmed',
      { type: 'cancel', beforeStart: false, counted: true },
      'cancelled',
      { seats: -1, waiting: 0, quota: 0 },
    ],
    [
      'confirmed',
      { type: 'cancel', beforeStart: true, counted: false },
      'cancelled',
      { seats: -1, waiting: 0, quota: 0 },
    ],
    [
      'waitlisted',
      { type: 'cancel', beforeStart: true, counted: false },
      'cancelled',
      { seats: 0, waiting: -1, quota: 0 },
    ],
    [
      'promoted',
      { type: 'cancel', beforeStart: true, counted: false },
      'cancelled',
      { seats: -1, waiting: 0, quota: 0 },
    ],
    // A cancelled course did not take place: a counted free training is given back even after
    // its start.
    [
      'confirmed',
      { type: 'courseCancel', counted: true },
      'cancelled',
      { seats: -1, waiting: 0, quota: -1 },
    ],
    [
      'confirmed',
      { type: 'courseCancel', counted: false },
      'cancelled',
      { seats: -1, waiting: 0, quota: 0 },
    ],
    [
      'promoted',
      { type: 'courseCancel', counted: false },
      'cancelled',
      { seats: -1, waiting: 0, quota: 0 },
    ],
    [
      'waitlisted',
      { type: 'courseCancel', counted: false },
      'cancelled',
      { seats: 0, waiting: -1, quota: 0 },
    ],
    ['confirmed', { type: 'attend' }, 'attended', { seats: 0, waiting: 0, quota: 0 }],
    ['attended', { type: 'noShow' }, 'noShow', { seats: 0, waiting: 0, quota: 0 }],
    ['attended', { type: 'pass' }, 'passed', { seats: 0, waiting: 0, quota: 0 }],
    ['attended', { type: 'fail' }, 'failed', { seats: 0, waiting: 0, quota: 0 }],
  ])('%s + %o → %s with effects %o', (from, event, to, effects) => {
    expect(transitionBooking(from, event)).toEqual({ ok: true, to, effects });
  });

  it('only cancelled and lapsed bookings release the person for the same course', () => {
    expect(BOOKING_STATUSES.filter((s) => !isActiveBooking(s))).toEqual(['cancelled', 'lapsed']);
  });
});

describe('the yearly free quota (000 §3(3))', () => {
  it.each([
    [0, true, '今年已使用 0/3 次免费培训'],
    [2, true, '今年已使用 2/3 次免费培训'],
    [3, false, '今年已使用 3/3 次免费培训'],
  ])('%i used: more allowed %s, "%s"', (used, more, text) => {
    expect(hasQuotaLeft(used)).toBe(more);
    expect(quotaUsageText(used)).toBe(text);
  });

  it('is 3 a year', () => expect(FREE_TRAININGS_PER_YEAR).toBe(3));

  it.each([
    // 23:59 on New Year's Eve in Shanghai is 15:59 UTC: still the old year.
    ['2026-12-31 23:59', '2026', '今年的3次免费培训已用完，2027年1月1日起可再次预约'],
    // 00:01 on 1 January in Shanghai is still 31 December in UTC: already the new year.
    ['2027-01-01 00:01', '2027', '今年的3次免费培训已用完，2028年1月1日起可再次预约'],
  ])('at %s Shanghai the year is %s', (wallClock, year, message) => {
    const instant = shanghai(wallClock);
    expect(quotaYear(instant)).toBe(year);
    expect(quotaExhaustedMessage(instant)).toBe(message);
  });
});

describe('certificates within 2 months of passing (000 §3(7))', () => {
  it.each([
    ['2026-03-15 10:00', '2026-05-15'],
    // A shorter month ends the period on its last day.
    ['2026-12-31 10:00', '2027-02-28'],
    ['2027-12-31 10:00', '2028-02-29'],
    // Passed late in the evening in Shanghai (already the next day in no other zone that matters).
    ['2026-06-30 23:30', '2026-08-30'],
    // Just after midnight in Shanghai is still the previous day in UTC.
    ['2026-07-01 00:10', '2026-09-01'],
  ])('passed %s → due %s', (passed, due) => {
    expect(certificateDueDate(shanghai(passed))).toBe(due);
  });

  it('is overdue only after the due day, and not once issued', () => {
    const task = { status: 'open' as const, dueDate: '2027-02-28' };
    expect(isCertificateOverdue(task, shanghai('2027-02-28 23:59'))).toBe(false);
    expect(isCertificateOverdue(task, shanghai('2027-03-01 00:00'))).toBe(true);
    expect(isCertificateOverdue({ ...task, status: 'issued' }, shanghai('2027-04-01 00:00'))).toBe(
      false,
    );
    expect(daysUntilDue('2027-02-28', shanghai('2027-02-20 09:00'))).toBe(8);
    expect(dueText(task, shanghai('2027-02-28 09:00'))).toBe('今天到期');
    expect(dueText(task, shanghai('2027-03-03 09:00'))).toBe('已超期3天');
    expect(dueText(task, shanghai('2027-02-26 09:00'))).toBe('还剩2天');
  });
});

describe('courses', () => {
  const sessions = [
    { date: '2026-12-02', start: '19:00', end: '21:00', online: true },
    { date: '2026-12-01', start: '09:00', end: '16:30', online: false },
  ];

  it('start with the first session and end with the last, in Shanghai time', () => {
    expect(courseTimes(sessions)).toEqual({
      startsAt: new Date('2026-12-01T01:00:00Z'),
      endsAt: new Date('2026-12-02T13:00:00Z'),
    });
    expect(courseMode(sessions)).toBe('blended');
    expect(courseMode([sessions[0]!])).toBe('online');
    expect(courseMode([sessions[1]!])).toBe('offline');
  });

  it.each([
    ['2026-11-25 12:00', 'published', 'open'],
    ['2026-11-28 23:59', 'published', 'open'],
    ['2026-11-29 00:00', 'published', 'deadlinePassed'],
    ['2026-12-01 09:00', 'published', 'started'],
    ['2026-11-25 12:00', 'closed', 'closed'],
    ['2026-11-25 12:00', 'pendingReview', 'unpublished'],
    ['2026-11-25 12:00', 'rejected', 'unpublished'],
    ['2026-11-25 12:00', 'cancelled', 'cancelled'],
    ['2026-12-01 09:00', 'cancelled', 'cancelled'],
  ] as const)('at %s a %s course is %s', (now, status, state) => {
    const course = {
      status,
      startsAt: new Date('2026-12-01T01:00:00Z'),
      enrolDeadline: '2026-11-28',
    };
    expect(enrolmentState(course, shanghai(now))).toBe(state);
  });

  it('a seat from the waitlist is held until the end of the next day, never past the start', () => {
    const startsLater = new Date('2026-12-10T01:00:00Z');
    expect(promotionDeadline(shanghai('2026-11-20 10:00'), startsLater)).toEqual(
      shanghai('2026-11-22 00:00'),
    );
    // Promoted late in the evening: still the whole next day.
    expect(promotionDeadline(shanghai('2026-11-20 23:50'), startsLater)).toEqual(
      shanghai('2026-11-22 00:00'),
    );
    const startsTomorrow = shanghai('2026-11-21 09:00');
    expect(promotionDeadline(shanghai('2026-11-20 10:00'), startsTomorrow)).toEqual(startsTomorrow);
    expect(deadlineText(shanghai('2026-11-22 00:00'))).toBe('11月21日24:00');
    expect(deadlineText(shanghai('2026-11-21 09:00'))).toBe('11月21日 09:00');
  });
});

describe('why a course fits a person', () => {
  const need = {
    wantsTraining: true,
    trainingNeed: '电脑办公',
    occupations: [
      { code: '4-10-01-06', name: '家政服务员' },
      { code: '4-02-06-01', name: '仓储管理员' },
    ],
    tags: ['zeroEmploymentFamily' as const],
    township: '370812001',
  };
  const course = {
    title: '示例课程',
    occupationCode: '6-31-01-03',
    occupationName: '电工',
    description: '',
    targetGroups: [],
    township: '370811002',
  };

  it.each([
    ['their written need', { title: '电脑办公应用培训班' }, ['符合您填写的培训需求“电脑办公”']],
    [
      'an intended occupation',
      { occupationCode: '4-10-01-06', occupationName: '家政服务员' },
      ['与您的意向职业“家政服务员”一致'],
    ],
    [
      'the same group of occupations',
      { occupationCode: '4-10-01-05', occupationName: '养老护理员' },
      ['与您的意向职业“家政服务员”同属一类'],
    ],
    [
      'a key group it targets, nearby',
      {
        occupationCode: '4-10-01-06',
        occupationName: '家政服务员',
        targetGroups: ['zeroEmploymentFamily' as const],
        township: '370812001',
      },
      ['与您的意向职业“家政服务员”一致', '面向零就业家庭人员', '就在您所在的乡镇（街道）'],
    ],
  ])('%s is a reason', (_name, over, reasons) => {
    const fit = courseFit(need, { ...course, ...over });
    expect(fit.reasons).toEqual(reasons);
    expect(fit.score).toBeGreaterThan(0);
  });

  it('nothing in particular: no reason, and nearness alone is none', () => {
    expect(courseFit(need, { ...course, township: '370812001' })).toEqual({
      score: 0,
      reasons: [],
    });
  });

  it('an online course is not "in your township"', () => {
    const fit = courseFit(need, {
      ...course,
      title: '电脑办公',
      township: '370812001',
      mode: 'online',
    });
    expect(fit.reasons).toEqual(['符合您填写的培训需求“电脑办公”']);
  });
});

describe('what counts as a material change of a course', () => {
  const base = {
    title: '家政服务员（五级）培训班',
    occupationCode: '4-10-01-06',
    level: 'level5' as const,
    sessions: [
      { date: '2026-12-01', start: '09:00', end: '16:00', online: false, topic: '理论' },
      { date: '2026-12-02', start: '09:00', end: '16:00', online: false, topic: '实操' },
    ],
    township: '370811002',
    address: '示例路1号',
    capacity: 20,
    funding: 'free',
    fee: 0,
    subsidyRule: '',
    targetGroups: ['disabled', 'lowIncome'],
    enrolDeadline: '2026-11-28',
  };

  it('nothing changed, or only topics, order or the order of key groups: not material', () => {
    expect(
      courseChanges(base, {
        ...base,
        sessions: [...base.sessions].reverse().map((s) => ({ ...s, topic: '新内容' })),
        targetGroups: ['lowIncome', 'disabled'],
      }),
    ).toEqual({ material: false, time: false, place: false });
  });

  it.each([
    [
      'a session’s time',
      { sessions: [{ ...base.sessions[0]!, start: '13:30' }, base.sessions[1]!] },
      true,
      false,
    ],
    [
      'a session online instead',
      { sessions: [{ ...base.sessions[0]!, online: true }, base.sessions[1]!] },
      true,
      false,
    ],
    ['the address', { address: '示例路2号' }, false, true],
    ['the township', { township: '370811003' }, false, true],
    ['the seats', { capacity: 40 }, false, false],
    ['the fee', { funding: 'subsidised', fee: 800 }, false, false],
    ['the subsidy rule', { subsidyRule: '每人补贴1200元' }, false, false],
    ['the key groups', { targetGroups: ['disabled'] }, false, false],
    ['the title', { title: '家政服务员（四级）培训班' }, false, false],
  ])('%s is material', (_name, change, time, place) => {
    expect(courseChanges(base, { ...base, ...change })).toEqual({ material: true, time, place });
  });
});

describe('the course-change notice', () => {
  it('keeps within WeChat’s field limits', () => {
    const data = trainingChangeData({
      courseTitle: '电工（五级/初级工）职业技能等级认定培训班（第三期）',
      change: '课程取消',
      startsAt: shanghai('2026-12-01 09:00'),
      note: '授课教师临时无法到岗，本期停办，请选择其他课程',
    });
    expect(data.phrase2).toEqual({ value: '课程取消' });
    expect(data.time3).toEqual({ value: '2026-12-01 09:00' });
    expect([...data.thing1!.value]).toHaveLength(20);
    expect([...data.thing4!.value].length).toBeLessThanOrEqual(20);
  });
});

describe('the course form schema', () => {
  it.each(['', '2026-13-45', 'abc', '2026-02-30'])(
    'a bad date %p is a field error, never a crash',
    (date) => {
      const parsed = courseInput.safeParse({
        institutionId: 'i',
        title: '测试课程名称',
        occupationCode: '4-10-01-06',
        level: 'level5',
        sessions: [{ date, start: '09:00', end: '10:00', online: true }],
        township: '370811002',
        capacity: 10,
        funding: 'free',
        enrolDeadline: date,
      });
      expect(parsed.success).toBe(false);
    },
  );
});
