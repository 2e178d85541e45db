/**
 * 感兴趣 (issue 5, Applications: "apply or mark interest from a position page"). A registered
 * seeker tells the employer of an open vacancy that they are interested, without applying: the
 * employer sees them masked (surname + 某, age band, education, township — never a name, a phone
 * or ID number, or a key-group tag) and may invite them to apply. Tapping again withdraws it and
 * the employer no longer sees it. Having applied, there is nothing to mark.
 */
import { z } from '../../zod';
import { defineAction } from '../define';

import { vacancyIdSchema } from './schemas';

/** What the employer sees of someone interested, said to the seeker before the first mark. */
export const INTEREST_SHOWN = ['姓氏（如“王某”）', '年龄段', '学历', '所在乡镇（街道）'] as const;
/** What the employer never sees from a mark of interest. */
export const INTEREST_HIDDEN = [
  '姓名全称',
  '手机号',
  '身份证号',
  '是否属于就业困难人员等重点群体',
] as const;
export const INTEREST_EXPLANATION =
  '标记“感兴趣”不是投递简历。用人单位可能据此邀请您投递，是否投递由您决定；再点一次即可取消，取消后对方不再看到。';

/** Above the employer's list of interested seekers. */
export const INTERESTED_EXPLANATION =
  '以下求职者主动表示对您的岗位感兴趣，但还没有投递。为保护个人信息，只显示姓氏、年龄段、学历和所在乡镇（街道）；您可以邀请对方投递，对方投递后，您才能在“投递的求职者”里看到其选择提供的信息。';

export const INTEREST_VACANCY_STATES = ['open', 'closed', 'expired'] as const;
export type InterestVacancyState = (typeof INTEREST_VACANCY_STATES)[number];
export const INTEREST_VACANCY_STATE_LABELS: Record<InterestVacancyState, string> = {
  open: '招聘中',
  closed: '已停止招聘',
  expired: '已过期',
};

/** One vacancy the seeker marked, with where it stands now. */
export const myInterestSchema = z.object({
  vacancyId: z.string(),
  vacancy: z.object({
    title: z.string(),
    companyName: z.string(),
    townshipLabel: z.string(),
    salaryMin: z.number(),
    salaryMax: z.number(),
    workTypeLabel: z.string(),
  }),
  state: z.enum(INTEREST_VACANCY_STATES),
  stateLabel: z.string(),
  /** The employer has invited them to apply. */
  invited: z.boolean(),
  /** When they marked it (ISO). */
  markedAt: z.string(),
});
export type MyInterest = z.output<typeof myInterestSchema>;

/** Someone interested, as the employer sees them: masked, no score, no reasons. */
export const interestedPersonSchema = z.object({
  /** The registration's id, as `matching.inviteCandidate` takes it. */
  candidateId: z.string(),
  vacancyId: z.string(),
  /** Surname + 某, e.g. '王某'. */
  maskedName: z.string(),
  ageBand: z.string().nullable(),
  educationLabel: z.string().nullable(),
  townshipLabel: z.string(),
  /** Already invited to apply to this vacancy. */
  invited: z.boolean(),
});
export type InterestedPerson = z.output<typeof interestedPersonSchema>;

export const markInterest = defineAction({
  fn: 'jobs',
  action: 'markInterest',
  title:
    '求职者对招聘中的岗位标记或取消“感兴趣”（用人单位只看到姓氏、年龄段、学历和所在乡镇，可邀请投递）',
  input: z.strictObject({
    vacancyId: vacancyIdSchema,
    interested: z.boolean({ error: '请选择是否感兴趣' }),
  }),
  output: z.object({ vacancyId: z.string(), interested: z.boolean() }),
  roles: ['citizen'],
  example: { vacancyId: 'vacancy-example', interested: true },
  writes: true,
});

export const myInterests = defineAction({
  fn: 'jobs',
  action: 'myInterests',
  title: '我感兴趣的岗位（尚未投递的，附岗位现在的状态；可只查一个岗位）',
  input: z.strictObject({ vacancyId: vacancyIdSchema.nullable().default(null) }),
  output: z.object({ interests: z.array(myInterestSchema) }),
  roles: ['citizen'],
  example: { vacancyId: null },
  writes: false,
});

export const interested = defineAction({
  fn: 'jobs',
  action: 'interested',
  title:
    '用人单位查看对本单位招聘中岗位感兴趣的求职者（信息已隐去，仅姓氏、年龄段、学历、所在乡镇），可邀请投递',
  input: z.strictObject({ vacancyId: vacancyIdSchema.nullable().default(null) }),
  output: z.object({
    /** The company's open vacancies that someone is interested in, with how many. */
    vacancies: z.array(z.object({ id: z.string(), title: z.string(), count: z.number().int() })),
    /** The people (of the chosen vacancy, or of all), newest mark first. */
    people: z.array(interestedPersonSchema),
    explanation: z.string(),
  }),
  roles: ['employer'],
  example: { vacancyId: 'vacancy-example' },
  writes: false,
});
