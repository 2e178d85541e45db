/**
 * 包保 assignment (000 §1(5): every key-group person has one named staff member). Pure: given
 * the person's township and the staff who could take them, pick one — or nobody, and the person
 * goes to the supervisor's unassigned queue.
 */
import type { StaffOrg } from '../roles';

/** Default cap on one caseworker's people (a caseworker follows about 200 people). */
export const DEFAULT_CASELOAD_CAP = 200;

export interface CaseworkerCandidate {
  openid: string;
  org: StaffOrg;
  townships: readonly string[];
  /** People currently in this caseworker's 包保. */
  load: number;
  cap?: number;
}

/**
 * The organisations whose caseworkers follow job seekers (000 §1(5), §5): the 就业中心 and the
 * 人才服务中心. The 市场服务中心 serves enterprises and the 职业技能鉴定中心 runs skills assessment;
 * their staff are never anyone's 包保 caseworker.
 */
export const SEEKER_ORGS = ['employment', 'talent'] as const satisfies readonly StaffOrg[];

export function followsSeekers(org: StaffOrg | null | undefined): boolean {
  return org != null && (SEEKER_ORGS as readonly StaffOrg[]).includes(org);
}

/**
 * Graduates within 2 years of leaving school are served by the 人才服务中心; everyone else by the
 * 就业中心 (000 §5; the 人才服务中心 runs graduate services).
 */
export function organisationFor(person: { recentGraduate: boolean }): StaffOrg {
  return person.recentGraduate ? 'talent' : 'employment';
}

/**
 * The caseworker of the right organisation who covers the township and is under their cap,
 * least loaded first; ties go to the smaller openid so the same data always gives the same
 * answer. `null` when nobody fits.
 */
export function chooseCaseworker(
  person: { township: string; recentGraduate: boolean },
  candidates: readonly CaseworkerCandidate[],
): CaseworkerCandidate | null {
  return rankCaseworkers(person, candidates)[0] ?? null;
}

/**
 * Every fitting caseworker under their cap, best first (the order `chooseCaseworker` picks from).
 * The loads may be a moment old: the caller re-checks each one's cap where it writes.
 */
export function rankCaseworkers(
  person: { township: string; recentGraduate: boolean },
  candidates: readonly CaseworkerCandidate[],
): CaseworkerCandidate[] {
  const org = organisationFor(person);
  const eligible = candidates.filter(
    (c) =>
      c.org === org &&
      c.townships.includes(person.township) &&
      c.load < (c.cap ?? DEFAULT_CASELOAD_CAP),
  );
  return eligible.sort(
    (a, b) => a.load - b.load || (a.openid < b.openid ? -1 : a.openid > b.openid ? 1 : 0),
  );
}
