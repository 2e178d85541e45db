/**
 * `npm run bench -- recommendations [--seekers N] [--vacancies N] [--samples N]`
 *
 * Issue 5's gateway bars at scale: the recommendations page's call (`matching.mine`) p95 ≤ 300 ms
 * through the local HTTP gateway, and a new registrant seeing recommendations within 10 s of
 * submitting. The local cloud gets the demo city plus N generated registered seekers and M
 * vacancies (bench/src/matchingData.ts: the same realistic spread as the matching bench), with
 * their applications and recent pushes, written straight into the store. Every seeker's top-10
 * is then computed by the matching function's own timer (the nightly pass, page by page), and
 * the calls go over HTTP as a phone's would. Prints JSON and keeps it in
 * bench/results/recommendations.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';

import {
  createLocalCloud,
  demoIdNumber,
  loadCloudFunctions,
  seedDemo,
  startGateway,
  type LocalCloud,
} from '@nuanxin/local';
import {
  COLLECTION_NAMES,
  CONSENT_VERSION,
  dateKey,
  dayjs,
  inShanghai,
  type KeyGroupTag,
} from '@nuanxin/shared';
import type { MatchSeeker, MatchVacancy } from '@nuanxin/shared/src/matching';

import { generateCity } from './matchingData';

const BAR_P95_MS = 300;
const BAR_NEW_REGISTRANT_MS = 10_000;

function flag(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(name);
  const value = i >= 0 ? Number(args[i + 1]) : fallback;
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} 应为非负数`);
  return value;
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
  return {
    n: sorted.length,
    meanMs: +(sorted.reduce((s, v) => s + v, 0) / sorted.length).toFixed(2),
    p50Ms: +at(0.5).toFixed(2),
    p95Ms: +at(0.95).toFixed(2),
    maxMs: +sorted[sorted.length - 1]!.toFixed(2),
  };
}

const rssMiB = () => Math.round(process.memoryUsage().rss / 2 ** 20);
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;

// ── the generated city as stored records ────────────────────────────────────────────────────

function daysBefore(today: string, days: number): string {
  return dateKey(dayjs(`${today}T12:00:00+08:00`).subtract(days, 'day').toDate());
}

/** A birth date, separation and verifications that derive (about) the generated tags. */
function personOf(s: MatchSeeker, today: string, i: number) {
  const has = (t: KeyGroupTag) => s.tags.includes(t);
  const male = i % 2 === 0;
  const age = has('older') ? (male ? 53 : 44) : has('recentGraduate') ? 23 : 25 + (i % 20);
  const birthDate = `${Number(today.slice(0, 4)) - age}-03-15`;
  const verified: Record<string, boolean> = {};
  for (const t of ['dibao', 'disabled', 'veteran'] as const) if (has(t)) verified[t] = true;
  return {
    birthDate,
    sex: male ? ('male' as const) : ('female' as const),
    separationDate: has('longTermUnemployed') ? daysBefore(today, 420) : daysBefore(today, 60),
    graduationDate: has('recentGraduate') ? daysBefore(today, 100) : null,
    verified,
  };
}

function insertCity(
  cloud: LocalCloud,
  seekers: readonly MatchSeeker[],
  vacancies: readonly MatchVacancy[],
  today: string,
) {
  const now = new Date();
  const companies = cloud.store.collection('companies');
  const companyIds: string[] = [];
  const companyCount = Math.max(1, Math.ceil(vacancies.length / 25));
  for (let i = 0; i < companyCount; i += 1) {
    companyIds.push(
      companies.insert({
        name: `压测企业${i + 1}`,
        uscc: `BENCH${String(i).padStart(13, '0')}`,
        industry: 'C',
        township: vacancies[i % vacancies.length]?.township ?? '370811002',
        status: 'verified',
        createdAt: now,
        updatedAt: now,
      }),
    );
  }
  const vacancyColl = cloud.store.collection('vacancies');
  const vacancyCompany = new Map<string, string>();
  vacancies.forEach((v, i) => {
    const companyId = companyIds[i % companyIds.length]!;
    vacancyCompany.set(v.id, companyId);
    vacancyColl.insert({
      _id: v.id,
      companyId,
      companyName: `压测企业${(i % companyIds.length) + 1}`,
      title: `岗位${i + 1}`,
      description: '压测生成的岗位。',
      occupationCode: v.occupationCode,
      headcount: v.headcount,
      salaryMin: v.salaryMin,
      salaryMax: v.salaryMax,
      workType: v.workType,
      township: v.township,
      location: v.location,
      requirements: '',
      minEducation: v.minEducation,
      minExperienceYears: v.minExperienceYears,
      certificates: [...v.certificates],
      benefits: '',
      flags: v.flags,
      validUntil: v.validUntil,
      status: v.status,
      reviewFindings: [],
      awaitsCompany: false,
      rejectReason: null,
      closeReason: v.status === 'closed' ? 'filled' : null,
      createdBy: 'bench',
      createdAt: new Date(`${v.publishedAt}T09:00:00+08:00`),
      updatedAt: now,
    });
  });

  const registrations = cloud.store.collection('registrations');
  const applications = cloud.store.collection('applications');
  const pushes = COLLECTION_NAMES.includes('pushes' as never)
    ? cloud.store.collection('pushes')
    : null;
  let applicationCount = 0;
  let pushCount = 0;
  seekers.forEach((s, i) => {
    const openid = `bench-seeker-${i}`;
    const person = personOf(s, today, i);
    const _id = registrations.insert({
      _id: s.id,
      openid,
      status: 'registered',
      activeKey: `bench:${i}`,
      step: 3,
      identity: {
        name: '压测',
        birthDate: person.birthDate,
        sex: person.sex,
        education: s.education,
        graduationDate: person.graduationDate,
        township: s.township,
        location: s.home,
      },
      work: { separationDate: person.separationDate },
      declarations: person.verified,
      wishes: {
        occupations: [...s.occupationCodes],
        salaryMin: s.salaryExpectation ?? 0,
        salaryMax: (s.salaryExpectation ?? 0) + 2000,
        commuteKm: s.maxCommuteKm,
        workTypes: [...s.workTypes],
      },
      verified: person.verified,
      tags: [...s.tags],
      employmentDifficulty: false,
      township: s.township,
      caseworkerOpenid: null,
      consentWithdrawnAt: null,
      submittedAt: now,
      registeredAt: now,
      closedAt: null,
      closeReason: null,
      createdAt: now,
      updatedAt: now,
    });
    for (const vacancyId of new Set(s.appliedVacancyIds)) {
      applications.insert({
        vacancyId,
        companyId: vacancyCompany.get(vacancyId) ?? '',
        openid,
        registrationId: _id,
        status: 'applied',
        appliedAt: now,
        updatedAt: now,
        remindedAt: null,
      });
      applicationCount += 1;
    }
    if (pushes) {
      for (const [vacancyId, day] of Object.entries(s.recentlyPushed)) {
        pushes.insert({
          _id: `${_id}:${vacancyId}`,
          registrationId: _id,
          openid,
          vacancyId,
          at: new Date(`${day}T10:00:00+08:00`),
          month: day.slice(0, 7),
        });
        pushCount += 1;
      }
    }
  });
  return { companies: companyCount, applications: applicationCount, pushes: pushCount };
}

// ── calls over HTTP ─────────────────────────────────────────────────────────────────────────

function poster(url: string) {
  return async (fn: string, action: string, payload: unknown, openid: string) => {
    const res = await fetch(`${url}/cloud/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-wx-openid': openid },
      body: JSON.stringify({ action, payload }),
    });
    // Each action answers its own shape; the bench reads the few fields it needs.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return (await res.json()) as { ok: boolean; data?: any; error?: { message: string } };
  };
}

function newSeekerSections(n: number, today: string) {
  const birthDate = `${Number(today.slice(0, 4)) - 30}-05-0${(n % 9) + 1}`;
  return {
    identity: {
      name: '新登记',
      idNumber: demoIdNumber('370811', birthDate, String(200 + n * 2).padStart(3, '0')),
      retirementCategory: 'female55',
      mobile: '13912345678',
      hukouPlace: '山东省济宁市任城区',
      hukouType: 'urban',
      township: '370811002',
      community: '许庄社区',
      location: { lng: 116.58, lat: 35.42 },
      education: 'seniorHigh',
      graduationDate: null,
    },
    work: {
      lastEmployer: '济宁示例有限公司',
      separationDate: daysBefore(today, 60),
      separationReason: 'contractEnded',
      insured: false,
      claimInsurance: false,
    },
    declarations: {
      disabled: false,
      disabilityCertNo: null,
      dibao: false,
      zeroEmploymentFamily: false,
      povertyAlleviated: false,
      veteran: false,
      returningMigrant: false,
    },
    wishes: {
      occupations: ['4-02-06-01', '4-02-05-01'],
      salaryMin: 3000,
      salaryMax: 4500,
      commuteKm: 10,
      workTypes: ['fullTime'],
      wantsTraining: false,
      trainingNeed: '',
      entrepreneurship: false,
    },
  };
}

/** Submit through the gateway, then the page's call until it shows recommendations. */
async function newRegistrant(post: ReturnType<typeof poster>, n: number, today: string) {
  const openid = `bench-new-${n}-${Date.now()}`;
  const consent = await post('registration', 'giveConsent', { version: CONSENT_VERSION }, openid);
  if (!consent.ok) throw new Error(`consent: ${consent.error?.message}`);
  const draft = await post(
    'registration',
    'saveDraft',
    { step: 3, sections: newSeekerSections(n, today) },
    openid,
  );
  if (!draft.ok) throw new Error(`saveDraft: ${draft.error?.message}`);
  const t0 = process.hrtime.bigint();
  const submitted = await post('registration', 'submit', {}, openid);
  const submitMs = ms(t0);
  if (!submitted.ok) throw new Error(`submit: ${submitted.error?.message}`);
  const t1 = process.hrtime.bigint();
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const mine = await post('matching', 'mine', {}, openid);
    if (mine.ok && mine.data.items.length > 0) {
      return {
        submitMs: +submitMs.toFixed(1),
        firstPageCallMs: +ms(t1).toFixed(1),
        submitToRecommendationsMs: +ms(t0).toFixed(1),
        items: mine.data.items.length as number,
        attempts: attempt + 1,
      };
    }
  }
  throw new Error('no recommendations after 50 calls');
}

export async function runRecommendationsBench(args: string[]): Promise<void> {
  const seekerCount = flag(args, '--seekers', 100_000);
  const vacancyCount = flag(args, '--vacancies', 50_000);
  const samples = flag(args, '--samples', 400);
  // The nightly pass in larger slices than a deployment's 15 s (same code, fewer timer runs).
  process.env.NUANXIN_TIMER_BUDGET_MS = String(flag(args, '--budget-ms', 15_000));
  const started = Date.now();
  const today = dateKey(new Date());
  let peakRss = rssMiB();
  const sample = () => {
    peakRss = Math.max(peakRss, rssMiB());
  };

  // The seed runs the matching timer, which would do today's nightly pass for the demo people
  // only; the function joins after the seed so that the pass below ranks everyone.
  const functions = loadCloudFunctions();
  const matching = functions.matching;
  if (!matching) throw new Error('找不到 matching 云函数');
  delete functions.matching;
  const cloud = await createLocalCloud({ functions });
  let t = process.hrtime.bigint();
  await seedDemo(cloud);
  functions.matching = matching;
  const { seekers, vacancies } = generateCity(seekerCount, vacancyCount, today);
  const inserted = insertCity(cloud, seekers, vacancies, today);
  const seedMs = ms(t);
  sample();

  // Every seeker's top-10 by the function's own nightly pass, run by its timer until done.
  const hour = Number(inShanghai(new Date()).format('H'));
  if (hour < 3) throw new Error('请在 03:00 之后运行（夜间计算从 03:00 开始）');
  t = process.hrtime.bigint();
  let runs = 0;
  const nightly = async () => {
    for (;;) {
      runs += 1;
      await cloud.scheduler.runTimer('matching');
      sample();
      const [job] = cloud.store.collection('jobs').find({ _id: 'matching.nightly' }) as {
        cursor: string | null;
        processed: number;
      }[];
      if (job && job.cursor === null && job.processed >= seekerCount) return job.processed;
      if (runs > 10_000) throw new Error('nightly pass did not finish');
    }
  };
  const processed = await nightly();
  const nightlyMs = ms(t);
  const stored = cloud.store.collection('recommendations').count();

  const gateway = await startGateway({ cloud, port: 0, host: '127.0.0.1' });
  const post = poster(gateway.url);
  // The recommendations page's call, for random registered seekers (stored top-10s).
  for (let i = 0; i < 20; i += 1) await post('matching', 'mine', {}, `bench-seeker-${i}`);
  const pageSamples: number[] = [];
  let items = 0;
  for (let i = 0; i < samples; i += 1) {
    const who = `bench-seeker-${(i * 7919 + 13) % seekerCount}`;
    const t0 = process.hrtime.bigint();
    const res = await post('matching', 'mine', {}, who);
    pageSamples.push(ms(t0));
    if (!res.ok) throw new Error(`mine: ${res.error?.message}`);
    items += res.data.items.length;
  }
  sample();

  // New registrants: with the function instance warm (its vacancy pool built), and cold (the
  // pool built from every open vacancy inside the call).
  const warm = [];
  for (let n = 0; n < 5; n += 1) warm.push(await newRegistrant(post, n, today));
  process.env.NUANXIN_MATCH_POOL_TTL_MS = '0';
  const cold = [];
  for (let n = 5; n < 8; n += 1) cold.push(await newRegistrant(post, n, today));
  delete process.env.NUANXIN_MATCH_POOL_TTL_MS;
  sample();

  // A newly published vacancy: the seeker it suits sees it on their next page call; the timer
  // merges it into every stored top-10 it beats (one pass over the seekers, no recompute).
  const saved = await post(
    'employer',
    'saveVacancy',
    {
      title: '仓库管理员',
      description: '负责出入库登记和盘点。',
      occupationCode: '4-02-06-01',
      headcount: 5,
      salaryMin: 4500,
      salaryMax: 6000,
      workType: 'fullTime',
      township: '370811002',
      requirements: '能使用电脑。',
      benefits: '五险一金。',
    },
    'demo-employer-1',
  );
  if (!saved.ok) throw new Error(`saveVacancy: ${saved.error?.message}`);
  const vacancyId = saved.data.vacancy.id as string;
  t = process.hrtime.bigint();
  let mergeRuns = 0;
  while (cloud.store.collection('match_queue').count({ _id: `vacancy:${vacancyId}` }) > 0) {
    mergeRuns += 1;
    await cloud.scheduler.runTimer('matching');
  }
  const mergeMs = ms(t);
  const holding = cloud.store.collection('recommendations').count({ 'items.vacancyId': vacancyId });
  sample();
  await gateway.close();
  await cloud.close();

  const page = stats(pageSamples);
  const worstNew = Math.max(...[...warm, ...cold].map((r) => r.submitToRecommendationsMs));
  const report = {
    bench: 'recommendations',
    at: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model,
      memoryGiB: +(totalmem() / 2 ** 30).toFixed(1),
      loadAverage: loadavg().map((l) => +l.toFixed(2)),
      node: process.version,
    },
    sizes: {
      seekers: seekerCount,
      vacancies: vacancyCount,
      openVacancies: vacancies.filter((v) => v.status === 'published' && v.validUntil >= today)
        .length,
      ...inserted,
      demoCity: true,
    },
    setup: {
      seedAndInsertMs: Math.round(seedMs),
      nightlyPassMs: Math.round(nightlyMs),
      nightlyTimerRuns: runs,
      nightlyBudgetMsPerRun: Number(process.env.NUANXIN_TIMER_BUDGET_MS),
      seekersRanked: processed,
      recommendationsStored: stored,
    },
    results: {
      recommendationsPage: {
        call: 'POST /cloud/matching {action: mine} over the local HTTP gateway',
        ...page,
        meanItems: +(items / samples).toFixed(2),
        barP95Ms: BAR_P95_MS,
        met: page.p95Ms <= BAR_P95_MS,
      },
      newRegistrant: {
        measured: 'submit (HTTP) → first matching.mine answer with recommendations (HTTP)',
        warm,
        cold,
        worstMs: worstNew,
        barMs: BAR_NEW_REGISTRANT_MS,
        met: worstNew <= BAR_NEW_REGISTRANT_MS,
      },
      newVacancy: {
        measured: 'timer pass merging one new vacancy into every stored top-10 it beats',
        passMs: Math.round(mergeMs),
        timerRuns: mergeRuns,
        seekersNowHoldingIt: holding,
      },
    },
    peakRssMiB: peakRss,
    totalMs: Date.now() - started,
  };
  const out = join(__dirname, '..', 'results');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'recommendations.json'), `${JSON.stringify(report, null, 2)}\n`);
  console.log(JSON.stringify(report, null, 2));
}
