/**
 * 重点群体 tags of a registered person. They are derived, never stored as typed: age, time since
 * separation and time since graduation change with the calendar, so the tags are recomputed for
 * `today` whenever they are read (a person turns 大龄 on their birthday without anyone editing
 * the record). Declarations count only once a caseworker has verified the evidence.
 *
 * Who is served: 000 §1(1), 001 §2, 004 §4 (POLICY-RULES "Who is served").
 */
import { dateKey, type DateInput, withinYears } from '../time';

import { addYearsMonths } from './retirement';

export const DECLARATION_KEYS = [
  'disabled',
  'dibao',
  'zeroEmploymentFamily',
  'povertyAlleviated',
  'veteran',
  'returningMigrant',
] as const;
export type DeclarationKey = (typeof DECLARATION_KEYS)[number];

export const DERIVED_TAG_KEYS = ['older', 'longTermUnemployed', 'recentGraduate'] as const;
export type DerivedTagKey = (typeof DERIVED_TAG_KEYS)[number];

export const KEY_GROUP_TAGS = [...DERIVED_TAG_KEYS, ...DECLARATION_KEYS] as const;
export type KeyGroupTag = (typeof KEY_GROUP_TAGS)[number];

export const KEY_GROUP_LABELS: Record<KeyGroupTag, string> = {
  older: '大龄',
  longTermUnemployed: '长期失业',
  recentGraduate: '离校2年内高校毕业生',
  disabled: '残疾',
  dibao: '低保家庭',
  zeroEmploymentFamily: '零就业家庭',
  povertyAlleviated: '脱贫劳动力',
  veteran: '退役军人',
  returningMigrant: '返乡农民工',
};

/**
 * What the caseworker checks before a declaration becomes a tag. 000 §1(1) names where the lists
 * come from: 残联 for disabled people, the poverty-alleviation (now 乡村振兴) department for
 * 建档立卡/脱贫 labour; 民政 keeps the 低保 roll.
 */
export const DECLARATION_EVIDENCE: Record<DeclarationKey, string> = {
  disabled: '核验残疾人证（第二代），证号与身份证号一致，或残联提供的残疾人名单',
  dibao: '核验低保证或民政部门低保名单，本人须为低保家庭成员',
  zeroEmploymentFamily:
    '核验户口簿及街道（乡镇）零就业家庭认定记录：法定劳动年龄内有劳动能力和就业要求的家庭成员均未就业',
  povertyAlleviated: '核验乡村振兴（原扶贫）部门的脱贫人口（建档立卡）名单',
  veteran: '核验退役证件（退出现役证、退伍证或转业证）或退役军人事务部门名单',
  returningMigrant: '核验户籍所在地及外出务工经历证明（劳动合同、社保缴费记录或工资流水）',
};

export type Declarations = Partial<Record<DeclarationKey, boolean>>;

export interface KeyGroupPerson {
  /** 'YYYY-MM-DD' */
  birthDate: string;
  sex: 'male' | 'female';
  /** 'YYYY-MM-DD' the last job ended; absent for people who never worked. */
  separationDate?: string | null;
  /** 'YYYY-MM-DD' the person left school (毕业证 date). */
  graduationDate?: string | null;
  /** What the person declared on the form. */
  declarations: Declarations;
  /** What a caseworker has verified against the evidence in DECLARATION_EVIDENCE. */
  verified: Declarations;
}

/** 大龄 threshold (就业困难人员 practice: women 40, men 50 — POLICY-RULES "Who is served"). */
export const OLDER_AGE: Record<KeyGroupPerson['sex'], number> = { female: 40, male: 50 };

/**
 * The person's tags on the Shanghai calendar day of `today`, sorted alphabetically so two
 * derivations can be compared and stored as-is.
 */
export function deriveTags(person: KeyGroupPerson, today: DateInput): KeyGroupTag[] {
  const day = dateKey(today);
  const tags: KeyGroupTag[] = [];

  // From the 40th/50th birthday itself; a 29 February birthday counts from 28 February
  // (民法典 第二百零二条, as in addYearsMonths).
  if (day >= addYearsMonths(person.birthDate, OLDER_AGE[person.sex])) tags.push('older');

  // 失业1年以上 (004 §4): the first anniversary of the separation day is "1 year" already.
  if (
    person.separationDate &&
    day >= person.separationDate &&
    !withinYears(person.separationDate, 1, today)
  ) {
    tags.push('longTermUnemployed');
  }

  // 离校2年内未就业高校毕业生 (000 §1(1), §5(3)): from the graduation day through the day before
  // its second anniversary.
  if (person.graduationDate && withinYears(person.graduationDate, 2, today)) {
    tags.push('recentGraduate');
  }

  // Only verified facts: a self-declaration alone unlocks nothing (it is the caseworker's job to
  // check it). A verification without a declaration counts too: 政策敲门 (000 §8(2)) finds
  // eligible people by comparing data, without any application.
  for (const key of DECLARATION_KEYS) if (person.verified[key] === true) tags.push(key);

  return tags.sort();
}

/**
 * Declarations that still wait for a caseworker: declared, not yet verified. Each comes with the
 * evidence to check, for the caseworker's to-do list.
 */
export function pendingVerifications(
  person: Pick<KeyGroupPerson, 'declarations' | 'verified'>,
): { key: DeclarationKey; evidence: string }[] {
  return DECLARATION_KEYS.filter(
    (key) => person.declarations[key] === true && person.verified[key] !== true,
  ).map((key) => ({ key, evidence: DECLARATION_EVIDENCE[key] }));
}

/**
 * 就业困难人员 is defined by each province (就业促进法 第五十二条: 具体范围由省、自治区、直辖市人民
 * 政府根据本行政区域的实际情况规定), so the rule is data, not code (POLICY-RULES "Who is served":
 * keep the categories configurable). A person is 就业困难 when they carry any tag in `anyOf`.
 */
export interface DifficultyRule {
  /** Where the rule comes from, shown to staff, e.g. '山东省就业困难人员认定办法'. */
  source: string;
  anyOf: readonly KeyGroupTag[];
}

/**
 * The categories POLICY-RULES lists as examples: 大龄, disabled, 低保 family members, 零就业家庭
 * members, unemployed ≥ 1 year, plus 脱贫劳动力. Land-lost farmers (失地农民) are not tracked as a
 * tag yet; a province that counts them needs a declaration for it first.
 */
export const DEFAULT_DIFFICULTY_RULE: DifficultyRule = {
  source: '默认规则（大龄、残疾、低保家庭、零就业家庭、长期失业、脱贫劳动力）',
  anyOf: [
    'older',
    'disabled',
    'dibao',
    'zeroEmploymentFamily',
    'longTermUnemployed',
    'povertyAlleviated',
  ],
};

export function isEmploymentDifficulty(
  tags: readonly KeyGroupTag[],
  rule: DifficultyRule = DEFAULT_DIFFICULTY_RULE,
): boolean {
  return tags.some((tag) => rule.anyOf.includes(tag));
}
