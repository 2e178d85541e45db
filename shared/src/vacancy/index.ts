export * from './adScreening';
export * from './lifecycle';
