/**
 * The browse page's filters and their choices. What the search sends is exactly the contract's
 * input; the labels are what a seeker reads on the chips.
 */
import { COUNTIES, townshipsOf, VACANCY_WORK_TYPE_LABELS, WORK_TYPES } from '@nuanxin/shared';

import type { CallInput } from '../../../services/cloud';

export type SearchInput = CallInput<'jobs', 'search'>;
export type Flag = 'publicWelfare' | 'internship' | 'assistance' | 'disabilityFriendly';
export type WorkType = (typeof WORK_TYPES)[number];

export interface Filters {
  county: string | null;
  township: string | null;
  salaryMin: number | null;
  workType: WorkType | null;
  flags: Flag[];
  keyword: string;
}

export const NO_FILTERS: Filters = {
  county: null,
  township: null,
  salaryMin: null,
  workType: null,
  flags: [],
  keyword: '',
};

export const PAGE_SIZE = 10;

/** "Any" in a single-choice chip group. */
export const ANY = 'any';

export const FLAG_OPTIONS: { value: Flag; label: string }[] = [
  { value: 'publicWelfare', label: '公益性岗位' },
  { value: 'internship', label: '见习岗位' },
  { value: 'assistance', label: '援助岗位' },
  { value: 'disabilityFriendly', label: '适合残疾人' },
];

export const COUNTY_OPTIONS = [
  { value: ANY, label: '不限' },
  ...COUNTIES.map((c) => ({ value: c.code, label: c.name })),
];

export function townshipOptions(county: string) {
  return [
    { value: ANY, label: '全部乡镇' },
    ...townshipsOf(county).map((t) => ({ value: t.code, label: t.name })),
  ];
}

export const SALARY_OPTIONS = [
  { value: ANY, label: '不限' },
  ...[2000, 3000, 4000, 5000, 6000].map((n) => ({ value: String(n), label: `${n}元以上` })),
];

export const WORK_TYPE_OPTIONS = [
  { value: ANY, label: '不限' },
  ...WORK_TYPES.map((t) => ({ value: t, label: VACANCY_WORK_TYPE_LABELS[t] })),
];

export function searchInput(filters: Filters, page: number): SearchInput {
  return {
    county: filters.township ? null : filters.county,
    township: filters.township,
    salaryMin: filters.salaryMin,
    workType: filters.workType,
    flags: filters.flags,
    keyword: filters.keyword.trim(),
    page,
    pageSize: PAGE_SIZE,
  };
}

/** "任城区 · 3000元以上 · 全职", or '' when no filter of the panel is set. */
export function filterSummary(filters: Filters): string {
  const parts: string[] = [];
  if (filters.township) {
    parts.push(
      townshipsOf(filters.county ?? '').find((t) => t.code === filters.township)?.name ?? '',
    );
  } else if (filters.county) {
    parts.push(COUNTIES.find((c) => c.code === filters.county)?.name ?? '');
  }
  if (filters.salaryMin) parts.push(`${filters.salaryMin}元以上`);
  if (filters.workType) parts.push(VACANCY_WORK_TYPE_LABELS[filters.workType]);
  return parts.filter(Boolean).join(' · ');
}

export function hasFilters(filters: Filters): boolean {
  return (
    filters.county !== null ||
    filters.township !== null ||
    filters.salaryMin !== null ||
    filters.workType !== null ||
    filters.flags.length > 0 ||
    filters.keyword.trim() !== ''
  );
}

/** Told by the vacancy page when the seeker applied, so the list marks the card. */
export const JOB_APPLIED_EVENT = 'jobs:applied';

/** Told by the settings page when the person changed their recommendation settings. */
export const PREFERENCES_CHANGED_EVENT = 'matching:preferences';

export const JOB_URLS = {
  list: '/packages/seeker/jobs/index',
  detail: (id: string) => `/packages/seeker/jobs/detail/index?id=${encodeURIComponent(id)}`,
  applications: '/packages/seeker/applications/index',
  registration: '/packages/seeker/registration/index',
  settings: '/packages/seeker/settings/index',
  registrationMine: '/packages/seeker/registration/mine/index',
} as const;
