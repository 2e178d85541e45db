/**
 * 包保服务统计 (casework.stats): what the caseworkers did for people in a period of Shanghai days,
 * by the township people live in, within the caller's townships — the 暖心活动情况统计表 (004)
 * columns 为援助对象开展走访慰问人次数, 实施临时救助人次数 and 实施临时救助发放金额数, and the
 * other services of 包保 (回访, 职业指导, 岗位推荐, 培训推荐). Counted from the service records
 * themselves (contacts, only ever appended), never from a stored counter, so a number and its
 * drill-down are the same records.
 *
 * What counts ("人次" = contacts; "人" = distinct people):
 * - every contact of the six kinds recorded in [from 00:00, to + 1 day 00:00) Shanghai time;
 * - a follow-up (回访) or a 走访慰问 visit only when the person was reached: an unanswered call or
 *   nobody at home is logged for the cadence but is no service rendered;
 * - 临时救助 amounts summed in fen (integers: exact), shown in yuan by the page.
 * Job referrals here are the caseworkers' own (recorded contacts); the platform's pushes and the
 * first-time rule of 推送提供就业岗位数 are push.stats.
 *
 * Township: each contact counts in the township the person lived in when it was recorded (stored
 * on the contact), so a past period does not change when someone moves; contacts recorded before
 * the township was stored count in the township of the person's registration now.
 *
 * Who sees what: supervisors their townships (none listed: the whole city), the admin the whole
 * city. Caseworkers are not given this table: their own people's services and "131" progress are
 * on their workbench (casework.caseload); the 统计表 is the supervisor's report. Naming a township
 * outside the scope answers NOT_FOUND, as a person outside it does.
 *
 * Reads: one query per kind on the `kind_at` index, paged with allRows; then the registrations of
 * the people served, 100 ids a query.
 */
import {
  AppError,
  CONTACT_CHANNEL_LABELS,
  CONTACT_KIND_LABELS,
  dateKey,
  dayjs,
  TIME_ZONE,
  townshipLabel,
  type ContactKind,
  type Contracts,
  type OutputOf,
} from '@nuanxin/shared';
import {
  SERVICE_STATS_COLUMN_LABELS,
  SERVICE_STATS_DRILL_LIMIT,
  SERVICE_STATS_UNKNOWN_TOWNSHIP as UNKNOWN,
  type ServiceStatsColumn,
} from '@nuanxin/shared/src/contracts/casework/stats';

import {
  allRows,
  auditRepo,
  command,
  registrationsRepo,
  type ContactRecord,
  type Handler,
  type RegistrationRecord,
  type Store,
} from '../../_lib';
import { supervisorScope } from '../../registration/access';

type Output = OutputOf<Contracts['casework']['stats']>;
type Row = Output['townships'][number];
type Person = NonNullable<Output['drill']>['list'][number];

const NOT_IN_SCOPE = '该乡镇（街道）不在您的管辖范围内';
const TOTAL = 'total';

/** The kinds counted, in the table's order. */
const KINDS = [
  'followUp',
  'guidance',
  'jobReferral',
  'trainingReferral',
  'visit',
  'relief',
] as const satisfies readonly ContactKind[];

/** Follow-ups and visits count only when the person was met. */
function counted(c: ContactRecord): boolean {
  return (c.kind !== 'followUp' && c.kind !== 'visit') || c.outcome === 'reached';
}

/** Start (inclusive) and end (exclusive) instants of Shanghai days `from`..`to`. */
export function periodRange(from: string, to: string): { start: Date; end: Date } {
  return {
    start: dayjs.tz(from, TIME_ZONE).toDate(),
    end: dayjs.tz(to, TIME_ZONE).add(1, 'day').toDate(),
  };
}

/** Contacts of the counted kinds recorded in [start, end), one `kind_at` query per kind. */
async function contactsBetween(db: Store, start: Date, end: Date): Promise<ContactRecord[]> {
  const _ = command();
  const perKind = await Promise.all(
    KINDS.map((kind) =>
      allRows<ContactRecord>(
        db.collection('contacts').where({ kind, at: _.gte(start).and(_.lt(end)) }),
        1000,
      ),
    ),
  );
  return perKind.flat().filter(counted);
}

function townshipOf(record: RegistrationRecord | undefined): string {
  return record?.township ?? record?.identity.township ?? UNKNOWN;
}

/** Where a contact counts: the township stored with it, else the person's now. */
function contactTownship(c: ContactRecord, record: RegistrationRecord | undefined): string {
  return c.township ?? townshipOf(record);
}

function labelOf(township: string): string {
  if (township === TOTAL) return '合计';
  return township === UNKNOWN ? '未填写乡镇（街道）' : townshipLabel(township);
}

function ofColumn(list: readonly ContactRecord[], column: ServiceStatsColumn): ContactRecord[] {
  return column === 'all' ? [...list] : list.filter((c) => c.kind === column);
}

function cell(list: readonly ContactRecord[]) {
  return { contacts: list.length, people: new Set(list.map((c) => c.registrationId)).size };
}

const fenOf = (list: readonly ContactRecord[]) =>
  list.reduce((sum, c) => sum + (c.kind === 'relief' ? (c.amountFen ?? 0) : 0), 0);

function rowOf(township: string, list: readonly ContactRecord[]): Row {
  return {
    township,
    townshipLabel: labelOf(township),
    followUp: cell(ofColumn(list, 'followUp')),
    guidance: cell(ofColumn(list, 'guidance')),
    jobReferral: cell(ofColumn(list, 'jobReferral')),
    trainingReferral: cell(ofColumn(list, 'trainingReferral')),
    visit: cell(ofColumn(list, 'visit')),
    relief: cell(ofColumn(list, 'relief')),
    reliefFen: fenOf(list),
    all: cell(list),
  };
}

function contactView(c: ContactRecord): Person['contacts'][number] {
  return {
    id: c._id,
    at: new Date(c.at).toISOString(),
    day: dateKey(c.at),
    kind: c.kind,
    kindLabel: CONTACT_KIND_LABELS[c.kind],
    channelLabel: c.channel ? CONTACT_CHANNEL_LABELS[c.channel] : '',
    amountFen: c.kind === 'relief' ? (c.amountFen ?? 0) : null,
    caseworkerName: c.actorName ?? '',
  };
}

export const stats: Handler<'casework', 'stats'> = async (input, ctx) => {
  const { caller, db, now } = ctx;
  const scope = supervisorScope(caller);
  const inScope = (township: string) =>
    scope === null || (township !== UNKNOWN && scope.includes(township));
  // A township outside the caller's scope is, for them, a township with nothing to show.
  for (const asked of [input.township, input.drill?.township ?? null]) {
    if (asked !== null && !inScope(asked)) {
      throw new AppError('NOT_FOUND', NOT_IN_SCOPE, { township: NOT_IN_SCOPE });
    }
  }

  const { start, end } = periodRange(input.from, input.to);
  const contacts = await contactsBetween(db, start, end);
  const people = new Map(
    (await registrationsRepo(db).byIds([...new Set(contacts.map((c) => c.registrationId))])).map(
      (r) => [r._id, r],
    ),
  );
  const wanted = (township: string) =>
    inScope(township) && (input.township === null || township === input.township);
  const byTownship = new Map<string, ContactRecord[]>();
  for (const c of contacts) {
    const township = contactTownship(c, people.get(c.registrationId));
    if (!wanted(township)) continue;
    const list = byTownship.get(township);
    if (list) list.push(c);
    else byTownship.set(township, [c]);
  }
  const townships = [...byTownship.entries()]
    .map(([township, list]) => rowOf(township, list))
    .sort((a, b) => a.township.localeCompare(b.township));
  const all = [...byTownship.values()].flat();

  let drill: Output['drill'] = null;
  if (input.drill) {
    const { column } = input.drill;
    const township = input.drill.township ?? input.township;
    const source = township === null ? all : (byTownship.get(township) ?? []);
    const list = ofColumn(source, column).sort((a, b) => +new Date(a.at) - +new Date(b.at));
    const ids = [...new Set(list.map((c) => c.registrationId))];
    const persons: Person[] = ids
      .map((id) => {
        const record = people.get(id);
        const own = list.filter((c) => c.registrationId === id);
        return {
          registrationId: id,
          name: record?.identity.name ?? '',
          idMasked: record?.identity.idMasked ?? '',
          // Where they were served (the newest of the contacts shown).
          townshipLabel: labelOf(contactTownship(own[own.length - 1]!, record)),
          contacts: own.map(contactView),
          amountFen: fenOf(own),
        };
      })
      .sort(
        (a, b) =>
          b.contacts.length - a.contacts.length ||
          a.name.localeCompare(b.name, 'zh-CN') ||
          a.registrationId.localeCompare(b.registrationId),
      );
    const shown = persons.slice(0, SERVICE_STATS_DRILL_LIMIT);
    // The names behind the number are personal data: the read is on record before it is shown.
    await auditRepo(db).append(
      {
        actorOpenid: caller.openid,
        action: 'casework.stats',
        detail: {
          from: input.from,
          to: input.to,
          column,
          township,
          ids: shown.map((p) => p.registrationId).join(','),
        },
      },
      now,
    );
    drill = {
      column,
      columnLabel: SERVICE_STATS_COLUMN_LABELS[column],
      township,
      townshipLabel: township === null ? '合计' : labelOf(township),
      contacts: list.length,
      people: ids.length,
      amountFen: fenOf(list),
      list: shown,
      truncated: persons.length > shown.length,
    };
  }

  return { from: input.from, to: input.to, townships, total: rowOf(TOTAL, all), drill };
};
