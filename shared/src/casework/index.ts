export * from './cadence';
export * from './services131';
export * from './requests';
export * from './contacts';
export * from './hires';
