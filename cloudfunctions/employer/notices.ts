/** Telling a company's people: every current employer user of the company gets the notice. */
import { allRows, notify, type Notice, type NotifyOptions, type Store } from '../_lib';

/** The employer's list of vacancies, where every vacancy notice opens. */
export const MY_VACANCIES_PAGE = 'packages/employer/vacancies/index';
/** The company's page (its verification status). */
export const COMPANY_PAGE = 'packages/employer/company/index';

export async function notifyCompany(
  db: Store,
  companyId: string,
  notice: Omit<Notice, 'openid'>,
  now: Date,
  options: NotifyOptions = {},
): Promise<void> {
  const people = await allRows<{ openid: string }>(
    db.collection('users').where({ companyId, role: 'employer' }),
  );
  for (const person of people) {
    await notify(db, { openid: person.openid, ...notice }, now, options);
  }
}
