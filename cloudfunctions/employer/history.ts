/**
 * A vacancy's history (`vacancy_log`) in words: what happened, when, by whom. People are named by
 * role and name (企业：王经理, 市场服务中心 郑凯, 系统), never by openid, so an employer reading it learns
 * nothing about staff accounts.
 */
import {
  AppError,
  isStaffRole,
  ROLE_LABELS,
  STAFF_ORG_LABELS,
  VACANCY_LOG_EVENT_LABELS,
  VACANCY_STATUS_LABELS,
  type VacancyStatus,
} from '@nuanxin/shared';

import {
  allRows,
  usersRepo,
  vacanciesRepo,
  type Handler,
  type UserRecord,
  type VacancyLogEntry,
} from '../_lib';

import { inScope, marketScope, ownVacancy } from './access';
import { NOT_IN_SCOPE } from './staff';

function actorLabel(openid: string | null, user: UserRecord | undefined): string {
  if (!openid) return '系统';
  if (user && isStaffRole(user.role)) {
    const where =
      user.role === 'caseworker' && user.org ? STAFF_ORG_LABELS[user.org] : ROLE_LABELS[user.role];
    return `${where} ${user.displayName}`.trim();
  }
  return user?.displayName ? `企业：${user.displayName}` : '企业';
}

/**
 * Steps one action logs at the same instant, in the order they happened: created, then edited,
 * then submitted, then decided.
 */
const STEP_ORDER: Record<string, number> = {
  create: 0,
  edit: 1,
  staffEdit: 1,
  submit: 2,
  approve: 3,
  reject: 3,
};
const stepOf = (event: string) => STEP_ORDER[event] ?? 4;

export const vacancyHistory: Handler<'employer', 'vacancyHistory'> = async (input, ctx) => {
  let vacancyId: string;
  if (ctx.caller.role === 'employer') {
    vacancyId = (await ownVacancy(ctx, input.vacancyId))._id;
  } else {
    const scope = marketScope(ctx.caller);
    const vacancy = await vacanciesRepo(ctx.db).find(input.vacancyId);
    if (!vacancy || !inScope(scope, vacancy.township))
      throw new AppError('NOT_FOUND', NOT_IN_SCOPE);
    vacancyId = vacancy._id;
  }
  const log = await allRows<VacancyLogEntry & { _id: string }>(
    ctx.db.collection('vacancy_log').where({ vacancyId }),
  );
  log.sort(
    (a, b) =>
      +new Date(a.at) - +new Date(b.at) ||
      stepOf(a.event) - stepOf(b.event) ||
      a._id.localeCompare(b._id),
  );
  const openids = [...new Set(log.map((e) => e.actorOpenid).filter((o): o is string => !!o))];
  const users = new Map((await usersRepo(ctx.db).byOpenids(openids)).map((u) => [u.openid, u]));
  return {
    entries: log.map((e) => ({
      at: new Date(e.at).toISOString(),
      event: e.event,
      eventLabel: VACANCY_LOG_EVENT_LABELS[e.event] ?? e.event,
      fromLabel: e.from ? VACANCY_STATUS_LABELS[e.from as VacancyStatus] : null,
      toLabel: VACANCY_STATUS_LABELS[e.to],
      actor: actorLabel(e.actorOpenid, e.actorOpenid ? users.get(e.actorOpenid) : undefined),
      reason: e.reason,
    })),
  };
};
