import {
  CLOSE_REASON_LABELS,
  COMPANY_STATUS_LABELS,
  MIN_EDUCATION_LABELS,
  townshipLabel,
  UNVERIFIED_COMPANY_REASON,
  VACANCY_STATUS_LABELS,
  VACANCY_WORK_TYPE_LABELS,
  type CompanyView,
  type VacancyView,
} from '@nuanxin/shared';
import { findOccupation } from '@nuanxin/shared/src/data/occupations';

import { companyPoint, vacancyFacts, type CompanyRecord, type VacancyRecord } from '../_lib';

export function companyView(c: CompanyRecord): CompanyView {
  return {
    id: c._id,
    name: c.name,
    uscc: c.uscc,
    industry: c.industry,
    township: c.township,
    townshipLabel: townshipLabel(c.township),
    address: c.address ?? '',
    contactName: c.contactName ?? '',
    contactMobile: c.contactMobile ?? '',
    status: c.status,
    statusLabel: COMPANY_STATUS_LABELS[c.status],
    rejectReason: c.rejectReason ?? null,
    previousRejectReason: c.previousRejectReason ?? null,
    location: companyPoint(c),
  };
}

export function reviewReasons(v: VacancyRecord): string[] {
  return [...v.reviewFindings, ...(v.awaitsCompany ? [UNVERIFIED_COMPANY_REASON] : [])];
}

export function vacancyView(v: VacancyRecord): VacancyView {
  const facts = vacancyFacts(v);
  return {
    id: v._id,
    companyName: v.companyName,
    title: v.title,
    description: v.description,
    occupationCode: v.occupationCode,
    occupationName: findOccupation(v.occupationCode)?.name ?? '',
    headcount: v.headcount,
    salaryMin: v.salaryMin,
    salaryMax: v.salaryMax,
    workType: v.workType,
    workTypeLabel: VACANCY_WORK_TYPE_LABELS[v.workType],
    township: v.township,
    townshipLabel: townshipLabel(v.township),
    requirements: v.requirements,
    minEducation: facts.minEducation,
    minEducationLabel: facts.minEducation ? MIN_EDUCATION_LABELS[facts.minEducation] : null,
    minExperienceYears: facts.minExperienceYears,
    certificates: facts.certificates,
    location: facts.location,
    benefits: v.benefits,
    flags: v.flags,
    validUntil: v.validUntil,
    status: v.status,
    statusLabel: VACANCY_STATUS_LABELS[v.status],
    reviewReasons: v.status === 'pendingReview' ? reviewReasons(v) : [],
    rejectReason: v.rejectReason,
    staffNote: v.staffNote
      ? { at: new Date(v.staffNote.at).toISOString(), note: v.staffNote.note }
      : null,
    version: v.version ?? 0,
    updatedAt: new Date(v.updatedAt).toISOString(),
  };
}

/** 备注 of the ledger (000 §2(4)): why an expired or closed vacancy is no longer open. */
export function ledgerRow(v: VacancyRecord) {
  const remark =
    v.status === 'expired'
      ? `已于${v.validUntil}到期`
      : v.status === 'closed'
        ? CLOSE_REASON_LABELS[v.closeReason ?? 'withdrawn']
        : v.status === 'rejected'
          ? `审核不通过：${v.rejectReason ?? ''}`
          : '';
  return { ...vacancyView(v), companyId: v.companyId, remark };
}
