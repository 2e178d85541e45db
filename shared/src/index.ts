/**
 * @nuanxin/shared — pure domain and contracts. Imports nothing but zod and dayjs; no wx, no Taro,
 * no I/O. Large reference data (occupations) is imported from its own module path.
 */
export * from './result';
export * from './zod';
export * from './roles';
export * from './time';
export * from './contracts';
export * from './db/collections';
export * from './data/places';
export { CITY, COUNTIES, TOWNSHIPS, type County, type Township } from './data/divisions';
export * from './config/templates';
export * from './config/contacts';
export type { DevAccount } from './devAccounts';
export * from './identity/idCard';
export * from './identity/uscc';
export * from './eligibility';
export * from './registration';
export * from './invitation';
export * from './vacancy';
export * from './casework';
