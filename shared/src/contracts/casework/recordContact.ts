import { z } from '../../zod';
import { defineAction } from '../define';
import { vacancyIdSchema } from '../jobs/schemas';
import { registrationIdSchema } from '../registration/schemas';
import { trainingIdSchema } from '../training/schemas';

import {
  contactChannelSchema,
  contactKindSchema,
  contactOutcomeSchema,
  situationSchema,
  workbenchSchema,
} from './schemas';

/** 临时救助 in yuan, at most two decimals. */
const amountSchema = z
  .number({ error: '请填写救助金额（元）' })
  .positive({ error: '救助金额应大于0' })
  .max(50000, { error: '单次临时救助金额不超过50000元' })
  .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, {
    error: '金额最多保留两位小数',
  });

export const recordContactInput = z
  .strictObject({
    registrationId: registrationIdSchema,
    kind: contactKindSchema,
    channel: contactChannelSchema.nullable().default(null),
    outcome: contactOutcomeSchema.default('reached'),
    /** A change of employment situation learnt in this contact (reschedules the follow-ups). */
    situation: situationSchema.nullable().default(null),
    amount: amountSchema.nullable().default(null),
    /** The 职业指导师 who gave a guidance session (000 §4(4)). */
    counsellor: z.string().trim().max(20, { error: '姓名不超过20个字' }).default(''),
    note: z.string().trim().max(200, { error: '备注不超过200个字' }).default(''),
    /**
     * A job referral to a position on the platform (a published vacancy): its title, company and
     * 公益性/见习 flags are taken from the vacancy. Null: a position elsewhere, named in the note.
     */
    vacancyId: vacancyIdSchema.nullable().default(null),
    /** A position named in the note is a 公益性岗位 / 见习岗位 (000 §4(6), §5(3)). */
    publicWelfare: z.boolean().default(false),
    internship: z.boolean().default(false),
    /**
     * A training referral to a course on the platform (open for enrolment): recorded as the offer
     * of its institution too (000 §3(2)). Null: a training elsewhere, named in the note.
     */
    courseId: trainingIdSchema.nullable().default(null),
  })
  .superRefine((v, ctx) => {
    const issue = (path: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message });
    if (v.kind === 'followUp' && v.channel === null)
      issue('channel', '请选择回访方式：电话、微信或入户');
    if (v.outcome === 'unreachable' && v.kind !== 'followUp' && v.kind !== 'visit') {
      issue('outcome', '只有回访和走访可以记录“未联系上”');
    }
    if (v.situation !== null && v.outcome !== 'reached') {
      issue('situation', '未联系上本人，不能更新就业状态');
    }
    if (
      v.situation !== null &&
      v.kind !== 'followUp' &&
      v.kind !== 'visit' &&
      v.kind !== 'guidance'
    ) {
      issue('situation', '就业状态请在回访、走访或职业指导时更新');
    }
    if (v.kind === 'guidance' && v.counsellor.length < 2) {
      issue('counsellor', '请填写职业指导师的姓名');
    }
    if (v.kind === 'relief' && v.amount === null) issue('amount', '请填写救助金额（元）');
    if (v.kind !== 'relief' && v.amount !== null) issue('amount', '只有临时救助需要填写金额');
    if (v.kind === 'jobReferral' && v.vacancyId === null && v.note.length < 2) {
      issue('note', '请选择平台上的岗位，或写明推荐的岗位和单位');
    }
    if (v.kind === 'trainingReferral' && v.courseId === null && v.note.length < 2) {
      issue('note', '请选择平台上的培训课程，或写明推荐的培训项目和机构');
    }
    if (v.kind !== 'jobReferral' && (v.vacancyId !== null || v.publicWelfare || v.internship)) {
      issue('vacancyId', '只有岗位推荐需要选择岗位');
    }
    if (v.kind !== 'trainingReferral' && v.courseId !== null) {
      issue('courseId', '只有培训推荐需要选择课程');
    }
  });

export const recordContact = defineAction({
  fn: 'casework',
  action: 'recordContact',
  title: '记录一次服务：回访、职业指导、岗位推荐、培训推荐、走访慰问或临时救助',
  input: recordContactInput,
  output: workbenchSchema,
  roles: ['caseworker'],
  example: {
    registrationId: 'reg-example',
    kind: 'followUp',
    channel: 'phone',
    outcome: 'reached',
    note: '电话回访，仍在找工作',
  },
  writes: true,
});
