/**
 * score(seeker, vacancy): how well a vacancy fits a registered seeker, with the reasons in
 * Chinese (PIPL 第24条: an automated recommendation says why). Precise matching of the needs
 * ledger and the vacancy ledger (000 §4(1)).
 *
 * The score is a sum of independent factors (weights.ts), each a monotone function of a few
 * vacancy attributes; topK.ts relies on exactly that to bound whole blocks of vacancies. Both the
 * exhaustive ranking and the top-K search call `evaluate` below, so they agree to the last bit.
 */
import { EDUCATION_LABELS, VACANCY_WORK_TYPE_LABELS } from '../contracts/registration/schemas';
import { findOccupation } from '../data/occupations';
import { findTownship } from '../data/places';
import {
  DEFAULT_DIFFICULTY_RULE,
  isEmploymentDifficulty,
  type DifficultyRule,
} from '../eligibility/keyGroups';
import { dateKey } from '../time';

import { DEG, haversineKm } from './geo';
import type {
  EducationLevel,
  MatchContext,
  MatchSeeker,
  MatchVacancy,
  ScoreResult,
  WorkType,
} from './types';
import {
  ASSISTED_TAGS,
  EDUCATION_RANK,
  FRESH_DAYS,
  JOB_CIRCLE_KM,
  MATCH_WEIGHTS,
  NEW_DAYS,
  PUSH_COOLDOWN_DAYS,
  type MatchWeights,
  weightValues,
} from './weights';

// ---------------------------------------------------------------------------------------------
// Encodings

export const WORK_TYPE_BIT: Record<WorkType, number> = { fullTime: 1, partTime: 2, flexible: 4 };

export const FLAG_PUBLIC_WELFARE = 1;
export const FLAG_INTERNSHIP = 2;
export const FLAG_ASSISTANCE = 4;
export const FLAG_DISABILITY_FRIENDLY = 8;

/** Occupation tiers, most specific first; NO_MATCH shares no category with any wish. */
export const TIER_OCCUPATION = 0;
export const TIER_MINOR = 1;
export const TIER_MIDDLE = 2;
export const TIER_MAJOR = 3;
export const TIER_NONE = 4;

const DAY_MS = 86_400_000;
const DAY_TEXT = /^\d{4}-\d{2}-\d{2}$/;

/** Days since 1970-01-01 of a Shanghai calendar day, or of the Shanghai day of an instant. */
export function dayNumber(text: string): number {
  const day = DAY_TEXT.test(text) ? text : dateKey(text);
  return (
    Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) /
    DAY_MS
  );
}

const codeIds = new Map<string, number>();

/**
 * A small integer per occupation code, so the hot path compares numbers, not strings. The table
 * only grows (by the codes seen, at most the classification's ~2 200) and ids are compared for
 * equality only, so results never depend on the order codes were first seen.
 */
export function codeId(code: string | null): number {
  if (code === null) return -1;
  let id = codeIds.get(code);
  if (id === undefined) {
    id = codeIds.size;
    codeIds.set(code, id);
  }
  return id;
}

/** '4-02-06-01' → ['4-02-06-01', '4-02-06', '4-02', '4'] (null where the code is shorter). */
export function codeLevels(code: string): (string | null)[] {
  const parts = code.split('-');
  return [3, 2, 1, 0].map((last) =>
    parts.length > last ? parts.slice(0, last + 1).join('-') : null,
  );
}

// ---------------------------------------------------------------------------------------------
// Prepared records: everything a comparison needs, computed once.

export interface PreparedSeeker {
  source: MatchSeeker;
  /** Wished codes per tier (occupation, minor, middle, major), deduplicated. */
  wishes: [string[], string[], string[], string[]];
  /** The same as interned ids (`codeId`), for the hot comparison. */
  wishIds: [number[], number[], number[], number[]];
  /** Where distances are measured from: the home point, else the township's centre. */
  place: 'home' | 'township' | null;
  lat: number;
  lng: number;
  latRad: number;
  lngRad: number;
  cosLat: number;
  commuteKm: number;
  salary: number | null;
  workMask: number;
  educationRank: number;
  experienceYears: number;
  certificates: Set<string>;
  difficulty: boolean;
  graduate: boolean;
  /** Flags whose key-group bonus this person earns. */
  eligibleFlags: number;
  /**
   * Vacancies this person is not offered (applied to, or pushed within PUSH_COOLDOWN_DAYS), by
   * the vacancy's `position`, with the reason.
   */
  blocked: Map<number, string>;
}

export interface PreparedVacancy {
  source: MatchVacancy;
  id: string;
  position: number;
  /** Codes per tier: occupation, minor, middle, major. */
  levels: (string | null)[];
  /** `codeId` of each level (-1 where absent). */
  occupationId: number;
  minorId: number;
  middleId: number;
  majorId: number;
  place: 'site' | 'township' | null;
  lat: number;
  lng: number;
  latRad: number;
  lngRad: number;
  cosLat: number;
  salaryMin: number;
  salaryMax: number;
  workBit: number;
  minEducationRank: number;
  minExperienceYears: number;
  certificates: readonly string[];
  /** certificates.length, kept inline: most vacancies need none. */
  certificateCount: number;
  flags: number;
  /** -Infinity when never published. */
  publishedDay: number;
  /** Why no one is offered it today (status, expiry, full), or null. */
  staticExclusion: string | null;
}

/** What scoring needs besides the two records. */
export interface PreparedContext {
  today: string;
  todayDay: number;
  weights: MatchWeights;
  difficultyRule: DifficultyRule;
}

export function prepareContext(ctx: MatchContext): PreparedContext {
  const weights = ctx.weights ?? MATCH_WEIGHTS;
  for (const w of weightValues(weights)) {
    if (!Number.isFinite(w) || w < 0) {
      throw new RangeError(`matching weights must be finite and ≥ 0, got ${w}`);
    }
  }
  if (!DAY_TEXT.test(ctx.today)) throw new RangeError(`today must be YYYY-MM-DD, got ${ctx.today}`);
  return {
    today: ctx.today,
    todayDay: dayNumber(ctx.today),
    weights,
    difficultyRule: ctx.difficultyRule ?? DEFAULT_DIFFICULTY_RULE,
  };
}

function resolvePoint(
  point: { lng: number; lat: number } | null,
  township: string | null,
): { lat: number; lng: number; exact: boolean } | null {
  if (point && Number.isFinite(point.lat) && Number.isFinite(point.lng)) {
    return { lat: point.lat, lng: point.lng, exact: true };
  }
  const t = township ? findTownship(township) : undefined;
  return t ? { lat: t.lat, lng: t.lng, exact: false } : null;
}

const dedupe = (values: (string | null)[]): string[] => [
  ...new Set(values.filter((v): v is string => v !== null)),
];

/**
 * `positionOf` maps a vacancy id to the `position` its prepared vacancy was given (undefined:
 * not among the vacancies being ranked).
 */
export function prepareSeeker(
  seeker: MatchSeeker,
  c: PreparedContext,
  positionOf: (vacancyId: string) => number | undefined,
): PreparedSeeker {
  const levels = seeker.occupationCodes.map(codeLevels);
  const wishes = [0, 1, 2, 3].map((t) => dedupe(levels.map((l) => l[t] ?? null))) as [
    string[],
    string[],
    string[],
    string[],
  ];
  const point = resolvePoint(seeker.home, seeker.township);
  const tags = seeker.tags;
  const difficulty = isEmploymentDifficulty(tags, c.difficultyRule);
  const graduate = tags.includes('recentGraduate');
  // 援助对象: the 暖心 priority targets and anyone the province counts as 就业困难.
  const assisted = difficulty || tags.some((t) => ASSISTED_TAGS.includes(t));
  const blocked = new Map<number, string>();
  for (const [id, day] of Object.entries(seeker.recentlyPushed)) {
    const position = positionOf(id);
    if (position !== undefined && c.todayDay - dayNumber(day) < PUSH_COOLDOWN_DAYS) {
      blocked.set(position, `${PUSH_COOLDOWN_DAYS}天内已向您推送过该岗位`);
    }
  }
  for (const id of seeker.appliedVacancyIds) {
    const position = positionOf(id);
    if (position !== undefined) blocked.set(position, '您已投递过该岗位');
  }
  return {
    source: seeker,
    wishes,
    wishIds: wishes.map((w) => w.map(codeId)) as PreparedSeeker['wishIds'],
    place: point ? (point.exact ? 'home' : 'township') : null,
    lat: point?.lat ?? 0,
    lng: point?.lng ?? 0,
    latRad: (point?.lat ?? 0) * DEG,
    lngRad: (point?.lng ?? 0) * DEG,
    cosLat: Math.cos((point?.lat ?? 0) * DEG),
    // No usable figure means no limit, the same for the exhaustive and the indexed search.
    commuteKm: Number.isNaN(seeker.maxCommuteKm) ? Infinity : Math.max(0, seeker.maxCommuteKm),
    salary: seeker.salaryExpectation,
    workMask: seeker.workTypes.reduce((m, t) => m | WORK_TYPE_BIT[t], 0),
    educationRank: seeker.education ? EDUCATION_RANK[seeker.education] : -1,
    experienceYears: seeker.experienceYears,
    certificates: new Set(seeker.certificates),
    difficulty,
    graduate,
    eligibleFlags:
      (difficulty ? FLAG_PUBLIC_WELFARE : 0) |
      (graduate && seeker.wantsInternship ? FLAG_INTERNSHIP : 0) |
      (assisted ? FLAG_ASSISTANCE : 0) |
      (tags.includes('disabled') ? FLAG_DISABILITY_FRIENDLY : 0),
    blocked,
  };
}

function staticExclusion(v: MatchVacancy, todayDay: number): string | null {
  switch (v.status) {
    case 'published':
      break;
    case 'paused':
      return '岗位已暂停招聘';
    case 'closed':
      return '岗位已关闭';
    case 'expired':
      return '岗位已过有效期';
    default:
      return '岗位尚未发布';
  }
  // Expired positions are never recommended (000 §2), even before the daily timer marks them.
  if (dayNumber(v.validUntil) < todayDay) return '岗位已过有效期';
  if (v.hiredCount >= v.headcount) return '岗位已招满';
  return null;
}

/** `position`: the vacancy's number among those being ranked (see prepareSeeker). */
export function prepareVacancy(
  v: MatchVacancy,
  c: PreparedContext,
  position: number,
): PreparedVacancy {
  const point = resolvePoint(v.location, v.township);
  const levels = codeLevels(v.occupationCode);
  return {
    source: v,
    id: v.id,
    position,
    levels,
    occupationId: codeId(levels[0] ?? null),
    minorId: codeId(levels[1] ?? null),
    middleId: codeId(levels[2] ?? null),
    majorId: codeId(levels[3] ?? null),
    place: point ? (point.exact ? 'site' : 'township') : null,
    lat: point?.lat ?? 0,
    lng: point?.lng ?? 0,
    latRad: (point?.lat ?? 0) * DEG,
    lngRad: (point?.lng ?? 0) * DEG,
    cosLat: Math.cos((point?.lat ?? 0) * DEG),
    salaryMin: v.salaryMin,
    salaryMax: v.salaryMax,
    workBit: WORK_TYPE_BIT[v.workType],
    minEducationRank: v.minEducation ? EDUCATION_RANK[v.minEducation] : -1,
    minExperienceYears: v.minExperienceYears,
    certificates: v.certificates,
    certificateCount: v.certificates.length,
    flags:
      (v.flags.publicWelfare ? FLAG_PUBLIC_WELFARE : 0) |
      (v.flags.internship ? FLAG_INTERNSHIP : 0) |
      (v.flags.assistance ? FLAG_ASSISTANCE : 0) |
      (v.flags.disabilityFriendly ? FLAG_DISABILITY_FRIENDLY : 0),
    publishedDay: v.publishedAt ? dayNumber(v.publishedAt) : -Infinity,
    staticExclusion: staticExclusion(v, c.todayDay),
  };
}

// ---------------------------------------------------------------------------------------------
// Factors. Each is ≥ 0 and monotone in the vacancy attributes it reads (noted per function), so
// evaluating it at a block's extreme attributes bounds it for every vacancy of the block.

export function occupationPoints(w: MatchWeights, tier: number): number {
  switch (tier) {
    case TIER_OCCUPATION:
      return w.occupation.occupation;
    case TIER_MINOR:
      return w.occupation.minor;
    case TIER_MIDDLE:
      return w.occupation.middle;
    case TIER_MAJOR:
      return w.occupation.major;
    default:
      return 0;
  }
}

/** Non-increasing in the distance (null: unknown, no points). */
export function distancePoints(w: MatchWeights, km: number | null, commuteKm: number): number {
  if (km === null) return 0;
  const circle = km <= JOB_CIRCLE_KM ? w.distance.circle : 0;
  const closeness = commuteKm > 0 ? Math.max(0, 1 - km / commuteKm) : 1;
  return circle + w.distance.proximity * closeness;
}

/** Non-decreasing in salaryMin and in salaryMax. */
export function salaryPoints(
  w: MatchWeights,
  expectation: number | null,
  salaryMin: number,
  salaryMax: number,
): number {
  if (expectation === null) return w.salary.unknown;
  return (
    (expectation <= salaryMax ? w.salary.reachesMax : 0) +
    (expectation <= salaryMin ? w.salary.meetsMin : 0)
  );
}

/** Non-decreasing in the set of work types offered (bit mask). */
export function workTypePoints(w: MatchWeights, seekerMask: number, offered: number): number {
  if (seekerMask === 0) return w.workType.unknown;
  return seekerMask & offered ? w.workType.fits : 0;
}

/** Non-increasing in the minimum education and the minimum experience. */
export function requirementPoints(
  w: MatchWeights,
  educationRank: number,
  minEducationRank: number,
  experienceYears: number,
  minExperienceYears: number,
  certificateShare: number,
): number {
  return (
    (minEducationRank < 0 || educationRank >= minEducationRank ? w.requirements.education : 0) +
    (experienceYears >= minExperienceYears ? w.requirements.experience : 0) +
    w.requirements.certificates * certificateShare
  );
}

/** Non-decreasing in the flags (bit mask): one bonus per flag the person is eligible for. */
export function keyGroupPoints(w: MatchWeights, eligible: number, flags: number): number {
  const on = eligible & flags;
  return (
    (on & FLAG_PUBLIC_WELFARE ? w.keyGroup.publicWelfare : 0) +
    (on & FLAG_INTERNSHIP ? w.keyGroup.internship : 0) +
    (on & FLAG_ASSISTANCE ? w.keyGroup.assistance : 0) +
    (on & FLAG_DISABILITY_FRIENDLY ? w.keyGroup.disabilityFriendly : 0)
  );
}

/** Non-decreasing in the publication day. */
export function freshnessPoints(w: MatchWeights, todayDay: number, publishedDay: number): number {
  const age = Math.max(0, todayDay - publishedDay);
  return w.freshness.fresh * Math.max(0, 1 - age / FRESH_DAYS);
}

/** Scores are kept to 2 decimals; rounding is monotone, which the top-K bound relies on. */
export function roundScore(raw: number): number {
  return Math.round(raw * 100) / 100;
}

// ---------------------------------------------------------------------------------------------
// Evaluation

export interface Explanation {
  reasons: string[];
  excluded: string | null;
}

function exclude(out: Explanation | null, reason: string): number {
  if (out) out.excluded = reason;
  return Number.NaN;
}

const has = (ids: number[], id: number): boolean => {
  for (let i = 0; i < ids.length; i += 1) if (ids[i] === id) return true;
  return false;
};

/** The most specific classification level the vacancy shares with any wish. */
export function occupationTier(s: PreparedSeeker, v: PreparedVacancy): number {
  const w = s.wishIds;
  if (v.occupationId >= 0 && has(w[0], v.occupationId)) return TIER_OCCUPATION;
  if (v.minorId >= 0 && has(w[1], v.minorId)) return TIER_MINOR;
  if (v.middleId >= 0 && has(w[2], v.middleId)) return TIER_MIDDLE;
  if (v.majorId >= 0 && has(w[3], v.majorId)) return TIER_MAJOR;
  return TIER_NONE;
}

const occupationName = (code: string | null | undefined) =>
  (code && findOccupation(code)?.name) || code || '';

function occupationReason(tier: number, v: PreparedVacancy): string | null {
  switch (tier) {
    case TIER_OCCUPATION:
      return `意向职业一致：${occupationName(v.levels[0])}`;
    case TIER_MINOR:
      return `与意向职业同属小类：${occupationName(v.levels[1])}`;
    case TIER_MIDDLE:
      return `与意向职业同属中类：${occupationName(v.levels[2])}`;
    case TIER_MAJOR:
      return `与意向职业同属大类：${occupationName(v.levels[3])}`;
    default:
      return null;
  }
}

function distanceReason(s: PreparedSeeker, v: PreparedVacancy, km: number): string {
  const from = s.place === 'home' ? '居住地' : '所在乡镇（街道）';
  const about = s.place === 'home' && v.place === 'site' ? '' : '约';
  const circle = km <= JOB_CIRCLE_KM ? '（三公里就业圈内）' : '';
  return `距您${from}${about} ${km.toFixed(1)} 公里${circle}`;
}

/**
 * The score of `v` for `s` (2 decimals), or NaN when it is excluded. With `out`, also the
 * reasons (or the exclusion reason); the number is the same either way.
 */
export function evaluate(
  s: PreparedSeeker,
  v: PreparedVacancy,
  c: PreparedContext,
  out: Explanation | null,
): number {
  const w = c.weights;
  if (v.staticExclusion !== null) return exclude(out, v.staticExclusion);
  if (s.blocked.size > 0) {
    const reason = s.blocked.get(v.position);
    if (reason !== undefined) return exclude(out, reason);
  }
  // 公益性岗位 are for 就业困难人员 (000 §4(6)); 见习 for graduates within 2 years (000 §5(3)).
  if (v.flags & FLAG_PUBLIC_WELFARE && !s.difficulty) {
    return exclude(out, '公益性岗位仅面向就业困难人员');
  }
  if (v.flags & FLAG_INTERNSHIP && !(s.eligibleFlags & FLAG_INTERNSHIP)) {
    // A recent graduate who said no to 见习 on the form is not offered one either.
    return exclude(
      out,
      s.graduate ? '您没有选择参加就业见习' : '见习岗位面向离校2年内的高校毕业生',
    );
  }
  let km: number | null = null;
  if (s.place !== null && v.place !== null) {
    km = haversineKm(s.latRad, s.lngRad, s.cosLat, v.latRad, v.lngRad, v.cosLat);
    if (km > s.commuteKm) {
      return exclude(out, `距您${km.toFixed(1)}公里，超出您可接受的通勤距离（${s.commuteKm}公里）`);
    }
  }

  const tier = occupationTier(s, v);
  let certificateShare = 1;
  const needed = v.certificateCount;
  let held = 0;
  if (needed > 0) {
    for (const cert of v.certificates) if (s.certificates.has(cert)) held += 1;
    certificateShare = held / needed;
  }
  const raw =
    occupationPoints(w, tier) +
    distancePoints(w, km, s.commuteKm) +
    salaryPoints(w, s.salary, v.salaryMin, v.salaryMax) +
    workTypePoints(w, s.workMask, v.workBit) +
    requirementPoints(
      w,
      s.educationRank,
      v.minEducationRank,
      s.experienceYears,
      v.minExperienceYears,
      certificateShare,
    ) +
    keyGroupPoints(w, s.eligibleFlags, v.flags) +
    freshnessPoints(w, c.todayDay, v.publishedDay);

  if (out) {
    const reasons = out.reasons;
    const occupation = occupationReason(tier, v);
    if (occupation) reasons.push(occupation);
    if (km !== null) reasons.push(distanceReason(s, v, km));
    if (s.salary !== null) {
      if (s.salary <= v.salaryMin) reasons.push('薪资符合期望');
      else if (s.salary <= v.salaryMax) reasons.push('薪资上限达到您的期望');
    }
    if (s.workMask & v.workBit) {
      reasons.push(`工作方式符合：${VACANCY_WORK_TYPE_LABELS[v.source.workType]}`);
    }
    const minEducation = v.source.minEducation;
    if (minEducation && s.educationRank >= v.minEducationRank) {
      reasons.push(`学历符合要求（${EDUCATION_LABELS[minEducation as EducationLevel]}及以上）`);
    }
    if (v.minExperienceYears > 0 && s.experienceYears >= v.minExperienceYears) {
      reasons.push(`工作经验符合要求（${v.minExperienceYears}年以上）`);
    }
    if (needed > 0 && held > 0) {
      const names = v.certificates.filter((cert) => s.certificates.has(cert)).join('、');
      reasons.push(held === needed ? `持有所需证书：${names}` : `持有部分所需证书：${names}`);
    }
    const on = s.eligibleFlags & v.flags;
    if (on & FLAG_PUBLIC_WELFARE) reasons.push('公益性岗位：您符合就业困难人员条件');
    if (on & FLAG_INTERNSHIP) reasons.push('见习岗位：您是离校2年内高校毕业生');
    if (on & FLAG_ASSISTANCE) reasons.push('援助岗位：您属于就业援助对象');
    if (on & FLAG_DISABILITY_FRIENDLY) reasons.push('适合残疾人就业的岗位');
    const age = c.todayDay - v.publishedDay;
    if (age >= 0 && age < NEW_DAYS)
      reasons.push(age === 0 ? '今天新发布' : `近${NEW_DAYS}天新发布`);
  }
  return roundScore(raw);
}

/** How well `vacancy` fits `seeker` on `ctx.today`, with reasons; or why it is not offered. */
export function score(seeker: MatchSeeker, vacancy: MatchVacancy, ctx: MatchContext): ScoreResult {
  const c = prepareContext(ctx);
  const out: Explanation = { reasons: [], excluded: null };
  const s = prepareSeeker(seeker, c, (id) => (id === vacancy.id ? 0 : undefined));
  const value = evaluate(s, prepareVacancy(vacancy, c, 0), c, out);
  if (out.excluded !== null) return { excluded: out.excluded };
  return { score: value, reasons: out.reasons };
}
