/**
 * Company onboarding: the caller registers a company and becomes its employer user (owner); the
 * owner corrects it while it waits, or after the 市场服务中心 did not verify it and submits it again.
 * Every step is a transition of the company's lifecycle (`transitionCompany`), logged in
 * `company_log`.
 */
import {
  AppError,
  findTownship,
  inShanghai,
  ORG_SERVICE_PHONES,
  transitionCompany,
  type CompanyEvent,
  type CompanyStatus,
} from '@nuanxin/shared';

import {
  auditRepo,
  companiesRepo,
  docOf,
  geoPoint,
  isDuplicateWrite,
  logCompany,
  transaction,
  usersRepo,
  type CompanyRecord,
  type Handler,
} from '../_lib';

import { ownCompany } from './access';
import { myMemberRole, ownerCompany } from './colleagues';
import { membersRepo } from './members';
import { companyView } from './views';

export const myCompany: Handler<'employer', 'myCompany'> = async (_input, ctx) => {
  const today = inShanghai(ctx.now).format('YYYY-MM-DD');
  if (!ctx.caller.user?.companyId) {
    return { company: null, myRole: null, serviceStaff: null, today };
  }
  const company = await ownCompany(ctx);
  return {
    company: companyView(company),
    myRole: await myMemberRole(ctx, company._id),
    serviceStaff: company.keyStaff ? { name: company.keyStaff.staffName } : null,
    today,
  };
};

function checkTownship(township: string): void {
  if (!findTownship(township)) {
    throw new AppError('VALIDATION', '请选择所在乡镇（街道）', {
      township: '请选择所在乡镇（街道）',
    });
  }
}

/**
 * Another company holds the code. Someone may have registered it who had no right to (a squatted
 * code): the 市场服务中心 checks the licence and rejects that record, which frees the code.
 */
function usccTaken(): AppError {
  return new AppError(
    'CONFLICT',
    `该统一社会信用代码已登记。如是本单位同事登记的，请向其索要邀请码加入；如不是本单位的人登记的，请联系市场服务中心（${ORG_SERVICE_PHONES.market}）核实处理`,
    { uscc: '该统一社会信用代码已登记' },
  );
}

export const registerCompany: Handler<'employer', 'registerCompany'> = async (input, ctx) => {
  const { caller, db, now } = ctx;
  if (caller.user?.companyId) {
    throw new AppError('CONFLICT', '您已关联一家用人单位，不能再登记新的单位');
  }
  checkTownship(input.township);
  const companies = companiesRepo(db);
  // Only a company holding the code blocks it: a rejected record has released it.
  if (await companies.byUscc(input.uscc)) throw usccTaken();
  // Usable for drafts at once; vacancies become public after staff verify it (issue 4).
  const record: Omit<CompanyRecord, '_id'> = {
    name: input.name,
    uscc: input.uscc,
    usccReleased: null,
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
  // The company, the caller's role and their owner membership together. The unique index on the
  // held code settles a race between two registrations (CONFLICT, the loser's rolled back).
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
    await logCompany(tx, {
      companyId,
      event: 'register',
      from: null,
      to: 'pending',
      actorOpenid: caller.openid,
      reason: null,
      at: now,
    });
    await auditRepo(tx).append(
      { actorOpenid: caller.openid, action: 'employer.registerCompany', subjectId: companyId },
      now,
    );
    return companyId;
  }).catch((error: unknown) => {
    throw isDuplicateWrite(error) ? usccTaken() : error;
  });
  return { company: companyView({ _id: id, ...record }) };
};

/**
 * The owner corrects the company. Waiting for verification: it keeps waiting. Not verified: it is
 * submitted again — back to 待核验 and the staff's queue, holding its code again (unless the
 * real company registered it meanwhile). A verified company is changed through the 市场服务中心.
 */
export const updateCompany: Handler<'employer', 'updateCompany'> = async (input, ctx) => {
  const { caller, db, now } = ctx;
  const company = await ownerCompany(ctx, '修改单位信息');
  checkTownship(input.township);
  const event: CompanyEvent =
    company.status === 'rejected' ? { type: 'resubmit' } : { type: 'update' };
  const checked = transitionCompany(company.status, event);
  if (!checked.ok) {
    throw new AppError(
      'CONFLICT',
      company.status === 'verified'
        ? `${checked.reason}（${ORG_SERVICE_PHONES.market}）`
        : checked.reason,
    );
  }
  const holder = await companiesRepo(db).byUscc(input.uscc);
  if (holder && holder._id !== company._id) throw usccTaken();

  const patch: Partial<CompanyRecord> = {
    name: input.name,
    uscc: input.uscc,
    usccReleased: null,
    industry: input.industry,
    township: input.township,
    address: input.address,
    contactName: input.contactName,
    contactMobile: input.contactMobile,
    location: input.location ? geoPoint(input.location) : (company.location ?? null),
    status: checked.to,
    rejectReason: null,
    // Staff see why it was not verified last time next to the corrected details.
    previousRejectReason:
      event.type === 'resubmit' ? (company.rejectReason ?? null) : company.previousRejectReason,
    updatedAt: now,
  };
  const seen: CompanyStatus = company.status;
  await transaction(db, async (tx) => {
    const ref = tx.collection('companies').doc(company._id);
    const current = await docOf<CompanyRecord>(ref);
    // A staff decision landed meanwhile: the owner sees it and decides again.
    if (current.status !== seen) {
      throw new AppError('CONFLICT', '单位的核验状态刚刚有了变化，请刷新后再修改');
    }
    await ref.update({ data: patch });
    await logCompany(tx, {
      companyId: company._id,
      event: event.type,
      from: seen,
      to: checked.to,
      actorOpenid: caller.openid,
      reason: null,
      at: now,
    });
    await auditRepo(tx).append(
      {
        actorOpenid: caller.openid,
        action: `employer.${event.type}Company`,
        subjectId: company._id,
      },
      now,
    );
  }).catch((error: unknown) => {
    throw isDuplicateWrite(error) ? usccTaken() : error;
  });
  return { company: companyView({ ...company, ...patch }) };
};
