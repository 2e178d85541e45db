/**
 * Statutory retirement age and working age for 失业登记.
 *
 * 失业登记 is for people of working age: 16 and older and younger than their statutory retirement
 * age (POLICY-RULES "Registration and the needs ledger"; 000 §1(2), §1(4)). Since 2025-01-01 that
 * age follows 全国人民代表大会常务委员会《关于实施渐进式延迟法定退休年龄的决定》(2024-09-13) and its
 * annex 《国务院关于渐进式延迟法定退休年龄的办法》 第一条: men and women whose original age was 55
 * are delayed one month for every four birth months, up to 63 and 58; women whose original age was
 * 50 one month for every two birth months, up to 55. The delay is fixed by birth month alone, so
 * the whole official 对照表 follows from the four numbers per category in RETIREMENT_RULES.
 */
import { dateKey, type DateInput } from '../time';

export const RETIREMENT_CATEGORIES = ['male', 'female55', 'female50'] as const;
export type RetirementCategory = (typeof RETIREMENT_CATEGORIES)[number];

/**
 * Which of the two women's categories applies depends on the post (管理和技术岗位 55, 工人岗位 50),
 * not on the ID number, so it is asked for, never derived.
 */
export const RETIREMENT_CATEGORY_LABELS: Record<RetirementCategory, string> = {
  male: '男职工',
  female55: '原法定退休年龄55周岁的女职工',
  female50: '原法定退休年龄50周岁的女职工',
};

export interface RetirementRule {
  /** The age before the reform, kept by everyone born before `firstCohort`. */
  originalYears: number;
  /** 'YYYY-MM': the first birth month that reaches the original age on or after 2025-01-01. */
  firstCohort: string;
  /** Birth months per one month of delay. */
  birthMonthsPerStep: number;
  /** Where the delay stops (63 − 60, 58 − 55, 55 − 50 years). */
  maxDelayMonths: number;
}

// 《国务院关于渐进式延迟法定退休年龄的办法》 第一条 and its three 对照表.
export const RETIREMENT_RULES: Record<RetirementCategory, RetirementRule> = {
  // 1965-01 → 60岁1个月 (2025-02); 1976-09 and later → 63岁.
  male: { originalYears: 60, firstCohort: '1965-01', birthMonthsPerStep: 4, maxDelayMonths: 36 },
  // 1970-01 → 55岁1个月 (2025-02); 1981-09 and later → 58岁.
  female55: {
    originalYears: 55,
    firstCohort: '1970-01',
    birthMonthsPerStep: 4,
    maxDelayMonths: 36,
  },
  // 1975-01 → 50岁1个月 (2025-02); 1984-11 and later → 55岁.
  female50: {
    originalYears: 50,
    firstCohort: '1975-01',
    birthMonthsPerStep: 2,
    maxDelayMonths: 60,
  },
};

/** 法定劳动年龄 starts at 16 (劳动法 第十五条 forbids hiring minors under 16). */
export const MIN_WORKING_AGE = 16;

export interface YearsMonths {
  years: number;
  months: number;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function parseDate(text: string): [number, number, number] {
  const match = DATE.exec(text);
  const [y, m, d] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  if (!match || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) {
    throw new RangeError(`not a calendar date 'YYYY-MM-DD': ${text}`);
  }
  return [y, m, d];
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * The calendar day `years` and `months` after `date`. When the target month has no such day
 * (born on the 31st, or on 29 February), the last day of that month is used: 民法典 第二百零二条
 * "按照年、月计算期间的，到期月的对应日为期间的最后一日；没有对应日的，月末日为期间的最后一日".
 * dayjs's `add(n, 'month')` (and so `withinYears`) clamps the same way.
 */
export function addYearsMonths(date: string, years: number, months = 0): string {
  const [y, m, d] = parseDate(date);
  const total = y * 12 + (m - 1) + years * 12 + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, daysInMonth(year, month)))}`;
}

/** Months of delay: 0 before the first cohort, then (men) 1, 1, 1, 1, 2, … up to the cap. */
export function retirementDelayMonths(birthDate: string, category: RetirementCategory): number {
  const [y, m] = parseDate(birthDate);
  const rule = RETIREMENT_RULES[category];
  const [fy, fm] = rule.firstCohort.split('-').map(Number) as [number, number];
  const sinceFirst = (y - fy) * 12 + (m - fm);
  if (sinceFirst < 0) return 0;
  return Math.min(Math.floor(sinceFirst / rule.birthMonthsPerStep) + 1, rule.maxDelayMonths);
}

/** The statutory retirement age, e.g. `{ years: 60, months: 1 }` for a man born in 1965-01. */
export function retirementAge(birthDate: string, category: RetirementCategory): YearsMonths {
  const total =
    RETIREMENT_RULES[category].originalYears * 12 + retirementDelayMonths(birthDate, category);
  return { years: Math.floor(total / 12), months: total % 12 };
}

/**
 * The 'YYYY-MM-DD' on which the person reaches the statutory retirement age: the birthday plus
 * that many years and months. The official 对照表 gives only the month (改革后退休时间); the day
 * inside it is the birthday's day, or the month's last day when the month is shorter.
 */
export function statutoryRetirementDate(birthDate: string, category: RetirementCategory): string {
  const { years, months } = retirementAge(birthDate, category);
  return addYearsMonths(birthDate, years, months);
}

/** '60周岁1个月', '63周岁'. */
export function formatAge({ years, months }: YearsMonths): string {
  return months > 0 ? `${years}周岁${months}个月` : `${years}周岁`;
}

export type WorkingAgeResult =
  | { ok: true }
  | {
      ok: false;
      reason: string;
      /** Which limit: lets the caller put a retired person on the cancellation list (000 §1(4)). */
      limit: 'minimumAge' | 'retirementAge';
      /** The 16th birthday, or the statutory retirement date. */
      date: string;
    };

/**
 * Whether the person is of working age on the Shanghai calendar day of `today`: from the 16th
 * birthday (inclusive) until the day before the statutory retirement date. On the retirement date
 * itself the person has reached the age, so they are out of range.
 */
export function workingAgeCheck(
  birthDate: string,
  category: RetirementCategory,
  today: DateInput,
): WorkingAgeResult {
  const day = dateKey(today);
  const sixteenth = addYearsMonths(birthDate, MIN_WORKING_AGE);
  if (day < sixteenth) {
    return {
      ok: false,
      limit: 'minimumAge',
      date: sixteenth,
      reason: `未满16周岁，暂不能办理失业登记（您将于 ${sixteenth} 年满16周岁）`,
    };
  }
  const retirement = statutoryRetirementDate(birthDate, category);
  if (day >= retirement) {
    const age = formatAge(retirementAge(birthDate, category));
    return {
      ok: false,
      limit: 'retirementAge',
      date: retirement,
      reason:
        `您已于 ${retirement} 达到法定退休年龄（${RETIREMENT_CATEGORY_LABELS[category]}${age}，` +
        '按渐进式延迟法定退休年龄规定计算），不属于失业登记范围；请向社会保险经办机构咨询退休手续',
    };
  }
  return { ok: true };
}
