/**
 * Pushes of positions (岗位推送, issue 5) and the "岗位推荐" subscription quota.
 *
 * - `pushes`: `_id` = '<registrationId>:<vacancyId>', so a person gets a vacancy at most once
 *   whatever retries or concurrent runs happen (the second insert is a duplicate write). Every
 *   push counts as a job introduction of the person's "131" and in 推送提供就业岗位数; a push that
 *   only reached the app (`caseworkerTask`) is a task for the caseworker to phone or message the
 *   person until it is marked told. A push is claimed as in-app with a task and becomes
 *   'subscription' only after WeChat accepted the message (`delivered`): whatever point a run
 *   dies at, a stored push means the person is reached.
 * - `push_subscriptions`: `_id` = openid; how many "岗位推荐" messages the person agreed to and
 *   has not received (one per acceptance, WeChat's one-time subscriptions). WeChat keeps the real
 *   count: a 43101 answer sets ours to zero.
 */
import type { PushBasis, PushChannel } from '@nuanxin/shared';

import { allRows, command, rows, type Store } from '../cloud';
import { isDuplicateWrite } from '../errors';

export interface PushRecord {
  /** '<registrationId>:<vacancyId>'. */
  _id: string;
  registrationId: string;
  openid: string;
  vacancyId: string;
  at: Date;
  /** Shanghai month 'YYYY-MM' of `at`. */
  month: string;
  /** The person's township at the time (statistics by township); null when unknown. */
  township: string | null;
  /** Their caseworker at the time (null while unassigned). */
  caseworkerOpenid: string | null;
  publicWelfare: boolean;
  internship: boolean;
  channel: PushChannel;
  basis: PushBasis;
  /** Only in the app: the caseworker should phone or message the person about it. */
  caseworkerTask: boolean;
  /** When the caseworker told the person (task done); null while open or when no task. */
  toldAt: Date | null;
  toldBy: string | null;
  toldChannel: 'phone' | 'wechat' | null;
  /** The vacancy as pushed (lists and statistics; the live record may change). */
  vacancy: { title: string; companyName: string; township: string };
  /** The reasons shown to the person (PIPL 第24条). */
  reasons: string[];
}

export const pushKey = (registrationId: string, vacancyId: string): string =>
  `${registrationId}:${vacancyId}`;

const CHUNK = 100;

export function pushesRepo(db: Store) {
  const coll = db.collection('pushes');
  return {
    async find(id: string): Promise<PushRecord | null> {
      const [found] = await rows<PushRecord>(coll.where({ _id: id }).limit(1));
      return found ?? null;
    },
    /** Records the push; false when this person already had this vacancy (a retry, a race). */
    async claim(push: PushRecord): Promise<boolean> {
      try {
        await coll.add({ data: push });
        return true;
      } catch (error) {
        if (isDuplicateWrite(error)) return false;
        throw error;
      }
    },
    /**
     * WeChat delivered it as a subscription message: the record claimed as in-app with a task
     * becomes a subscription push and the task is closed. A task the caseworker already marked
     * told stays on record as it is (the person was reached both ways).
     */
    async delivered(id: string): Promise<void> {
      await coll
        .where({ _id: id, toldAt: null })
        .update({ data: { channel: 'subscription', caseworkerTask: false } });
    },
    /** Pushes of these registrations (any month), oldest first. */
    async ofRegistrations(ids: readonly string[]): Promise<PushRecord[]> {
      const out: PushRecord[] = [];
      for (let i = 0; i < ids.length; i += CHUNK) {
        out.push(
          ...(await allRows<PushRecord>(
            coll.where({ registrationId: command().in(ids.slice(i, i + CHUNK)) }),
            1000,
          )),
        );
      }
      return out.sort((a, b) => +new Date(a.at) - +new Date(b.at));
    },
    /** The person's pushes of one month, newest first. */
    async ofOpenid(openid: string, month: string): Promise<PushRecord[]> {
      const found = await allRows<PushRecord>(coll.where({ openid, month }));
      return found.sort((a, b) => +new Date(b.at) - +new Date(a.at));
    },
    /** One month's pushes, optionally of some townships (statistics). */
    async ofMonth(month: string, townships: readonly string[] | null): Promise<PushRecord[]> {
      if (townships === null) return allRows<PushRecord>(coll.where({ month }), 1000);
      const out: PushRecord[] = [];
      for (let i = 0; i < townships.length; i += CHUNK) {
        out.push(
          ...(await allRows<PushRecord>(
            coll.where({ month, township: command().in(townships.slice(i, i + CHUNK)) }),
            1000,
          )),
        );
      }
      return out;
    },
    /** Open caseworker tasks of these registrations. */
    async openTasks(registrationIds: readonly string[]): Promise<PushRecord[]> {
      const out: PushRecord[] = [];
      for (let i = 0; i < registrationIds.length; i += CHUNK) {
        out.push(
          ...(await allRows<PushRecord>(
            coll.where({
              caseworkerTask: true,
              toldAt: null,
              registrationId: command().in(registrationIds.slice(i, i + CHUNK)),
            }),
          )),
        );
      }
      return out;
    },
    /** Marks the task done unless it already is: true only for the call that marked it. */
    async markTold(
      id: string,
      by: string,
      channel: 'phone' | 'wechat',
      at: Date,
    ): Promise<boolean> {
      const res = (await coll
        .where({ _id: id, caseworkerTask: true, toldAt: null })
        .update({ data: { toldAt: at, toldBy: by, toldChannel: channel } })) as {
        stats?: { updated?: number };
      };
      return (res.stats?.updated ?? 0) === 1;
    },
  };
}

export interface PushSubscriptionRecord {
  /** The person's openid. */
  _id: string;
  remaining: number;
  grantedAt: Date | null;
  /** When WeChat last answered 43101 (no quota after all). */
  zeroedAt: Date | null;
  updatedAt: Date;
}

/** One-time consents add up, but a client cannot talk the count up without limit. */
export const MAX_PUSH_QUOTA = 30;

export function pushSubscriptionsRepo(db: Store) {
  const coll = db.collection('push_subscriptions');
  const _ = command();
  return {
    async remaining(openid: string): Promise<number> {
      const [found] = await rows<PushSubscriptionRecord>(coll.where({ _id: openid }).limit(1));
      return Math.max(0, found?.remaining ?? 0);
    },
    /** openid → remaining, for those with a record. */
    async remainingOf(openids: readonly string[]): Promise<Map<string, number>> {
      const out = new Map<string, number>();
      for (let i = 0; i < openids.length; i += CHUNK) {
        const chunk = openids.slice(i, i + CHUNK);
        const found = await rows<PushSubscriptionRecord>(
          coll.where({ _id: _.in(chunk) }).limit(chunk.length),
        );
        for (const s of found) out.set(s._id, Math.max(0, s.remaining));
      }
      return out;
    },
    /** One more acceptance (up to MAX_PUSH_QUOTA); returns the new count. */
    async grant(openid: string, at: Date): Promise<number> {
      const more = { remaining: _.inc(1), grantedAt: at, updatedAt: at };
      const res = (await coll
        .where({ _id: openid, remaining: _.lt(MAX_PUSH_QUOTA) })
        .update({ data: more })) as { stats?: { updated?: number } };
      if ((res.stats?.updated ?? 0) === 0) {
        const [found] = await rows<PushSubscriptionRecord>(coll.where({ _id: openid }).limit(1));
        if (!found) {
          try {
            await coll.add({
              data: { _id: openid, remaining: 1, grantedAt: at, zeroedAt: null, updatedAt: at },
            });
          } catch (error) {
            if (!isDuplicateWrite(error)) throw error;
            // Created meanwhile by a concurrent tap: count this one on it.
            await coll.where({ _id: openid }).update({ data: more });
          }
        }
      }
      return this.remaining(openid);
    },
    /** A message went out by subscription: one fewer (never below zero). */
    async spend(openid: string, at: Date): Promise<void> {
      await coll
        .where({ _id: openid, remaining: _.gt(0) })
        .update({ data: { remaining: _.inc(-1), updatedAt: at } });
    },
    /** WeChat answered 43101: the person has no quota, whatever we counted. */
    async zero(openid: string, at: Date): Promise<void> {
      await coll
        .where({ _id: openid })
        .update({ data: { remaining: 0, zeroedAt: at, updatedAt: at } });
    },
  };
}
