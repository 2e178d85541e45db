export * from './adScreening';
export * from './companyLifecycle';
export * from './lifecycle';
export * from './rules';
