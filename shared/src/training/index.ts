/**
 * Vocational training (issue 6; 000 §3): institutions and courses, the booking lifecycle, the
 * yearly free quota, certificates within 2 months and the fit of a course to a person's need.
 * Pure: no storage, no clock but the instants passed in.
 */
export * from './certificates';
export * from './course';
export * from './lifecycle';
export * from './matching';
export * from './notices';
export * from './quota';
