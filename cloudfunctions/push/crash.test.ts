/**
 * A push run that dies part-way (a function instance killed at its timeout, a machine lost): a
 * push once stored must still reach the person — the WeChat message went out, or the inbox has it,
 * or the caseworker has an open task to phone them — and 推送提供就业岗位数 and the "131" count it
 * truthfully: never as a subscription message nobody received.
 *
 * The crash is injected at the database handle the run is given (the platform's side), never in
 * our modules: the write the run was making lands, and the instance dies before its next step.
 */
import type { LocalCloud } from '@nuanxin/local';

import { database, type Database } from '../_lib';
import { fixClock, makeSeeker, registered } from '../test/registration';
import { AS, bound, caller as callerOf, CRASH, seededCloud } from '../test/support';

import { addVacancy, recommend } from './fixtures';
import { PUSH_JOB, topUp } from './timer';

const TEMPLATE = 'local-jobRecommendation';
const at = (date: string, time = '10:00') => new Date(`${date}T${time}:00+08:00`);
// The 1st of the month: one position is due today.
const DAY = at('2026-03-01');

let cloud: LocalCloud;
beforeEach(async () => {
  fixClock(DAY);
  cloud = await seededCloud();
});
afterEach(async () => {
  jest.useRealTimers();
  await cloud.close();
});

const store = (name: string) => cloud.store.collection(name);
const call = (openid: string) => {
  const c = callerOf(cloud, openid);
  return (fn: 'push' | 'casework', action: string, payload: unknown = {}): Promise<any> =>
    c(fn, action as never, payload);
};

/**
 * The database as a dying instance sees it, in `collection`, at the first write about `openid`:
 * 'afterAdd' — the `add` lands and then the instance is gone; 'beforeUpdate' — it is gone just
 * as it would update the record (through `where`), so that update never lands.
 */
function dying(
  db: Database,
  collection: string,
  when: 'afterAdd' | 'beforeUpdate',
  openid: string,
): Database {
  let died = false;
  const die = (): never => {
    died = true;
    throw new Error(CRASH);
  };
  const about = (value: unknown) => JSON.stringify(value ?? null).includes(openid);
  return new Proxy(db, {
    get: (target, key) => {
      if (key !== 'collection') return bound(target, key);
      return (name: string) => {
        const coll = target.collection(name);
        if (name !== collection) return coll;
        return new Proxy(coll, {
          get: (c, k) => {
            if (k === 'add' && when === 'afterAdd') {
              return async (arg: { data: unknown }) => {
                const res = await (c as unknown as { add(a: unknown): Promise<unknown> }).add(arg);
                if (!died && about(arg.data)) die();
                return res;
              };
            }
            if (k === 'where' && when === 'beforeUpdate') {
              return (q: unknown) => {
                const query = c.where(q as never) as object;
                // Push ids are '<registrationId>:<vacancyId>': the person's own, by registration.
                if (died || !about(q)) return query;
                return new Proxy(query, {
                  get: (qq, kk) => (kk === 'update' ? async () => die() : bound(qq, kk)),
                });
              };
            }
            return bound(c, k);
          },
        });
      };
    },
  });
}

async function seekerWithQuota(openid: string): Promise<string> {
  const id = await registered(cloud, openid, makeSeeker({ name: '崩溃测试' }).sections);
  cloud.grantSubscription(openid, TEMPLATE);
  const consent = await call(openid)('push', 'consent', { templateIds: [TEMPLATE] });
  expect(consent.data).toEqual({ accepted: true, remaining: 1 });
  return id;
}

/** Everything that says whether and how the person was told about `pushId`. */
async function reachOf(openid: string, registrationId: string, pushId: string) {
  const caseworker = call(AS.caseworker);
  const tasks = (await caseworker('casework', 'tasks', {})).data.tasks as any[];
  const person = (await caseworker('casework', 'person', { registrationId })).data.person;
  const township = store('pushes').find({ _id: pushId })[0]!.township as string;
  const drill = await call(AS.supervisor)('push', 'stats', { month: '2026-03', township });
  const row = drill.data.townships.find((t: any) => t.township === township);
  const mine = drill.data.details.find((p: any) => p.registrationId === registrationId);
  return {
    record: store('pushes').find({ _id: pushId })[0] as any,
    sent: cloud.outbox().filter((m) => m.touser === openid && m.templateId === TEMPLATE).length,
    inbox: store('messages').count({ openid, kind: 'jobRecommendation' }),
    openTask: tasks.some((t) => t.kind === 'tellPush' && t.id === pushId),
    introductions: person.progress131.jobIntroduction.done as number,
    statsChannels: (mine?.pushes ?? []).map((p: any) => p.channel) as string[],
    row,
  };
}

describe('a push run that dies part-way', () => {
  it('dies right after claiming the push, before the send: the caseworker still has the task, and nothing counts as a WeChat message', async () => {
    const openid = 'wx-crash-claim';
    const id = await seekerWithQuota(openid);
    const [v1, v2] = [addVacancy(cloud), addVacancy(cloud)];
    recommend(cloud, id, [v1, v2]);

    await expect(
      cloud.runAs({}, () => topUp(dying(database(), 'pushes', 'afterAdd', openid), DAY)),
    ).rejects.toThrow(CRASH);

    // The run stopped at its first claim: one push, nothing sent, no quota spent.
    expect(store('pushes').find({ registrationId: id })).toHaveLength(1);
    const pushId = `${id}:${v1}`;
    const reach = await reachOf(openid, id, pushId);
    expect(reach.sent).toBe(0);
    expect(store('push_subscriptions').find({ _id: openid })[0]).toMatchObject({ remaining: 1 });
    // Still reached: the claim itself is the caseworker's open task to phone or message them
    // (the run died before the inbox or WeChat had anything).
    expect(reach.record).toMatchObject({ channel: 'inApp', caseworkerTask: true, toldAt: null });
    expect(reach.openTask).toBe(true);
    expect(reach.inbox).toBe(0);
    // Counted once as a position provided, and not as a subscription message.
    expect(reach.introductions).toBe(1);
    expect(reach.statsChannels).toEqual(['inApp']);
    expect(reach.row.subscription).toBe(0);

    // A later run the same day leaves the person alone (handled today), and nothing is doubled.
    await cloud.runAs({}, () => topUp(database(), at('2026-03-01', '11:00')));
    expect(store('pushes').count({ registrationId: id })).toBe(1);
  });

  it('dies after WeChat took the message, before the record says so: counted in-app with the task open — told twice at worst, never not at all', async () => {
    const openid = 'wx-crash-sent';
    const id = await seekerWithQuota(openid);
    const v1 = addVacancy(cloud);
    recommend(cloud, id, [v1]);

    await expect(
      cloud.runAs({}, () => topUp(dying(database(), 'pushes', 'beforeUpdate', id), DAY)),
    ).rejects.toThrow(CRASH);
    const reach = await reachOf(openid, id, `${id}:${v1}`);
    // WeChat has it; the record still says in-app with the caseworker's task: the person hears
    // of it twice at worst, and the statistics count one position, not a subscription message.
    expect(reach.sent).toBe(1);
    expect(reach.record).toMatchObject({ channel: 'inApp', caseworkerTask: true });
    expect(reach.openTask).toBe(true);
    expect(reach.introductions).toBe(1);
    expect(reach.statsChannels).toEqual(['inApp']);
  });

  it('without a crash: the WeChat message goes out and the record says so, with no task left open', async () => {
    const openid = 'wx-crash-none';
    const id = await seekerWithQuota(openid);
    const v1 = addVacancy(cloud);
    recommend(cloud, id, [v1]);
    await cloud.runAs({}, () => topUp(database(), DAY));
    const reach = await reachOf(openid, id, `${id}:${v1}`);
    expect(reach).toMatchObject({ sent: 1, inbox: 0, openTask: false, introductions: 1 });
    expect(reach.record).toMatchObject({ channel: 'subscription', caseworkerTask: false });
    expect(reach.statsChannels).toEqual(['subscription']);
    expect(reach.row.subscription).toBe(1);
  });
});

describe("a push run that dies right after claiming the person's day", () => {
  const claimId = (id: string) => `push:${id}:2026-03-01`;
  /** The hourly trigger (or a retry) at `when`: the function's own clock says `when`. */
  const runAt = (when: Date) => {
    jest.setSystemTime(when);
    return cloud.scheduler.runTimer('push', when);
  };
  /** Everything the person was told: WeChat messages and inbox messages. */
  const toldTimes = (openid: string) =>
    cloud.outbox().filter((m) => m.touser === openid && m.templateId === TEMPLATE).length +
    store('messages').count({ openid, kind: 'jobRecommendation' });

  async function diedAfterClaim(openid: string): Promise<{ id: string; v1: string }> {
    const id = await seekerWithQuota(openid);
    const [v1, v2] = [addVacancy(cloud), addVacancy(cloud)];
    recommend(cloud, id, [v1, v2]);
    await expect(
      cloud.runAs({}, () => topUp(dying(database(), 'reminders', 'afterAdd', id), DAY)),
    ).rejects.toThrow(CRASH);
    // The day is claimed for them, and nothing reached them.
    expect(store('reminders').count({ _id: claimId(id) })).toBe(1);
    expect(store('pushes').count({ registrationId: id })).toBe(0);
    expect(toldTimes(openid)).toBe(0);
    return { id, v1 };
  }

  it('a run while the claim may still be in hand does nothing; once it is older than the function could live, a run takes it over and pushes once', async () => {
    const openid = 'wx-crash-lease';
    const { id, v1 } = await diedAfterClaim(openid);

    // 30 seconds later (a retry while the first run could still be working): left alone.
    await runAt(new Date(+DAY + 30_000));
    expect(store('pushes').count({ registrationId: id })).toBe(0);
    expect(toldTimes(openid)).toBe(0);

    // 5 minutes later the first run is certainly gone (timeout 20 s): today's position goes out.
    await runAt(at('2026-03-01', '10:05'));
    expect(
      store('pushes')
        .find({ registrationId: id })
        .map((p: any) => p.vacancyId),
    ).toEqual([v1]);
    expect(toldTimes(openid)).toBe(1);

    // The hourly runs after it: handled today, nothing more.
    await runAt(at('2026-03-01', '11:00'));
    await runAt(at('2026-03-01', '12:00'));
    expect(store('pushes').count({ registrationId: id })).toBe(1);
    expect(toldTimes(openid)).toBe(1);
  });

  it('two runs taking over the stale claim at once: one of them has it, the person is told once', async () => {
    const openid = 'wx-crash-lease-race';
    const { id, v1 } = await diedAfterClaim(openid);

    jest.setSystemTime(at('2026-03-01', '10:05'));
    await Promise.all([
      cloud.scheduler.runTimer('push', at('2026-03-01', '10:05')),
      cloud.scheduler.runTimer('push', at('2026-03-01', '10:05')),
      cloud.scheduler.runTimer('push', at('2026-03-01', '10:05')),
    ]);
    expect(
      store('pushes')
        .find({ registrationId: id })
        .map((p: any) => p.vacancyId),
    ).toEqual([v1]);
    expect(toldTimes(openid)).toBe(1);
    // Taken over once: the claim is the winner's, from 10:05.
    expect(store('reminders').find({ _id: claimId(id) })[0]).toMatchObject({
      at: at('2026-03-01', '10:05'),
      takeovers: 1,
    });

    await runAt(at('2026-03-01', '11:00'));
    expect(store('pushes').count({ registrationId: id })).toBe(1);
    expect(toldTimes(openid)).toBe(1);
  });

  it('dies after the first of two positions due today: a run after the lease pushes the second, once', async () => {
    // The 15th: two positions are due by now (⌈3·15/31⌉) and none went out this month.
    const DAY15 = at('2026-03-15');
    const openid = 'wx-crash-second';
    const id = await seekerWithQuota(openid);
    const [v1, v2] = [addVacancy(cloud), addVacancy(cloud)];
    recommend(cloud, id, [v1, v2]);
    jest.setSystemTime(DAY15);
    await expect(
      cloud.runAs({}, () => topUp(dying(database(), 'pushes', 'afterAdd', openid), DAY15)),
    ).rejects.toThrow(CRASH);
    expect(
      store('pushes')
        .find({ registrationId: id })
        .map((p: any) => p.vacancyId),
    ).toEqual([v1]);

    // The dead run's claim is taken over although it pushed once: the second position goes out.
    await runAt(at('2026-03-15', '10:05'));
    await runAt(at('2026-03-15', '11:00'));
    await runAt(at('2026-03-15', '12:00'));
    expect(
      store('pushes')
        .find({ registrationId: id })
        .map((p: any) => p.vacancyId)
        .sort(),
    ).toEqual([v1, v2].sort());
    // v2 by WeChat; v1 stays with the caseworker's task (the run died before telling anyone).
    expect(toldTimes(openid)).toBe(1);
    expect(store('pushes').find({ _id: `${id}:${v2}` })[0]).toMatchObject({
      channel: 'subscription',
    });
    expect(store('reminders').find({ _id: `push:${id}:2026-03-15` })[0]).toMatchObject({
      done: true,
      takeovers: 1,
    });
  });

  it('a run that pushed nothing (another run pushed its pick meanwhile) is done: later runs do not take its claim over', async () => {
    const openid = 'wx-crash-nothing';
    const id = await seekerWithQuota(openid);
    const [v1, v2] = [addVacancy(cloud), addVacancy(cloud)];
    recommend(cloud, id, [v1, v2]);
    // Between this run's read of the person's pushes and its own push, v1 is pushed to them by
    // a write it did not see (stored in February, so it does not count toward March's plan);
    // and the run dies as it records the day's pass complete, so the next runs go through
    // everyone again.
    const racing = new Proxy(database(), {
      get: (target, key) => {
        if (key !== 'collection') return bound(target, key);
        return (name: string) => {
          const coll = target.collection(name);
          if (name === 'jobs') {
            return new Proxy(coll, {
              get: (c, k) =>
                k === 'doc'
                  ? () => ({
                      set: async () => {
                        throw new Error(CRASH);
                      },
                    })
                  : bound(c, k),
            });
          }
          if (name !== 'reminders') return coll;
          return new Proxy(coll, {
            get: (c, k) =>
              k === 'add'
                ? async (arg: { data: { _id?: string } }) => {
                    const res = await (c as any).add(arg);
                    if (arg.data._id !== claimId(id)) return res;
                    store('pushes').insert({
                      _id: `${id}:${v1}`,
                      registrationId: id,
                      openid,
                      vacancyId: v1,
                      at: at('2026-02-28', '18:00'),
                      month: '2026-02',
                      channel: 'inApp',
                      caseworkerTask: false,
                      toldAt: null,
                    });
                    return res;
                  }
                : bound(c, k),
          });
        };
      },
    });
    await expect(cloud.runAs({}, () => topUp(racing, DAY))).rejects.toThrow(CRASH);
    expect(store('jobs').count({ _id: PUSH_JOB })).toBe(0);

    // The hourly runs after it: v2 would be a candidate, but the person's day was done.
    await runAt(at('2026-03-01', '11:00'));
    await runAt(at('2026-03-01', '12:00'));
    expect(store('reminders').find({ _id: claimId(id) })[0]!.takeovers ?? 0).toBe(0);
    expect(
      store('pushes')
        .find({ registrationId: id })
        .map((p: any) => p.vacancyId),
    ).toEqual([v1]);
    expect(toldTimes(openid)).toBe(0);
    expect(store('reminders').find({ _id: claimId(id) })[0]).toMatchObject({ done: true });
  });
});
