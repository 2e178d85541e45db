import {
  addWorkingDays,
  ageOn,
  dateKey,
  inShanghai,
  isWorkingDay,
  monthKey,
  monthRange,
  withinYears,
  yearKey,
  yearRange,
} from '@nuanxin/shared';

describe('Shanghai periods: cloud functions run in UTC, policy periods are Asia/Shanghai', () => {
  it.each([
    // UTC instant, Shanghai month, Shanghai year, Shanghai day
    ['2026-01-31T15:59:59Z', '2026-01', '2026', '2026-01-31'],
    ['2026-01-31T16:00:00Z', '2026-02', '2026', '2026-02-01'],
    ['2025-12-31T15:59:59.999Z', '2025-12', '2025', '2025-12-31'],
    ['2025-12-31T16:00:00Z', '2026-01', '2026', '2026-01-01'],
    ['2026-06-15T04:00:00Z', '2026-06', '2026', '2026-06-15'],
  ])('%s is month %s, year %s, day %s in Shanghai', (utc, month, year, day) => {
    expect(monthKey(utc)).toBe(month);
    expect(yearKey(utc)).toBe(year);
    expect(dateKey(utc)).toBe(day);
  });

  it('a month range starts at Shanghai midnight of the 1st and ends at the next month', () => {
    const { start, end } = monthRange('2026-02');
    expect(start.toISOString()).toBe('2026-01-31T16:00:00.000Z');
    expect(end.toISOString()).toBe('2026-02-28T16:00:00.000Z');
  });

  it('refuses malformed period keys instead of guessing', () => {
    expect(() => monthRange('2026-13')).toThrow(RangeError);
    expect(() => monthRange('abc')).toThrow(RangeError);
    expect(() => yearRange('26')).toThrow(RangeError);
  });

  it('a wall-clock string without an offset is Shanghai time whatever the machine zone', () => {
    // jest runs with TZ=UTC, like the cloud; the answer must not depend on it.
    expect(inShanghai('2026-03-01 00:00').toISOString()).toBe('2026-02-28T16:00:00.000Z');
    expect(inShanghai('2026-03-01T00:00:00Z').format('YYYY-MM-DD HH:mm')).toBe('2026-03-01 08:00');
    expect(inShanghai('2026-03-01T00:00:00+08:00').toISOString()).toBe('2026-02-28T16:00:00.000Z');
  });

  it('a year range covers the Shanghai calendar year', () => {
    const { start, end } = yearRange('2026');
    expect(start.toISOString()).toBe('2025-12-31T16:00:00.000Z');
    expect(end.toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });
});

describe('withinYears: "离校2年内" counts Shanghai calendar days', () => {
  it.each([
    ['2024-06-30', '2026-06-29T15:59:00Z', true], // 23:59 on 06-29 in Shanghai
    ['2024-06-30', '2026-06-29T16:00:00Z', false], // 00:00 on 06-30 in Shanghai
    ['2024-06-30', '2024-06-29T12:00:00Z', false], // before graduating
    ['2024-06-30', '2024-06-29T16:00:00Z', true], // the graduation day itself
  ])('graduated %s, at %s → %s', (since, now, expected) => {
    expect(withinYears(since, 2, now)).toBe(expected);
  });
});

describe('ageOn', () => {
  it.each([
    ['2010-11-23', '2026-11-22T12:00:00Z', 15],
    ['2010-11-23', '2026-11-22T16:00:00Z', 16], // Shanghai is already 11-23
    ['1966-02-28', '2026-02-27T16:00:00Z', 60],
    ['2008-02-29', '2026-02-27T16:00:00Z', 18], // 28 Feb in a common year
    ['2008-02-29', '2026-02-27T15:59:00Z', 17],
  ])('born %s, at %s → %i', (birth, now, age) => {
    expect(ageOn(birth, now)).toBe(age);
  });
});

describe('working days follow the State Council holiday notice, 调休 included', () => {
  it.each([
    ['2026-11-23', true], // Monday
    ['2026-11-22', false], // Sunday
    ['2026-10-05', false], // 国庆
    ['2026-10-10', true], // Saturday worked in exchange
    ['2026-02-14', true], // Saturday before 春节, worked
    ['2026-02-18', false], // 春节
    ['2027-03-01', true], // a year not yet published: plain Monday
  ])('%s is a working day: %s', (day, expected) => {
    expect(isWorkingDay(day)).toBe(expected);
  });

  it.each([
    // from (UTC), working days, expected (UTC)
    ['2026-11-20T07:00:00Z', 1, '2026-11-23T07:00:00.000Z'], // Friday 15:00 → Monday 15:00
    ['2026-11-21T02:00:00Z', 1, '2026-11-23T02:00:00.000Z'], // Saturday → Monday
    ['2026-09-30T02:00:00Z', 1, '2026-10-08T02:00:00.000Z'], // 国庆 10-01..07 → first day back
    ['2026-09-30T02:00:00Z', 3, '2026-10-10T02:00:00.000Z'], // 10-08, 10-09, 10-10 (调休)
    ['2026-11-23T02:00:00Z', 0, '2026-11-23T02:00:00.000Z'],
    ['2026-11-20T17:00:00Z', 1, '2026-11-22T17:00:00.000Z'], // Sat 01:00 Shanghai → Mon 01:00
  ])('%s + %i working day(s) → %s', (from, days, expected) => {
    expect(addWorkingDays(from, days).toISOString()).toBe(expected);
  });

  it('refuses a negative or fractional count', () => {
    expect(() => addWorkingDays('2026-11-23T02:00:00Z', -1)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-11-23T02:00:00Z', 1.5)).toThrow(RangeError);
  });
});
