export * from './lifecycle';
export * from './consent';
export * from './assignment';
