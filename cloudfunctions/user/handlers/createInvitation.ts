import { randomInt } from 'node:crypto';

import {
  AppError,
  findTownship,
  INVITATION_ALPHABET,
  INVITATION_LENGTH,
  dayjs,
} from '@nuanxin/shared';

import { auditRepo, isDuplicateWrite, transaction, type Handler } from '../../_lib';

function newCode(): string {
  let code = '';
  for (let i = 0; i < INVITATION_LENGTH; i += 1) {
    code += INVITATION_ALPHABET[randomInt(INVITATION_ALPHABET.length)];
  }
  return code;
}

export const createInvitation: Handler<'user', 'createInvitation'> = async (input, ctx) => {
  const unknown = input.townships.filter((code) => !findTownship(code));
  if (unknown.length > 0) {
    throw new AppError('VALIDATION', `没有这个乡镇（街道）：${unknown.join('、')}`, {
      townships: '请从列表中选择本市的乡镇（街道）',
    });
  }
  const expiresAt = dayjs(ctx.now).add(input.validDays, 'day').toDate();
  // A random 8-character code over 31 symbols collides rarely; the unique index catches it.
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const code = newCode();
    try {
      // The code and its audit entry are written together or not at all.
      await transaction(ctx.db, async (tx) => {
        await tx.collection('invitations').add({
          data: {
            code,
            role: input.role,
            org: input.org,
            displayName: input.displayName,
            townships: [...new Set(input.townships)],
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
            action: 'user.createInvitation',
            detail: { role: input.role, org: input.org, displayName: input.displayName },
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
