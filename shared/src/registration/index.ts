export * from './lifecycle';
export * from './consent';
export * from './assignment';
export * from './log';
export * from './profile';
