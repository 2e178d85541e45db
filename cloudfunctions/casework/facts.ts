/**
 * What the workbench is computed from, read once per request: the people's registrations, their
 * contacts, and — when those collections exist — job pushes (issue 5) and completed trainings
 * (issue 6). Everything shown (due dates, "131", push plans) is derived from these records at
 * read time; nothing is a stored counter that could drift (issue 7).
 */
import {
  applies131,
  appliesPushPlan,
  EMPLOYMENT_SITUATION_LABELS,
  FOLLOW_UP_STATE_LABELS,
  followUpOf,
  intervalLabel,
  monthKey,
  PLAN_STATE_LABELS,
  progress131,
  pushPlan,
  servicesOf,
  yearKey,
  type CaseloadEntry,
  type ContactFacts,
  type FollowUp,
  type PushRecord,
  type ServiceRecord,
} from '@nuanxin/shared';

import {
  allRows,
  command,
  contactsRepo,
  isCollectionMissing,
  requestsRepo,
  type ContactRecord,
  type RegistrationRecord,
  type Store,
} from '../_lib';
import { summaryView } from '../registration/views';

/** A push of a position to a person (issue 5's `pushes`, when it exists). */
interface StoredPush {
  registrationId: string;
  at: Date;
  publicWelfare?: boolean;
  internship?: boolean;
}

/** A training booking (issue 6's `training_bookings`, when it exists); read defensively. */
export interface StoredBooking {
  _id: string;
  registrationId?: string;
  openid?: string;
  status?: string;
  bookedAt?: Date;
  updatedAt?: Date;
  courseTitle?: string;
  title?: string;
  course?: { title?: string };
}

/** Training bookings that ended in an assessment count as the "1" training of "131". */
const COMPLETED_BOOKINGS = new Set(['passed', 'failed', 'completed']);

const CHUNK = 100;

/**
 * Rows of a collection another issue owns, or none while it does not exist yet (the workbench
 * grows with the matching and training issues without waiting for them).
 */
export async function optionalRows<T>(
  db: Store,
  name: string,
  where: (ids: string[]) => Record<string, unknown>,
  ids: readonly string[],
): Promise<T[]> {
  const out: T[] = [];
  try {
    for (let i = 0; i < ids.length; i += CHUNK) {
      out.push(
        ...(await allRows<T>(db.collection(name).where(where(ids.slice(i, i + CHUNK))), 1000)),
      );
    }
  } catch (error) {
    if (isCollectionMissing(error)) return [];
    throw error;
  }
  return out;
}

export interface PersonFacts {
  record: RegistrationRecord;
  contacts: ContactRecord[];
  /** Pushes of the matching issue (not the caseworker's own referrals, which are contacts). */
  pushes: PushRecord[];
  /** Completed trainings (issue 6) as "131" services. */
  trainings: ServiceRecord[];
  /** Requests waiting for a first answer. */
  unanswered: number;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** Reads everything the schedule and progress of these people need. */
export async function gatherFacts(
  db: Store,
  records: readonly RegistrationRecord[],
): Promise<PersonFacts[]> {
  const ids = records.map((r) => r._id);
  if (ids.length === 0) return [];
  const _ = command();
  const [contacts, pushes, bookings, unanswered] = await Promise.all([
    contactsRepo(db).of(ids),
    optionalRows<StoredPush>(db, 'pushes', (chunk) => ({ registrationId: _.in(chunk) }), ids),
    optionalRows<StoredBooking>(
      db,
      'training_bookings',
      (chunk) => ({ registrationId: _.in(chunk) }),
      ids,
    ),
    requestsRepo(db).ofRegistrations(ids, ['open']),
  ]);
  const contactsOf = groupBy(contacts, (c) => c.registrationId);
  const pushesOf = groupBy(pushes, (p) => p.registrationId);
  const bookingsOf = groupBy(bookings, (b) => b.registrationId ?? '');
  const unansweredOf = groupBy(unanswered, (r) => r.registrationId ?? '');
  return records.map((record) => {
    const pushed: PushRecord[] = (pushesOf.get(record._id) ?? []).map((p) => ({
      at: p.at,
      publicWelfare: p.publicWelfare === true,
      internship: p.internship === true,
    }));
    const trainings: ServiceRecord[] = (bookingsOf.get(record._id) ?? [])
      .filter((b) => b.status !== undefined && COMPLETED_BOOKINGS.has(b.status))
      .map((b) => ({ kind: 'training', at: b.updatedAt ?? b.bookedAt ?? record.updatedAt }));
    return {
      record,
      contacts: contactsOf.get(record._id) ?? [],
      pushes: pushed,
      trainings,
      unanswered: (unansweredOf.get(record._id) ?? []).length,
    };
  });
}

/** When the registration entered its status: the status change that set the situation. */
export function statusSince(record: RegistrationRecord): Date {
  const at =
    record.status === 'employed' || record.status === 'flexible'
      ? (record.closedAt ?? record.updatedAt)
      : (record.submittedAt ?? record.createdAt);
  return new Date(at);
}

export function contactFacts(c: ContactRecord): ContactFacts {
  return { kind: c.kind, outcome: c.outcome, at: c.at, situation: c.situation };
}

export function followUpFor(facts: PersonFacts, now: Date): FollowUp | null {
  return followUpOf(
    {
      status: facts.record.status,
      statusSince: statusSince(facts.record),
      contacts: facts.contacts.map(contactFacts),
    },
    now,
  );
}

/** One person on the workbench; null when they are not followed up (draft, cancelled). */
export function entryOf(facts: PersonFacts, now: Date): CaseloadEntry | null {
  const follow = followUpFor(facts, now);
  if (!follow) return null;
  const summary = summaryView(facts.record, now);
  const services: ServiceRecord[] = [
    ...servicesOf(facts.contacts),
    ...facts.pushes.map((p): ServiceRecord => ({ kind: 'jobIntroduction', at: p.at })),
    ...facts.trainings,
  ];
  // A caseworker's job referral is a point-to-point push too (000 §4(6)).
  const referrals: PushRecord[] = facts.contacts
    .filter((c) => c.kind === 'jobReferral')
    .map((c) => ({ at: c.at, publicWelfare: false, internship: false }));
  const plan = appliesPushPlan(follow.situation)
    ? pushPlan(
        [...referrals, ...facts.pushes],
        monthKey(now),
        {
          difficult: summary.employmentDifficulty,
          wantsInternship: summary.tags.some((t) => t.key === 'recentGraduate'),
        },
        now,
      )
    : null;
  return {
    ...summary,
    followUp: {
      situation: follow.situation,
      situationLabel: EMPLOYMENT_SITUATION_LABELS[follow.situation],
      due: follow.due,
      state: follow.state,
      stateLabel: FOLLOW_UP_STATE_LABELS[follow.state],
      overdueDays: follow.overdueDays,
      lastContactAt: follow.lastContactAt ? follow.lastContactAt.toISOString() : null,
      intervalLabel: intervalLabel(follow.intervalMonths),
    },
    progress131: applies131(follow.situation) ? progress131(services, yearKey(now)) : null,
    pushPlan: plan ? { ...plan, stateLabel: PLAN_STATE_LABELS[plan.state] } : null,
    openRequests: facts.unanswered,
  };
}
