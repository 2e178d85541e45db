/**
 * Matching of seekers and vacancies (issue 5): `score` with reasons, and the exact top-K over an
 * index. Import it as '@nuanxin/shared/src/matching' (not from the package root): it loads the
 * occupation classification, which stays out of the client's main package.
 */
export * from './types';
export {
  ASSISTED_TAGS,
  EDUCATION_RANK,
  FRESH_DAYS,
  JOB_CIRCLE_KM,
  MATCH_WEIGHTS,
  NEW_DAYS,
  PUSH_COOLDOWN_DAYS,
  type MatchWeights,
} from './weights';
export { distanceKm } from './geo';
export { wantsInternship } from './internship';
export { score } from './score';
export {
  buildMatchIndex,
  topK,
  topKExhaustive,
  type MatchIndex,
  type MatchIndexOptions,
  type SearchStats,
  type TopKOptions,
} from './topK';
