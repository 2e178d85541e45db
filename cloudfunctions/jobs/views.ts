/**
 * What each screen of the jobs function gets to see (house style 5). A public vacancy carries
 * the ad and nothing of its review, staff notes or author; the applicant's view of an
 * application never carries the employer's internal note; the employer's view carries only
 * what the applicant chose to share.
 */
import {
  ALWAYS_SHARED,
  APPLICANT_HISTORY_LABELS,
  APPLICATION_STATUS_LABELS,
  APPLICATION_TABLE,
  EDUCATION_LABELS,
  EMPLOYER_EVENT_LABELS,
  EMPLOYER_EVENTS,
  EMPLOYER_HISTORY_LABELS,
  EMPLOYER_STATUS_LABELS,
  MIN_EDUCATION_LABELS,
  SHARE_KEYS,
  SHARE_LABELS,
  townshipLabel,
  VACANCY_FLAG_LABELS,
  VACANCY_FLAGS,
  VACANCY_WORK_TYPE_LABELS,
  type ApplicantDetail,
  type ApplicantSummary,
  type ApplicationStatus,
  type MyApplication,
  type PublicVacancy,
} from '@nuanxin/shared';
import { findOccupation } from '@nuanxin/shared/src/data/occupations';

import {
  vacancyFacts,
  type ApplicationLogRecord,
  type ApplicationRecord,
  type VacancyRecord,
} from '../_lib';

const iso = (d: Date | string) => new Date(d).toISOString();

export function publicVacancy(v: VacancyRecord, applied: boolean): PublicVacancy {
  const facts = vacancyFacts(v);
  return {
    id: v._id,
    title: v.title,
    companyName: v.companyName,
    occupationCode: v.occupationCode,
    occupationName: findOccupation(v.occupationCode)?.name ?? '',
    headcount: v.headcount,
    salaryMin: v.salaryMin,
    salaryMax: v.salaryMax,
    workType: v.workType,
    workTypeLabel: VACANCY_WORK_TYPE_LABELS[v.workType],
    township: v.township,
    townshipLabel: townshipLabel(v.township),
    flags: {
      publicWelfare: v.flags?.publicWelfare === true,
      internship: v.flags?.internship === true,
      assistance: v.flags?.assistance === true,
      disabilityFriendly: v.flags?.disabilityFriendly === true,
    },
    flagLabels: VACANCY_FLAGS.filter((f) => v.flags?.[f]).map((f) => VACANCY_FLAG_LABELS[f]),
    validUntil: v.validUntil,
    minEducationLabel: facts.minEducation ? MIN_EDUCATION_LABELS[facts.minEducation] : null,
    minExperienceYears: facts.minExperienceYears,
    certificates: facts.certificates,
    postedAt: iso(v.createdAt),
    applied,
  };
}

function history(
  log: readonly ApplicationLogRecord[],
  labels: Record<string, string>,
): { at: string; label: string; note: string | null }[] {
  return log.map((entry) => ({
    at: iso(entry.at),
    label: labels[entry.event] ?? entry.event,
    note: entry.note,
  }));
}

const OPEN_STATUSES: ApplicationStatus[] = ['applied', 'viewed', 'interview', 'offered'];

/** The applicant's view: their own application, the employer's replies, no internal note. */
export function myApplicationView(
  a: ApplicationRecord,
  log: readonly ApplicationLogRecord[],
  vacancyOpen: boolean,
): MyApplication {
  return {
    id: a._id,
    vacancyId: a.vacancyId,
    vacancy: {
      title: a.vacancy.title,
      companyName: a.vacancy.companyName,
      townshipLabel: townshipLabel(a.vacancy.township),
      salaryMin: a.vacancy.salaryMin,
      salaryMax: a.vacancy.salaryMax,
      workTypeLabel: VACANCY_WORK_TYPE_LABELS[a.vacancy.workType],
    },
    status: a.status,
    statusLabel: APPLICATION_STATUS_LABELS[a.status],
    interviewNote: a.interviewNote,
    offerNote: a.offerNote,
    rejectReason: a.rejectReason,
    shared: { ...a.share },
    sharedLabels: [
      ...ALWAYS_SHARED,
      ...SHARE_KEYS.filter((k) => a.share[k]).map((k) => SHARE_LABELS[k]),
    ],
    message: a.message,
    appliedAt: iso(a.appliedAt),
    updatedAt: iso(a.updatedAt),
    canWithdraw: APPLICATION_TABLE.withdraw[a.status] === true,
    vacancyOpen,
    history: history(log, APPLICANT_HISTORY_LABELS),
  };
}

export function isFinal(status: ApplicationStatus): boolean {
  return !OPEN_STATUSES.includes(status);
}

const SEX_LABELS = { male: '男', female: '女' } as const;

export function applicantSummary(a: ApplicationRecord): ApplicantSummary {
  return {
    id: a._id,
    vacancyId: a.vacancyId,
    vacancyTitle: a.vacancy.title,
    name: a.applicant.name,
    sexLabel: a.applicant.sex ? SEX_LABELS[a.applicant.sex] : '',
    age: a.applicant.age,
    status: a.status,
    statusLabel: EMPLOYER_STATUS_LABELS[a.status],
    appliedAt: iso(a.appliedAt),
    updatedAt: iso(a.updatedAt),
  };
}

/** The employer's view: the masked ID and only the fields the applicant chose to share. */
export function applicantDetail(
  a: ApplicationRecord,
  log: readonly ApplicationLogRecord[],
): ApplicantDetail {
  const { applicant } = a;
  return {
    ...applicantSummary(a),
    idMasked: applicant.idMasked,
    mobile: a.share.mobile ? applicant.mobile : null,
    educationLabel:
      a.share.education && applicant.education ? EDUCATION_LABELS[applicant.education] : null,
    workHistory: a.share.workHistory ? applicant.workHistory : null,
    message: a.message,
    interviewNote: a.interviewNote,
    offerNote: a.offerNote,
    rejectReason: a.rejectReason,
    employerNote: a.employerNote,
    history: history(log, EMPLOYER_HISTORY_LABELS),
    nextEvents: EMPLOYER_EVENTS.filter((e) => APPLICATION_TABLE[e][a.status] === true).map(
      (event) => ({ event, label: EMPLOYER_EVENT_LABELS[event] }),
    ),
  };
}
