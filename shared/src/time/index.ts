/**
 * Time in Asia/Shanghai. Cloud functions run in UTC; every policy period (month, year,
 * "within 2 years", due dates) is computed here, never by adding 8 hours by hand.
 */
import dayjs, { type Dayjs } from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

import { HOLIDAYS } from './holidays';

dayjs.extend(utc);
dayjs.extend(timezone);

export const TIME_ZONE = 'Asia/Shanghai';

export type DateInput = Date | string | number;

/** A clock, injected wherever "now" matters so tests can fix it. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

/** An ISO string that names its offset ('Z', '+08:00'): an instant, wherever the code runs. */
const HAS_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * The instant as a Shanghai-zoned dayjs. A string without an offset ('2026-03-01' or
 * '2026-03-01 08:00') is a Shanghai wall-clock time — never the machine's zone, which is UTC in
 * the cloud and usually Asia/Shanghai on a laptop.
 */
export function inShanghai(input: DateInput): Dayjs {
  if (typeof input === 'string' && !HAS_OFFSET.test(input.trim())) {
    return dayjs.tz(input, TIME_ZONE);
  }
  return dayjs(input).tz(TIME_ZONE);
}

const MONTH_KEY = /^\d{4}-(0[1-9]|1[0-2])$/;
const YEAR_KEY = /^\d{4}$/;

/** 'YYYY-MM' of the Shanghai month the instant falls in. */
export function monthKey(input: DateInput): string {
  return inShanghai(input).format('YYYY-MM');
}

/** 'YYYY' of the Shanghai year the instant falls in. */
export function yearKey(input: DateInput): string {
  return inShanghai(input).format('YYYY');
}

/** 'YYYY-MM-DD' of the Shanghai calendar day the instant falls in. */
export function dateKey(input: DateInput): string {
  return inShanghai(input).format('YYYY-MM-DD');
}

/** Start (inclusive) and end (exclusive) instants of a Shanghai month given as 'YYYY-MM'. */
export function monthRange(key: string): { start: Date; end: Date } {
  if (!MONTH_KEY.test(key)) throw new RangeError(`month key must be YYYY-MM, got ${key}`);
  const start = dayjs.tz(`${key}-01`, TIME_ZONE);
  return { start: start.toDate(), end: start.add(1, 'month').toDate() };
}

/** Start (inclusive) and end (exclusive) instants of a Shanghai year given as 'YYYY'. */
export function yearRange(key: string): { start: Date; end: Date } {
  if (!YEAR_KEY.test(key)) throw new RangeError(`year key must be YYYY, got ${key}`);
  const start = dayjs.tz(`${key}-01-01`, TIME_ZONE);
  return { start: start.toDate(), end: start.add(1, 'year').toDate() };
}

/**
 * Whether `now` is still within `years` years of `since` (Shanghai calendar days): e.g. a graduate
 * "within 2 years of leaving school" graduated on 2024-06-30 qualifies through 2026-06-29.
 */
export function withinYears(since: DateInput, years: number, now: DateInput): boolean {
  const start = inShanghai(since).startOf('day');
  const current = inShanghai(now);
  if (current.isBefore(start)) return false;
  return current.isBefore(start.add(years, 'year'));
}

/** Whole years between a birth date and `now`, on the Shanghai calendar. */
export function ageOn(birthDate: string, now: DateInput): number {
  // Compared as calendar fields: zoned dayjs diffs are unreliable across the UTC offset.
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ny, nm, nd] = dateKey(now).split('-').map(Number) as [number, number, number];
  // Born on 29 February: in a common year the birthday is 28 February (民法典 第二百零二条:
  // a period ending on a day the month lacks ends on its last day), as in retirement dates.
  const leap = (ny % 4 === 0 && ny % 100 !== 0) || ny % 400 === 0;
  const day = bm === 2 && bd === 29 && !leap ? 28 : bd;
  return ny - by - (nm < bm || (nm === bm && nd < day) ? 1 : 0);
}

/** Whether a Shanghai calendar day ('YYYY-MM-DD') is a working day, holidays and 调休 included. */
export function isWorkingDay(day: string): boolean {
  const year = HOLIDAYS[Number(day.slice(0, 4))];
  if (year?.work.includes(day)) return true;
  if (year?.off.includes(day)) return false;
  const weekday = dayjs.tz(day, TIME_ZONE).day();
  return weekday !== 0 && weekday !== 6;
}

/**
 * The instant `days` working days after `input`, at the same Shanghai clock time: a request made
 * on Friday 15:00 with 1 working day is due Monday 15:00; one made on Saturday is due Monday at
 * the same time of day. `days` = 0 returns the input.
 */
export function addWorkingDays(input: DateInput, days: number): Date {
  if (!Number.isInteger(days) || days < 0) throw new RangeError('days must be a whole number ≥ 0');
  let cursor = inShanghai(input);
  let left = days;
  while (left > 0) {
    cursor = cursor.add(1, 'day');
    if (isWorkingDay(cursor.format('YYYY-MM-DD'))) left -= 1;
  }
  return cursor.toDate();
}

/** Format an instant for people: '2026-11-22 09:30'. */
export function formatShanghai(input: DateInput, pattern = 'YYYY-MM-DD HH:mm'): string {
  return inShanghai(input).format(pattern);
}

export { dayjs };
