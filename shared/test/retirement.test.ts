import fc from 'fast-check';

import {
  addYearsMonths,
  RETIREMENT_CATEGORIES,
  RETIREMENT_RULES,
  retirementAge,
  retirementDelayMonths,
  statutoryRetirementDate,
  workingAgeCheck,
} from '@nuanxin/shared/src/eligibility';

// Rows read off the three 对照表 annexed to 《国务院关于渐进式延迟法定退休年龄的办法》 (birth month →
// 改革后法定退休年龄, 改革后退休时间), with a birth day added to fix the day inside the month.
describe('statutory retirement age and date by birth month (渐进式延迟法定退休年龄, from 2025-01-01)', () => {
  it.each([
    // category, born, years, months, retirement date
    // 男职工: 60 → 63, one month per 4 birth months from 1965-01.
    ['male', '1955-03-03', 60, 0, '2015-03-03'], // long before the reform
    ['male', '1964-12-15', 60, 0, '2024-12-15'], // the month before the first cohort
    ['male', '1965-01-15', 60, 1, '2025-02-15'], // first cohort: retires 2025-02
    ['male', '1965-04-15', 60, 1, '2025-05-15'], // 4th month: still +1
    ['male', '1965-05-15', 60, 2, '2025-07-15'], // 5th month: +2, 2025-06 is skipped
    ['male', '1966-01-10', 60, 4, '2026-05-10'],
    ['male', '1976-08-20', 62, 11, '2039-07-20'], // last month before the cap
    ['male', '1976-09-01', 63, 0, '2039-09-01'], // cap of 36 months first reached
    ['male', '1976-12-31', 63, 0, '2039-12-31'],
    ['male', '1980-06-30', 63, 0, '2043-06-30'], // after the cap
    // 原法定退休年龄55周岁的女职工: 55 → 58, one month per 4 birth months from 1970-01.
    ['female55', '1969-12-15', 55, 0, '2024-12-15'],
    ['female55', '1970-01-15', 55, 1, '2025-02-15'],
    ['female55', '1970-04-15', 55, 1, '2025-05-15'],
    ['female55', '1970-05-15', 55, 2, '2025-07-15'],
    ['female55', '1981-08-20', 57, 11, '2039-07-20'],
    ['female55', '1981-09-01', 58, 0, '2039-09-01'], // cap of 36 months first reached
    ['female55', '1990-01-01', 58, 0, '2048-01-01'],
    // 原法定退休年龄50周岁的女职工: 50 → 55, one month per 2 birth months from 1975-01.
    ['female50', '1974-12-15', 50, 0, '2024-12-15'],
    ['female50', '1975-01-15', 50, 1, '2025-02-15'],
    ['female50', '1975-02-15', 50, 1, '2025-03-15'], // 2nd month: still +1
    ['female50', '1975-03-15', 50, 2, '2025-05-15'], // 3rd month: +2
    ['female50', '1984-10-20', 54, 11, '2039-09-20'],
    ['female50', '1984-11-01', 55, 0, '2039-11-01'], // cap of 60 months first reached
    ['female50', '1995-05-05', 55, 0, '2050-05-05'],
  ] as const)(
    '%s born %s retires at %i years %i months, on %s',
    (category, born, years, months, date) => {
      expect(retirementAge(born, category)).toEqual({ years, months });
      expect(statutoryRetirementDate(born, category)).toBe(date);
    },
  );

  it.each([
    // Born on a day the retirement month lacks → the last day of that month (民法典 第二百零二条).
    ['male', '1965-01-31', '2025-02-28'], // 60y1m
    ['male', '1966-10-31', '2027-04-30'], // 60y6m
    ['male', '1967-03-31', '2027-10-31'], // 60y7m: October has a 31st
    ['female55', '1970-01-31', '2025-02-28'], // 55y1m
    ['female50', '1975-01-31', '2025-02-28'], // 50y1m
    ['female50', '1979-12-31', '2032-06-30'], // 52y6m
    ['male', '1964-02-29', '2024-02-29'], // 60: 2024 is a leap year
    ['female50', '1956-02-29', '2006-02-28'], // 50: 2006 is not
    ['male', '1968-02-29', '2028-12-29'], // 60y10m
  ] as const)('%s born %s retires on %s', (category, born, date) => {
    expect(statutoryRetirementDate(born, category)).toBe(date);
  });

  it('refuses what is not a calendar date', () => {
    expect(() => statutoryRetirementDate('1990-02-30', 'male')).toThrow(RangeError);
    expect(() => statutoryRetirementDate('19900101', 'male')).toThrow(RangeError);
  });
});

describe('the cohort arithmetic, as properties over every birth month 1940–2010', () => {
  const month = fc
    .integer({ min: 1940 * 12, max: 2010 * 12 + 11 })
    .map((n) => `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`);
  const category = fc.constantFrom(...RETIREMENT_CATEGORIES);
  const nextMonth = (ym: string) => addYearsMonths(`${ym}-01`, 0, 1).slice(0, 7);

  it('the delay never falls, grows by at most one month per birth month, and stops at the cap', () => {
    fc.assert(
      fc.property(month, category, (ym, cat) => {
        const here = retirementDelayMonths(`${ym}-01`, cat);
        const next = retirementDelayMonths(`${nextMonth(ym)}-01`, cat);
        expect(next - here).toBeGreaterThanOrEqual(0);
        expect(next - here).toBeLessThanOrEqual(1);
        expect(here).toBeLessThanOrEqual(RETIREMENT_RULES[cat].maxDelayMonths);
        if (ym < RETIREMENT_RULES[cat].firstCohort) expect(here).toBe(0);
      }),
    );
  });

  it('a person born a month later always retires in a later month (nobody overtakes an elder)', () => {
    fc.assert(
      fc.property(month, category, (ym, cat) => {
        const here = statutoryRetirementDate(`${ym}-01`, cat).slice(0, 7);
        const next = statutoryRetirementDate(`${nextMonth(ym)}-01`, cat).slice(0, 7);
        expect(next > here).toBe(true);
      }),
    );
  });

  it('every category reaches its final age with the cohort that retires in 2039 (15 years)', () => {
    expect(statutoryRetirementDate('1976-09-01', 'male')).toBe('2039-09-01');
    expect(statutoryRetirementDate('1981-09-01', 'female55')).toBe('2039-09-01');
    expect(statutoryRetirementDate('1984-11-01', 'female50')).toBe('2039-11-01');
  });
});

describe('working age for 失业登记: 16 up to the statutory retirement date, Shanghai days', () => {
  it.each([
    // born, category, now (UTC), expected
    ['2010-11-23', 'male', '2026-11-22T15:59:59Z', 'minimumAge'], // 23:59:59 on the eve
    ['2010-11-23', 'male', '2026-11-22T16:00:00Z', 'ok'], // 00:00 on the 16th birthday
    ['2010-11-23', 'female50', '2026-11-22T16:00:00Z', 'ok'],
    ['1965-01-15', 'male', '2025-02-14T15:59:59Z', 'ok'], // the last day before 60y1m
    ['1965-01-15', 'male', '2025-02-14T16:00:00Z', 'retirementAge'], // 00:00 on 2025-02-15
    ['1976-09-01', 'male', '2039-08-31T15:59:59Z', 'ok'],
    ['1976-09-01', 'male', '2039-08-31T16:00:00Z', 'retirementAge'],
    ['1984-11-01', 'female50', '2039-10-31T15:59:59Z', 'ok'],
    ['1984-11-01', 'female50', '2039-10-31T16:00:00Z', 'retirementAge'],
    ['1984-11-01', 'female55', '2039-10-31T16:00:00Z', 'ok'], // the same woman in a 55 post
  ] as const)('born %s (%s), at %s → %s', (born, category, now, expected) => {
    const result = workingAgeCheck(born, category, now);
    expect(result.ok ? 'ok' : result.limit).toBe(expected);
  });

  it('says when a young person may register', () => {
    expect(workingAgeCheck('2010-11-23', 'male', '2026-11-22T15:59:59Z')).toEqual({
      ok: false,
      limit: 'minimumAge',
      date: '2026-11-23',
      reason: '未满16周岁，暂不能办理失业登记（您将于 2026-11-23 年满16周岁）',
    });
  });

  it.each([
    ['1965-01-15', 'male', '2025-03-01', '2025-02-15', '男职工60周岁1个月'],
    ['1976-09-01', 'male', '2040-01-01', '2039-09-01', '男职工63周岁'],
    [
      '1970-05-15',
      'female55',
      '2026-01-01',
      '2025-07-15',
      '原法定退休年龄55周岁的女职工55周岁2个月',
    ],
    ['1984-11-01', 'female50', '2039-11-01', '2039-11-01', '原法定退休年龄50周岁的女职工55周岁'],
    ['1950-01-01', 'male', '2026-11-22', '2010-01-01', '男职工60周岁'],
  ] as const)(
    'born %s (%s), on %s: names the date %s and the age %s',
    (born, category, now, date, age) => {
      expect(workingAgeCheck(born, category, now)).toEqual({
        ok: false,
        limit: 'retirementAge',
        date,
        reason: `您已于 ${date} 达到法定退休年龄（${age}，按渐进式延迟法定退休年龄规定计算），不属于失业登记范围；请向社会保险经办机构咨询退休手续`,
      });
    },
  );
});
