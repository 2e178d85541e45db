/**
 * The matching function: 为您推荐 with reasons (computed on demand when missing), the two
 * switches, the refresh queue (new registration, changed wishes, newly published vacancy), the
 * nightly pass with a fixed clock resuming across pages, an expired or closed vacancy never
 * recommended, and the employer's masked suggested candidates and invitations.
 */
import type { LocalCloud } from '@nuanxin/local';
import {
  dateKey,
  dayjs,
  PERSONALISATION_OFF_NOTICE,
  RECOMMENDATION_EXPLANATION,
  type ActionName,
} from '@nuanxin/shared';
import { buildMatchIndex, topKExhaustive } from '@nuanxin/shared/src/matching';

import { seekerOf, vacancyOf, type VacancyRecord } from '../_lib';
import { fixClock, makeGraduate, makeSeeker, register, registered } from '../test/registration';
import { AS, caller as callerOf, seededCloud } from '../test/support';

const LI = 'demo-citizen-2'; // 李秀英: registered, 任城区 李营街道, wishes 家政服务员 / 保洁员
const ZHANG = 'demo-citizen-3'; // 张伟: long-term unemployed (就业困难), 仓储管理员
const UNREGISTERED = 'demo-citizen-1';
const EMPLOYER = AS.employer; // demo-employer-1
const OTHER_EMPLOYER = 'demo-employer-2';

let cloud: LocalCloud;
beforeEach(async () => {
  cloud = await seededCloud();
});
afterEach(async () => {
  jest.useRealTimers();
  delete process.env.NUANXIN_TIMER_BUDGET_MS;
  await cloud.close();
});

function as(openid: string) {
  const call = callerOf(cloud, openid);
  return (
    fn: 'matching' | 'employer' | 'registration' | 'jobs' | 'push',
    action: string,
    payload = {},
  ) => call(fn, action as ActionName<typeof fn>, payload) as Promise<any>;
}
const coll = (name: string) => cloud.store.collection(name);
const registrationOf = (openid: string) =>
  coll('registrations').find({ openid, status: { $in: ['submitted', 'registered'] } })[0] as any;
const storedFor = (openid: string) =>
  coll('recommendations').find({ _id: registrationOf(openid)._id })[0] as any;
const openRegistrations = () =>
  coll('registrations').find({ status: { $in: ['submitted', 'registered'] } }) as any[];
/** A Shanghai wall-clock instant. */
const shanghai = (day: string, time: string) => new Date(`${day}T${time}:00+08:00`);
const tomorrow = () => dateKey(dayjs().add(1, 'day').toDate());

/** The exhaustive reference over every vacancy in the store, for one person. */
function reference(openid: string, today: string) {
  const r = registrationOf(openid);
  const companies = new Map(
    coll('companies')
      .find({})
      .map((c: any) => [c._id, c.status]),
  );
  const vacancies = (coll('vacancies').find({}) as unknown as VacancyRecord[])
    .filter((v) => companies.get(v.companyId) === 'verified')
    .map((v) => vacancyOf(v, coll('applications').count({ vacancyId: v._id, status: 'hired' })));
  const applications = coll('applications').find({ openid }) as any[];
  const index = buildMatchIndex(vacancies, { today });
  return topKExhaustive(seekerOf(r, applications, [], new Date(`${today}T12:00:00+08:00`)), index);
}

/** A vacancy of demo-employer-1 made for 李秀英: her first wish, in her township. */
const forLi = (over: Record<string, unknown> = {}) => ({
  title: '住家保姆',
  description: '照料老人起居，做饭保洁。',
  occupationCode: '4-10-01-06',
  headcount: 2,
  salaryMin: 4500,
  salaryMax: 6500,
  workType: 'fullTime',
  township: '370811005',
  requirements: '身体健康，有耐心。',
  benefits: '包吃住。',
  ...over,
});

describe('为您推荐 (mine)', () => {
  it('after the demo seed every registered seeker has a top-10 with reasons', async () => {
    const open = openRegistrations();
    expect(open.length).toBeGreaterThan(3);
    let full = 0;
    for (const r of open) {
      const stored = coll('recommendations').find({ _id: r._id })[0] as any;
      expect(stored).toMatchObject({ registrationId: r._id, openid: r.openid });
      expect(stored.items.length).toBeLessThanOrEqual(10);
      if (stored.items.length === 10) full += 1;
    }
    // The demo's vacancies are in 任城区, 曲阜 and 高新区: people in 嘉祥 and 梁山 with a 10 km
    // commute have none near enough (the page says so and points to 全部岗位).
    expect(full).toBeGreaterThanOrEqual(4);
    expect(coll('match_queue').count()).toBe(0);

    const before = cloud.writeCount();
    const res = await as(LI)('matching', 'mine');
    expect(res.ok).toBe(true);
    expect(res.data.state).toBe('ok');
    expect(res.data.explanation).toBe(RECOMMENDATION_EXPLANATION);
    expect(res.data.items).toHaveLength(10);
    for (const item of res.data.items) {
      expect(item.reasons.length).toBeGreaterThan(0);
      expect(item.vacancy.title).toEqual(expect.any(String));
    }
    expect(res.data.items[0].reasons).toEqual(
      expect.arrayContaining([expect.stringMatching(/^意向职业一致：/)]),
    );
    // Read from what the seed computed: nothing written.
    expect(cloud.writeCount()).toBe(before);
  });

  it('equals the exhaustive ranking over every vacancy', async () => {
    for (const openid of [LI, ZHANG]) {
      const res = await as(openid)('matching', 'mine');
      const expected = reference(openid, dateKey(new Date()));
      expect(res.data.items.map((i: any) => [i.vacancy.id, i.score])).toEqual(
        expected.map((e) => [e.vacancyId, e.score]),
      );
      expect(res.data.items.map((i: any) => i.reasons)).toEqual(expected.map((e) => e.reasons));
    }
  });

  it('a 就业困难 seeker gets the best 公益性岗位 apart; others get none', async () => {
    const zhang = await as(ZHANG)('matching', 'mine');
    expect(zhang.data.extras.publicWelfare).toMatchObject({
      vacancy: { flags: { publicWelfare: true } },
      reasons: expect.arrayContaining(['公益性岗位：您符合就业困难人员条件']),
    });
    const id = await registered(cloud, 'wx-young', makeSeeker({ age: 30 }).sections);
    const young = await as('wx-young')('matching', 'mine');
    expect(young.data.extras.publicWelfare).toBeNull();
    for (const item of young.data.items) expect(item.vacancy.flags.publicWelfare).toBe(false);
    expect(coll('recommendations').find({ _id: id })[0]).toMatchObject({ trigger: 'onDemand' });
  });

  it('someone not registered is told how recommendations start, and nothing is written', async () => {
    const before = cloud.writeCount();
    const res = await as(UNREGISTERED)('matching', 'mine');
    expect(res.data).toMatchObject({ state: 'notRegistered', items: [], computedAt: null });
    expect(res.data.explanation).toMatch(/失业登记/);
    expect(cloud.writeCount()).toBe(before);
  });

  it('a new registrant sees recommendations at once: computed on demand, queue entry done', async () => {
    const res = await register(cloud, 'wx-new-seeker', makeSeeker({ age: 28 }).sections);
    expect(res.ok).toBe(true);
    const id = res.data.registration.id;
    expect(coll('match_queue').find({ _id: `registration:${id}` })).toHaveLength(1);
    expect(coll('recommendations').count({ _id: id })).toBe(0);

    const started = Date.now();
    const mine = await as('wx-new-seeker')('matching', 'mine');
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(mine.data.state).toBe('ok');
    expect(mine.data.items.length).toBeGreaterThan(0);
    expect(coll('recommendations').count({ _id: id })).toBe(1);
    expect(coll('match_queue').count({ _id: `registration:${id}` })).toBe(0);
  });

  it('the timer computes a new registrant without them opening the page', async () => {
    const id = await registered(cloud, 'wx-queued', makeSeeker({ age: 33 }).sections);
    await cloud.scheduler.runTimer('matching');
    expect(coll('recommendations').find({ _id: id })[0]).toMatchObject({
      trigger: 'registration',
      items: expect.any(Array),
    });
    expect(coll('match_queue').count()).toBe(0);
  });

  it('changed wishes are queued and ranked again', async () => {
    const before = storedFor(LI);
    expect(before.items[0].reasons[0]).toMatch(/家政|保洁|生活照料/);
    const reg = registrationOf(LI);
    const mine = await as(LI)('registration', 'getMine');
    expect(mine.ok).toBe(true);
    const res = await as(LI)('registration', 'correct', {
      wishes: { ...reg.wishes, occupations: ['4-02-06-01'] },
    });
    expect(res.ok).toBe(true);
    expect(coll('match_queue').find({ _id: `registration:${reg._id}` })[0]).toMatchObject({
      trigger: 'wishes',
    });
    await cloud.scheduler.runTimer('matching');
    const after = storedFor(LI);
    expect(after.trigger).toBe('wishes');
    expect(after.items[0].reasons).toEqual(
      expect.arrayContaining([expect.stringMatching(/仓储|交通运输、仓储物流/)]),
    );
  });
});

describe('an expired or closed vacancy is never recommended', () => {
  it('closing the top recommendation removes it from the page and the stored list', async () => {
    const first = (await as(LI)('matching', 'mine')).data.items[0].vacancy;
    const owner = coll('vacancies').find({ _id: first.id })[0] as any;
    const employerOpenid = (coll('users').find({ companyId: owner.companyId })[0] as any).openid;
    const closed = await as(employerOpenid)('employer', 'setVacancyStatus', {
      vacancyId: first.id,
      event: 'close',
      closeReason: 'filled',
    });
    expect(closed.ok).toBe(true);
    const res = await as(LI)('matching', 'mine');
    expect(res.data.items.map((i: any) => i.vacancy.id)).not.toContain(first.id);
    expect(res.data.items).toHaveLength(10);
    expect(storedFor(LI).items.map((i: any) => i.vacancyId)).not.toContain(first.id);
    // The next nightly pass does not bring it back either.
    fixClock(shanghai(tomorrow(), '03:05'));
    await cloud.scheduler.runTimer('matching');
    expect(storedFor(LI)).toMatchObject({ trigger: 'nightly' });
    expect(storedFor(LI).items.map((i: any) => i.vacancyId)).not.toContain(first.id);
  });

  it('a vacancy filled since the ranking (hired ≥ headcount) is not shown, nor kept in the stored list', async () => {
    /** `n` of the vacancy's applications marked hired (a fixture, after the ranking). */
    const hire = (vacancyId: string, n: number) => {
      const [v] = coll('vacancies').find({ _id: vacancyId }) as any[];
      for (let i = 0; i < n; i += 1) {
        coll('applications').insert({
          vacancyId,
          companyId: v.companyId,
          openid: `wx-hired-${vacancyId}-${i}`,
          registrationId: `reg-hired-${vacancyId}-${i}`,
          status: 'hired',
          appliedAt: new Date(),
          updatedAt: new Date(),
        });
      }
    };
    const [first, second] = (await as(LI)('matching', 'mine')).data.items.map(
      (i: any) => i.vacancy,
    );
    hire(first.id, first.headcount);
    const res = await as(LI)('matching', 'mine');
    expect(res.data.items.map((i: any) => i.vacancy.id)).not.toContain(first.id);
    expect(res.data.items).toHaveLength(10);
    expect(storedFor(LI).items.map((i: any) => i.vacancyId)).not.toContain(first.id);
    // One short of its headcount: still offered.
    hire(second.id, second.headcount - 1);
    const again = await as(LI)('matching', 'mine');
    expect(again.data.items.map((i: any) => i.vacancy.id)).toContain(second.id);
  });

  it('past its valid-until day a vacancy drops out, even before the expiry timer marks it', async () => {
    const items = (await as(LI)('matching', 'mine')).data.items;
    const soonest = [...items].sort((a: any, b: any) =>
      a.vacancy.validUntil < b.vacancy.validUntil ? -1 : 1,
    )[0].vacancy;
    const dayAfter = dateKey(dayjs(`${soonest.validUntil}T12:00:00+08:00`).add(1, 'day').toDate());
    fixClock(shanghai(dayAfter, '09:00'));
    expect(coll('vacancies').find({ _id: soonest.id })[0]).toMatchObject({ status: 'published' });
    const res = await as(LI)('matching', 'mine');
    const shown = res.data.items.map((i: any) => i.vacancy);
    expect(shown.map((v: any) => v.id)).not.toContain(soonest.id);
    for (const v of shown) expect(v.validUntil >= dayAfter).toBe(true);
  });

  it('every recommendation of every demo seeker, and every stored one, is open', async () => {
    const today = tomorrow();
    fixClock(shanghai(today, '03:05'));
    await cloud.scheduler.runTimer('matching');
    for (const r of openRegistrations()) {
      const stored = coll('recommendations').find({ _id: r._id })[0] as any;
      const ids = [
        ...stored.items.map((i: any) => i.vacancyId),
        stored.extras.publicWelfare?.vacancyId,
        stored.extras.internship?.vacancyId,
      ].filter(Boolean);
      for (const id of ids) {
        const v = coll('vacancies').find({ _id: id })[0] as any;
        expect(v.status).toBe('published');
        expect(v.validUntil >= today).toBe(true);
      }
    }
    const closedIds = coll('vacancies')
      .find({ status: { $ne: 'published' } })
      .map((v: any) => v._id);
    expect(closedIds.length).toBeGreaterThan(0);
    for (const r of coll('recommendations').find({}) as any[]) {
      for (const i of r.items) expect(closedIds).not.toContain(i.vacancyId);
    }
  });
});

describe('a newly published vacancy', () => {
  it('reaches the seekers it beats at once (page) and in the stored lists (timer), exactly', async () => {
    const saved = await as(EMPLOYER)('employer', 'saveVacancy', forLi());
    expect(saved.ok).toBe(true);
    expect(saved.data.vacancy.status).toBe('published');
    const id = saved.data.vacancy.id;
    expect(coll('match_queue').find({ _id: `vacancy:${id}` })).toHaveLength(1);

    // Before the timer ran: her page already has it, with its reasons.
    const page = await as(LI)('matching', 'mine');
    expect(page.data.items[0]).toMatchObject({
      vacancy: { id },
      reasons: expect.arrayContaining(['意向职业一致：家政服务员', '今天新发布']),
    });

    const others = openRegistrations().filter((r) => r.openid !== LI);
    const before = new Map(
      others.map((r) => [r._id, JSON.stringify(coll('recommendations').find({ _id: r._id })[0])]),
    );
    await cloud.scheduler.runTimer('matching');
    expect(coll('match_queue').count()).toBe(0);
    // Each stored list now equals a full exhaustive ranking (merge = recompute).
    const today = dateKey(new Date());
    for (const r of openRegistrations()) {
      const stored = coll('recommendations').find({ _id: r._id })[0] as any;
      const expected = reference(r.openid, today);
      expect(stored.items.map((i: any) => [i.vacancyId, i.score])).toEqual(
        expected.map((e) => [e.vacancyId, e.score]),
      );
      const changed = before.get(r._id) !== JSON.stringify(stored);
      if (r.openid !== LI) expect(changed).toBe(stored.items.some((i: any) => i.vacancyId === id));
    }
    expect(storedFor(LI)).toMatchObject({ trigger: expect.stringMatching(/vacancy|onDemand/) });
  });

  it('the pass over seekers resumes from its cursor when its budget runs out', async () => {
    // 600 extra active seekers: more than one page of the vacancy pass (500).
    insertFixtures(600);
    fixClock(shanghai(tomorrow(), '03:05'));
    await cloud.scheduler.runTimer('matching');
    expect(coll('recommendations').count()).toBe(openRegistrations().length);
    process.env.NUANXIN_TIMER_BUDGET_MS = '0';
    const saved = await as(EMPLOYER)('employer', 'saveVacancy', forLi({ township: '370811002' }));
    const id = saved.data.vacancy.id;
    await cloud.scheduler.runTimer('matching');
    expect(coll('match_queue').find({ _id: `vacancy:${id}` })[0]).toMatchObject({
      cursor: expect.any(String),
    });
    let runs = 1;
    while (coll('match_queue').count() > 0 && runs < 50) {
      await cloud.scheduler.runTimer('matching');
      runs += 1;
    }
    expect(coll('match_queue').count()).toBe(0);
    expect(runs).toBeGreaterThan(1);
    const holding = coll('recommendations').count({ 'items.vacancyId': id });
    expect(holding).toBeGreaterThan(500);
  });
});

/** Active registrations straight into the store (fixtures, as the registration timer test does). */
function insertFixtures(n: number) {
  const now = new Date();
  for (let i = 0; i < n; i += 1) {
    coll('registrations').insert({
      openid: `fixture-${i}`,
      status: 'registered',
      activeKey: `fixture:${i}`,
      step: 3,
      identity: {
        birthDate: '1985-03-03',
        sex: i % 2 ? 'male' : 'female',
        education: 'seniorHigh',
        township: '370811002',
        location: null,
      },
      work: { separationDate: null },
      declarations: {},
      wishes: {
        occupations: [i % 3 ? '4-10-01-06' : '4-02-06-01'],
        salaryMin: 2500,
        salaryMax: 5000,
        commuteKm: 30,
        workTypes: ['fullTime'],
      },
      verified: {},
      tags: [],
      employmentDifficulty: false,
      township: '370811002',
      caseworkerOpenid: null,
      consentWithdrawnAt: null,
      submittedAt: now,
      registeredAt: now,
      closedAt: null,
      closeReason: null,
      createdAt: now,
      updatedAt: now,
    });
  }
}

describe('the nightly pass', () => {
  it('runs from 03:00 Shanghai, in pages, resuming from its cursor, once a day', async () => {
    insertFixtures(250);
    const total = openRegistrations().length;
    process.env.NUANXIN_TIMER_BUDGET_MS = '0';
    const day = tomorrow();
    const job = () => coll('jobs').find({ _id: 'matching.nightly' })[0] as any;
    const computedOn = (at: Date) => coll('recommendations').count({ computedAt: at });

    // At 02:30 the day has changed but its pass has not started (the seed's run may have done
    // today's, depending on the hour the test runs).
    const seeded = job();
    const early = shanghai(day, '02:30');
    fixClock(early);
    await cloud.scheduler.runTimer('matching', early);
    expect(job()).toEqual(seeded);
    expect(computedOn(early)).toBe(0);

    const first = shanghai(day, '03:00');
    fixClock(first);
    await cloud.scheduler.runTimer('matching', first);
    expect(job()).toMatchObject({ cursor: expect.any(String), processed: 100, passDay: day });
    expect(computedOn(first)).toBe(100);

    const second = shanghai(day, '03:01');
    fixClock(second);
    await cloud.scheduler.runTimer('matching', second);
    expect(job()).toMatchObject({ processed: 200, cursor: expect.any(String) });
    // The last completed pass is still the one before (or none).
    expect(job().lastCompletedAt === null || +job().lastCompletedAt < +first).toBe(true);
    expect(computedOn(second)).toBe(100);

    let at = second;
    for (let minute = 2; job().cursor !== null; minute += 1) {
      at = shanghai(day, `03:${String(minute).padStart(2, '0')}`);
      fixClock(at);
      await cloud.scheduler.runTimer('matching', at);
    }
    expect(job()).toMatchObject({ cursor: null, lastCompletedAt: at, processed: total });
    const all = coll('recommendations').find({}) as any[];
    expect(all).toHaveLength(total);
    for (const r of all) {
      expect(r.trigger).toBe('nightly');
      expect(dateKey(r.computedAt)).toBe(day);
    }

    // Later that day: done, nothing recomputed.
    const later = shanghai(day, '05:00');
    fixClock(later);
    const writes = cloud.writeCount();
    await cloud.scheduler.runTimer('matching', later);
    expect(cloud.writeCount()).toBe(writes);
  });

  it('someone who withdrew consent gets nothing, and the next pass forgets their list', async () => {
    expect(storedFor(LI)).toBeDefined();
    const withdrawn = await as(LI)('registration', 'withdrawConsent');
    expect(withdrawn.ok).toBe(true);
    const before = cloud.writeCount();
    const res = await as(LI)('matching', 'mine');
    expect(res.data).toMatchObject({ state: 'consentWithdrawn', items: [] });
    expect(cloud.writeCount()).toBe(before);
    fixClock(shanghai(tomorrow(), '03:05'));
    await cloud.scheduler.runTimer('matching');
    expect(coll('recommendations').count({ openid: LI })).toBe(0);
  });

  it('skips people who turned personalisation off', async () => {
    const res = await as(LI)('matching', 'setPreferences', {
      personalised: false,
      suggestToEmployers: false,
    });
    expect(res.ok).toBe(true);
    const at = shanghai(tomorrow(), '03:10');
    fixClock(at);
    await cloud.scheduler.runTimer('matching', at);
    expect(coll('recommendations').count({ openid: LI })).toBe(0);
    expect(coll('recommendations').count({ computedAt: at })).toBe(openRegistrations().length - 1);
  });
});

describe('preferences', () => {
  it('defaults: personalised, not suggested to employers', async () => {
    const res = await as(LI)('matching', 'preferences');
    expect(res.data.preferences).toEqual({
      personalised: true,
      suggestToEmployers: false,
      updatedAt: null,
    });
  });

  it('turning personalisation off forgets the ranking and says how to turn it on', async () => {
    expect(storedFor(LI)).toBeDefined();
    await as(LI)('matching', 'setPreferences', { personalised: false, suggestToEmployers: false });
    expect(storedFor(LI)).toBeUndefined();
    const before = cloud.writeCount();
    const res = await as(LI)('matching', 'mine');
    expect(res.data).toMatchObject({
      state: 'personalisationOff',
      explanation: PERSONALISATION_OFF_NOTICE,
      items: [],
      preferences: { personalised: false },
    });
    expect(cloud.writeCount()).toBe(before);

    await as(LI)('matching', 'setPreferences', { personalised: true, suggestToEmployers: false });
    const back = await as(LI)('matching', 'mine');
    expect(back.data.state).toBe('ok');
    expect(back.data.items).toHaveLength(10);
  });

  it('an invalid setting is refused field by field and writes nothing', async () => {
    const before = cloud.writeCount();
    const res = await as(LI)('matching', 'setPreferences', { personalised: 'yes' });
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(res.error.fields).toHaveProperty('personalised');
    expect(res.error.fields).toHaveProperty('suggestToEmployers');
    expect(cloud.writeCount()).toBe(before);
  });

  it('only citizens have recommendations and settings', async () => {
    for (const action of ['mine', 'preferences']) {
      const res = await as(EMPLOYER)('matching', action);
      expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });
});

describe('suggested candidates (employer)', () => {
  /** demo-employer-1's open vacancy closest to 李秀英's wishes. */
  async function vacancyForLi(): Promise<string> {
    const saved = await as(EMPLOYER)('employer', 'saveVacancy', forLi());
    return saved.data.vacancy.id;
  }

  it('lists only seekers who agreed, masked, with reasons that tell no key group', async () => {
    const vacancyId = await vacancyForLi();
    const none = await as(EMPLOYER)('matching', 'suggestedCandidates', { vacancyId });
    expect(none.data.candidates).toEqual([]);

    await as(LI)('matching', 'setPreferences', { personalised: true, suggestToEmployers: true });
    await as(ZHANG)('matching', 'setPreferences', { personalised: true, suggestToEmployers: true });
    const res = await as(EMPLOYER)('matching', 'suggestedCandidates', { vacancyId });
    expect(res.ok).toBe(true);
    expect(res.data.explanation).toMatch(/同意/);
    const li = registrationOf(LI);
    // 张伟's wishes (仓储, 保安) are far from 家政: not suggested for this one.
    expect(res.data.candidates).toEqual([
      {
        candidateId: li._id,
        maskedName: '李某',
        ageBand: '45–54岁',
        educationLabel: '高中',
        townshipLabel: '任城区 李营街道',
        reasons: expect.arrayContaining(['意向职业一致：家政服务员']),
        invited: false,
      },
    ]);
    // Distances in bands only: exact figures from several sites would locate a home.
    const distance = res.data.candidates[0].reasons.find((r: string) => r.includes('公里'));
    expect(distance).toMatch(/^居住地距岗位 (3 公里以内|3–10 公里|10 公里以上)$/);
    const text = JSON.stringify(res.data.candidates);
    expect(text).not.toContain('李秀英');
    expect(text).not.toContain(li.identity.mobile);
    expect(text).not.toContain(li.identity.idMasked);
    expect(text).not.toMatch(/就业困难|援助对象|离校2年|残疾|低保|您/);
  });

  it('a 公益性岗位 lists nobody: being listed would reveal a 就业困难人员', async () => {
    const saved = await as(EMPLOYER)(
      'employer',
      'saveVacancy',
      forLi({ flags: { publicWelfare: true } }),
    );
    await as(LI)('matching', 'setPreferences', { personalised: true, suggestToEmployers: true });
    const res = await as(EMPLOYER)('matching', 'suggestedCandidates', {
      vacancyId: saved.data.vacancy.id,
    });
    expect(res.data.candidates).toEqual([]);
    expect(res.data.explanation).toMatch(/公益性岗位/);
  });

  it('another company’s vacancy is not found; a closed one cannot be used', async () => {
    const vacancyId = await vacancyForLi();
    const other = await as(OTHER_EMPLOYER)('matching', 'suggestedCandidates', { vacancyId });
    expect(other).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await as(EMPLOYER)('employer', 'setVacancyStatus', {
      vacancyId,
      event: 'close',
      closeReason: 'withdrawn',
    });
    const closed = await as(EMPLOYER)('matching', 'suggestedCandidates', { vacancyId });
    expect(closed).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('an invitation sent by subscription message uses one of the person’s push subscriptions', async () => {
    const vacancyId = await vacancyForLi();
    await as(LI)('matching', 'setPreferences', { personalised: true, suggestToEmployers: true });
    cloud.grantSubscription(LI, 'local-jobRecommendation');
    const consent = await as(LI)('push', 'consent', { templateIds: ['local-jobRecommendation'] });
    expect(consent.data.remaining).toBe(1);
    const res = await as(EMPLOYER)('matching', 'inviteCandidate', {
      vacancyId,
      candidateId: registrationOf(LI)._id,
    });
    expect(res.data).toEqual({ invited: true, delivery: 'subscription' });
    expect((await as(LI)('push', 'mine', {})).data.remaining).toBe(0);
  });

  it('inviting tells the seeker once, with a link to the vacancy, and is logged', async () => {
    const vacancyId = await vacancyForLi();
    await as(LI)('matching', 'setPreferences', { personalised: true, suggestToEmployers: true });
    const candidateId = registrationOf(LI)._id;

    const first = await as(EMPLOYER)('matching', 'inviteCandidate', { vacancyId, candidateId });
    expect(first.data).toEqual({ invited: true, delivery: 'inApp' });
    const messages = coll('messages').find({ openid: LI, kind: 'jobRecommendation' }) as any[];
    expect(messages).toHaveLength(1);
    expect(messages[0].page).toBe(`packages/seeker/jobs/detail/index?id=${vacancyId}`);
    expect(messages[0].body).toMatch(/邀请您投递/);
    expect(
      coll('audit_log').count({ action: 'matching.inviteCandidate', subjectId: candidateId }),
    ).toBe(1);

    const again = await as(EMPLOYER)('matching', 'inviteCandidate', { vacancyId, candidateId });
    expect(again.data).toEqual({ invited: false, delivery: null });
    expect(coll('messages').count({ openid: LI, kind: 'jobRecommendation' })).toBe(1);
    expect(coll('match_invitations').count()).toBe(1);

    const list = await as(EMPLOYER)('matching', 'suggestedCandidates', { vacancyId });
    expect(list.data.candidates[0]).toMatchObject({ candidateId, invited: true });
  });

  it('with a subscription the invitation goes as a subscription message', async () => {
    const vacancyId = await vacancyForLi();
    await as(LI)('matching', 'setPreferences', { personalised: true, suggestToEmployers: true });
    cloud.grantSubscription(LI, 'local-jobRecommendation');
    const res = await as(EMPLOYER)('matching', 'inviteCandidate', {
      vacancyId,
      candidateId: registrationOf(LI)._id,
    });
    expect(res.data).toEqual({ invited: true, delivery: 'subscription' });
    const [sent] = cloud.outbox().filter((m) => m.touser === LI);
    expect(sent).toMatchObject({ templateId: 'local-jobRecommendation' });
    for (const field of Object.values(sent!.data as Record<string, { value: string }>)) {
      expect([...field.value].length).toBeLessThanOrEqual(20);
    }
  });

  it('on a 公益性 or 见习 vacancy an invitation answers the same for group members and others', async () => {
    // Two people alike in everything the matcher looks at but the key group: a 就业困难人员
    // (unemployed over a year) and not; a 离校2年内 graduate and not. Each agreed to be suggested,
    // so the employer may have their ids from suggestions on another vacancy.
    const wishes = { occupations: ['4-02-06-01'], township: '370811002' };
    const people: Record<string, string> = {
      'wx-difficult': await registered(
        cloud,
        'wx-difficult',
        makeSeeker({ ...wishes, separationDate: dateKey(dayjs().subtract(400, 'day').toDate()) })
          .sections,
      ),
      'wx-ordinary': await registered(cloud, 'wx-ordinary', makeSeeker(wishes).sections),
      'wx-graduate': await registered(cloud, 'wx-graduate', makeGraduate(wishes).sections),
      'wx-not-graduate': await registered(
        cloud,
        'wx-not-graduate',
        makeSeeker({ ...wishes, age: 23, education: 'bachelor' }).sections,
      ),
    };
    for (const openid of Object.keys(people)) {
      await as(openid)('matching', 'setPreferences', {
        personalised: true,
        suggestToEmployers: true,
      });
    }
    const vacancy = async (flags: Record<string, boolean>) => {
      const saved = await as(EMPLOYER)(
        'employer',
        'saveVacancy',
        forLi({ occupationCode: '4-02-06-01', township: '370811002', flags }),
      );
      expect(saved.data.vacancy.status).toBe('published');
      return saved.data.vacancy.id as string;
    };
    const cases = [
      { vacancyId: await vacancy({ publicWelfare: true }), pair: ['wx-difficult', 'wx-ordinary'] },
      { vacancyId: await vacancy({ internship: true }), pair: ['wx-graduate', 'wx-not-graduate'] },
    ];
    for (const { vacancyId, pair } of cases) {
      const before = cloud.writeCount();
      const unknown = await as(EMPLOYER)('matching', 'inviteCandidate', {
        vacancyId,
        candidateId: 'no-such-registration',
      });
      expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      for (const openid of pair) {
        const res = await as(EMPLOYER)('matching', 'inviteCandidate', {
          vacancyId,
          candidateId: people[openid],
        });
        expect(res).toEqual(unknown);
      }
      expect(cloud.writeCount()).toBe(before);
      // Nobody is listed for it either: the list would tell the same.
      const listed = await as(EMPLOYER)('matching', 'suggestedCandidates', { vacancyId });
      expect(listed.data.candidates).toEqual([]);
    }
    expect(coll('match_invitations').count()).toBe(0);
    expect(coll('messages').count({ kind: 'jobRecommendation' })).toBe(0);
  });

  it('refusals write nothing: not consenting, validation, another company', async () => {
    const vacancyId = await vacancyForLi();
    const candidateId = registrationOf(LI)._id;
    let before = cloud.writeCount();
    const notAgreed = await as(EMPLOYER)('matching', 'inviteCandidate', {
      vacancyId,
      candidateId,
    });
    expect(notAgreed).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(cloud.writeCount()).toBe(before);

    await as(LI)('matching', 'setPreferences', { personalised: true, suggestToEmployers: true });
    before = cloud.writeCount();
    const invalid = await as(EMPLOYER)('matching', 'inviteCandidate', { vacancyId });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(invalid.error.fields).toHaveProperty('candidateId');
    const other = await as(OTHER_EMPLOYER)('matching', 'inviteCandidate', {
      vacancyId,
      candidateId,
    });
    expect(other).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const citizen = await as(ZHANG)('matching', 'inviteCandidate', { vacancyId, candidateId });
    expect(citizen).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(cloud.writeCount()).toBe(before);
  });
});
