/**
 * 包保 assignment (000 §1(5): every key-group person has one named staff member responsible for
 * full-process follow-up). The rule is pure (`chooseCaseworker` in shared); this module gathers
 * its inputs — the caseworkers covering the township and their current loads.
 */
import {
  chooseCaseworker,
  DEFAULT_CASELOAD_CAP,
  STAFF_ORG_LABELS,
  type CaseworkerCandidate,
} from '@nuanxin/shared';

import { membershipsRepo, usersRepo, type Store, type UserRecord } from '../_lib';

export interface Staffed {
  user: UserRecord;
  load: number;
  cap: number;
}

export async function withLoads(db: Store, users: readonly UserRecord[]): Promise<Staffed[]> {
  const memberships = membershipsRepo(db);
  return Promise.all(
    users.map(async (user) => ({
      user,
      load: await memberships.openCount(user.openid),
      cap: user.caseloadCap ?? DEFAULT_CASELOAD_CAP,
    })),
  );
}

/**
 * The caseworker for a new registration, or null (the person then waits in the supervisor's
 * unassigned queue). Two submissions at the same moment may both see the same load; the cap is a
 * workload guide, so being one over for a moment is acceptable.
 */
export async function pickCaseworker(
  db: Store,
  person: { township: string; recentGraduate: boolean },
): Promise<UserRecord | null> {
  const covering = (await usersRepo(db).caseworkers([person.township])).filter((u) => u.org);
  const staffed = await withLoads(db, covering);
  const candidates: CaseworkerCandidate[] = staffed.map(({ user, load, cap }) => ({
    openid: user.openid,
    org: user.org!,
    townships: user.townships,
    load,
    cap,
  }));
  const chosen = chooseCaseworker(person, candidates);
  return chosen ? (covering.find((u) => u.openid === chosen.openid) ?? null) : null;
}

/** "就业中心 张敏", for log reasons. */
export function staffName(user: UserRecord): string {
  return `${user.org ? STAFF_ORG_LABELS[user.org] : ''} ${user.displayName}`.trim();
}
