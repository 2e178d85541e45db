import { AppError } from '@nuanxin/shared';

import {
  auditRepo,
  callerFrom,
  docOf,
  rows,
  transaction,
  usersRepo,
  type Handler,
} from '../../_lib';

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

const used = () =>
  new AppError('CONFLICT', '该邀请码已被使用，请联系管理员重新生成', { code: '邀请码已被使用' });

export const redeemInvitation: Handler<'user', 'redeemInvitation'> = async (input, ctx) => {
  const [found] = await rows<InvitationRecord>(
    ctx.db.collection('invitations').where({ code: input.code }).limit(1),
  );
  if (!found) {
    throw new AppError('NOT_FOUND', '邀请码不存在，请核对后重新输入', { code: '邀请码不存在' });
  }
  if (found.usedBy) throw used();
  if (new Date(found.expiresAt) <= ctx.now) {
    throw new AppError('VALIDATION', '该邀请码已过期，请联系管理员重新生成', {
      code: '邀请码已过期',
    });
  }

  // Claim the code and bind the account together: two people redeeming at once cannot both win,
  // and a failure half-way leaves neither the code used nor the account changed.
  await transaction(ctx.db, async (tx) => {
    const invitation = tx.collection('invitations').doc(found._id);
    const current = await docOf<InvitationRecord>(invitation);
    if (current.usedBy) throw used();
    await invitation.update({ data: { usedBy: ctx.caller.openid, usedAt: ctx.now } });
    const staff = {
      role: current.role,
      displayName: current.displayName,
      org: current.org,
      townships: current.townships,
    };
    const users = usersRepo(tx);
    if (ctx.caller.user) await users.update(ctx.caller.user._id, staff, ctx.now);
    else await users.insert({ openid: ctx.caller.openid, ...staff }, ctx.now);
    await auditRepo(tx).append(
      {
        actorOpenid: ctx.caller.openid,
        action: 'user.redeemInvitation',
        subjectId: current._id,
        detail: { role: current.role, org: current.org, previousRole: ctx.caller.role },
      },
      ctx.now,
    );
  });
  const user = await usersRepo(ctx.db).byOpenid(ctx.caller.openid);
  return describeCaller(callerFrom(ctx.caller.openid, user));
};
