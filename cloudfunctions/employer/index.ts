/**
 * `employer`: company onboarding, vacancies with discrimination screening, the 市场服务中心's
 * review queue and vacancy ledger, and the daily expiry of vacancies (timer in config.json).
 */
import { createFunction } from '../_lib';

import { myCompany, registerCompany } from './company';
import { ledger, review, reviewQueue } from './staff';
import { expireVacancies } from './timer';
import { myVacancies, saveVacancy, setVacancyStatus } from './vacancy';

export const main = createFunction(
  'employer',
  {
    myCompany,
    registerCompany,
    saveVacancy,
    myVacancies,
    setVacancyStatus,
    reviewQueue,
    review,
    ledger,
  },
  { onTimer: (_event, { db, now }) => expireVacancies(db, now) },
);
