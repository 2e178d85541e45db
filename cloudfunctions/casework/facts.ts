/**
 * What the workbench is computed from, read once per request: the people's registrations, their
 * contacts, the positions pushed to them (issue 5) and their completed trainings (issue 6).
 * Everything shown (due dates, "131", push plans) is derived from these records at read time;
 * nothing is a stored counter that could drift (issue 7).
 */
import {
  applies131,
  appliesPushPlan,
  distinctIntroductions,
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
  type IntroductionRecord,
  type ServiceRecord,
} from '@nuanxin/shared';
import { wantsInternship } from '@nuanxin/shared/src/matching/internship';
import { isCompletedBooking } from '@nuanxin/shared/src/training';

import {
  allRows,
  bookingsRepo,
  contactsRepo,
  isCollectionMissing,
  pushesRepo,
  requestsRepo,
  type BookingRecord,
  type ContactRecord,
  type PushRecord,
  type RegistrationRecord,
  type Store,
} from '../_lib';
import { summaryView } from '../registration/views';

const CHUNK = 100;

/**
 * Rows of a collection another issue owns, or none while it does not exist (a deployment that
 * has not created it yet).
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
  /** Positions pushed by the platform (issue 5), oldest first. */
  pushes: PushRecord[];
  /** Training bookings of the registration (issue 6), any status. */
  bookings: BookingRecord[];
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
  const [contacts, pushes, bookings, unanswered] = await Promise.all([
    contactsRepo(db).of(ids),
    pushesRepo(db).ofRegistrations(ids),
    bookingsRepo(db).ofRegistrations(ids),
    requestsRepo(db).ofRegistrations(ids, ['open']),
  ]);
  const contactsOf = groupBy(contacts, (c) => c.registrationId);
  const pushesOf = groupBy(pushes, (p) => p.registrationId);
  const bookingsOf = groupBy(bookings, (b) => b.registrationId ?? '');
  const unansweredOf = groupBy(unanswered, (r) => r.registrationId ?? '');
  return records.map((record) => ({
    record,
    contacts: contactsOf.get(record._id) ?? [],
    pushes: pushesOf.get(record._id) ?? [],
    bookings: bookingsOf.get(record._id) ?? [],
    unanswered: (unansweredOf.get(record._id) ?? []).length,
  }));
}

/**
 * The "1" training of "131": a training the person completed (a booking with its assessment
 * result), dated by the result — not a referral, and not the booking's last change.
 */
export function completedTrainings(bookings: readonly BookingRecord[]): ServiceRecord[] {
  return bookings
    .filter((b) => isCompletedBooking(b.status) && b.resultAt)
    .map((b) => ({ kind: 'training', at: b.resultAt! }));
}

/**
 * The positions that reached the person: the platform's pushes and the caseworker's job
 * referrals (a point-to-point push too, 000 §4(6)), each vacancy once.
 */
export function introductionsOf(facts: Pick<PersonFacts, 'contacts' | 'pushes'>) {
  const referrals: IntroductionRecord[] = facts.contacts
    .filter((c) => c.kind === 'jobReferral')
    .map((c) => ({
      at: c.at,
      vacancyId: c.vacancy?.id ?? null,
      publicWelfare: c.vacancy?.publicWelfare === true,
      internship: c.vacancy?.internship === true,
    }));
  const pushed: IntroductionRecord[] = facts.pushes.map((p) => ({
    at: p.at,
    vacancyId: p.vacancyId,
    publicWelfare: p.publicWelfare === true,
    internship: p.internship === true,
  }));
  return distinctIntroductions([...referrals, ...pushed]);
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
  const introductions = introductionsOf(facts);
  const services: ServiceRecord[] = [
    ...servicesOf(facts.contacts.filter((c) => c.kind !== 'jobReferral')),
    ...introductions.map((p): ServiceRecord => ({ kind: 'jobIntroduction', at: p.at })),
    ...completedTrainings(facts.bookings),
  ];
  const plan = appliesPushPlan(follow.situation)
    ? pushPlan(
        introductions,
        monthKey(now),
        {
          difficult: summary.employmentDifficulty,
          wantsInternship: wantsInternship(
            summary.tags.map((t) => t.key),
            facts.record.wishes?.wantsInternship,
          ),
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
