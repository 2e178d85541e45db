/**
 * Public service phone numbers of the staff organisations, shown on the citizen's caseworker card
 * instead of a staff member's personal number. 12333 is the 人力资源社会保障 service hotline; with
 * the 济宁 area code it reaches the city's centres. A deployment for another city changes these.
 */
import type { StaffOrg } from '../roles';

export const ORG_SERVICE_PHONES: Record<StaffOrg, string> = {
  employment: '0537-12333',
  market: '0537-12333',
  talent: '0537-12333',
  skills: '0537-12333',
};
