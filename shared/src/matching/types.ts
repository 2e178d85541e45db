/**
 * Plain data the matcher works on, independent of how registrations and vacancies are stored:
 * the `matching` function maps its records to these shapes. Dates are Shanghai calendar days
 * ('YYYY-MM-DD'); an instant ('2026-03-01T02:00:00Z') is accepted where noted and read on the
 * Shanghai calendar.
 */
import type { EDUCATION_LEVELS, WORK_TYPES } from '../contracts/registration/schemas';
import type { DifficultyRule, KeyGroupTag } from '../eligibility/keyGroups';
import type { VacancyStatus } from '../vacancy/lifecycle';

import type { MatchWeights } from './weights';

export type EducationLevel = (typeof EDUCATION_LEVELS)[number];
export type WorkType = (typeof WORK_TYPES)[number];

export interface GeoPoint {
  lng: number;
  lat: number;
}

export interface MatchSeeker {
  id: string;
  /** Wished occupations, classification 2022 codes ('4-02-06-01'); at most 3 on the form. */
  occupationCodes: readonly string[];
  /** The point the person gave for their home; null falls back to their township's centre. */
  home: GeoPoint | null;
  /** 统计用区划代码 of the township they live in ('370811002'). */
  township: string | null;
  /**
   * How far they accept to commute, in km; vacancies farther away are never recommended.
   * Infinity: no limit.
   */
  maxCommuteKm: number;
  /** Lowest acceptable monthly pay in yuan (the form's 最低期望月薪); null when not given. */
  salaryExpectation: number | null;
  workTypes: readonly WorkType[];
  education: EducationLevel | null;
  experienceYears: number;
  /** Certificate names the person holds ('电工证', '叉车证'), compared by exact name. */
  certificates: readonly string[];
  /** 重点群体 tags derived for today (`deriveTags`), e.g. 'recentGraduate', 'older'. */
  tags: readonly KeyGroupTag[];
  /**
   * A graduate within 2 years who wants a 见习 (internship) post: `wantsInternship(tags, answer)`
   * (./internship). 见习岗位 are recommended only to them (others: excluded); true without the
   * 'recentGraduate' tag counts as false.
   */
  wantsInternship: boolean;
  /** Vacancies the person has applied to (any application state). */
  appliedVacancyIds: readonly string[];
  /** Vacancy id → Shanghai day it was last pushed to this person ('YYYY-MM-DD'). */
  recentlyPushed: Readonly<Record<string, string>>;
}

export interface VacancyFlags {
  /** 公益性岗位: only for 就业困难人员. */
  publicWelfare: boolean;
  /** 见习岗位: for graduates within 2 years of leaving school. */
  internship: boolean;
  /** 援助岗位: friendly to assisted persons (援助对象). */
  assistance: boolean;
  disabilityFriendly: boolean;
}

export interface MatchVacancy {
  id: string;
  occupationCode: string;
  /** The workplace; null falls back to the township's centre. */
  location: GeoPoint | null;
  township: string | null;
  salaryMin: number;
  salaryMax: number;
  workType: WorkType;
  minEducation: EducationLevel | null;
  minExperienceYears: number;
  certificates: readonly string[];
  flags: VacancyFlags;
  status: VacancyStatus;
  /** Last day it may be shown ('YYYY-MM-DD'). */
  validUntil: string;
  /** Day or instant it was published; null if never. */
  publishedAt: string | null;
  headcount: number;
  hiredCount: number;
}

export interface MatchContext {
  /** Shanghai calendar day the ranking is for ('YYYY-MM-DD'). */
  today: string;
  /** Overrides of MATCH_WEIGHTS (all weights must be ≥ 0). */
  weights?: MatchWeights;
  /** Which tags make a person 就业困难人员 (province-defined); DEFAULT_DIFFICULTY_RULE if absent. */
  difficultyRule?: DifficultyRule;
}

export type ScoreResult = { score: number; reasons: string[] } | { excluded: string };

export interface MatchResult {
  vacancyId: string;
  score: number;
  /** Empty when `explain: false` was asked for. */
  reasons: string[];
}
