/**
 * Rules about a registered person that the cloud function and the pages share: which tags they
 * carry today, whether they reached retirement age, which graduation date counts, what they are
 * told to do next. Pure: no storage, no clock but the `today` passed in.
 */
import { EDUCATION_LEVELS, type SEPARATION_REASONS } from '../contracts/registration/schemas';
import {
  type DeclarationKey,
  type Declarations,
  DECLARATION_KEYS,
  deriveTags,
  isEmploymentDifficulty,
  KEY_GROUP_LABELS,
  type KeyGroupTag,
} from '../eligibility/keyGroups';
import { type RetirementCategory, statutoryRetirementDate } from '../eligibility/retirement';
import { dateKey, type DateInput } from '../time';

import type { RegistrationStatus } from './lifecycle';

export type EducationLevel = (typeof EDUCATION_LEVELS)[number];
export type SeparationReason = (typeof SEPARATION_REASONS)[number];

/**
 * 高校毕业生 are graduates of 大专 and above: only their graduation date makes the "离校2年内"
 * tag (000 §1(1), §5(3)). A 中专/高中 leaving date is kept but tags nothing.
 */
export function isHigherEducation(level: EducationLevel): boolean {
  return EDUCATION_LEVELS.indexOf(level) >= EDUCATION_LEVELS.indexOf('juniorCollege');
}

/**
 * The graduation date is required exactly when it decides something: a 高校毕业生 whose reason
 * for being without work is "毕业后未就业" (the 离校2年内 tag and the 人才服务中心 routing depend on
 * it). Others may give it; nobody else is asked for it.
 */
export function graduationDateRequired(
  education: EducationLevel,
  separationReason: SeparationReason,
): boolean {
  return isHigherEducation(education) && separationReason === 'graduated';
}

export interface RegisteredPerson {
  birthDate: string;
  sex: 'male' | 'female';
  education: EducationLevel;
  graduationDate: string | null;
  separationDate: string | null;
  declarations: Declarations;
  verified: Declarations;
}

/**
 * Today's 重点群体 tags and whether the person is 就业困难 under the configured rule. Recomputed on
 * every read and by the daily timer (tags change with the calendar).
 */
export function registrationTags(
  person: RegisteredPerson,
  today: DateInput,
): { tags: KeyGroupTag[]; employmentDifficulty: boolean } {
  const tags = deriveTags(
    {
      birthDate: person.birthDate,
      sex: person.sex,
      separationDate: person.separationDate,
      graduationDate: isHigherEducation(person.education) ? person.graduationDate : null,
      declarations: person.declarations,
      verified: person.verified,
    },
    today,
  );
  return { tags, employmentDifficulty: isEmploymentDifficulty(tags) };
}

/**
 * On the caseworker's cancellation list: the statutory retirement date has come (000 §1(4):
 * registrations that no longer qualify are cancelled, with the reason noted).
 */
export function hasReachedRetirement(
  birthDate: string,
  category: RetirementCategory,
  today: DateInput,
): boolean {
  return dateKey(today) >= statutoryRetirementDate(birthDate, category);
}

/** Declared keys, in the fixed order of DECLARATION_KEYS. */
export function declaredKeys(declarations: Declarations): DeclarationKey[] {
  return DECLARATION_KEYS.filter((key) => declarations[key] === true);
}

/** '138****5678': the middle four digits hidden, for staff who are not the person's caseworker. */
export function maskMobile(mobile: string): string {
  return /^\d{11}$/.test(mobile) ? `${mobile.slice(0, 3)}****${mobile.slice(7)}` : '****';
}

export interface NextStepsInput {
  status: RegistrationStatus;
  caseworker: { name: string; orgLabel: string; phone: string } | null;
  pending: { key: DeclarationKey; evidence: string }[];
  tags: readonly KeyGroupTag[];
  claimInsurance: boolean;
  wantsTraining: boolean;
  entrepreneurship: boolean;
}

/** What the citizen is told happens next, in plain Chinese, one sentence per step. */
export function nextSteps(input: NextStepsInput): string[] {
  const who = input.caseworker
    ? `您的包保责任人是${input.caseworker.orgLabel}的${input.caseworker.name}，服务电话 ${input.caseworker.phone}`
    : '业务主管正在为您安排包保责任人，安排好后会通知您';
  switch (input.status) {
    case 'draft':
      return ['请继续填写并提交登记信息；填写过程中可以随时保存，改日接着填'];
    case 'submitted':
      return [
        who,
        ...input.pending.map(
          (p) => `请准备“${KEY_GROUP_LABELS[p.key]}”的证明材料，工作人员将核验：${p.evidence}`,
        ),
        '核验完成后登记即生效，结果会通过消息通知您',
      ];
    case 'registered': {
      // Cadence and quotas: 001 §3(一)3 (unemployed: monthly follow-up), 000 §4(6) (≥ 3 jobs a
      // month), 000 §3(3) (≤ 3 free trainings a year), 000 §6(1) (创业咨询师), 000 §5(3) (见习),
      // 000 §1(6) (insurance claim handled with the registration).
      const steps = [who, '包保责任人每月至少联系您一次，了解求职进展和困难'];
      steps.push('我们每月为您推荐不少于3个合适的岗位，请留意消息');
      if (input.claimInsurance) steps.push('失业保险金申领已随登记一并提交，由包保责任人协助办理');
      if (input.tags.includes('recentGraduate')) steps.push('您可以申请就业见习岗位，积累工作经验');
      if (input.wantsTraining) steps.push('您可以参加免费职业技能培训，每人每年最多3次');
      if (input.entrepreneurship) steps.push('我们会为您安排创业咨询师，提供创业指导和政策咨询');
      return steps;
    }
    case 'employed':
      return ['祝贺您实现就业！包保责任人每年会回访一次，如有困难可随时联系'];
    case 'flexible':
      return ['已登记为灵活就业。包保责任人每半年回访一次，需要岗位或培训可随时联系'];
    case 'cancelled':
      return ['失业登记已注销。如再次失业，可以随时重新办理登记'];
  }
}

/** One line for the "登记结果" message (a `thing`: ≤ 20 characters) per status. */
export const STATUS_NOTES: Record<RegistrationStatus, string> = {
  draft: '请继续填写登记信息',
  submitted: '请准备申报材料，等待工作人员核验',
  registered: '包保责任人将与您联系',
  employed: '祝贺您实现就业',
  flexible: '已登记为灵活就业',
  cancelled: '如再次失业可重新登记',
};
