/**
 * Generated seekers and vacancies over the demo city (济宁市) for the matching bench: seeded, so
 * every worker and every run makes the same data. The spread follows what a city's public
 * employment service sees: vacancies concentrated in the urban 街道 of 任城区/高新区 and the county
 * seats, seekers spread wider; occupations clustered in a few common groups (logistics,
 * catering, cleaning and security, retail, care, manufacturing trades) with a long tail over the
 * whole classification.
 */
import { TOWNSHIPS, type Township } from '@nuanxin/shared';
import { listOccupations } from '@nuanxin/shared/src/data/occupations';
import type {
  EducationLevel,
  MatchSeeker,
  MatchVacancy,
  WorkType,
} from '@nuanxin/shared/src/matching';

/** mulberry32: small, fast, seeded. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;

function weighted<T>(items: readonly T[], weights: readonly number[]): (r: Rand) => T {
  const cumulative: number[] = [];
  let total = 0;
  for (const w of weights) cumulative.push((total += w));
  return (r) => {
    const x = r() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return items[lo]!;
  };
}

const pick = <T>(r: Rand, items: readonly T[]): T => items[Math.floor(r() * items.length)]!;
const gaussian = (r: Rand) => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());

/** Jobs a public employment service handles most, in rough order of volume. */
const COMMON = [
  '4-02-05-01', // 装卸搬运工
  '4-02-06-01', // 仓储管理员
  '4-02-07-08', // 快递员
  '4-10-08-01', // 网约配送员
  '4-03-02-05', // 餐厅服务员
  '4-03-02-01', // 中式烹调师
  '4-09-08-01', // 保洁员
  '4-07-05-01', // 保安员
  '4-01-02-03', // 商品营业员
  '4-01-02-04', // 收银员
  '6-31-05-00', // 包装工
  '4-10-01-05', // 养老护理员
  '4-10-01-06', // 家政服务员
  '6-31-01-03', // 电工
  '6-18-02-04', // 焊工
  '6-05-01-03', // 缝纫工
  '4-01-02-01', // 营销员
  '4-07-02-03', // 客户服务管理员
  '4-12-01-01', // 汽车维修工
  '4-02-02-02', // 道路货运汽车驾驶员
  '4-03-01-02', // 客房服务员
  '4-10-01-03', // 保育师
  '4-01-06-01', // 电子商务师
  '6-18-01-01', // 车工
  '6-20-01-01', // 装配钳工
  '6-29-01-01', // 砌筑工
  '6-29-01-04', // 钢筋工
  '4-10-03-02', // 美发师
  '4-04-05-03', // 呼叫中心服务员
  '5-01-02-01', // 农艺工
  '6-25-04-07', // 电子设备装接工
  '6-11-01-03', // 化工总控工
  '3-01-02-02', // 秘书
  '2-06-03-00', // 会计专业人员
  '4-04-05-01', // 计算机程序设计员
];

const CERTIFICATES = [
  '电工证',
  '焊工证',
  '叉车证',
  '健康证',
  '驾驶证C1',
  '驾驶证A2',
  '养老护理员证',
];
const EDUCATION: EducationLevel[] = [
  'primary',
  'juniorHigh',
  'seniorHigh',
  'secondaryVocational',
  'juniorCollege',
  'bachelor',
  'master',
];
const WORK_TYPES: WorkType[] = ['fullTime', 'partTime', 'flexible'];
const URBAN_COUNTIES: Record<string, number> = {
  '370811': 2.2, // 任城区
  '370871': 2, // 高新区
  '370812': 1.3, // 兖州区
  '370883': 1.4, // 邹城市
  '370881': 1.2, // 曲阜市
};

function townshipWeight(t: Township): number {
  const kind = t.name.endsWith('街道') ? 5 : t.name.endsWith('乡') ? 0.6 : 1.4;
  return kind * (URBAN_COUNTIES[t.county] ?? 1);
}

function occupationSampler() {
  const leaves = listOccupations('occupation').filter((o) => !o.code.startsWith('7-'));
  const byMiddle = new Map<string, string[]>();
  for (const o of leaves) {
    const middle = o.code.slice(0, 4);
    byMiddle.set(middle, [...(byMiddle.get(middle) ?? []), o.code]);
  }
  const common = weighted(
    COMMON,
    COMMON.map((_, rank) => 1 / (rank + 1) ** 0.8),
  );
  const draw = (r: Rand): string => {
    const x = r();
    if (x < 0.55) return common(r);
    // Clustering: a neighbour of a common job in the same middle category.
    if (x < 0.8) return pick(r, byMiddle.get(common(r).slice(0, 4)) ?? COMMON);
    return pick(r, leaves).code;
  };
  const related = (r: Rand, code: string): string =>
    r() < 0.6 ? pick(r, byMiddle.get(code.slice(0, 4)) ?? [code]) : draw(r);
  return { draw, related };
}

const DAY = 86_400_000;
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const round = (x: number, step: number) => Math.round(x / step) * step;

export interface CityData {
  seekers: MatchSeeker[];
  vacancies: MatchVacancy[];
}

/** `seekerCount` seekers and `vacancyCount` vacancies for `today`, the same for the same seed. */
export function generateCity(
  seekerCount: number,
  vacancyCount: number,
  today: string,
  seed = 20260601,
): CityData {
  const r = random(seed);
  const occupations = occupationSampler();
  const vacancyTownship = weighted(
    TOWNSHIPS,
    TOWNSHIPS.map((t) => townshipWeight(t) ** 1.5),
  );
  const seekerTownship = weighted(TOWNSHIPS, TOWNSHIPS.map(townshipWeight));
  const jitter = (t: Township, km: number) => ({
    lat: +(t.lat + (gaussian(r) * km) / 111.2).toFixed(5),
    lng: +(t.lng + (gaussian(r) * km) / (111.2 * Math.cos((t.lat * Math.PI) / 180))).toFixed(5),
  });

  const vacancies: MatchVacancy[] = [];
  for (let i = 0; i < vacancyCount; i += 1) {
    const t = vacancyTownship(r);
    const salaryMin = round(1900 + r() * r() * 7000, 100);
    const headcount = 1 + Math.floor(r() * r() * 20);
    const s = r();
    vacancies.push({
      id: `v${String(i).padStart(6, '0')}`,
      occupationCode: occupations.draw(r),
      // Most postings give the township only (the posting form asks for no map point).
      location: r() < 0.4 ? jitter(t, 1.2) : null,
      township: t.code,
      salaryMin,
      salaryMax: salaryMin + round(r() * 3000, 100),
      workType: weighted(WORK_TYPES, [80, 12, 8])(r),
      minEducation: r() < 0.4 ? null : pick(r, EDUCATION.slice(0, 6)),
      minExperienceYears: r() < 0.5 ? 0 : Math.floor(r() * 6),
      certificates: r() < 0.15 ? [pick(r, CERTIFICATES)] : [],
      flags: {
        publicWelfare: r() < 0.04,
        internship: r() < 0.04,
        assistance: r() < 0.06,
        disabilityFriendly: r() < 0.05,
      },
      status: s < 0.85 ? 'published' : s < 0.9 ? 'paused' : s < 0.93 ? 'closed' : 'expired',
      validUntil: addDays(today, Math.floor(r() * 100) - 10),
      publishedAt: addDays(today, -Math.floor(r() * 90)),
      headcount,
      hiredCount: r() < 0.1 ? headcount : Math.floor(r() * headcount),
    });
  }

  const commute = weighted([3, 5, 10, 15, 20, 30, 50], [10, 20, 30, 15, 15, 7, 3]);
  const seekers: MatchSeeker[] = [];
  for (let i = 0; i < seekerCount; i += 1) {
    const t = seekerTownship(r);
    const first = occupations.draw(r);
    const wishes = [first];
    const more = Math.floor(r() * 3);
    for (let j = 0; j < more; j += 1) wishes.push(occupations.related(r, first));
    const graduate = r() < 0.08;
    const difficulty = r() < 0.15;
    const tags = [
      ...(graduate ? (['recentGraduate'] as const) : []),
      ...(difficulty
        ? [pick(r, ['older', 'longTermUnemployed', 'dibao', 'disabled'] as const)]
        : []),
      ...(r() < 0.03 ? (['veteran'] as const) : []),
    ];
    const applied: string[] = [];
    const pushed: Record<string, string> = {};
    const appliedCount = Math.floor(r() * r() * 4);
    for (let j = 0; j < appliedCount; j += 1) {
      applied.push(`v${String(Math.floor(r() * vacancyCount)).padStart(6, '0')}`);
    }
    const pushedCount = Math.floor(r() * 6);
    for (let j = 0; j < pushedCount; j += 1) {
      pushed[`v${String(Math.floor(r() * vacancyCount)).padStart(6, '0')}`] = addDays(
        today,
        -Math.floor(r() * 60),
      );
    }
    const types = WORK_TYPES.filter((_, k) => (k === 0 ? r() < 0.9 : r() < 0.3));
    seekers.push({
      id: `s${String(i).padStart(6, '0')}`,
      occupationCodes: [...new Set(wishes)],
      home: r() < 0.75 ? jitter(t, 1.5) : null,
      township: t.code,
      maxCommuteKm: commute(r),
      salaryExpectation: r() < 0.1 ? null : round(2000 + r() * 4500, 100),
      workTypes: types.length > 0 ? types : ['fullTime'],
      education: pick(r, EDUCATION),
      experienceYears: Math.floor(r() * r() * 20),
      certificates: r() < 0.25 ? [pick(r, CERTIFICATES)] : [],
      tags,
      wantsInternship: graduate && r() < 0.5,
      appliedVacancyIds: applied,
      recentlyPushed: pushed,
    });
  }
  return { seekers, vacancies };
}
