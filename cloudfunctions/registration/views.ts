/**
 * What each screen gets to see of a registration (house style 5: only the fields the screen
 * needs). The owner sees their own data in full; staff see the ID number masked, and only the
 * person's own caseworker sees the mobile number in full.
 */
import {
  actorLabel,
  ageOn,
  CANCEL_REASON_LABELS,
  declaredKeys,
  EDUCATION_LABELS,
  FIELD_LABELS,
  hasReachedRetirement,
  HUKOU_TYPE_LABELS,
  isActive,
  KEY_GROUP_LABELS,
  LOG_EVENT_LABELS,
  maskMobile,
  nextSteps,
  ORG_SERVICE_PHONES,
  pendingVerifications,
  REGISTRATION_STATUS_LABELS,
  registrationTags,
  SEPARATION_REASON_LABELS,
  STAFF_ORG_LABELS,
  townshipLabel,
  WORK_TYPE_LABELS,
  type KeyGroupTag,
  type OwnRegistration,
  type PersonDetail,
  type PersonSummary,
} from '@nuanxin/shared';
import { findOccupation } from '@nuanxin/shared/src/data/occupations';

import {
  registrationLogRepo,
  usersRepo,
  type LogRecord,
  type RegistrationRecord,
  type Store,
  type UserRecord,
} from '../_lib';

import { draftView, registeredPerson } from './sections';

export type CaseworkerCard = NonNullable<OwnRegistration['caseworker']>;

/** The caseworker as the citizen sees them: name, organisation, the organisation's hotline. */
export function caseworkerCard(user: UserRecord | null): CaseworkerCard | null {
  if (!user) return null;
  const org = user.org ?? 'employment';
  return {
    name: user.displayName,
    org,
    orgLabel: STAFF_ORG_LABELS[org],
    phone: ORG_SERVICE_PHONES[org],
  };
}

async function caseworkerOf(db: Store, record: RegistrationRecord): Promise<UserRecord | null> {
  return record.caseworkerOpenid ? usersRepo(db).byOpenid(record.caseworkerOpenid) : null;
}

const iso = (d: Date | string | null | undefined): string | null =>
  d ? new Date(d).toISOString() : null;

const tagViews = (tags: readonly KeyGroupTag[]) =>
  tags.map((key) => ({ key, label: KEY_GROUP_LABELS[key] }));

/** Today's tags: derived again for `now`, since age and time since separation move on. */
export function currentTags(record: RegistrationRecord, now: Date) {
  if (record.status === 'draft') return { tags: [], employmentDifficulty: false };
  const person = registeredPerson(record);
  return person
    ? registrationTags(person, now)
    : { tags: record.tags, employmentDifficulty: record.employmentDifficulty };
}

function pendingOf(record: RegistrationRecord) {
  return pendingVerifications({
    declarations: record.declarations,
    verified: record.verified,
  }).map((p) => ({ ...p, label: KEY_GROUP_LABELS[p.key] }));
}

export async function ownView(
  db: Store,
  record: RegistrationRecord,
  now: Date,
): Promise<OwnRegistration> {
  const caseworker = caseworkerCard(await caseworkerOf(db, record));
  const { tags } = currentTags(record, now);
  const pending = pendingOf(record);
  return {
    id: record._id,
    status: record.status,
    statusLabel: REGISTRATION_STATUS_LABELS[record.status],
    step: record.step,
    draft: draftView(record),
    tags: tagViews(tags),
    pendingVerifications: pending,
    caseworker,
    claimInsurance: record.work.claimInsurance === true,
    submittedAt: iso(record.submittedAt),
    registeredAt: iso(record.registeredAt),
    closedAt: iso(record.closedAt),
    closeReasonLabel: record.closeReason ? CANCEL_REASON_LABELS[record.closeReason] : null,
    nextSteps: nextSteps({
      status: record.status,
      caseworker,
      pending,
      tags,
      claimInsurance: record.work.claimInsurance === true,
      wantsTraining: record.wishes.wantsTraining === true,
      entrepreneurship: record.wishes.entrepreneurship === true,
    }),
    updatedAt: new Date(record.updatedAt).toISOString(),
  };
}

/** A person in a staff list: ID number masked, nothing decrypted. */
export function summaryView(record: RegistrationRecord, now: Date): PersonSummary {
  const { identity } = record;
  const { tags, employmentDifficulty } = currentTags(record, now);
  const township = record.township ?? identity.township ?? '';
  return {
    id: record._id,
    name: identity.name ?? '',
    idMasked: identity.idMasked ?? '',
    sex: identity.sex ?? 'female',
    age: identity.birthDate ? ageOn(identity.birthDate, now) : 0,
    township,
    townshipLabel: townshipLabel(township),
    status: record.status,
    statusLabel: REGISTRATION_STATUS_LABELS[record.status],
    tags: tagViews(tags),
    employmentDifficulty,
    pendingVerifications: pendingOf(record),
    consentWithdrawn: record.consentWithdrawnAt !== null,
    // The cancellation list (000 §1(4)) holds only what can still be cancelled for this reason:
    // an active registration. An employed person past retirement age is not flagged.
    reachedRetirement:
      isActive(record.status) &&
      identity.birthDate !== undefined &&
      identity.retirementCategory !== undefined
        ? hasReachedRetirement(identity.birthDate, identity.retirementCategory, now)
        : false,
    claimInsurance: record.work.claimInsurance === true,
    submittedAt: iso(record.submittedAt),
  };
}

/** Log entries for people: what happened, who did it, why; corrections name fields, not values. */
export function historyEntries(log: readonly LogRecord[]) {
  return log.map((entry) => {
    const fields = (entry.fields ?? []).map((f) => FIELD_LABELS[f] ?? f);
    const label = LOG_EVENT_LABELS[entry.event];
    return {
      at: new Date(entry.at).toISOString(),
      event: entry.event,
      label: fields.length > 0 ? `${label}：${fields.join('、')}` : label,
      by: actorLabel(entry.actorRole, entry.actorName),
      reason: entry.reason,
    };
  });
}

/**
 * A person as staff see them. `ownCaseworker`: the caller is the person's 包保 caseworker, who
 * needs the mobile number to call; everyone else sees it masked. The ID number is masked for all
 * staff (revealIdNumber is the audited way to see it).
 */
export async function detailView(
  db: Store,
  record: RegistrationRecord,
  now: Date,
  { ownCaseworker }: { ownCaseworker: boolean },
): Promise<PersonDetail> {
  const { identity, work, wishes } = record;
  const log = await registrationLogRepo(db).of([record._id]);
  const mobile = identity.mobile ?? '';
  return {
    ...summaryView(record, now),
    mobile: ownCaseworker ? mobile : maskMobile(mobile),
    community: identity.community ?? '',
    hukouPlace: identity.hukouPlace ?? '',
    hukouTypeLabel: identity.hukouType ? HUKOU_TYPE_LABELS[identity.hukouType] : '',
    educationLabel: identity.education ? EDUCATION_LABELS[identity.education] : '',
    graduationDate: identity.graduationDate ?? null,
    work: {
      lastEmployer: work.lastEmployer ?? '',
      separationDate: work.separationDate ?? null,
      separationReasonLabel: work.separationReason
        ? SEPARATION_REASON_LABELS[work.separationReason]
        : '',
      insured: work.insured === true,
    },
    declared: declaredKeys(record.declarations).map((key) => ({
      key,
      label: KEY_GROUP_LABELS[key],
      verified: record.verified[key] === true,
    })),
    wishes: {
      occupations: (wishes.occupations ?? []).map((code) => ({
        code,
        name: findOccupation(code)?.name ?? code,
      })),
      salaryMin: wishes.salaryMin ?? 0,
      salaryMax: wishes.salaryMax ?? 0,
      commuteKm: wishes.commuteKm ?? 0,
      workTypeLabels: (wishes.workTypes ?? []).map((t) => WORK_TYPE_LABELS[t]),
      wantsTraining: wishes.wantsTraining === true,
      trainingNeed: wishes.trainingNeed ?? '',
      entrepreneurship: wishes.entrepreneurship === true,
    },
    caseworker: caseworkerCard(await caseworkerOf(db, record)),
    history: historyEntries(log),
  };
}
