export { consent } from './consent';
export { mine } from './mine';
export { stats } from './stats';
