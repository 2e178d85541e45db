/** Company onboarding: the caller registers a company and becomes its employer user (owner). */
import { AppError, findTownship } from '@nuanxin/shared';

import {
  auditRepo,
  companiesRepo,
  geoPoint,
  transaction,
  usersRepo,
  type CompanyRecord,
  type Handler,
} from '../_lib';

import { ownCompany } from './access';
import { myMemberRole } from './colleagues';
import { membersRepo } from './members';
import { companyView } from './views';

export const myCompany: Handler<'employer', 'myCompany'> = async (_input, ctx) => {
  if (!ctx.caller.user?.companyId) return { company: null, myRole: null, serviceStaff: null };
  const company = await ownCompany(ctx);
  return {
    company: companyView(company),
    myRole: await myMemberRole(ctx, company._id),
    serviceStaff: company.keyStaff ? { name: company.keyStaff.staffName } : null,
  };
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
  const record: Omit<CompanyRecord, '_id'> = {
    name: input.name,
    uscc: input.uscc,
    industry: input.industry,
    township: input.township,
    address: input.address,
    contactName: input.contactName,
    contactMobile: input.contactMobile,
    location: input.location ? geoPoint(input.location) : null,
    status: 'pending',
    rejectReason: null,
    keyStaff: null,
    createdAt: now,
    updatedAt: now,
  };
  // The company, the caller's role and their owner membership together. The unique uscc index
  // settles a race between two registrations (CONFLICT, the loser's transaction rolled back).
  const id = await transaction(db, async (tx) => {
    const companyId = await companiesRepo(tx).insert(record);
    const users = usersRepo(tx);
    if (caller.user) {
      await users.update(caller.user._id, { role: 'employer', companyId }, now);
    } else {
      await users.insert(
        {
          openid: caller.openid,
          role: 'employer',
          displayName: input.contactName,
          org: null,
          townships: [],
          companyId,
        },
        now,
      );
    }
    await membersRepo(tx).add({
      companyId,
      openid: caller.openid,
      displayName: caller.user?.displayName || input.contactName,
      role: 'owner',
      joinedAt: now,
      leftAt: null,
      invitedBy: null,
    });
    await auditRepo(tx).append(
      { actorOpenid: caller.openid, action: 'employer.registerCompany', subjectId: companyId },
      now,
    );
    return companyId;
  });
  return { company: companyView({ _id: id, ...record }) };
};
