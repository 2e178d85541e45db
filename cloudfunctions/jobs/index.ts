/**
 * `jobs`: open vacancies for seekers (browse, a vacancy's page), applications (apply with the
 * fields the applicant chooses to share, my applications, withdraw), 感兴趣 (mark or take back
 * interest in an open vacancy; the employer sees those interested, masked) and the employer's
 * applicants (list with counts, open one, move it on). Every change of an application is logged
 * and told to the applicant. Daily at 09:00 a timer nudges employers about applications
 * unanswered for 7 days, and hands those unanswered for 14 days to the company's 包保 staff member.
 * A hire opens a confirmation task for the seeker's caseworker.
 */
import { createFunction } from '../_lib';

import { applicant, applicants, moveApplication } from './employer';
import { interested, markInterest, myInterests } from './interest';
import { apply, detail, myApplications, search, withdraw } from './seeker';
import { escalateUnanswered, remindEmployers } from './timer';

export const main = createFunction(
  'jobs',
  {
    search,
    detail,
    apply,
    myApplications,
    withdraw,
    applicants,
    applicant,
    moveApplication,
    markInterest,
    myInterests,
    interested,
  },
  {
    onTimer: async (_event, { db, now }) => {
      await remindEmployers(db, now);
      await escalateUnanswered(db, now);
    },
  },
);
