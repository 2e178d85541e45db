/**
 * 包保 assignment (000 §1(5): every key-group person has one named staff member responsible for
 * full-process follow-up). The rule is pure (`rankCaseworkers` in shared); this module gathers
 * its inputs — the caseworkers covering the township and their current loads — and keeps the
 * per-caseworker load counter that makes the cap hold under concurrency.
 *
 * What counts toward a load: open memberships of ACTIVE registrations (submitted/registered)
 * only. A person who found work keeps their membership — the caseworker still follows them up
 * (001 §3(一)3: the stably employed once a year, the flexibly employed every half year; issue 7
 * builds those visits on these memberships) — but they no longer count toward the caseworker's
 * load or cap, so caseloads do not only grow. The counter is decremented at that transition.
 */
import {
  DEFAULT_CASELOAD_CAP,
  followsSeekers,
  isActive,
  rankCaseworkers,
  STAFF_ORG_LABELS,
  type CaseworkerCandidate,
} from '@nuanxin/shared';

import {
  isDuplicateWrite,
  membershipsRepo,
  registrationsRepo,
  usersRepo,
  type Store,
  type UserRecord,
} from '../_lib';

export interface Staffed {
  user: UserRecord;
  load: number;
  cap: number;
}

export const capOf = (user: UserRecord): number => user.caseloadCap ?? DEFAULT_CASELOAD_CAP;

/** Active people among a caseworker's open memberships: the load, counted afresh. */
async function countActive(db: Store, openid: string): Promise<number> {
  const open = await membershipsRepo(db).openOf(openid);
  const records = await registrationsRepo(db).byIds(open.map((m) => m.registrationId));
  return records.filter((r) => isActive(r.status)).length;
}

/** Current loads, without writing: the counter, or a fresh count where there is none yet. */
async function loadsOf(db: Store, openids: readonly string[]): Promise<number[]> {
  const memberships = membershipsRepo(db);
  return Promise.all(
    openids.map(async (openid) => (await memberships.counted(openid)) ?? countActive(db, openid)),
  );
}

/**
 * Makes sure each caseworker has a load counter, counting their active people once when it is
 * missing (a caseworker new to 包保, or data from before the counter). Outside a transaction,
 * just before one that changes loads: it reads the counter with doc(), which needs it to exist.
 */
export async function ensureCounters(db: Store, openids: readonly string[]): Promise<void> {
  const memberships = membershipsRepo(db);
  await Promise.all(
    openids.map(async (openid) => {
      if ((await memberships.counted(openid)) !== null) return;
      try {
        await memberships.createCounter(openid, await countActive(db, openid));
      } catch (error) {
        // Created meanwhile by a concurrent call: theirs is as good.
        if (!isDuplicateWrite(error)) throw error;
      }
    }),
  );
}

export async function withLoads(db: Store, users: readonly UserRecord[]): Promise<Staffed[]> {
  const loads = await loadsOf(
    db,
    users.map((u) => u.openid),
  );
  return users.map((user, i) => ({ user, load: loads[i]!, cap: capOf(user) }));
}

/**
 * The caseworkers who could take a person, best first (right organisation, covering the
 * township, under their cap as last seen). The caller takes the first one still under the cap
 * inside its transaction (`takeFirst`); empty means the supervisor's unassigned queue.
 */
export async function rankedCaseworkers(
  db: Store,
  person: { township: string; recentGraduate: boolean },
): Promise<Staffed[]> {
  const covering = (await usersRepo(db).caseworkers([person.township])).filter((u) =>
    followsSeekers(u.org),
  );
  const staffed = await withLoads(db, covering);
  await ensureCounters(
    db,
    staffed.map((s) => s.user.openid),
  );
  const candidates: CaseworkerCandidate[] = staffed.map(({ user, load, cap }) => ({
    openid: user.openid,
    org: user.org!,
    townships: user.townships,
    load,
    cap,
  }));
  return rankCaseworkers(person, candidates).map((c) =>
    staffed.find((s) => s.user.openid === c.openid)!,
  );
}

/**
 * Inside the transaction that starts the membership: the first ranked caseworker whose counter,
 * read now, is still under their cap, with their load taken (+1). Concurrent submissions into
 * the same caseworker serialise on the counter document, so a cap of 1 gives exactly one person.
 */
export async function takeFirst(tx: Store, ranked: readonly Staffed[]): Promise<UserRecord | null> {
  const memberships = membershipsRepo(tx);
  for (const { user, cap } of ranked) {
    if ((await memberships.load(user.openid)) < cap) {
      await memberships.adjustLoad(user.openid, 1);
      return user;
    }
  }
  return null;
}

/** "就业中心 张敏", for log reasons. */
export function staffName(user: UserRecord): string {
  return `${user.org ? STAFF_ORG_LABELS[user.org] : ''} ${user.displayName}`.trim();
}
