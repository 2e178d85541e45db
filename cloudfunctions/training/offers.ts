/**
 * 000 §3(2): every person with a training need is offered at least one training institution.
 * An offer is recorded when the person's own training page recommends a course to them, or when
 * their caseworker recommends one; the caseworker sees each of their people as offered or not
 * yet offered, with this year's "131" training (001: at least 1 skills training a year).
 */
import {
  AppError,
  OFFER_SOURCE_LABELS,
  progress131,
  townshipLabel,
  yearKey,
  type OfferSummary,
} from '@nuanxin/shared';
import { enrolmentState, isActiveBooking, isCompletedBooking } from '@nuanxin/shared/src/training';

import {
  auditRepo,
  bookingsRepo,
  coursesRepo,
  membershipsRepo,
  offersRepo,
  registrationsRepo,
  registrationsWantingTraining,
  type ActionContext,
  type BookingRecord,
  type Handler,
  type OfferRecord,
  type RegistrationRecord,
} from '../_lib';

import { addOffer } from './offerRecords';
import { bookingViewsOf, cardOf, fittedCourses, needOf, recommendations } from './seeker';

const NOT_YOURS = '没有找到这名人员，或该人员不在您的服务范围内';

/** The caller's people with a training need: a caseworker's own, a supervisor's townships. */
async function peopleInScope(ctx: ActionContext): Promise<RegistrationRecord[]> {
  const { caller, db } = ctx;
  if (caller.role === 'caseworker') {
    const open = await membershipsRepo(db).openOf(caller.openid);
    const records = await registrationsRepo(db).byIds(open.map((m) => m.registrationId));
    return records.filter(
      (r) => (r.status === 'submitted' || r.status === 'registered') && r.wishes.wantsTraining,
    );
  }
  const townships = caller.user?.townships ?? [];
  return registrationsWantingTraining(db, townships.length > 0 ? townships : null);
}

async function personInScope(
  ctx: ActionContext,
  registrationId: string,
): Promise<RegistrationRecord> {
  const { caller, db } = ctx;
  if (caller.role === 'caseworker') {
    const membership = await membershipsRepo(db).openFor(registrationId);
    if (!membership || membership.caseworkerOpenid !== caller.openid) {
      throw new AppError('NOT_FOUND', NOT_YOURS);
    }
  }
  const record = await registrationsRepo(db).find(registrationId);
  const townships = caller.user?.townships ?? [];
  if (
    !record ||
    record.status === 'draft' ||
    (caller.role === 'supervisor' &&
      townships.length > 0 &&
      !(record.township && townships.includes(record.township)))
  ) {
    throw new AppError('NOT_FOUND', NOT_YOURS);
  }
  return record;
}

function completedThisYear(bookings: readonly BookingRecord[], now: Date) {
  return progress131(
    bookings
      .filter((b) => isCompletedBooking(b.status) && b.resultAt)
      .map((b) => ({ kind: 'training' as const, at: b.resultAt! })),
    yearKey(now),
  ).training;
}

function summaryOf(
  r: RegistrationRecord,
  offers: readonly OfferRecord[],
  bookings: readonly BookingRecord[],
  now: Date,
): OfferSummary {
  const mine = offers.filter((o) => o.registrationId === r._id);
  const booked = bookings.filter((b) => b.registrationId === r._id);
  return {
    registrationId: r._id,
    name: r.identity.name ?? '',
    townshipLabel: r.township ? townshipLabel(r.township) : '',
    trainingNeed: r.wishes.trainingNeed ?? '',
    offered: mine.length > 0,
    institutions: [...new Set(mine.map((o) => o.institutionName))],
    bookings: booked.filter((b) => isActiveBooking(b.status)).length,
    trainedThisYear: completedThisYear(booked, now).met,
  };
}

export const trainingOffers: Handler<'training', 'trainingOffers'> = async (input, ctx) => {
  const { caller, db, now } = ctx;
  if (input.registrationId) {
    const record = await personInScope(ctx, input.registrationId);
    const offers = await offersRepo(db).ofRegistrations([record._id]);
    const bookings = await bookingsRepo(db).ofRegistrations([record._id]);
    const need = needOf(record);
    const fitted = await fittedCourses(db, { registration: record, need, place: null }, now);
    const summary = summaryOf(record, offers, bookings, now);
    await auditRepo(db).append(
      { actorOpenid: caller.openid, action: 'training.trainingOffers', subjectId: record._id },
      now,
    );
    const training = completedThisYear(bookings, now);
    return {
      people: [summary],
      summary: {
        withNeed: need.wantsTraining ? 1 : 0,
        offered: summary.offered ? 1 : 0,
        notOffered: need.wantsTraining && !summary.offered ? 1 : 0,
      },
      person: {
        ...summary,
        offers: [...offers]
          .sort((a, b) => +new Date(b.at) - +new Date(a.at))
          .map((o) => ({
            institutionName: o.institutionName,
            courseId: o.courseId,
            courseTitle: o.courseTitle,
            source: o.source,
            sourceLabel: OFFER_SOURCE_LABELS[o.source],
            at: new Date(o.at).toISOString(),
          })),
        bookings: await bookingViewsOf(db, bookings, now),
        recommended: recommendations(fitted).map((f) => cardOf(f, now)),
        training131: { done: training.done, target: training.target, met: training.met },
      },
    };
  }

  const people = await peopleInScope(ctx);
  const ids = people.map((p) => p._id);
  const offers = await offersRepo(db).ofRegistrations(ids);
  const bookings = await bookingsRepo(db).ofRegistrations(ids);
  const rows = people
    .map((r) => summaryOf(r, offers, bookings, now))
    // Those not yet offered first: they are the caseworker's work.
    .sort((a, b) => Number(a.offered) - Number(b.offered) || a.name.localeCompare(b.name, 'zh'));
  await auditRepo(db).append(
    {
      actorOpenid: caller.openid,
      action: 'training.trainingOffers',
      detail: {
        count: rows.length,
        ids: rows
          .slice(0, 300)
          .map((r) => r.registrationId)
          .join(','),
      },
    },
    now,
  );
  const offered = rows.filter((r) => r.offered).length;
  return {
    people: rows,
    summary: { withNeed: rows.length, offered, notOffered: rows.length - offered },
    person: null,
  };
};

export const offerCourse: Handler<'training', 'offerCourse'> = async (input, ctx) => {
  const { caller, db, now } = ctx;
  const record = await personInScope(ctx, input.registrationId);
  const course = await coursesRepo(db).find(input.courseId);
  if (!course) throw new AppError('NOT_FOUND', '没有找到这门课程');
  if (enrolmentState(course, now) !== 'open') {
    throw new AppError('CONFLICT', '这门课程现在不能报名，请推荐其他课程');
  }
  const added = await addOffer(db, record, course, 'caseworker', caller.openid, now);
  const offers = await offersRepo(db).ofRegistrations([record._id]);
  return { offered: added, institutions: [...new Set(offers.map((o) => o.institutionName))] };
};
