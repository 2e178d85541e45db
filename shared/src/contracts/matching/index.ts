export { suggestedCandidates, inviteCandidate } from './candidates';
export { mine } from './mine';
export { preferences, setPreferences } from './preferences';
