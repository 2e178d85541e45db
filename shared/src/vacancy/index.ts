export * from './adScreening';
export * from './lifecycle';
export * from './rules';
