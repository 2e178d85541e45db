/**
 * Stored records → the matcher's shapes: what each field of a registration and a vacancy becomes,
 * the defaults of old or partial records, and which applications and pushes count.
 */
import { seekerOf, vacancyOf } from './matching';

import type { RegistrationRecord, VacancyRecord } from '.';

const at = new Date('2026-06-10T04:00:00Z');

function registration(over: Partial<RegistrationRecord> = {}): RegistrationRecord {
  return {
    _id: 'reg-1',
    openid: 'wx-1',
    status: 'registered',
    activeKey: 'id:x',
    step: 3,
    identity: {
      name: '王芳',
      birthDate: '1992-03-01',
      sex: 'female',
      education: 'bachelor',
      graduationDate: '2025-06-30',
      township: '370811002',
      location: { lng: 116.58, lat: 35.42 },
    },
    work: { separationDate: '2024-01-10' },
    declarations: { dibao: true },
    wishes: {
      occupations: ['4-02-06-01', '4-10-01-06'],
      salaryMin: 3000,
      salaryMax: 4500,
      commuteKm: 12,
      workTypes: ['fullTime', 'partTime'],
    },
    verified: { dibao: true },
    tags: [],
    employmentDifficulty: false,
    township: '370811002',
    caseworkerOpenid: null,
    consentWithdrawnAt: null,
    submittedAt: at,
    registeredAt: at,
    closedAt: null,
    closeReason: null,
    createdAt: at,
    updatedAt: at,
    ...over,
  };
}

describe('seekerOf', () => {
  it('maps wishes, home, education and today’s tags', () => {
    const s = seekerOf(registration(), [], [], at);
    expect(s).toMatchObject({
      id: 'reg-1',
      occupationCodes: ['4-02-06-01', '4-10-01-06'],
      home: { lng: 116.58, lat: 35.42 },
      township: '370811002',
      maxCommuteKm: 12,
      salaryExpectation: 3000,
      workTypes: ['fullTime', 'partTime'],
      education: 'bachelor',
      experienceYears: 0,
      certificates: [],
      appliedVacancyIds: [],
      recentlyPushed: {},
    });
    // Verified 低保, separated over a year ago, graduated within 2 years: derived for `at`.
    expect([...s.tags].sort()).toEqual(['dibao', 'longTermUnemployed', 'recentGraduate']);
    expect(s.wantsInternship).toBe(true);
  });

  it('见习: a recent graduate unless they said no on the form; never anyone else', () => {
    const withAnswer = (
      wantsInternship: boolean | undefined,
      over: Partial<RegistrationRecord> = {},
    ) =>
      seekerOf(
        registration({ ...over, wishes: { ...registration().wishes, wantsInternship } }),
        [],
        [],
        at,
      ).wantsInternship;
    expect(withAnswer(true)).toBe(true);
    // No answer (registered before the question): as before, offered.
    expect(withAnswer(undefined)).toBe(true);
    expect(withAnswer(false)).toBe(false);
    const notGraduate = {
      identity: { ...registration().identity, graduationDate: '2020-06-30' },
    };
    expect(withAnswer(true, notGraduate)).toBe(false);
    expect(withAnswer(undefined, notGraduate)).toBe(false);
  });

  it('without a clock, the stored tags; a declaration alone unlocks nothing', () => {
    const stored = seekerOf(registration({ tags: ['older'] }), [], []);
    expect(stored.tags).toEqual(['older']);
    const declaredOnly = seekerOf(registration({ verified: {} }), [], [], at);
    expect(declaredOnly.tags).not.toContain('dibao');
  });

  it('partial records: no commute limit, no pay figure, the township for a missing point', () => {
    const s = seekerOf(
      registration({
        wishes: {},
        identity: { township: '370811005', location: null },
        township: null,
      }),
      [],
      [],
      at,
    );
    expect(s).toMatchObject({
      occupationCodes: [],
      home: null,
      township: '370811005',
      maxCommuteKm: Infinity,
      salaryExpectation: null,
      workTypes: [],
      education: null,
      tags: [],
    });
  });

  it('only the person’s own applications; each pushed vacancy at its latest Shanghai day', () => {
    const s = seekerOf(
      registration(),
      [
        { vacancyId: 'v1', openid: 'wx-1' },
        { vacancyId: 'v2', openid: 'wx-other' },
      ],
      [
        { vacancyId: 'v3', at: new Date('2026-06-01T17:00:00Z') }, // 06-02 in Shanghai
        { vacancyId: 'v3', at: '2026-05-01T02:00:00Z' },
      ],
      at,
    );
    expect(s.appliedVacancyIds).toEqual(['v1']);
    expect(s.recentlyPushed).toEqual({ v3: '2026-06-02' });
  });
});

describe('vacancyOf', () => {
  const vacancy = (over: Partial<VacancyRecord> = {}): VacancyRecord => ({
    _id: 'vac-1',
    companyId: 'c-1',
    companyName: '济宁示例有限公司',
    title: '仓库管理员',
    description: '',
    occupationCode: '4-02-06-01',
    headcount: 3,
    salaryMin: 3500,
    salaryMax: 4500,
    workType: 'fullTime',
    township: '370811002',
    location: { lng: 116.6, lat: 35.4 },
    requirements: '',
    minEducation: 'seniorHigh',
    minExperienceYears: 2,
    certificates: ['叉车证'],
    benefits: '',
    flags: { publicWelfare: false, internship: true, assistance: false, disabilityFriendly: true },
    validUntil: '2026-07-01',
    status: 'published',
    reviewFindings: [],
    awaitsCompany: false,
    rejectReason: null,
    closeReason: null,
    createdBy: 'wx-e',
    createdAt: new Date('2026-06-01T01:00:00Z'),
    updatedAt: new Date('2026-06-01T01:00:00Z'),
    ...over,
  });

  it('maps the structured fields, flags and the hired count', () => {
    expect(vacancyOf(vacancy(), 2)).toEqual({
      id: 'vac-1',
      occupationCode: '4-02-06-01',
      location: { lng: 116.6, lat: 35.4 },
      township: '370811002',
      salaryMin: 3500,
      salaryMax: 4500,
      workType: 'fullTime',
      minEducation: 'seniorHigh',
      minExperienceYears: 2,
      certificates: ['叉车证'],
      flags: {
        publicWelfare: false,
        internship: true,
        assistance: false,
        disabilityFriendly: true,
      },
      status: 'published',
      validUntil: '2026-07-01',
      publishedAt: '2026-06-01',
      headcount: 3,
      hiredCount: 2,
    });
  });

  it('old records: the township’s centre, no requirements', () => {
    const {
      location: _l,
      minEducation: _e,
      minExperienceYears: _x,
      certificates: _c,
      ...old
    } = vacancy();
    const v = vacancyOf(old as VacancyRecord, 0);
    expect(v.location).toEqual({ lng: expect.any(Number), lat: expect.any(Number) });
    expect(v).toMatchObject({ minEducation: null, minExperienceYears: 0, certificates: [] });
  });
});
