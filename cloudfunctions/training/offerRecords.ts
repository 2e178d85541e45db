/**
 * Offers of training institutions (000 §3(2)), recorded once per person and course: by the
 * person's training page when it recommends a course, or by their caseworker.
 */
import {
  isDuplicateWrite,
  offersRepo,
  type CourseRecord,
  type OfferRecord,
  type RegistrationRecord,
  type Store,
} from '../_lib';

/** Records the page's recommendations as offers; an offer made before stays as it was. */
export async function recordPageOffers(
  db: Store,
  registration: RegistrationRecord,
  courses: readonly CourseRecord[],
  now: Date,
): Promise<void> {
  const known = new Set(
    (await offersRepo(db).ofRegistrations([registration._id])).map((o) => o.courseId),
  );
  for (const course of courses) {
    if (known.has(course._id)) continue;
    await addOffer(db, registration, course, 'page', null, now);
  }
}

export async function addOffer(
  db: Store,
  registration: RegistrationRecord,
  course: CourseRecord,
  source: OfferRecord['source'],
  byOpenid: string | null,
  now: Date,
): Promise<boolean> {
  try {
    await offersRepo(db).add({
      offerKey: `${registration._id}:${course._id}`,
      registrationId: registration._id,
      openid: registration.openid,
      institutionId: course.institutionId,
      institutionName: course.institutionName,
      courseId: course._id,
      courseTitle: course.title,
      source,
      byOpenid,
      at: now,
    });
    return true;
  } catch (error) {
    // Offered already (a concurrent view or an earlier recommendation).
    if (isDuplicateWrite(error)) return false;
    throw error;
  }
}
