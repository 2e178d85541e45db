import { AppError } from '@nuanxin/shared';

import { auditRepo, callerFrom, rows, usersRepo, type Handler } from '../../_lib';

import { describeCaller } from './whoami';

interface InvitationRecord {
  _id: string;
  code: string;
  role: 'caseworker' | 'supervisor' | 'admin';
  org: 'employment' | 'market' | 'talent' | 'skills';
  displayName: string;
  townships: string[];
  expiresAt: Date;
  usedBy: string | null;
}

export const redeemInvitation: Handler<'user', 'redeemInvitation'> = async (input, ctx) => {
  const invitations = ctx.db.collection('invitations');
  const [invitation] = await rows<InvitationRecord>(
    invitations.where({ code: input.code }).limit(1),
  );
  if (!invitation) {
    throw new AppError('NOT_FOUND', '邀请码不存在，请核对后重新输入', { code: '邀请码不存在' });
  }
  if (invitation.usedBy) {
    throw new AppError('CONFLICT', '该邀请码已被使用，请联系管理员重新生成', {
      code: '邀请码已被使用',
    });
  }
  if (new Date(invitation.expiresAt) <= ctx.now) {
    throw new AppError('VALIDATION', '该邀请码已过期，请联系管理员重新生成', {
      code: '邀请码已过期',
    });
  }
  // Claim the code first, conditionally, so two people redeeming at once cannot both win.
  const claim = (await invitations
    .where({ _id: invitation._id, usedBy: null })
    .update({ data: { usedBy: ctx.caller.openid, usedAt: ctx.now } })) as {
    stats: { updated: number };
  };
  if (claim.stats.updated !== 1) {
    throw new AppError('CONFLICT', '该邀请码已被使用，请联系管理员重新生成', {
      code: '邀请码已被使用',
    });
  }

  const users = usersRepo(ctx.db);
  const staff = {
    role: invitation.role,
    displayName: invitation.displayName,
    org: invitation.org,
    townships: invitation.townships,
  };
  if (ctx.caller.user) await users.update(ctx.caller.user._id, staff, ctx.now);
  else await users.insert({ openid: ctx.caller.openid, ...staff }, ctx.now);
  await auditRepo(ctx.db).append(
    {
      actorOpenid: ctx.caller.openid,
      action: 'user.redeemInvitation',
      subjectId: invitation._id,
      detail: { role: invitation.role, org: invitation.org },
    },
    ctx.now,
  );
  const user = await users.byOpenid(ctx.caller.openid);
  return describeCaller(callerFrom(ctx.caller.openid, user));
};
