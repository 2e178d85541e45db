/**
 * The company's WeChat users (issue 4, journey 1): the owner (who registered the company) invites
 * colleagues with a one-time code; a colleague joins with it; the owner may remove a colleague.
 * Memberships keep their history (joined, left); none is ever deleted.
 */
import { INVITATION_ALPHABET, INVITATION_LENGTH } from '../../invitation';
import { z } from '../../zod';
import { defineAction } from '../define';

import { companyViewSchema, idSchema } from './schemas';

export const COMPANY_MEMBER_ROLES = ['owner', 'member'] as const;
export type CompanyMemberRole = (typeof COMPANY_MEMBER_ROLES)[number];
export const COMPANY_MEMBER_ROLE_LABELS: Record<CompanyMemberRole, string> = {
  owner: '负责人',
  member: '同事',
};
/** Days a colleague invitation code stays valid. */
export const COLLEAGUE_INVITATION_DAYS = 7;

export const colleagueInvitationSchema = z.object({ code: z.string(), expiresAt: z.string() });

export const inviteColleague = defineAction({
  fn: 'employer',
  action: 'inviteColleague',
  title: '单位负责人生成同事邀请码（一次有效，7天内使用）',
  input: z.strictObject({}),
  output: colleagueInvitationSchema,
  roles: ['employer'],
  example: {},
  writes: true,
});

export const joinCompany = defineAction({
  fn: 'employer',
  action: 'joinCompany',
  title: '用邀请码加入已入驻的用人单位',
  input: z.strictObject({
    code: z
      .string({ error: '请输入邀请码' })
      .trim()
      .toUpperCase()
      .regex(new RegExp(`^[${INVITATION_ALPHABET}]{${INVITATION_LENGTH}}$`), {
        error: `邀请码应为${INVITATION_LENGTH}位字母或数字，请核对后重新输入`,
      }),
    displayName: z
      .string({ error: '请填写您的姓名' })
      .trim()
      .min(2, { error: '请填写您的姓名（至少2个字）' })
      .max(20, { error: '姓名不超过20个字' }),
  }),
  output: z.object({ company: companyViewSchema }),
  roles: ['citizen'],
  example: { code: 'ABCD2345', displayName: '王晓' },
  writes: true,
});

export const colleagueSchema = z.object({
  /** The membership's id (never the person's openid). */
  id: z.string(),
  displayName: z.string(),
  role: z.enum(COMPANY_MEMBER_ROLES),
  roleLabel: z.string(),
  joinedAt: z.string(),
  /** null while they are a colleague. */
  leftAt: z.string().nullable(),
  isMe: z.boolean(),
});
export type Colleague = z.output<typeof colleagueSchema>;

export const colleagues = defineAction({
  fn: 'employer',
  action: 'colleagues',
  title: '查看本单位的同事（现在的和曾经的）',
  input: z.strictObject({}),
  output: z.object({
    colleagues: z.array(colleagueSchema),
    /** The caller's own role: only the owner invites and removes. */
    myRole: z.enum(COMPANY_MEMBER_ROLES),
    /** Codes not yet used and not expired (the owner's only). */
    invitations: z.array(colleagueInvitationSchema),
  }),
  roles: ['employer'],
  example: {},
  writes: false,
});

export const removeColleague = defineAction({
  fn: 'employer',
  action: 'removeColleague',
  title: '单位负责人移除同事（其账号不再代表本单位）',
  input: z.strictObject({ memberId: idSchema }),
  output: z.object({ colleague: colleagueSchema }),
  roles: ['employer'],
  example: { memberId: 'member-example' },
  writes: true,
});
