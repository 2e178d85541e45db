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
  allRows,
  command,
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
export { isOwnPhoto, photoFolderOf, tempUrls, PHOTO_LINK_SECONDS } from './files';
export {
  registrationsRepo,
  withoutId,
  draftKey,
  idKey,
  closedKey,
  type RegistrationRecord,
  type NewRegistration,
  type StoredIdentity,
  type StoredWork,
  type StoredWishes,
  type StoredDeclarations,
} from './repos/registrations';
export { membershipsRepo, type MembershipRecord } from './repos/memberships';
export { consentsRepo, type ConsentRecord } from './repos/consents';
export { registrationLogRepo, type LogRecord, type NewLogEntry } from './repos/registrationLog';
export { claimsRepo, type ClaimRecord } from './repos/claims';
export { messagesRepo, type MessageRecord } from './repos/messages';
export { jobsRepo, type JobRecord } from './repos/jobs';
export {
  notify,
  deliver,
  type Notice,
  type NotifyOptions,
  type Delivery,
  type DeliveryReport,
} from './notify';
export {
  companiesRepo,
  vacanciesRepo,
  logVacancy,
  logCompany,
  screeningEventsRepo,
  vacancyAdKey,
  newAdKey,
  adTextKey,
  companyPoint,
  geoPoint,
  lngLatOf,
  townshipCentre,
  vacancyFacts,
  type CompanyRecord,
  type GeoPoint,
  type KeyStaffPointer,
  type LngLat,
  type VacancyRecord,
  type NewVacancy,
  type VacancyLogEntry,
  type CompanyLogEntry,
  type ScreeningEventRecord,
  type AdTexts,
} from './repos/vacancies';
export {
  applicationsRepo,
  applicationLogRepo,
  type ApplicationRecord,
  type ApplicationLogRecord,
  type ApplicantSnapshot,
  type NewApplication,
} from './repos/applications';
export {
  contactsRepo,
  plansRepo,
  type ContactRecord,
  type NewContact,
  type PlanRecord,
} from './repos/contacts';
export {
  requestsRepo,
  remindersRepo,
  type RequestRecord,
  type NewRequest,
  type RequestMessageRecord,
} from './repos/requests';
export * from './repos/training';
export * from './repos/recommendations';
export { seekerOf, seekerTags, vacancyOf, type PushLike } from './matching';
export {
  pushesRepo,
  pushSubscriptionsRepo,
  pushKey,
  MAX_PUSH_QUOTA,
  type PushRecord,
  type PushSubscriptionRecord,
} from './repos/pushes';
export { hireConfirmationsRepo, type HireConfirmationRecord, type HireStatus } from './repos/hires';
export { interestsRepo, interestKey, type InterestRecord } from './repos/interests';
