/**
 * 推送提供就业岗位数 (暖心活动情况统计表, 004) for supervisors: the positions provided to people in
 * one Shanghai month, by the township they live in, within the supervisor's townships; naming a
 * township lists the people behind the number and each position (003 §5(五): real-name and
 * traceable). Counted from the records themselves, never from a stored counter.
 *
 * What counts: the platform's pushes and the caseworkers' job referrals (casework.recordContact
 * 岗位推荐) — both are 岗位推介 point to point (004 §6(五)), and both are the person's "131" job
 * introductions. A position reaches a person once however many times they are told of it: the
 * first time counts (in its month), as `introductionsOf` counts "131" and the monthly push plan, so
 * a person's row here equals their plan's count. A referral of a position elsewhere (no vacancy on
 * the platform) counts each time, as in "131". A push's township is the person's when pushed; a
 * referral's, the person's registration now.
 *
 * Exact for everyone referred this month (their whole history is read). A push is taken as the
 * first time when the person had no referral this month: the push run never pushes a vacancy
 * already referred to the person (push/timer.ts), so only a referral recorded in the seconds of a
 * run, in an earlier month, could make it otherwise.
 */
import {
  AppError,
  CONTACT_CHANNEL_LABELS,
  monthKey,
  monthRange,
  townshipLabel,
  type OutputOf,
  type Contracts,
} from '@nuanxin/shared';

import {
  allRows,
  auditRepo,
  command,
  contactsRepo,
  pushesRepo,
  registrationsRepo,
  type ContactRecord,
  type Handler,
  type PushRecord,
  type RegistrationRecord,
  type Store,
} from '../_lib';
import { vacanciesByIds } from '../jobs/open';
import { supervisorScope } from '../registration/access';

import { pushView } from './views';

const NOT_IN_SCOPE = '该乡镇（街道）不在您的管辖范围内';
const UNKNOWN = 'unknown';
const ELSEWHERE = '平台外岗位（见服务记录）';
const REFERRAL = '包保责任人推荐';

type Provided = NonNullable<
  OutputOf<Contracts['push']['stats']>['details']
>[number]['pushes'][number];

/** One position provided to one person: the push or the referral that first told them. */
interface Entry {
  registrationId: string;
  township: string | null;
  at: Date;
  vacancyId: string | null;
  publicWelfare: boolean;
  internship: boolean;
  push: PushRecord | null;
  referral: ContactRecord | null;
}

function fromPush(p: PushRecord): Entry {
  return {
    registrationId: p.registrationId,
    township: p.township,
    at: new Date(p.at),
    vacancyId: p.vacancyId,
    publicWelfare: p.publicWelfare === true,
    internship: p.internship === true,
    push: p,
    referral: null,
  };
}

function fromReferral(c: ContactRecord, record: RegistrationRecord | undefined): Entry {
  return {
    registrationId: c.registrationId,
    township: record?.township ?? record?.identity.township ?? null,
    at: new Date(c.at),
    vacancyId: c.vacancy?.id ?? null,
    publicWelfare: c.vacancy?.publicWelfare === true,
    internship: c.vacancy?.internship === true,
    push: null,
    referral: c,
  };
}

/**
 * Each platform vacancy once per person, the first time (a referral before a push at the same
 * instant, as `distinctIntroductions` orders them); positions elsewhere each time.
 */
function firstTimes(entries: readonly Entry[]): Entry[] {
  const seen = new Set<string>();
  return [...entries]
    .sort((a, b) => +a.at - +b.at || Number(a.push !== null) - Number(b.push !== null))
    .filter((e) => {
      if (e.vacancyId === null) return true;
      const key = `${e.registrationId}:${e.vacancyId}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** Job referrals recorded in [start, end) (the `kind_at` index). */
function referralsBetween(db: Store, start: Date, end: Date) {
  const _ = command();
  return allRows<ContactRecord>(
    db.collection('contacts').where({ kind: 'jobReferral', at: _.gte(start).and(_.lt(end)) }),
    1000,
  );
}

/** The month's positions provided, in the supervisor's scope (null: the whole city). */
async function providedIn(
  db: Store,
  month: string,
  scope: readonly string[] | null,
): Promise<{ entries: Entry[]; people: Map<string, RegistrationRecord> }> {
  const { start, end } = monthRange(month);
  const inScope = (township: string | null) =>
    scope === null || (township !== null && scope.includes(township));
  const [pushes, referrals] = await Promise.all([
    pushesRepo(db).ofMonth(month, scope),
    referralsBetween(db, start, end),
  ]);
  const referred = [...new Set(referrals.map((c) => c.registrationId))];
  const referredSet = new Set(referred);
  const entries = pushes.filter((p) => !referredSet.has(p.registrationId)).map(fromPush);
  const people = new Map<string, RegistrationRecord>();
  if (referred.length > 0) {
    // Everyone referred this month: their whole history up to the month's end decides which
    // of this month's pushes and referrals are the first time a position reached them.
    const [records, history, contacts] = await Promise.all([
      registrationsRepo(db).byIds(referred),
      pushesRepo(db).ofRegistrations(referred),
      contactsRepo(db).of(referred),
    ]);
    for (const r of records) people.set(r._id, r);
    const all = [
      ...contacts
        .filter((c) => c.kind === 'jobReferral' && +new Date(c.at) < +end)
        .map((c) => fromReferral(c, people.get(c.registrationId))),
      ...history.filter((p) => +new Date(p.at) < +end).map(fromPush),
    ];
    entries.push(...firstTimes(all).filter((e) => +e.at >= +start && inScope(e.township)));
  }
  return { entries, people };
}

function referralView(c: ContactRecord, vacancyTownship: string | null): Provided {
  const v = c.vacancy ?? null;
  const channel = c.channel ? `（${CONTACT_CHANNEL_LABELS[c.channel]}）` : '';
  return {
    id: c._id,
    vacancyId: v?.id ?? null,
    title: v?.id ? v.title : ELSEWHERE,
    companyName: v?.id ? v.companyName : '',
    townshipLabel: vacancyTownship ? townshipLabel(vacancyTownship) : '',
    at: new Date(c.at).toISOString(),
    publicWelfare: v?.publicWelfare === true,
    internship: v?.internship === true,
    channel: 'referral',
    channelLabel: `${REFERRAL}${channel}`,
    basis: 'referral',
    basisLabel: REFERRAL,
    reasons: [],
  };
}

export const stats: Handler<'push', 'stats'> = async (input, ctx) => {
  const { caller, db, now } = ctx;
  const month = input.month ?? monthKey(now);
  const scope = supervisorScope(caller);
  if (input.township && scope !== null && !scope.includes(input.township)) {
    throw new AppError('FORBIDDEN', NOT_IN_SCOPE, { township: NOT_IN_SCOPE });
  }
  const { entries, people } = await providedIn(db, month, scope);
  const byTownship = new Map<string, Entry[]>();
  for (const e of entries) {
    const key = e.township ?? UNKNOWN;
    byTownship.set(key, [...(byTownship.get(key) ?? []), e]);
  }
  const townships = [...byTownship.entries()]
    .map(([township, list]) => ({
      township,
      townshipLabel: township === UNKNOWN ? '未填写' : townshipLabel(township),
      pushes: list.length,
      people: new Set(list.map((e) => e.registrationId)).size,
      subscription: list.filter((e) => e.push?.channel === 'subscription').length,
      inApp: list.filter((e) => e.push?.channel === 'inApp').length,
      referrals: list.filter((e) => e.referral !== null).length,
      publicWelfare: list.filter((e) => e.publicWelfare).length,
      internship: list.filter((e) => e.internship).length,
    }))
    .sort((a, b) => a.township.localeCompare(b.township));

  let details = null;
  if (input.township) {
    const list = byTownship.get(input.township) ?? [];
    const ids = [...new Set(list.map((e) => e.registrationId))];
    const missing = ids.filter((id) => !people.has(id));
    for (const r of await registrationsRepo(db).byIds(missing)) people.set(r._id, r);
    const referredVacancies = list.flatMap((e) => (e.referral && e.vacancyId ? [e.vacancyId] : []));
    const vacancyTownship = new Map(
      (await vacanciesByIds(db, referredVacancies)).map((v) => [v._id, v.township ?? null]),
    );
    const view = (e: Entry): Provided =>
      e.push
        ? pushView(e.push)
        : referralView(e.referral!, vacancyTownship.get(e.vacancyId ?? '') ?? null);
    details = ids
      .map((id) => ({
        registrationId: id,
        name: people.get(id)?.identity.name ?? '',
        townshipLabel: townshipLabel(input.township!),
        pushes: list
          .filter((e) => e.registrationId === id)
          .sort((a, b) => +a.at - +b.at)
          .map(view),
      }))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
    // The names behind the number are personal data: the read is on record before it is shown.
    await auditRepo(db).append(
      {
        actorOpenid: caller.openid,
        action: 'push.stats',
        detail: { month, township: input.township, ids: ids.slice(0, 300).join(',') },
      },
      now,
    );
  }
  return {
    month,
    total: entries.length,
    people: new Set(entries.map((e) => e.registrationId)).size,
    townships,
    details,
  };
};
