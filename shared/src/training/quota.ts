/**
 * The yearly free-training quota (000 §3(3): at most 3 free vocational trainings per person per
 * year). The year is the Asia/Shanghai calendar year in which a booking is confirmed; a booking
 * cancelled before its course starts gives its count back. Kept per person (the ID number's
 * HMAC), so a second WeChat account does not get three more.
 */
import { inShanghai, yearKey, type DateInput } from '../time';

export const FREE_TRAININGS_PER_YEAR = 3;

/** Free and subsidised courses are paid for by the public purse and count; paid ones do not. */
export const FUNDING_KINDS = ['free', 'subsidised', 'paid'] as const;
export type Funding = (typeof FUNDING_KINDS)[number];

export const FUNDING_LABELS: Record<Funding, string> = {
  free: '免费',
  subsidised: '政府补贴',
  paid: '自费',
};

export function countsTowardQuota(funding: Funding): boolean {
  return funding !== 'paid';
}

/** The quota year an instant falls in: 'YYYY' in Asia/Shanghai. */
export function quotaYear(at: DateInput): string {
  return yearKey(at);
}

/** The counter document's id for one person and year. */
export function quotaKey(person: string, year: string): string {
  return `${person}:${year}`;
}

export function hasQuotaLeft(used: number): boolean {
  return used < FREE_TRAININGS_PER_YEAR;
}

/** When the quota renews after `at`: 1 January of the next Shanghai year, as 'YYYY年1月1日'. */
export function quotaRenewsOn(at: DateInput): string {
  return `${inShanghai(at).year() + 1}年1月1日`;
}

/** The refusal of a fourth free training in one year, saying when it renews. */
export function quotaExhaustedMessage(at: DateInput): string {
  return `今年的${FREE_TRAININGS_PER_YEAR}次免费培训已用完，${quotaRenewsOn(at)}起可再次预约`;
}

/** "今年已使用 1/3 次免费培训". */
export function quotaUsageText(used: number): string {
  return `今年已使用 ${Math.min(used, FREE_TRAININGS_PER_YEAR)}/${FREE_TRAININGS_PER_YEAR} 次免费培训`;
}
