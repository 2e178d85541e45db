export { apply } from './apply';
export { detail } from './detail';
export { applicant, applicants, moveApplication } from './employer';
export { interested, markInterest, myInterests } from './interest';
export { myApplications, withdraw } from './mine';
export { search } from './search';
