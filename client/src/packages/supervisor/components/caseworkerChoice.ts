/**
 * Ordering the caseworkers a supervisor can pick for a person: those with room before those at
 * their cap, the organisation the assignment rule would choose first (graduates within 2 years
 * → 人才服务中心, others → 就业中心; `organisationFor` in shared), then the least loaded.
 */
import { organisationFor } from '@nuanxin/shared';

import type { CallOutput } from '../../../services/cloud';

export type CaseworkerOption = CallOutput<'registration', 'caseworkers'>['caseworkers'][number];

export const isFull = (c: Pick<CaseworkerOption, 'load' | 'cap'>) => c.load >= c.cap;

export function rankCaseworkers(
  caseworkers: readonly CaseworkerOption[],
  person: { recentGraduate: boolean },
): { caseworker: CaseworkerOption; fitsOrg: boolean }[] {
  const org = organisationFor(person);
  return caseworkers
    .map((caseworker) => ({ caseworker, fitsOrg: caseworker.org === org }))
    .sort(
      (a, b) =>
        Number(isFull(a.caseworker)) - Number(isFull(b.caseworker)) ||
        Number(b.fitsOrg) - Number(a.fitsOrg) ||
        a.caseworker.load / Math.max(a.caseworker.cap, 1) -
          b.caseworker.load / Math.max(b.caseworker.cap, 1) ||
        a.caseworker.name.localeCompare(b.caseworker.name, 'zh-CN'),
    );
}
