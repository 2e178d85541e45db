/** Company onboarding: the caller registers a company and becomes its employer user. */
import { AppError, findTownship } from '@nuanxin/shared';

import { auditRepo, usersRepo, type Handler } from '../_lib';
import { companiesRepo } from '../_lib';

import { ownCompany } from './access';
import { companyView } from './views';

export const myCompany: Handler<'employer', 'myCompany'> = async (_input, ctx) => {
  if (!ctx.caller.user?.companyId) return { company: null };
  return { company: companyView(await ownCompany(ctx)) };
};

export const registerCompany: Handler<'employer', 'registerCompany'> = async (input, ctx) => {
  const { caller, db, now } = ctx;
  if (caller.user?.companyId) {
    throw new AppError('CONFLICT', '您已关联一家用人单位，不能再登记新的单位');
  }
  if (!findTownship(input.township)) {
    throw new AppError('VALIDATION', '请选择所在乡镇（街道）', {
      township: '请选择所在乡镇（街道）',
    });
  }
  const companies = companiesRepo(db);
  if (await companies.byUscc(input.uscc)) {
    throw new AppError('CONFLICT', '该统一社会信用代码已登记，请联系本单位已入驻的同事邀请您加入', {
      uscc: '该统一社会信用代码已登记',
    });
  }
  // Usable for drafts at once; vacancies become public after staff verify it (issue 4).
  const record = {
    name: input.name,
    uscc: input.uscc,
    industry: input.industry,
    township: input.township,
    address: input.address,
    contactName: input.contactName,
    contactMobile: input.contactMobile,
    status: 'pending' as const,
    rejectReason: null,
    createdAt: now,
    updatedAt: now,
  };
  // The unique uscc index settles a race between two registrations (CONFLICT, nothing else written).
  const id = await companies.insert(record);
  const users = usersRepo(db);
  if (caller.user) {
    await users.update(caller.user._id, { role: 'employer', companyId: id }, now);
  } else {
    await users.insert(
      {
        openid: caller.openid,
        role: 'employer',
        displayName: input.contactName,
        org: null,
        townships: [],
        companyId: id,
      },
      now,
    );
  }
  await auditRepo(db).append(
    { actorOpenid: caller.openid, action: 'employer.registerCompany', subjectId: id },
    now,
  );
  return { company: companyView({ _id: id, ...record }) };
};
