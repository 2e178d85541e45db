/**
 * The registry of every action, grouped by cloud function. Adding an action here is what makes
 * the router, the client types, `/cloud/_contract` and the generic test harnesses know it.
 */
import * as casework from './casework';
import type { ActionContract } from './define';
import * as employer from './employer';
import * as jobs from './jobs';
import * as matching from './matching';
import * as push from './push';
import * as registration from './registration';
import * as training from './training';
import { createInvitation } from './user/createInvitation';
import { listMessages, markRead } from './user/messages';
import { redeemInvitation } from './user/redeemInvitation';
import { whoami } from './user/whoami';

export const contracts = {
  user: { whoami, createInvitation, redeemInvitation, listMessages, markRead },
  registration,
  employer,
  casework,
  jobs,
  matching,
  training,
  push,
} as const;

export type Contracts = typeof contracts;
export type FunctionName = keyof Contracts;
export type ActionName<F extends FunctionName> = keyof Contracts[F] & string;

export function listContracts(): ActionContract[] {
  return Object.values(contracts).flatMap(
    (group) => Object.values(group) as unknown as ActionContract[],
  );
}

export function findContract(fn: string, action: string): ActionContract | undefined {
  const group = (contracts as Record<string, Record<string, ActionContract>>)[fn];
  if (!group || !Object.prototype.hasOwnProperty.call(group, action)) return undefined;
  return group[action];
}

export * from './define';
export * from './user/common';
export * from './registration/schemas';
export * from './casework/schemas';
export { recordContactInput } from './casework/recordContact';
export { savePlanInput } from './casework/savePlan';
export { MAX_CASELOAD_CAP } from './casework/setCap';
export * from './employer/schemas';
export * from './jobs/schemas';
export {
  INTEREST_EXPLANATION,
  INTEREST_HIDDEN,
  INTEREST_SHOWN,
  INTEREST_VACANCY_STATE_LABELS,
  INTEREST_VACANCY_STATES,
  INTERESTED_EXPLANATION,
  type InterestedPerson,
  type InterestVacancyState,
  type MyInterest,
} from './jobs/interest';
export * from './push/schemas';
export {
  COLLEAGUE_INVITATION_DAYS,
  COMPANY_MEMBER_ROLE_LABELS,
  COMPANY_MEMBER_ROLES,
  type Colleague,
  type CompanyMemberRole,
} from './employer/colleagues';
export { LEDGER_MAX_PAGE_SIZE } from './employer/ledger';
export * from './training/schemas';
export * from './matching/schemas';
export { CATALOGUE_MAX_PAGE_SIZE } from './training/catalogue';
