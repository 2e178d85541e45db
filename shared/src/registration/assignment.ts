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
  const org = organisationFor(person);
  const eligible = candidates.filter(
    (c) =>
      c.org === org &&
      c.townships.includes(person.township) &&
      c.load < (c.cap ?? DEFAULT_CASELOAD_CAP),
  );
  eligible.sort(
    (a, b) => a.load - b.load || (a.openid < b.openid ? -1 : a.openid > b.openid ? 1 : 0),
  );
  return eligible[0] ?? null;
}
