import fc from 'fast-check';

import { findTownship, townshipsOf } from '@nuanxin/shared';
import { KEY_GROUP_TAGS } from '@nuanxin/shared/src/eligibility';
import {
  buildMatchIndex,
  distanceKm,
  MATCH_WEIGHTS,
  score,
  topK,
  topKExhaustive,
  type MatchResult,
  type MatchSeeker,
  type MatchVacancy,
  type MatchWeights,
  type SearchStats,
} from '@nuanxin/shared/src/matching';
import { EARTH_RADIUS_KM, minDistanceToBoxKm } from '@nuanxin/shared/src/matching/geo';

const TODAY = '2026-06-01';

/** Townships of the demo city: a dense centre (任城区) and a few outlying towns. */
const CENTRE = ['370811002', '370811005', '370811006', '370811007', '370811008'];
const OUTLYING = ['370826', '370832', '370881', '370831'].map(
  (county) => townshipsOf(county)[0]!.code,
);
const ALL_TOWNSHIPS = [...CENTRE, ...OUTLYING];

/** Codes related at every level of the classification, so every tier occurs. */
const CODES = [
  '4-02-06-01',
  '4-02-06-02',
  '4-02-05-01',
  '4-02-07-08',
  '4-03-02-05',
  '4-09-08-01',
  '6-31-01-03',
  '6-18-02-04',
  '2-06-03-00',
];

const point = (township: string, dx: number, dy: number) => {
  const t = findTownship(township)!;
  return { lng: +(t.lng + dx).toFixed(4), lat: +(t.lat + dy).toFixed(4) };
};

const offset = fc.integer({ min: -40, max: 40 }).map((n) => n / 1000);

const vacancyArb = (id: string) =>
  fc
    .record({
      occupationCode: fc.constantFrom(...CODES),
      township: fc.constantFrom(...ALL_TOWNSHIPS),
      placed: fc.constantFrom('site', 'site', 'township', 'none'),
      dx: offset,
      dy: offset,
      salaryMin: fc.integer({ min: 19, max: 60 }).map((n) => n * 100),
      spread: fc.constantFrom(0, 500, 1000, 2000),
      workType: fc.constantFrom('fullTime', 'fullTime', 'partTime', 'flexible'),
      minEducation: fc.constantFrom(
        null,
        'juniorHigh',
        'seniorHigh',
        'secondaryVocational',
        'bachelor',
      ),
      minExperienceYears: fc.constantFrom(0, 0, 1, 3),
      certificates: fc.subarray(['叉车证', '电工证', '健康证'], { maxLength: 2 }),
      flags: fc.record({
        publicWelfare: fc.nat(6).map((n) => n === 0),
        internship: fc.nat(6).map((n) => n === 0),
        assistance: fc.nat(5).map((n) => n === 0),
        disabilityFriendly: fc.nat(5).map((n) => n === 0),
      }),
      status: fc.constantFrom(
        'published',
        'published',
        'published',
        'published',
        'paused',
        'closed',
      ),
      validIn: fc.integer({ min: -3, max: 30 }),
      age: fc.constantFrom(0, 0, 3, 10, 40),
      headcount: fc.integer({ min: 1, max: 3 }),
      hired: fc.integer({ min: 0, max: 3 }),
    })
    .map((r): MatchVacancy => ({
      id,
      occupationCode: r.occupationCode,
      location: r.placed === 'site' ? point(r.township, r.dx, r.dy) : null,
      township: r.placed === 'none' ? null : r.township,
      salaryMin: r.salaryMin,
      salaryMax: r.salaryMin + r.spread,
      workType: r.workType as MatchVacancy['workType'],
      minEducation: r.minEducation as MatchVacancy['minEducation'],
      minExperienceYears: r.minExperienceYears,
      certificates: r.certificates,
      flags: r.flags,
      status: r.status as MatchVacancy['status'],
      validUntil: addDays(TODAY, r.validIn),
      publishedAt: addDays(TODAY, -r.age),
      headcount: r.headcount,
      hiredCount: Math.min(r.hired, r.headcount),
    }));

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

const seekerArb = (vacancyIds: string[]) =>
  fc
    .record({
      occupationCodes: fc.subarray(CODES, { maxLength: 3 }),
      township: fc.constantFrom(...ALL_TOWNSHIPS, null),
      placed: fc.constantFrom('home', 'home', 'township'),
      dx: offset,
      dy: offset,
      maxCommuteKm: fc.constantFrom(0, 1, 3, 5, 10, 30, 100),
      salaryExpectation: fc.constantFrom(null, 2000, 3000, 4500, 6000),
      workTypes: fc.subarray(['fullTime', 'partTime', 'flexible'] as const),
      education: fc.constantFrom(null, 'primary', 'seniorHigh', 'secondaryVocational', 'bachelor'),
      experienceYears: fc.constantFrom(0, 1, 5),
      certificates: fc.subarray(['叉车证', '电工证', '健康证']),
      tags: fc.subarray([...KEY_GROUP_TAGS], { maxLength: 3 }),
      wantsInternship: fc.boolean(),
      applied: vacancyIds.length
        ? fc.subarray(vacancyIds, { maxLength: Math.min(3, vacancyIds.length) })
        : fc.constant([] as string[]),
      pushed: vacancyIds.length
        ? fc.array(fc.tuple(fc.constantFrom(...vacancyIds), fc.integer({ min: 0, max: 45 })), {
            maxLength: 4,
          })
        : fc.constant([] as [string, number][]),
    })
    .map((r): MatchSeeker => ({
      id: 's',
      occupationCodes: r.occupationCodes,
      home: r.township && r.placed === 'home' ? point(r.township, r.dx, r.dy) : null,
      township: r.township,
      maxCommuteKm: r.maxCommuteKm,
      salaryExpectation: r.salaryExpectation,
      workTypes: r.workTypes,
      education: r.education as MatchSeeker['education'],
      experienceYears: r.experienceYears,
      certificates: r.certificates,
      tags: r.tags,
      wantsInternship: r.wantsInternship,
      appliedVacancyIds: r.applied,
      recentlyPushed: Object.fromEntries(r.pushed.map(([id, ago]) => [id, addDays(TODAY, -ago)])),
    }));

/** Random non-negative weights, some zero, so the bound is exercised beyond the defaults. */
const weightsArb = fc.record(
  Object.fromEntries(
    Object.entries(MATCH_WEIGHTS).map(([group, values]) => [
      group,
      fc.record(
        Object.fromEntries(
          Object.keys(values).map((key) => [key, fc.constantFrom(0, 1, 2.5, 6, 12, 40)]),
        ),
      ),
    ]),
  ) as unknown as { [K in keyof MatchWeights]: fc.Arbitrary<MatchWeights[K]> },
) as fc.Arbitrary<MatchWeights>;

/** The reference, through the public score(): every vacancy, best first, ties by id. */
function reference(
  seeker: MatchSeeker,
  vacancies: MatchVacancy[],
  k: number,
  weights?: MatchWeights,
): MatchResult[] {
  const ranked: MatchResult[] = [];
  for (const v of vacancies) {
    const result = score(seeker, v, { today: TODAY, weights });
    if (!('excluded' in result)) {
      ranked.push({ vacancyId: v.id, score: result.score, reasons: result.reasons });
    }
  }
  ranked.sort((a, b) =>
    b.score - a.score !== 0 ? b.score - a.score : a.vacancyId < b.vacancyId ? -1 : 1,
  );
  return ranked.slice(0, k);
}

const cityArb = fc.integer({ min: 0, max: 60 }).chain((n) => {
  const ids = Array.from({ length: n }, (_, i) => `v${String(i).padStart(3, '0')}`);
  return fc.record({
    vacancies: fc.tuple(...ids.map(vacancyArb)) as fc.Arbitrary<MatchVacancy[]>,
    seekers: fc.array(seekerArb(ids), { minLength: 1, maxLength: 4 }),
    k: fc.integer({ min: 1, max: 12 }),
    cellKm: fc.constantFrom(0.3, 1, 2.5, 6, 40),
    weights: fc.option(weightsArb, { nil: undefined }),
  });
});

describe('exact top-K: the same top-K as scoring every vacancy', () => {
  it('agrees with the public score() on random seekers and vacancies over the demo city', () => {
    fc.assert(
      fc.property(cityArb, ({ vacancies, seekers, k, cellKm, weights }) => {
        const index = buildMatchIndex(vacancies, { today: TODAY, weights, cellKm });
        for (const seeker of seekers) {
          const expected = reference(seeker, vacancies, k, weights);
          expect(topK(seeker, index, k)).toEqual(expected);
          expect(topKExhaustive(seeker, index, k)).toEqual(expected);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('finds every vacancy near the edge of the commute, in every direction and grid size', () => {
    const toRad = Math.PI / 180;
    /** The point `km` away from `from` on bearing `bearing` (degrees), on the sphere. */
    const destination = (from: { lng: number; lat: number }, km: number, bearing: number) => {
      const d = km / EARTH_RADIUS_KM;
      const th = bearing * toRad;
      const p1 = from.lat * toRad;
      const p2 = Math.asin(Math.sin(p1) * Math.cos(d) + Math.cos(p1) * Math.sin(d) * Math.cos(th));
      const l2 =
        from.lng * toRad +
        Math.atan2(
          Math.sin(th) * Math.sin(d) * Math.cos(p1),
          Math.cos(d) - Math.sin(p1) * Math.sin(p2),
        );
      return { lng: l2 / toRad, lat: p2 / toRad };
    };
    const base = fc.sample(vacancyArb('x'), { numRuns: 1, seed: 3 })[0]!;
    fc.assert(
      fc.property(
        fc.constantFrom(...ALL_TOWNSHIPS),
        fc.constantFrom(1, 3, 10, 30, 100),
        fc.constantFrom(0.3, 1, 2.5, 6),
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: 359 }),
            fc.double({ min: 0.7, max: 1.05, noNaN: true }),
          ),
          {
            minLength: 1,
            maxLength: 30,
          },
        ),
        (township, commute, cellKm, spots) => {
          const home = findTownship(township)!;
          const seeker: MatchSeeker = {
            ...fc.sample(seekerArb([]), { numRuns: 1, seed: 4 })[0]!,
            home: { lng: home.lng, lat: home.lat },
            maxCommuteKm: commute,
          };
          const vacancies = spots.map(([bearing, share], i) => ({
            ...base,
            id: `v${String(i).padStart(2, '0')}`,
            status: 'published' as const,
            validUntil: '2026-12-31',
            hiredCount: 0,
            flags: {
              publicWelfare: false,
              internship: false,
              assistance: false,
              disabilityFriendly: false,
            },
            location: destination(home, commute * share, bearing),
          }));
          const index = buildMatchIndex(vacancies, { today: TODAY, cellKm });
          const expected = reference(seeker, vacancies, vacancies.length);
          expect(topK(seeker, index, vacancies.length)).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('bounds the distance to a grid cell from below', () => {
    const deg = fc.double({ min: -0.5, max: 0.5, noNaN: true });
    fc.assert(
      fc.property(
        deg,
        deg,
        deg,
        deg,
        deg,
        deg,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (sLat, sLng, a, b, c, d, u, v) => {
          const toRad = Math.PI / 180;
          const lat0 = 35 + Math.min(a, b);
          const lat1 = 35 + Math.max(a, b);
          const lng0 = 116.5 + Math.min(c, d);
          const lng1 = 116.5 + Math.max(c, d);
          const seeker = { lat: 35 + sLat, lng: 116.5 + sLng };
          const inBox = { lat: lat0 + u * (lat1 - lat0), lng: lng0 + v * (lng1 - lng0) };
          const lower = minDistanceToBoxKm(
            seeker.lat * toRad,
            seeker.lng * toRad,
            Math.cos(seeker.lat * toRad),
            lat0 * toRad,
            lat1 * toRad,
            lng0 * toRad,
            lng1 * toRad,
          );
          expect(lower).toBeLessThanOrEqual(distanceKm(seeker, inBox));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('scores only a fraction of a larger city and still agrees', () => {
    const { vacancies, seekers } = fc.sample(
      fc.record({
        vacancies: fc.tuple(
          ...Array.from({ length: 1500 }, (_, i) => vacancyArb(`v${String(i).padStart(4, '0')}`)),
        ),
        seekers: fc.array(seekerArb([]), { minLength: 30, maxLength: 30 }),
      }),
      { numRuns: 1, seed: 5 },
    )[0]!;
    const index = buildMatchIndex(vacancies, { today: TODAY });
    const stats: SearchStats = { searches: 0, bucketsScanned: 0, vacanciesScored: 0 };
    for (const seeker of seekers) {
      const withRoom = { ...seeker, occupationCodes: ['4-02-06-01'], maxCommuteKm: 10 };
      expect(topK(withRoom, index, 10, { stats })).toEqual(topKExhaustive(withRoom, index, 10));
    }
    expect(stats.vacanciesScored).toBeLessThan(0.5 * stats.searches * vacancies.length);
  });
});

describe('edge cases', () => {
  const base = fc.sample(vacancyArb('x'), { numRuns: 1, seed: 1 })[0]!;
  const vacancy = (id: string, overrides: Partial<MatchVacancy> = {}): MatchVacancy => ({
    ...base,
    id,
    occupationCode: '4-02-06-01',
    location: point('370811002', 0, 0),
    township: '370811002',
    salaryMin: 3000,
    salaryMax: 4000,
    workType: 'fullTime',
    minEducation: null,
    minExperienceYears: 0,
    certificates: [],
    flags: {
      publicWelfare: false,
      internship: false,
      assistance: false,
      disabilityFriendly: false,
    },
    status: 'published',
    validUntil: '2026-06-30',
    publishedAt: '2026-05-20',
    headcount: 2,
    hiredCount: 0,
    ...overrides,
  });
  const seeker = fc.sample(seekerArb([]), { numRuns: 1, seed: 2 })[0]!;
  const person: MatchSeeker = {
    ...seeker,
    occupationCodes: ['4-02-06-01'],
    home: point('370811002', 0, 0),
    township: '370811002',
    maxCommuteKm: 10,
    tags: [],
  };
  const ids = (results: MatchResult[]) => results.map((r) => r.vacancyId);

  it('breaks ties by id, the same way as the exhaustive ranking', () => {
    const vacancies = ['v9', 'v3', 'v7', 'v1', 'v5'].map((id) => vacancy(id));
    const index = buildMatchIndex(vacancies, { today: TODAY });
    expect(ids(topK(person, index, 3))).toEqual(['v1', 'v3', 'v5']);
    expect(topK(person, index, 3)).toEqual(reference(person, vacancies, 3));
  });

  it('does not stop at a bound equal to the K-th score: a later tie with a smaller id wins', () => {
    // Only occupation counts, and a same-minor vacancy earns as much as a same-occupation one:
    // 'b' (same occupation) is found first, 'a' (same minor) reaches exactly the same score.
    const zero = Object.fromEntries(
      Object.entries(MATCH_WEIGHTS).map(([group, values]) => [
        group,
        Object.fromEntries(Object.keys(values).map((key) => [key, 0])),
      ]),
    ) as unknown as MatchWeights;
    const weights = { ...zero, occupation: { occupation: 10, minor: 10, middle: 0, major: 0 } };
    const vacancies = [vacancy('b'), vacancy('a', { occupationCode: '4-02-06-02' })];
    const index = buildMatchIndex(vacancies, { today: TODAY, weights });
    expect(ids(topK(person, index, 1))).toEqual(['a']);
    expect(topK(person, index, 1)).toEqual(reference(person, vacancies, 1, weights));
  });

  it('ranks from the township centre without a home point, and without any location at all', () => {
    const vacancies = [
      vacancy('near', { location: point('370811002', 0.01, 0) }),
      vacancy('far', { location: point('370811002', 0.3, 0.2) }),
    ];
    const index = buildMatchIndex(vacancies, { today: TODAY });
    const noHome = { ...person, home: null };
    expect(ids(topK(noHome, index))).toEqual(['near']);
    const nowhere = { ...person, home: null, township: null };
    expect(topK(nowhere, index)).toEqual(reference(nowhere, vacancies, 10));
    expect(ids(topK(nowhere, index))).toHaveLength(2);
  });

  it('without a commute limit offers the whole city, the 三公里 circle first', () => {
    const vacancies = [
      vacancy('far', { location: point('370811002', 1.2, 0.6) }),
      vacancy('near', { location: point('370811002', 0.02, 0) }),
    ];
    const index = buildMatchIndex(vacancies, { today: TODAY, cellKm: 1 });
    const anywhere = { ...person, maxCommuteKm: Infinity };
    expect(ids(topK(anywhere, index))).toEqual(['near', 'far']);
    expect(topK(anywhere, index)).toEqual(reference(anywhere, vacancies, 10));
  });

  it('with a commute of 0 offers only vacancies at the same point', () => {
    const vacancies = [
      vacancy('same'),
      vacancy('next-door', { location: point('370811002', 0.0005, 0) }),
    ];
    const index = buildMatchIndex(vacancies, { today: TODAY });
    expect(ids(topK({ ...person, maxCommuteKm: 0 }, index))).toEqual(['same']);
  });

  it('returns nothing when every vacancy is excluded', () => {
    const vacancies = [
      vacancy('paused', { status: 'paused' }),
      vacancy('full', { hiredCount: 2 }),
      vacancy('applied'),
      vacancy('pushed'),
      vacancy('welfare', { flags: { ...vacancy('x').flags, publicWelfare: true } }),
    ];
    const index = buildMatchIndex(vacancies, { today: TODAY });
    const me = { ...person, appliedVacancyIds: ['applied'], recentlyPushed: { pushed: TODAY } };
    expect(topK(me, index)).toEqual([]);
    expect(topKExhaustive(me, index)).toEqual([]);
  });

  it('returns fewer than K when fewer are open, and nothing for K = 0 or an empty index', () => {
    const index = buildMatchIndex([vacancy('a'), vacancy('b')], { today: TODAY });
    expect(ids(topK(person, index, 10))).toEqual(['a', 'b']);
    expect(topK(person, index, 0)).toEqual([]);
    expect(topK(person, buildMatchIndex([], { today: TODAY }))).toEqual([]);
  });

  it('explains each result, or leaves the reasons out when asked to', () => {
    const index = buildMatchIndex([vacancy('a')], { today: TODAY });
    const [explained] = topK(person, index);
    expect(explained!.reasons).toContain('意向职业一致：仓储管理员');
    expect(topK(person, index, 10, { explain: false })[0]!.reasons).toEqual([]);
  });

  it('refuses duplicate vacancy ids (the tie-break would be ambiguous)', () => {
    expect(() => buildMatchIndex([vacancy('a'), vacancy('a')], { today: TODAY })).toThrow(
      RangeError,
    );
  });
});
