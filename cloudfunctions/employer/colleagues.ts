/**
 * Colleagues (issue 4, journey 1): the owner invites with a one-time code, a colleague joins with
 * it, the owner removes a colleague. Joining and removing change the person's role together with
 * the membership, in one transaction.
 */
import { randomInt } from 'node:crypto';

import {
  AppError,
  COLLEAGUE_INVITATION_DAYS,
  COMPANY_MEMBER_ROLE_LABELS,
  dayjs,
  INVITATION_ALPHABET,
  INVITATION_LENGTH,
  type Colleague,
  type CompanyMemberRole,
} from '@nuanxin/shared';

import {
  auditRepo,
  companiesRepo,
  docOf,
  isDuplicateWrite,
  transaction,
  usersRepo,
  type ActionContext,
  type Handler,
} from '../_lib';

import { ownCompany } from './access';
import {
  companyInvitationsRepo,
  membersRepo,
  type CompanyInvitationRecord,
  type MemberRecord,
} from './members';
import { companyView } from './views';

/**
 * The caller's place in their company. An employer with no membership record registered the
 * company before colleagues existed: the owner.
 */
export async function myMemberRole(
  ctx: ActionContext,
  companyId: string,
): Promise<CompanyMemberRole> {
  const member = await membersRepo(ctx.db).currentOf(ctx.caller.openid);
  return member && member.companyId === companyId ? member.role : 'owner';
}

export async function ownerCompany(ctx: ActionContext, what: string) {
  const company = await ownCompany(ctx);
  if ((await myMemberRole(ctx, company._id)) !== 'owner') {
    throw new AppError('FORBIDDEN', `只有单位负责人可以${what}，请联系本单位负责人`);
  }
  return company;
}

function newCode(): string {
  let code = '';
  for (let i = 0; i < INVITATION_LENGTH; i += 1) {
    code += INVITATION_ALPHABET[randomInt(INVITATION_ALPHABET.length)];
  }
  return code;
}

export const inviteColleague: Handler<'employer', 'inviteColleague'> = async (_input, ctx) => {
  const company = await ownerCompany(ctx, '邀请同事');
  const expiresAt = dayjs(ctx.now).add(COLLEAGUE_INVITATION_DAYS, 'day').toDate();
  // 31^8 codes; the unique index catches the rare collision (with staff codes too: another
  // collection, so a staff code never joins a company).
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const code = newCode();
    try {
      await transaction(ctx.db, async (tx) => {
        await tx.collection('company_invitations').add({
          data: {
            code,
            companyId: company._id,
            createdBy: ctx.caller.openid,
            createdAt: ctx.now,
            expiresAt,
            usedBy: null,
            usedAt: null,
          },
        });
        await auditRepo(tx).append(
          {
            actorOpenid: ctx.caller.openid,
            action: 'employer.inviteColleague',
            subjectId: company._id,
          },
          ctx.now,
        );
      });
      return { code, expiresAt: expiresAt.toISOString() };
    } catch (error) {
      if (!isDuplicateWrite(error)) throw error;
    }
  }
  throw new AppError('CONFLICT', '生成邀请码失败，请重试');
};

const codeRefused = (message: string) => new AppError('VALIDATION', message, { code: message });

function checkInvitation(invitation: CompanyInvitationRecord | null, now: Date): void {
  if (!invitation) throw codeRefused('邀请码不正确，请核对后重新输入');
  if (invitation.usedBy) throw codeRefused('该邀请码已被使用，请联系单位负责人重新生成');
  if (new Date(invitation.expiresAt) <= now) {
    throw codeRefused('该邀请码已过期，请联系单位负责人重新生成');
  }
}

export const joinCompany: Handler<'employer', 'joinCompany'> = async (input, ctx) => {
  const { caller, db, now } = ctx;
  if (caller.user?.companyId) {
    throw new AppError('CONFLICT', '您已关联一家用人单位');
  }
  const found = await companyInvitationsRepo(db).byCode(input.code);
  checkInvitation(found, now);
  const company = await companiesRepo(db).find(found!.companyId);
  if (!company) throw codeRefused('邀请码对应的单位不存在，请联系单位负责人');

  // Claim the code, make the caller an employer of the company and record the membership
  // together: of two people redeeming one code at once exactly one wins, and the other's
  // transaction writes nothing.
  await transaction(db, async (tx) => {
    const ref = tx.collection('company_invitations').doc(found!._id);
    const current = await docOf<CompanyInvitationRecord>(ref);
    checkInvitation(current, now);
    await ref.update({ data: { usedBy: caller.openid, usedAt: now } });
    const users = usersRepo(tx);
    const patch = {
      role: 'employer' as const,
      companyId: company._id,
      displayName: input.displayName,
    };
    if (caller.user) await users.update(caller.user._id, patch, now);
    else await users.insert({ openid: caller.openid, org: null, townships: [], ...patch }, now);
    await membersRepo(tx).add({
      companyId: company._id,
      openid: caller.openid,
      displayName: input.displayName,
      role: 'member',
      joinedAt: now,
      leftAt: null,
      invitedBy: current.createdBy,
    });
    await auditRepo(tx).append(
      { actorOpenid: caller.openid, action: 'employer.joinCompany', subjectId: company._id },
      now,
    );
  });
  return { company: companyView(company) };
};

function colleagueView(m: MemberRecord, me: string): Colleague {
  return {
    id: m._id,
    displayName: m.displayName,
    role: m.role,
    roleLabel: COMPANY_MEMBER_ROLE_LABELS[m.role],
    joinedAt: new Date(m.joinedAt).toISOString(),
    leftAt: m.leftAt ? new Date(m.leftAt).toISOString() : null,
    isMe: m.openid === me,
  };
}

export const colleagues: Handler<'employer', 'colleagues'> = async (_input, ctx) => {
  const company = await ownCompany(ctx);
  const myRole = await myMemberRole(ctx, company._id);
  const members = await membersRepo(ctx.db).ofCompany(company._id);
  // Current colleagues first (the owner at the top), then former ones, newest first.
  const rank = (m: MemberRecord) => (m.leftAt ? 2 : m.role === 'owner' ? 0 : 1);
  members.sort((a, b) => rank(a) - rank(b) || +new Date(b.joinedAt) - +new Date(a.joinedAt));
  const invitations =
    myRole === 'owner'
      ? (await companyInvitationsRepo(ctx.db).ofCompany(company._id))
          .filter((i) => !i.usedBy && new Date(i.expiresAt) > ctx.now)
          .sort((a, b) => +new Date(b.createdAt) - +new Date(a.createdAt))
          .map((i) => ({ code: i.code, expiresAt: new Date(i.expiresAt).toISOString() }))
      : [];
  return {
    colleagues: members.map((m) => colleagueView(m, ctx.caller.openid)),
    myRole,
    invitations,
  };
};

export const removeColleague: Handler<'employer', 'removeColleague'> = async (input, ctx) => {
  const { caller, db, now } = ctx;
  const company = await ownerCompany(ctx, '移除同事');
  const member = await membersRepo(db).find(input.memberId);
  if (!member || member.companyId !== company._id || member.leftAt) {
    throw new AppError('NOT_FOUND', '没有找到这位同事，或其已不在本单位');
  }
  if (member.openid === caller.openid || member.role === 'owner') {
    throw new AppError('VALIDATION', '不能移除单位负责人自己', {
      memberId: '不能移除单位负责人自己',
    });
  }
  const user = await usersRepo(db).byOpenid(member.openid);
  await transaction(db, async (tx) => {
    const ref = tx.collection('company_members').doc(member._id);
    const current = await docOf<MemberRecord>(ref);
    if (current.leftAt) throw new AppError('NOT_FOUND', '这位同事已不在本单位');
    await ref.update({ data: { leftAt: now } });
    // Their account no longer speaks for the company: a plain resident again.
    if (user && user.companyId === company._id && user.role === 'employer') {
      await tx
        .collection('users')
        .doc(user._id)
        .update({ data: { role: 'citizen', companyId: null, updatedAt: now } });
    }
    await auditRepo(tx).append(
      {
        actorOpenid: caller.openid,
        action: 'employer.removeColleague',
        subjectId: member._id,
        detail: { companyId: company._id },
      },
      now,
    );
  });
  return { colleague: colleagueView({ ...member, leftAt: now }, caller.openid) };
};
