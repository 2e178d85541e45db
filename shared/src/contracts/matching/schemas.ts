/**
 * Schemas of the `matching` function (issue 5, Recommendations): the seeker's 为您推荐 with the
 * reasons of each recommendation (PIPL 第24条: an automated decision is explained, and the person
 * may refuse personalisation), their two switches, and the employer's suggested candidates —
 * masked: surname + 某, an age band, education, township and the matching reasons; never an ID
 * number, a mobile number or a key-group tag.
 */
import { z } from '../../zod';
import { publicVacancySchema } from '../jobs/schemas';

/** How recommendations are made, in plain words (shown on the page, PIPL 第24条). */
export const RECOMMENDATION_EXPLANATION =
  '系统根据您登记的意向职业、期望月薪、工作方式、可接受的通勤距离、居住地和学历，从正在招聘的岗位里为您挑选最合适的10个，每个岗位下写明了推荐理由。推荐只是参考，不影响您浏览和投递其他岗位。';

/** Shown instead of recommendations when the person turned personalisation off. */
export const PERSONALISATION_OFF_NOTICE =
  '您已关闭个性化推荐，我们不会根据您的个人信息为您挑选岗位或推送岗位。如需重新开启，请到“推荐设置”打开“个性化推荐”。';

export const PREFERENCE_TEXTS = {
  personalised: {
    label: '个性化推荐',
    help: '开启后，系统根据您登记的求职意向和居住地为您挑选岗位，并可能通过订阅消息向您推送。关闭后只显示全部岗位，不再为您个性化挑选和推送。',
  },
  suggestToEmployers: {
    label: '允许向用人单位推荐我',
    help: '开启后，与您求职意向相符的用人单位可以看到您的姓氏、年龄段、学历、所在乡镇（街道）和匹配理由（不显示姓名全称、身份证号和手机号），并可邀请您投递。您可以随时关闭。',
  },
} as const;

export const recommendationSchema = z.object({
  vacancy: publicVacancySchema,
  score: z.number(),
  reasons: z.array(z.string()),
});
export type Recommendation = z.output<typeof recommendationSchema>;

export const preferencesSchema = z.object({
  personalised: z.boolean(),
  suggestToEmployers: z.boolean(),
  /** ISO; null: never changed (the defaults). */
  updatedAt: z.string().nullable(),
});
export type MatchPreferencesView = z.output<typeof preferencesSchema>;

/** A registration's id as an employer refers to a suggested candidate. */
export const candidateIdSchema = z.string().min(1).max(64);

export const candidateSchema = z.object({
  candidateId: candidateIdSchema,
  /** Surname + 某, e.g. '王某'. */
  maskedName: z.string(),
  /** e.g. '25–34岁'; null when unknown. */
  ageBand: z.string().nullable(),
  educationLabel: z.string().nullable(),
  townshipLabel: z.string(),
  /**
   * Why they fit, in words. No score and no exact distance: from several vacancy sites an employer
   * could otherwise work out where a person lives.
   */
  reasons: z.array(z.string()),
  /** Already invited to apply to this vacancy. */
  invited: z.boolean(),
});
export type Candidate = z.output<typeof candidateSchema>;
