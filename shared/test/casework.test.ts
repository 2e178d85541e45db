/**
 * Issue 7's tables: follow-up cadence by employment situation (001 §3(一)3), "131" progress by
 * Shanghai calendar year, the monthly push plan, and request escalation in working days — each at
 * the month and year boundaries where a UTC computation would go wrong.
 */
import {
  byUrgency,
  distinctIntroductions,
  escalationLevel,
  escalationSchedule,
  firstAnswerDue,
  followUpState,
  formatShanghai,
  needsSupervisorReview,
  nextFollowUpDue,
  overdueDays,
  progress131,
  pushPlan,
  REQUEST_SLA,
  requestSlaOf,
} from '../src';

describe('follow-up cadence', () => {
  it.each([
    ['unemployed', '2026-03-10 10:00', '2026-04-10'],
    ['flexible', '2026-03-10 10:00', '2026-09-10'],
    ['notSeeking', '2026-03-10 10:00', '2026-09-10'],
    ['employed', '2026-03-10 10:00', '2027-03-10'],
    // Month ends clamp.
    ['unemployed', '2026-01-31 09:00', '2026-02-28'],
    ['unemployed', '2028-01-31 09:00', '2028-02-29'],
    // 2026-03-31 20:00 UTC is already 04-01 in Shanghai.
    ['unemployed', '2026-03-31T20:00:00Z', '2026-05-01'],
    ['employed', '2026-12-31T16:30:00Z', '2028-01-01'],
  ] as const)('%s since %s is due %s', (situation, since, due) => {
    expect(nextFollowUpDue(situation, since)).toBe(due);
  });

  it.each([
    ['2026-05-10', '2026-05-01', 'notDue', 0],
    ['2026-05-04', '2026-05-01', 'dueSoon', 0],
    ['2026-05-01', '2026-05-01', 'dueToday', 0],
    ['2026-04-30', '2026-05-01', 'overdue', 1],
    ['2025-12-31', '2026-01-02', 'overdue', 2],
  ] as const)('due %s seen on %s is %s', (due, today, state, days) => {
    expect(followUpState(due, today)).toBe(state);
    expect(overdueDays(due, today)).toBe(days);
  });

  it('sorts a caseload overdue first, longest overdue on top', () => {
    const people = [
      { name: '甲', due: '2026-06-01' },
      { name: '乙', due: '2026-05-02' },
      { name: '丙', due: '2026-04-20' },
      { name: '丁', due: '2026-05-05' },
      { name: '戊', due: '2026-04-28' },
    ];
    const order = [...people].sort(byUrgency('2026-05-02')).map((p) => p.name);
    expect(order).toEqual(['丙', '戊', '乙', '丁', '甲']);
  });
});

describe('"131" progress', () => {
  it('counts by Shanghai calendar year and caps the summary at the target', () => {
    const services = [
      { kind: 'guidance' as const, at: '2026-01-05 10:00' },
      { kind: 'jobIntroduction' as const, at: '2026-02-01 10:00' },
      { kind: 'jobIntroduction' as const, at: '2026-03-01 10:00' },
      { kind: 'jobIntroduction' as const, at: '2026-04-01 10:00' },
      { kind: 'jobIntroduction' as const, at: '2026-05-01 10:00' },
      // 2025-12-31 17:00 UTC is 2026-01-01 01:00 in Shanghai: this year's.
      { kind: 'training' as const, at: '2025-12-31T17:00:00Z' },
      // 2026-12-31 15:59 UTC is still 2026 in Shanghai; 16:00 is 2027.
      { kind: 'guidance' as const, at: '2026-12-31T16:00:00Z' },
    ];
    const p = progress131(services, '2026');
    expect(p.guidance).toEqual({ done: 1, target: 1, met: true });
    expect(p.jobIntroduction).toEqual({ done: 4, target: 3, met: true });
    expect(p.training).toEqual({ done: 1, target: 1, met: true });
    expect(p.allMet).toBe(true);
    expect(p.summary).toBe('职业指导 1/1 · 岗位推荐 3/3 · 技能培训 1/1');
    const next = progress131(services, '2027');
    expect(next.guidance.done).toBe(1);
    expect(next.allMet).toBe(false);
    expect(next.summary).toBe('职业指导 1/1 · 岗位推荐 0/3 · 技能培训 0/1');
  });
});

describe('monthly push plan', () => {
  const push = (at: string, publicWelfare = false, internship = false) => ({
    at,
    publicWelfare,
    internship,
  });
  const ordinary = { difficult: false, wantsInternship: false };

  it('three pushes in the Shanghai month meet an ordinary plan', () => {
    const pushes = [
      push('2026-04-30T16:30:00Z'), // 05-01 00:30 Shanghai
      push('2026-05-10 09:00'),
      push('2026-05-20 09:00'),
      push('2026-05-31T16:30:00Z'), // 06-01 in Shanghai: June's
    ];
    expect(pushPlan(pushes, '2026-05', ordinary, '2026-05-21 09:00')).toMatchObject({
      pushes: 3,
      state: 'met',
    });
    expect(pushPlan(pushes, '2026-06', ordinary, '2026-06-02 09:00')).toMatchObject({
      pushes: 1,
      state: 'onTrack',
    });
  });

  it('a 就业困难人员 plan needs a 公益性岗位 among them', () => {
    const pushes = [push('2026-05-01 09:00'), push('2026-05-02 09:00'), push('2026-05-03 09:00')];
    const needs = { difficult: true, wantsInternship: false };
    const plan = pushPlan(pushes, '2026-05', needs, '2026-05-25 09:00');
    expect(plan).toMatchObject({ state: 'atRisk', publicWelfare: { done: 0, required: true } });
    expect(
      pushPlan([...pushes, push('2026-05-26 09:00', true)], '2026-05', needs, '2026-05-26 10:00')
        .state,
    ).toBe('met');
  });

  it('a graduate who wants an internship needs a 见习岗位', () => {
    const pushes = [push('2026-05-01 09:00'), push('2026-05-02 09:00'), push('2026-05-03 09:00')];
    const needs = { difficult: false, wantsInternship: true };
    expect(pushPlan(pushes, '2026-05', needs, '2026-05-03 10:00').state).toBe('onTrack');
    expect(pushPlan(pushes, '2026-05', needs, '2026-06-01 00:10').state).toBe('missed');
  });

  it('at risk starts in the last ten days of the month, Shanghai time', () => {
    const one = [push('2026-05-01 09:00')];
    expect(pushPlan(one, '2026-05', ordinary, '2026-05-21 12:00').state).toBe('onTrack');
    expect(pushPlan(one, '2026-05', ordinary, '2026-05-22 12:00').state).toBe('atRisk');
    // 2026-05-31 16:30 UTC is June in Shanghai: May is over.
    expect(pushPlan(one, '2026-05', ordinary, '2026-05-31T16:30:00Z').state).toBe('missed');
  });
});

describe('request escalation in working days', () => {
  it('a request on Friday afternoon is due Monday; escalations at 1, 3 and 5 working days', () => {
    const created = '2026-11-20 15:00'; // Friday
    expect(formatShanghai(firstAnswerDue(created))).toBe('2026-11-23 15:00');
    expect(escalationSchedule(created).map((s) => formatShanghai(s.at))).toEqual([
      '2026-11-23 15:00',
      '2026-11-25 15:00',
      '2026-11-27 15:00',
    ]);
  });

  it('skips the National Day holiday and counts its make-up working Saturday', () => {
    // 2026: 10-01..10-07 off; 09-20 (Sunday) and 10-10 (Saturday) are working days.
    const created = '2026-09-30 10:00';
    expect(escalationSchedule(created).map((s) => formatShanghai(s.at, 'YYYY-MM-DD'))).toEqual([
      '2026-10-08',
      '2026-10-10', // 10-08, 10-09, then the make-up Saturday
      '2026-10-13', // 10-11 is Sunday
    ]);
  });

  it('levels rise with time and stop when answered', () => {
    const created = '2026-11-20 15:00';
    expect(escalationLevel(created, '2026-11-23 14:59')).toBe(0);
    expect(escalationLevel(created, '2026-11-23 15:00')).toBe(1);
    expect(escalationLevel(created, '2026-11-26 09:00')).toBe(2);
    expect(escalationLevel(created, '2026-12-10 09:00')).toBe(3);
    expect(escalationLevel(created, '2026-12-10 09:00', '2026-11-24 09:00')).toBe(1);
  });

  it('only a 差 rating opens a supervisor review', () => {
    expect(needsSupervisorReview('poor')).toBe(true);
    expect(needsSupervisorReview('fair')).toBe(false);
    expect(needsSupervisorReview('good')).toBe(false);
  });
});

describe('the configured request SLA (cloud function environment)', () => {
  it('defaults to 1 working day and escalations at 1, 3 and 5', () => {
    expect(requestSlaOf({})).toEqual(REQUEST_SLA);
    expect(
      requestSlaOf({ NUANXIN_REQUEST_SLA_DAYS: '', NUANXIN_REQUEST_ESCALATE_DAYS: ' ' }),
    ).toEqual(REQUEST_SLA);
  });

  it('reads both variables; the escalations follow a longer deadline when not set', () => {
    expect(
      requestSlaOf({ NUANXIN_REQUEST_SLA_DAYS: '2', NUANXIN_REQUEST_ESCALATE_DAYS: '2, 4,6' }),
    ).toEqual({ firstAnswerWorkingDays: 2, escalateAtWorkingDays: [2, 4, 6] });
    expect(requestSlaOf({ NUANXIN_REQUEST_SLA_DAYS: '2' })).toEqual({
      firstAnswerWorkingDays: 2,
      escalateAtWorkingDays: [2, 4, 6],
    });
    expect(requestSlaOf({ NUANXIN_REQUEST_ESCALATE_DAYS: '1，2' })).toEqual({
      firstAnswerWorkingDays: 1,
      escalateAtWorkingDays: [1, 2],
    });
  });

  it.each([
    [{ NUANXIN_REQUEST_SLA_DAYS: '0' }, '答复时限至少1个工作日'],
    [{ NUANXIN_REQUEST_SLA_DAYS: '1.5' }, '答复时限应为整数个工作日'],
    [{ NUANXIN_REQUEST_SLA_DAYS: 'abc' }, '答复时限应为整数个工作日'],
    [{ NUANXIN_REQUEST_SLA_DAYS: '31' }, '答复时限不超过30个工作日'],
    [{ NUANXIN_REQUEST_ESCALATE_DAYS: '3,1,5' }, '升级时限应从小到大排列且不重复'],
    [{ NUANXIN_REQUEST_ESCALATE_DAYS: '1,1' }, '升级时限应从小到大排列且不重复'],
    [{ NUANXIN_REQUEST_ESCALATE_DAYS: '1,2,3,4,5,6' }, '升级最多5级'],
    [
      { NUANXIN_REQUEST_SLA_DAYS: '3', NUANXIN_REQUEST_ESCALATE_DAYS: '1,3,5' },
      '第一次升级不能早于答复时限（3个工作日）',
    ],
  ])('refuses %j, naming the problem', (env, message) => {
    expect(() => requestSlaOf(env)).toThrow(message);
  });

  it('a longer configured deadline moves the answer due date and the escalations', () => {
    const sla = requestSlaOf({ NUANXIN_REQUEST_SLA_DAYS: '2' });
    const created = '2026-11-20 15:00'; // Friday
    expect(formatShanghai(firstAnswerDue(created, sla))).toBe('2026-11-24 15:00');
    expect(escalationLevel(created, '2026-11-23 15:00', null, sla)).toBe(0);
    expect(escalationLevel(created, '2026-11-24 15:00', null, sla)).toBe(1);
  });
});

describe('job introductions: pushes and referrals, each vacancy once', () => {
  const intro = (at: string, vacancyId: string | null, publicWelfare = false) => ({
    at,
    vacancyId,
    publicWelfare,
    internship: false,
  });

  it('a vacancy pushed after the caseworker referred it counts once, at the referral', () => {
    const out = distinctIntroductions([
      intro('2026-05-03 09:00', 'v1'), // pushed
      intro('2026-05-01 10:00', 'v1', true), // referred first
      intro('2026-05-02 10:00', null), // a position elsewhere
      intro('2026-05-02 11:00', null),
    ]);
    expect(out.map((o) => [o.at, o.vacancyId])).toEqual([
      ['2026-05-01 10:00', 'v1'],
      ['2026-05-02 10:00', null],
      ['2026-05-02 11:00', null],
    ]);
    const plan = pushPlan(
      out,
      '2026-05',
      { difficult: true, wantsInternship: false },
      '2026-05-04',
    );
    expect(plan).toMatchObject({ pushes: 3, publicWelfare: { done: 1 }, state: 'met' });
  });
});
