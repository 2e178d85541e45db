/**
 * Key enterprises (重点企业白名单, 002 §9): a named 市场服务中心 staff member serves a company's
 * hiring. Like the 包保 of people, each naming is a membership (`enterprise_memberships`) that is
 * only started and ended, never deleted; the company's `keyStaff` points at the open one and is
 * changed only in the same transaction, so two supervisors naming staff at once cannot leave two
 * open memberships.
 */
import { AppError, findCounty, findTownship, townshipLabel } from '@nuanxin/shared';

import {
  allRows,
  auditRepo,
  command,
  companiesRepo,
  docOf,
  transaction,
  usersRepo,
  type ActionContext,
  type CompanyRecord,
  type Handler,
  type UserRecord,
} from '../_lib';

import { inScope, marketScope } from './access';
import { NOT_IN_SCOPE } from './staff';

export interface EnterpriseMembershipRecord {
  _id: string;
  companyId: string;
  staffOpenid: string;
  staffName: string;
  /** Why the company became a key enterprise (or why this staff member was named). */
  reason: string;
  startedAt: Date;
  endedAt: Date | null;
  endReason: string | null;
  assignedBy: string;
  assignedByName: string;
  endedBy: string | null;
}

const memberships = (db: ActionContext['db']) => db.collection('enterprise_memberships');

function isMarketStaff(user: UserRecord | null): user is UserRecord {
  return !!user && user.role === 'caseworker' && user.org === 'market';
}

/** A market staff member may serve a company their townships cover; a citywide supervisor's pick, any. */
function mayServe(staff: UserRecord, company: CompanyRecord, scope: string[] | null): boolean {
  return scope === null || staff.townships.includes(company.township);
}

async function companyInScope(ctx: ActionContext, id: string, scope: string[] | null) {
  const company = await companiesRepo(ctx.db).find(id);
  if (!company || !inScope(scope, company.township)) throw new AppError('NOT_FOUND', NOT_IN_SCOPE);
  return company;
}

const changedMeanwhile = () =>
  new AppError('CONFLICT', '该企业的服务专员刚被其他人修改，请刷新后重试');

export const setKeyEnterprise: Handler<'employer', 'setKeyEnterprise'> = async (input, ctx) => {
  const { caller, db, now } = ctx;
  const scope = marketScope(caller);
  const company = await companyInScope(ctx, input.companyId, scope);
  if (company.status !== 'verified') {
    throw new AppError('CONFLICT', '企业尚未通过核验，核验通过后才能列为重点企业');
  }
  const staff = await usersRepo(db).byOpenid(input.staffOpenid);
  if (!isMarketStaff(staff) || !mayServe(staff, company, scope)) {
    const message = '请选择负责该企业所在乡镇（街道）的市场服务中心工作人员';
    throw new AppError('VALIDATION', message, { staffOpenid: message });
  }
  if (company.keyStaff?.staffOpenid === staff.openid) {
    throw new AppError('CONFLICT', `${staff.displayName}已是该企业的服务专员`);
  }
  const seen = company.keyStaff?.membershipId ?? null;
  await transaction(db, async (tx) => {
    const ref = tx.collection('companies').doc(company._id);
    const current = await docOf<CompanyRecord>(ref);
    if ((current.keyStaff?.membershipId ?? null) !== seen) throw changedMeanwhile();
    if (current.keyStaff) {
      await tx
        .collection('enterprise_memberships')
        .doc(current.keyStaff.membershipId)
        .update({
          data: {
            endedAt: now,
            endReason: `更换服务专员：${input.reason}`,
            endedBy: caller.openid,
          },
        });
    }
    const { _id } = (await tx.collection('enterprise_memberships').add({
      data: {
        companyId: company._id,
        staffOpenid: staff.openid,
        staffName: staff.displayName,
        reason: input.reason,
        startedAt: now,
        endedAt: null,
        endReason: null,
        assignedBy: caller.openid,
        assignedByName: caller.user?.displayName ?? '',
        endedBy: null,
      },
    })) as { _id: string };
    await ref.update({
      data: {
        keyStaff: { membershipId: _id, staffOpenid: staff.openid, staffName: staff.displayName },
        updatedAt: now,
      },
    });
    await auditRepo(tx).append(
      {
        actorOpenid: caller.openid,
        action: 'employer.setKeyEnterprise',
        subjectId: company._id,
        detail: { staffOpenid: staff.openid },
      },
      now,
    );
  });
  return { ok: true as const };
};

export const endKeyEnterprise: Handler<'employer', 'endKeyEnterprise'> = async (input, ctx) => {
  const { caller, db, now } = ctx;
  const scope = marketScope(caller);
  const company = await companyInScope(ctx, input.companyId, scope);
  if (!company.keyStaff) throw new AppError('CONFLICT', '该企业目前不是重点企业');
  const seen = company.keyStaff.membershipId;
  await transaction(db, async (tx) => {
    const ref = tx.collection('companies').doc(company._id);
    const current = await docOf<CompanyRecord>(ref);
    if (current.keyStaff?.membershipId !== seen) throw changedMeanwhile();
    await tx
      .collection('enterprise_memberships')
      .doc(seen)
      .update({ data: { endedAt: now, endReason: input.reason, endedBy: caller.openid } });
    await ref.update({ data: { keyStaff: null, updatedAt: now } });
    await auditRepo(tx).append(
      { actorOpenid: caller.openid, action: 'employer.endKeyEnterprise', subjectId: company._id },
      now,
    );
  });
  return { ok: true as const };
};

function period(m: EnterpriseMembershipRecord) {
  return {
    staffOpenid: m.staffOpenid,
    staffName: m.staffName,
    startedAt: new Date(m.startedAt).toISOString(),
    endedAt: m.endedAt ? new Date(m.endedAt).toISOString() : null,
    reason: m.reason,
    endReason: m.endReason,
    assignedByName: m.assignedByName,
  };
}

export const keyEnterprises: Handler<'employer', 'keyEnterprises'> = async (input, ctx) => {
  const scope = marketScope(ctx.caller);
  const all = await allRows<EnterpriseMembershipRecord>(memberships(ctx.db).where({}));
  const ids = [...new Set(all.map((m) => m.companyId))];
  const companies =
    ids.length === 0
      ? []
      : await allRows<CompanyRecord>(
          ctx.db.collection('companies').where({ _id: command().in(ids) }),
        );
  const enterprises = companies
    .filter((c) => inScope(scope, c.township))
    .map((c) => {
      const history = all
        .filter((m) => m.companyId === c._id)
        .sort((a, b) => +new Date(b.startedAt) - +new Date(a.startedAt));
      const open = history.find((m) => m.endedAt === null) ?? null;
      return {
        companyId: c._id,
        companyName: c.name,
        township: c.township,
        townshipLabel: townshipLabel(c.township),
        current: open ? period(open) : null,
        history: history.map(period),
        mine: open?.staffOpenid === ctx.caller.openid,
      };
    })
    .sort(
      (a, b) =>
        Number(b.current !== null) - Number(a.current !== null) ||
        a.companyName.localeCompare(b.companyName, 'zh'),
    );

  const keyword = input.keyword.trim();
  let candidates: { id: string; name: string; townshipLabel: string }[] = [];
  if (keyword) {
    const verified = await allRows<CompanyRecord>(
      ctx.db.collection('companies').where({
        status: 'verified',
        ...(scope ? { township: command().in(scope) } : {}),
      }),
    );
    candidates = verified
      .filter((c) => !c.keyStaff && c.name.includes(keyword))
      .slice(0, 20)
      .map((c) => ({ id: c._id, name: c.name, townshipLabel: townshipLabel(c.township) }));
  }
  return { enterprises, candidates };
};

/** '任城区、高新区（共20个乡镇街道）'; none: '未指定乡镇（街道）'. */
export function areaLabel(townships: readonly string[]): string {
  if (townships.length === 0) return '未指定乡镇（街道）';
  const counties = [
    ...new Set(
      townships.map((code) => {
        const county = findTownship(code)?.county;
        return (county && findCounty(county)?.name) || code;
      }),
    ),
  ];
  return `${counties.join('、')}（共${townships.length}个乡镇街道）`;
}

export const marketStaff: Handler<'employer', 'marketStaff'> = async (input, ctx) => {
  const scope = marketScope(ctx.caller);
  const company = input.companyId ? await companyInScope(ctx, input.companyId, scope) : null;
  const staff = (await usersRepo(ctx.db).caseworkers())
    .filter(isMarketStaff)
    .filter((s) =>
      company
        ? mayServe(s, company, scope)
        : scope === null || s.townships.some((t) => scope.includes(t)),
    )
    .sort((a, b) => a.displayName.localeCompare(b.displayName, 'zh'));
  const open = await allRows<EnterpriseMembershipRecord>(
    memberships(ctx.db).where({ endedAt: null }),
  );
  return {
    staff: staff.map((s) => ({
      openid: s.openid,
      displayName: s.displayName,
      townships: s.townships,
      areaLabel: areaLabel(s.townships),
      serving: open.filter((m) => m.staffOpenid === s.openid).length,
    })),
  };
};
