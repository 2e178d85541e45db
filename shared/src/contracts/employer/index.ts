export { ledger } from './ledger';
export { myCompany } from './myCompany';
export { myVacancies } from './myVacancies';
export { registerCompany } from './registerCompany';
export { review } from './review';
export { reviewQueue } from './reviewQueue';
export { saveVacancy } from './saveVacancy';
export { setVacancyStatus } from './setVacancyStatus';
