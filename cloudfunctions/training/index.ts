/**
 * `training`: vocational training (issue 6; 000 §3) — the catalogue with courses fitting each
 * person's training need, booking with seats that are never overbooked, the waitlist and its
 * promotions, the yearly free quota, attendance and results, certificate tasks, the offers each
 * person with a training need gets (000 §3(2)), and the daily timer (config.json) for confirm
 * deadlines and overdue certificates.
 */
import { createFunction } from '../_lib';

import { recordAttendance, recordResults, roster } from './attendance';
import { certificates, issueCertificate } from './certificates';
import { cancelCourse, reviewCourse } from './courseState';
import { offerCourse, trainingOffers } from './offers';
import { acceptSeat, apply, cancel, catalogue, courseDetail, myBookings } from './seeker';
import { institutions, manageCourses, saveCourse, saveInstitution, staffCourse } from './staff';
import { dailyTraining } from './timer';

export const main = createFunction(
  'training',
  {
    catalogue,
    courseDetail,
    apply,
    cancel,
    acceptSeat,
    myBookings,
    institutions,
    saveInstitution,
    manageCourses,
    staffCourse,
    saveCourse,
    reviewCourse,
    cancelCourse,
    roster,
    recordAttendance,
    recordResults,
    certificates,
    issueCertificate,
    trainingOffers,
    offerCourse,
  },
  { onTimer: (_event, { db, now }) => dailyTraining(db, now) },
);
