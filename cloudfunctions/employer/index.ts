/**
 * `employer`: company onboarding and colleagues, vacancies with discrimination screening, the
 * 市场服务中心's review queue, staff edits, vacancy ledger and key enterprises, and the nightly
 * expiry of vacancies (timer in config.json).
 */
import { createFunction } from '../_lib';

import { colleagues, inviteColleague, joinCompany, removeColleague } from './colleagues';
import { myCompany, registerCompany, updateCompany } from './company';
import { endKeyEnterprise, keyEnterprises, marketStaff, setKeyEnterprise } from './enterprises';
import { vacancyHistory } from './history';
import { ledger, review, reviewQueue } from './staff';
import { staffEditVacancy } from './staffEdit';
import { expireVacancies } from './timer';
import { myVacancies, saveVacancy, setVacancyStatus } from './vacancy';

export const main = createFunction(
  'employer',
  {
    myCompany,
    registerCompany,
    updateCompany,
    inviteColleague,
    joinCompany,
    colleagues,
    removeColleague,
    saveVacancy,
    myVacancies,
    setVacancyStatus,
    vacancyHistory,
    reviewQueue,
    review,
    staffEditVacancy,
    ledger,
    setKeyEnterprise,
    endKeyEnterprise,
    keyEnterprises,
    marketStaff,
  },
  { onTimer: (_event, { db, now }) => expireVacancies(db, now) },
);
