/**
 * Stored records → the matcher's plain shapes (`@nuanxin/shared/src/matching`), so every function
 * that scores a seeker against a vacancy (matching, push) scores them the same way.
 */
import {
  DECLARATION_KEYS,
  registrationTags,
  type Declarations,
  type KeyGroupTag,
} from '@nuanxin/shared';
import type { MatchSeeker, MatchVacancy } from '@nuanxin/shared/src/matching';
import { wantsInternship } from '@nuanxin/shared/src/matching/internship';

import type { ApplicationRecord } from './repos/applications';
import type { RegistrationRecord } from './repos/registrations';
import { vacancyFacts, type VacancyRecord } from './repos/vacancies';

/** What `seekerOf` needs of a push (the `pushes` collection): which vacancy, and when. */
export interface PushLike {
  vacancyId: string;
  at: Date | string;
}

const HOUR_MS = 3_600_000;

/**
 * The Shanghai calendar day of an instant, without the time-zone library: China has kept UTC+8
 * all year since 1991, and this runs for every push and vacancy of a nightly pass.
 */
export function shanghaiDay(at: Date | string): string {
  return new Date(new Date(at).getTime() + 8 * HOUR_MS).toISOString().slice(0, 10);
}

function declarationsOf(d: Declarations): Declarations {
  const out: Declarations = {};
  for (const key of DECLARATION_KEYS) if (d[key] === true) out[key] = true;
  return out;
}

/**
 * The person's 重点群体 tags: derived for `now` when given (tags change with the calendar),
 * else as stored by the last write or the daily registration timer (02:00) — what batch passes
 * use, as deriving them costs a time-zone computation per person.
 */
export function seekerTags(r: RegistrationRecord, now?: Date): KeyGroupTag[] {
  const { birthDate, sex, education } = r.identity;
  if (!now || !birthDate || !sex || !education) return [...(r.tags ?? [])];
  return registrationTags(
    {
      birthDate,
      sex,
      education,
      graduationDate: r.identity.graduationDate ?? null,
      separationDate: r.work?.separationDate ?? null,
      declarations: declarationsOf(r.declarations ?? {}),
      verified: r.verified ?? {},
    },
    now,
  ).tags;
}

/**
 * A registered seeker as the matcher sees them. `applications`: the person's applications (any
 * state; others' are ignored); `pushes`: vacancies pushed to them (the matcher excludes those of
 * the last 30 days). `now`: derive today's tags (else the stored ones). The form asks no years of
 * experience or certificates, so they count as none. 见习岗位: `wantsInternship` — graduates within
 * 2 years unless they answered no on the form (no answer: offered, as before the question).
 */
export function seekerOf(
  registration: RegistrationRecord,
  applications: readonly Pick<ApplicationRecord, 'vacancyId' | 'openid'>[],
  pushes: readonly PushLike[],
  now?: Date,
): MatchSeeker {
  const wishes = registration.wishes ?? {};
  const tags = seekerTags(registration, now);
  const recentlyPushed: Record<string, string> = {};
  for (const p of pushes) {
    const day = shanghaiDay(p.at);
    const known = recentlyPushed[p.vacancyId];
    if (!known || known < day) recentlyPushed[p.vacancyId] = day;
  }
  const home = registration.identity.location;
  return {
    id: registration._id,
    occupationCodes: [...(wishes.occupations ?? [])],
    home:
      home && typeof home.lng === 'number' && typeof home.lat === 'number'
        ? { lng: home.lng, lat: home.lat }
        : null,
    township: registration.township ?? registration.identity.township ?? null,
    maxCommuteKm: typeof wishes.commuteKm === 'number' ? wishes.commuteKm : Infinity,
    salaryExpectation: typeof wishes.salaryMin === 'number' ? wishes.salaryMin : null,
    workTypes: [...(wishes.workTypes ?? [])],
    education: registration.identity.education ?? null,
    experienceYears: 0,
    certificates: [],
    tags,
    wantsInternship: wantsInternship(tags, wishes.wantsInternship),
    appliedVacancyIds: applications
      .filter((a) => a.openid === registration.openid)
      .map((a) => a.vacancyId),
    recentlyPushed,
  };
}

/**
 * A vacancy as the matcher sees it. `hiredCount`: its applications in state 'hired' (a full
 * vacancy is not recommended). The matcher does not know the company: leave out vacancies of a
 * company that is not (or no longer) verified — they are not open (jobs/open.ts).
 */
export function vacancyOf(record: VacancyRecord, hiredCount: number): MatchVacancy {
  const facts = vacancyFacts(record);
  return {
    id: record._id,
    occupationCode: record.occupationCode,
    location: facts.location,
    township: record.township ?? null,
    salaryMin: record.salaryMin,
    salaryMax: record.salaryMax,
    workType: record.workType,
    minEducation: facts.minEducation,
    minExperienceYears: facts.minExperienceYears,
    certificates: facts.certificates,
    flags: {
      publicWelfare: record.flags?.publicWelfare === true,
      internship: record.flags?.internship === true,
      assistance: record.flags?.assistance === true,
      disabilityFriendly: record.flags?.disabilityFriendly === true,
    },
    status: record.status,
    validUntil: record.validUntil,
    // Records keep no separate publication time; the public list shows createdAt as 发布时间.
    publishedAt: shanghaiDay(record.createdAt),
    headcount: record.headcount,
    hiredCount,
  };
}
