/**
 * 包保服务统计 (casework.stats): the 统计表's 走访慰问 and 临时救助 columns and the other 包保
 * services by township for a period of Shanghai days, with the drill-down to the people behind
 * each number — through the real function on the local cloud. Contacts at exact instants are put
 * into the store as the workbench appends them (the seed's contacts lie before March 2026).
 */
import type { LocalCloud } from '@nuanxin/local';
import { townshipLabel } from '@nuanxin/shared';

import { addStaff, fixClock, makeSeeker, registered } from '../test/registration';
import { AS, caller as callerOf, seededCloud } from '../test/support';

// Monday 2026-03-02 10:00 in Shanghai.
const START = new Date('2026-03-02T02:00:00Z');
const T_A = '370811002'; // 任城区: the demo supervisor's
const T_B = '370811007';
const YANZHOU_SUPERVISOR = 'sv-yanzhou';

let cloud: LocalCloud;
beforeEach(async () => {
  fixClock(START);
  cloud = await seededCloud();
  addStaff(cloud, {
    openid: YANZHOU_SUPERVISOR,
    role: 'supervisor',
    org: 'employment',
    townships: ['370812001', '370812002'],
    displayName: '兖州主管',
  });
});
afterEach(async () => {
  jest.useRealTimers();
  await cloud.close();
});

const as = (openid: string) => (payload: unknown) =>
  callerOf(cloud, openid)('casework', 'stats', payload) as Promise<any>;
const supervisor = () => as(AS.supervisor);
const audits = () => cloud.store.collection('audit_log').count({ action: 'casework.stats' });

async function ok(openid: string, payload: unknown) {
  const res = await as(openid)(payload);
  if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`);
  return res.data;
}

async function person(openid: string, name: string, township: string) {
  return registered(cloud, openid, makeSeeker({ name, township }).sections);
}

/** A contact as casework.recordContact appends it. */
function contact(
  registrationId: string,
  at: string,
  kind: string,
  over: { outcome?: string; amountFen?: number; channel?: string | null } = {},
) {
  cloud.store.collection('contacts').insert({
    registrationId,
    seekerOpenid: 'x',
    kind,
    channel: over.channel === undefined ? (kind === 'followUp' ? 'phone' : null) : over.channel,
    outcome: over.outcome ?? 'reached',
    situation: null,
    amountFen: kind === 'relief' ? (over.amountFen ?? 100) : null,
    counsellor: kind === 'guidance' ? '王立新' : null,
    note: '测试',
    at: new Date(at),
    actorOpenid: AS.caseworker,
    actorRole: 'caseworker',
    actorName: '张敏',
  });
}

/** Two people in two townships with contacts around the end of March (Shanghai). */
async function april() {
  const a = await person('wx-st-a', '甲某某', T_A);
  const b = await person('wx-st-b', '乙某某', T_B);
  // 2026-03-31T16:30Z is 2026-04-01 00:30 in Shanghai: April's.
  contact(a, '2026-03-31T16:30:00Z', 'relief', { amountFen: 12345 });
  // One second before April in Shanghai: March's.
  contact(a, '2026-03-31T15:59:59Z', 'relief', { amountFen: 10 });
  contact(a, '2026-04-10T02:00:00Z', 'relief', { amountFen: 20 });
  contact(a, '2026-04-10T03:00:00Z', 'visit', { channel: 'home' });
  contact(a, '2026-04-11T03:00:00Z', 'followUp');
  contact(a, '2026-04-12T03:00:00Z', 'followUp', { outcome: 'unreachable' });
  contact(b, '2026-04-02T03:00:00Z', 'visit', { channel: 'home' });
  contact(b, '2026-04-03T03:00:00Z', 'visit', { channel: 'home', outcome: 'unreachable' });
  contact(b, '2026-04-05T03:00:00Z', 'guidance', { channel: 'office' });
  contact(b, '2026-04-06T03:00:00Z', 'jobReferral');
  contact(b, '2026-04-07T03:00:00Z', 'trainingReferral');
  contact(b, '2026-04-08T03:00:00Z', 'relief', { amountFen: 30001 });
  // 2026-04-30T16:00Z is 1 May in Shanghai: not April's.
  contact(b, '2026-04-30T16:00:00Z', 'visit', { channel: 'home' });
  contact(b, '2026-04-30T15:59:00Z', 'followUp');
  return { a, b };
}

const row = (data: any, township: string) =>
  data.townships.find((r: any) => r.township === township);

describe('counting', () => {
  it('counts a period of Shanghai days: the contact at 2026-03-31T16:30Z is April 1st’s', async () => {
    await april();
    const data = await ok(AS.supervisor, { from: '2026-04-01', to: '2026-04-30' });
    expect(data.townships.map((r: any) => r.township)).toEqual([T_A, T_B]);
    expect(row(data, T_A)).toMatchObject({
      townshipLabel: townshipLabel(T_A),
      relief: { contacts: 2, people: 1 },
      reliefFen: 12345 + 20,
      visit: { contacts: 1, people: 1 },
      // The unanswered call is not a 回访 rendered.
      followUp: { contacts: 1, people: 1 },
      all: { contacts: 4, people: 1 },
    });
    expect(row(data, T_B)).toMatchObject({
      // Nobody at home on 3 April; the visit on 1 May is May's.
      visit: { contacts: 1, people: 1 },
      guidance: { contacts: 1, people: 1 },
      jobReferral: { contacts: 1, people: 1 },
      trainingReferral: { contacts: 1, people: 1 },
      relief: { contacts: 1, people: 1 },
      reliefFen: 30001,
      followUp: { contacts: 1, people: 1 },
    });
    expect(data.total).toMatchObject({
      township: 'total',
      townshipLabel: '合计',
      relief: { contacts: 3, people: 2 },
      reliefFen: 42366,
      visit: { contacts: 2, people: 2 },
      all: { contacts: 10, people: 2 },
    });
    expect(data.drill).toBeNull();

    // The last second of March (Shanghai) is March's, with nothing of April's.
    const march = await ok(AS.supervisor, { from: '2026-03-31', to: '2026-03-31' });
    expect(march.total).toMatchObject({ relief: { contacts: 1, people: 1 }, reliefFen: 10 });
    const may = await ok(AS.supervisor, { from: '2026-05-01', to: '2026-05-01' });
    expect(may.total).toMatchObject({ visit: { contacts: 1 }, all: { contacts: 1 } });
    // Without a drill-down nothing personal was read: nothing audited.
    expect(audits()).toBe(0);
  });

  it('a recorded 临时救助 is in the statistics at once, summed in fen exactly', async () => {
    const id = await person('wx-st-r', '丙某某', T_A);
    for (const amount of [0.1, 0.2, 1234.56]) {
      const res = await callerOf(cloud, AS.caseworker)('casework', 'recordContact', {
        registrationId: id,
        kind: 'relief',
        amount,
        note: '临时生活困难救助',
      });
      expect(res.ok).toBe(true);
    }
    const data = await ok(AS.supervisor, { from: '2026-03-01', to: '2026-03-31', township: T_A });
    expect(data.townships).toHaveLength(1);
    expect(row(data, T_A)).toMatchObject({ relief: { contacts: 3, people: 1 }, reliefFen: 123486 });
    expect(data.total.reliefFen).toBe(123486);
  });

  it('the admin sees the whole city; a township filter narrows to its row', async () => {
    await april();
    const city = await ok(AS.admin, { from: '2026-04-01', to: '2026-04-30' });
    expect(city.total.all).toEqual({ contacts: 10, people: 2 });
    const one = await ok(AS.supervisor, { from: '2026-04-01', to: '2026-04-30', township: T_B });
    expect(one.townships.map((r: any) => r.township)).toEqual([T_B]);
    expect(one.total.all).toEqual(row(one, T_B).all);
  });
});

describe('drill-down', () => {
  it('every number opens to the people and contacts behind it, equal to the row; audited', async () => {
    const { a } = await april();
    const period = { from: '2026-04-01', to: '2026-04-30' };
    const table = await ok(AS.supervisor, period);
    const columns = [
      'followUp',
      'guidance',
      'jobReferral',
      'trainingReferral',
      'visit',
      'relief',
      'all',
    ];
    let reads = 0;
    for (const r of [...table.townships, table.total]) {
      for (const column of columns) {
        const township = r.township === 'total' ? null : r.township;
        const { drill } = await ok(AS.supervisor, { ...period, drill: { column, township } });
        reads += 1;
        expect(drill).toMatchObject({
          column,
          township,
          contacts: r[column].contacts,
          people: r[column].people,
          truncated: false,
        });
        expect(drill.list).toHaveLength(r[column].people);
        const listed = drill.list.flatMap((p: any) => p.contacts);
        expect(listed).toHaveLength(r[column].contacts);
        if (column === 'relief' || column === 'all') expect(drill.amountFen).toBe(r.reliefFen);
        const fen = drill.list.reduce((n: number, p: any) => n + p.amountFen, 0);
        expect(fen).toBe(drill.amountFen);
      }
    }
    expect(audits()).toBe(reads);

    const { drill } = await ok(AS.supervisor, {
      ...period,
      drill: { column: 'relief', township: T_A },
    });
    expect(drill.columnLabel).toBe('临时救助');
    expect(drill.list).toEqual([
      {
        registrationId: a,
        name: '甲某某',
        idMasked: expect.stringContaining('*'),
        townshipLabel: townshipLabel(T_A),
        amountFen: 12365,
        contacts: [
          expect.objectContaining({
            day: '2026-04-01',
            kind: 'relief',
            kindLabel: '临时救助',
            amountFen: 12345,
            caseworkerName: '张敏',
          }),
          expect.objectContaining({ day: '2026-04-10', amountFen: 20 }),
        ],
      },
    ]);
    const [entry] = cloud.store
      .collection('audit_log')
      .find({ action: 'casework.stats', actorOpenid: AS.supervisor })
      .slice(-1) as any[];
    expect(entry.detail).toMatchObject({ column: 'relief', township: T_A, ids: a });
  });
});

describe('scope and refusals', () => {
  it('another county’s supervisor sees none of it; naming our township is NOT_FOUND, writing nothing', async () => {
    await april();
    const period = { from: '2026-04-01', to: '2026-04-30' };
    const theirs = await ok(YANZHOU_SUPERVISOR, period);
    expect(theirs.townships).toEqual([]);
    expect(theirs.total.all).toEqual({ contacts: 0, people: 0 });
    expect(theirs.total.reliefFen).toBe(0);
    const before = cloud.writeCount();
    for (const payload of [
      { ...period, township: T_A },
      { ...period, drill: { column: 'relief', township: T_A } },
      { ...period, drill: { column: 'all', township: 'unknown' } },
    ]) {
      const res = await as(YANZHOU_SUPERVISOR)(payload);
      expect(res).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(res.error.message).toBe('该乡镇（街道）不在您的管辖范围内');
    }
    // The whole-scope drill-down lists none of our people.
    const { drill } = await ok(YANZHOU_SUPERVISOR, { ...period, drill: { column: 'all' } });
    expect(drill).toMatchObject({ contacts: 0, people: 0, list: [] });
    expect(cloud.writeCount()).toBe(before + 1); // that read's audit entry only
  });

  it.each([
    ['caseworker', AS.caseworker],
    ['citizen', AS.citizen],
    ['employer', AS.employer],
  ])('a %s is refused with FORBIDDEN and nothing is written', async (_role, openid) => {
    await april();
    const before = cloud.writeCount();
    const res = await as(openid)({
      from: '2026-04-01',
      to: '2026-04-30',
      drill: { column: 'relief', township: T_A },
    });
    expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(cloud.writeCount()).toBe(before);
  });

  it.each([
    [{ from: '2026-04-30', to: '2026-04-01' }, 'to', '结束日期不能早于开始日期'],
    [{ from: '2026-01-01', to: '2027-01-01' }, 'to', '统计期间最长一年，请缩短日期范围'],
    [{ from: '2026-02-30', to: '2026-03-01' }, 'from', '开始日期不是有效的日期'],
    [{ from: '2026/03/01', to: '2026-03-31' }, 'from', '开始日期应为“年-月-日”，如 2026-03-01'],
    [{ to: '2026-03-31' }, 'from', '请选择开始日期'],
    [
      {
        from: '2026-03-01',
        to: '2026-03-31',
        township: T_A,
        drill: { column: 'all', township: T_B },
      },
      'drill',
      '查看的乡镇（街道）与所选乡镇（街道）不一致',
    ],
    [{ from: '2026-03-01', to: '2026-03-31', drill: { column: 'pay' } }, 'drill.column', null],
  ])(
    'a bad period %j is VALIDATION in Chinese, writing nothing',
    async (payload, field, message) => {
      const before = cloud.writeCount();
      const res = await supervisor()(payload);
      expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      expect(res.error.fields[field]).toMatch(/[\u4e00-\u9fa5]/);
      if (message) expect(res.error.fields[field]).toBe(message);
      expect(cloud.writeCount()).toBe(before);
    },
  );

  it('a whole year is allowed (from + 1 year − 1 day)', async () => {
    const data = await ok(AS.supervisor, { from: '2026-01-01', to: '2026-12-31' });
    expect(data).toMatchObject({ from: '2026-01-01', to: '2026-12-31' });
  });
});
