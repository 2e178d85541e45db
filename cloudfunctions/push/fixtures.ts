/** Fixtures shared by the push tests and the casework tests of pushes and hires. */
import type { LocalCloud } from '@nuanxin/local';

import { AS } from '../test/support';

let counter = 0;

/** A published vacancy of a verified demo company straight into the store (a fixture). */
export function addVacancy(
  cloud: LocalCloud,
  over: Record<string, unknown> = {},
  employer: string = AS.employer,
): string {
  counter += 1;
  const [user] = cloud.store.collection('users').find({ openid: employer });
  const companyId = user!.companyId as string;
  const [company] = cloud.store.collection('companies').find({ _id: companyId });
  const now = new Date();
  return cloud.store.collection('vacancies').insert({
    companyId,
    companyName: company!.name,
    title: `推送测试岗位${counter}`,
    description: '负责仓储管理工作。',
    occupationCode: '4-02-06-01',
    headcount: 2,
    salaryMin: 3000,
    salaryMax: 4500,
    workType: 'fullTime',
    township: '370811002',
    requirements: '认真负责。',
    benefits: '五险一金',
    flags: {
      publicWelfare: false,
      internship: false,
      assistance: false,
      disabilityFriendly: false,
    },
    validUntil: '2026-12-31',
    status: 'published',
    reviewFindings: [],
    awaitsCompany: false,
    rejectReason: null,
    closeReason: null,
    createdBy: employer,
    createdAt: now,
    updatedAt: now,
    ...over,
  });
}

/** The matcher's output for a person (the `matching` function writes the same shape). */
export function recommend(
  cloud: LocalCloud,
  registrationId: string,
  vacancyIds: string[],
  extras: { publicWelfare?: string; internship?: string } = {},
): void {
  const [reg] = cloud.store.collection('registrations').find({ _id: registrationId });
  const item = (vacancyId: string, i = 0) => ({
    vacancyId,
    score: 90 - i,
    reasons: ['意向职业一致：仓储管理员', '距您居住地 2.1 公里（三公里就业圈内）'],
  });
  cloud.store.collection('recommendations').insert({
    _id: registrationId,
    registrationId,
    openid: reg!.openid,
    items: vacancyIds.map(item),
    extras: {
      publicWelfare: extras.publicWelfare ? item(extras.publicWelfare) : null,
      internship: extras.internship ? item(extras.internship) : null,
    },
    computedAt: new Date(),
    trigger: 'nightly',
  });
}
