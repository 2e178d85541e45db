export {
  createFunction,
  type ActionContext,
  type Handler,
  type Handlers,
  type TimerEvent,
} from './router';
export {
  database,
  wxContext,
  callFunction,
  rows,
  docOf,
  transaction,
  type Database,
  type Store,
} from './cloud';
export { callerFrom, type Caller } from './caller';
export { toFailure, isDuplicateWrite, isCollectionMissing } from './errors';
export { usersRepo, type UserRecord, type NewUser } from './repos/users';
export { auditRepo, type AuditEntry } from './repos/audit';
export { encryptField, decryptField, lookupHash } from './crypto';
