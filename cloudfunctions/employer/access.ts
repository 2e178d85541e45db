/**
 * Who may touch which company and vacancy (house style 5). Another company's vacancy is
 * NOT_FOUND, the same answer as one that does not exist.
 */
import { AppError } from '@nuanxin/shared';

import type { ActionContext, Caller } from '../_lib';
import { companiesRepo, vacanciesRepo, type CompanyRecord, type VacancyRecord } from '../_lib';

export const NOT_YOURS = '没有找到这个岗位，或它不属于您的单位';

export async function ownCompany(ctx: ActionContext): Promise<CompanyRecord> {
  const id = ctx.caller.user?.companyId;
  const company = id ? await companiesRepo(ctx.db).find(id) : null;
  if (!company) throw new AppError('NOT_FOUND', '您还没有登记用人单位，请先完成企业入驻');
  return company;
}

export async function ownVacancy(ctx: ActionContext, id: string): Promise<VacancyRecord> {
  const companyId = ctx.caller.user?.companyId;
  const vacancy = await vacanciesRepo(ctx.db).find(id);
  if (!vacancy || !companyId || vacancy.companyId !== companyId) {
    throw new AppError('NOT_FOUND', NOT_YOURS);
  }
  return vacancy;
}

/**
 * Staff of the 市场服务中心 (caseworkers of org 'market') and supervisors keep the ledger. Their
 * townships; null means the whole city (a supervisor with none).
 */
export function marketScope(caller: Caller): string[] | null {
  const user = caller.user;
  const isMarket = caller.role === 'caseworker' && user?.org === 'market';
  if (!isMarket && caller.role !== 'supervisor') {
    throw new AppError('FORBIDDEN', '只有市场服务中心工作人员和业务主管可以办理企业和岗位审核');
  }
  const townships = user?.townships ?? [];
  if (townships.length > 0) return townships;
  if (isMarket) return [];
  return null;
}

export function inScope(scope: string[] | null, township: string): boolean {
  return scope === null || scope.includes(township);
}
