/**
 * Configuration of vacancy posting (issue 4). These are deployment settings, kept in one place so
 * a change of the local minimum wage or of the validity policy is one edit.
 */

/**
 * 济宁 current 月最低工资标准 (yuan per month), the floor for a posted salary. Configuration: set it
 * to the figure the province last published for 济宁 when it changes.
 */
export const MINIMUM_MONTHLY_WAGE = 1900;

/** Days a vacancy stays valid when the employer does not choose a date. */
export const DEFAULT_VALIDITY_DAYS = 30;
/** The latest valid-until date an employer may choose, in days from today. */
export const MAX_VALIDITY_DAYS = 90;

/** GB/T 4754-2017 门类 (sections) A–T. */
export const INDUSTRY_SECTIONS = [
  'A',
  'B',
  'C',
  'D',
  'E',
  'F',
  'G',
  'H',
  'I',
  'J',
  'K',
  'L',
  'M',
  'N',
  'O',
  'P',
  'Q',
  'R',
  'S',
  'T',
] as const;
export type IndustrySection = (typeof INDUSTRY_SECTIONS)[number];

export const COMPANY_STATUSES = ['pending', 'verified', 'rejected'] as const;
export type CompanyStatus = (typeof COMPANY_STATUSES)[number];
export const COMPANY_STATUS_LABELS: Record<CompanyStatus, string> = {
  pending: '待核验',
  verified: '已核验',
  rejected: '核验未通过',
};

/** Why a vacancy waits in the review queue: flagged wording, or a company not yet verified. */
export const UNVERIFIED_COMPANY_REASON = '企业尚未通过市场服务中心核验';
