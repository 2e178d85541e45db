export { apply } from './apply';
export { detail } from './detail';
export { applicant, applicants, moveApplication } from './employer';
export { myApplications, withdraw } from './mine';
export { search } from './search';
