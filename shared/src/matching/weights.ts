/**
 * The matcher's configuration: every weight in one object, and the policy numbers it applies.
 * A score is the sum of the factors below; each factor is ≥ 0 and never depends on another, so
 * the exact top-K search can bound each one separately (see topK.ts). Keep every weight ≥ 0:
 * `buildMatchIndex` refuses negative ones, because the bound would no longer hold.
 */
import type { KeyGroupTag } from '../eligibility/keyGroups';

import type { EducationLevel } from './types';

export const MATCH_WEIGHTS = {
  /** Occupation proximity through the classification: the most specific level shared with a wish. */
  occupation: { occupation: 40, minor: 28, middle: 16, major: 6 },
  /**
   * Distance from home: a bonus inside the 三公里就业圈, plus `proximity` × (1 − distance/commute),
   * falling to 0 at the edge of the person's acceptable commute.
   */
  distance: { circle: 10, proximity: 12 },
  /**
   * Pay against the person's lowest acceptable monthly pay: `reachesMax` when the top of the range
   * reaches it, plus `meetsMin` when even the bottom does. `unknown` when they gave no figure.
   */
  salary: { reachesMax: 5, meetsMin: 6, unknown: 5 },
  /** The vacancy's 工作方式 is one the person chose; `unknown` when they chose none. */
  workType: { fits: 8, unknown: 4 },
  /** Requirements met; certificates count in proportion to those held. */
  requirements: { education: 4, experience: 3, certificates: 3 },
  /** Key-group posts for people they are meant for (exclusions in score.ts). */
  keyGroup: { publicWelfare: 15, internship: 12, assistance: 10, disabilityFriendly: 8 },
  /** Fresh postings first: full points on the day of publication, none after FRESH_DAYS. */
  freshness: { fresh: 6 },
};

export type MatchWeights = typeof MATCH_WEIGHTS;

/** "三公里就业圈": jobs within 3 km of the person's community (POLICY-RULES, 002). */
export const JOB_CIRCLE_KM = 3;

/** A vacancy pushed to a person is not recommended to them again for this many days. */
export const PUSH_COOLDOWN_DAYS = 30;

/** Freshness falls linearly to 0 over this many days after publication. */
export const FRESH_DAYS = 30;
/** Published within this many days: said in the reasons ("近7天新发布"). */
export const NEW_DAYS = 7;

/**
 * 援助对象 for 援助岗位: the 暖心活动 priority targets (004 §4: unemployed ≥ 1 year, 大龄, 低保
 * family, disabled; graduates from 脱贫/低保/零就业 families). 就业困难人员 under the province's
 * rule count as well (score.ts).
 */
export const ASSISTED_TAGS: readonly KeyGroupTag[] = [
  'longTermUnemployed',
  'older',
  'dibao',
  'disabled',
  'zeroEmploymentFamily',
  'povertyAlleviated',
];

/**
 * Education ranks for "meets the minimum": 高中 and 中专/技校 are the same stage (高中阶段教育),
 * so a vacancy asking for 高中 accepts 中专 and the other way round.
 */
export const EDUCATION_RANK: Record<EducationLevel, number> = {
  primary: 0,
  juniorHigh: 1,
  seniorHigh: 2,
  secondaryVocational: 2,
  juniorCollege: 3,
  bachelor: 4,
  master: 5,
  doctor: 6,
};

/** Every weight of a configuration, for checks (all must be finite and ≥ 0). */
export function weightValues(weights: MatchWeights): number[] {
  return Object.values(weights).flatMap((group) => Object.values(group) as number[]);
}
