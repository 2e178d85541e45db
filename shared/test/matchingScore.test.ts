import {
  MATCH_WEIGHTS,
  PUSH_COOLDOWN_DAYS,
  score,
  type MatchSeeker,
  type MatchVacancy,
  type MatchWeights,
  type ScoreResult,
} from '@nuanxin/shared/src/matching';

const TODAY = '2026-06-01';
/** 许庄街道's centre; a seeker lives here unless told otherwise. */
const HOME = { lng: 116.5787, lat: 35.4182 };
/** East of HOME by `dLng` degrees (0.0232° ≈ 2.1 km at this latitude). */
const east = (dLng: number) => ({ lng: HOME.lng + dLng, lat: HOME.lat });

/** A 仓储管理员 seeker, no key group, 10 km commute, expecting 3000 a month. */
function makeSeeker(overrides: Partial<MatchSeeker> = {}): MatchSeeker {
  return {
    id: 's1',
    occupationCodes: ['4-02-06-01'],
    home: HOME,
    township: '370811002',
    maxCommuteKm: 10,
    salaryExpectation: 3000,
    workTypes: ['fullTime'],
    education: 'seniorHigh',
    experienceYears: 2,
    certificates: [],
    tags: [],
    wantsInternship: false,
    appliedVacancyIds: [],
    recentlyPushed: {},
    ...overrides,
  };
}

/** A published 仓储管理员 vacancy 2.1 km away paying 3200–4000, no requirements, 10 days old. */
function makeVacancy(overrides: Partial<MatchVacancy> = {}): MatchVacancy {
  return {
    id: 'v1',
    occupationCode: '4-02-06-01',
    location: east(0.0232),
    township: '370811002',
    salaryMin: 3200,
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
    publishedAt: '2026-05-22',
    headcount: 3,
    hiredCount: 0,
    ...overrides,
  };
}

const flags = (on: Partial<MatchVacancy['flags']>): MatchVacancy['flags'] => ({
  publicWelfare: false,
  internship: false,
  assistance: false,
  disabilityFriendly: false,
  ...on,
});

function scored(result: ScoreResult): { score: number; reasons: string[] } {
  if ('excluded' in result) throw new Error(`excluded: ${result.excluded}`);
  return result;
}

const run = (
  seeker: Partial<MatchSeeker>,
  vacancy: Partial<MatchVacancy>,
  weights?: MatchWeights,
) => scored(score(makeSeeker(seeker), makeVacancy(vacancy), { today: TODAY, weights }));

const excludedBy = (seeker: Partial<MatchSeeker>, vacancy: Partial<MatchVacancy>) => {
  const result = score(makeSeeker(seeker), makeVacancy(vacancy), { today: TODAY });
  return 'excluded' in result ? result.excluded : null;
};

/** MATCH_WEIGHTS with one group changed. */
function withWeights<K extends keyof MatchWeights>(
  group: K,
  values: Partial<MatchWeights[K]>,
): MatchWeights {
  return { ...MATCH_WEIGHTS, [group]: { ...MATCH_WEIGHTS[group], ...values } };
}

describe('the example of the issue', () => {
  it('explains a close, well-paid vacancy of the wished occupation in the issue’s words', () => {
    const result = run({}, {});
    expect(result.reasons).toEqual([
      '意向职业一致：仓储管理员',
      '距您居住地 2.1 公里（三公里就业圈内）',
      '薪资符合期望',
      '工作方式符合：全职',
    ]);
    expect(result.score).toBeGreaterThan(0);
  });
});

describe('occupation proximity: same occupation > same minor > same middle > same major > none', () => {
  const tiers: [string, string, string | null][] = [
    ['4-02-06-01', 'same occupation', '意向职业一致：仓储管理员'],
    ['4-02-06-02', 'same minor', '与意向职业同属小类：仓储物流服务人员'],
    ['4-02-07-08', 'same middle', '与意向职业同属中类：交通运输、仓储物流和邮政业服务人员'],
    ['4-09-08-01', 'same major', '与意向职业同属大类：社会生产服务和生活服务人员'],
    ['6-31-01-03', 'unrelated', null],
  ];

  it.each(tiers)('%s (%s) says so', (code, _level, reason) => {
    const { reasons } = run({}, { occupationCode: code });
    const occupationReasons = reasons.filter((r) => r.includes('意向职业'));
    expect(occupationReasons).toEqual(reason ? [reason] : []);
  });

  it('scores each level strictly above the next', () => {
    const scores = tiers.map(([code]) => run({}, { occupationCode: code }).score);
    for (let i = 1; i < scores.length; i += 1) expect(scores[i - 1]!).toBeGreaterThan(scores[i]!);
  });

  it('takes the closest of several wishes', () => {
    const one = run({ occupationCodes: ['6-31-01-03'] }, { occupationCode: '4-02-06-01' });
    const both = run(
      { occupationCodes: ['6-31-01-03', '4-02-06-01'] },
      { occupationCode: '4-02-06-01' },
    );
    expect(both.score).toBeGreaterThan(one.score);
    expect(both.reasons).toContain('意向职业一致：仓储管理员');
  });

  it('is weighted by MATCH_WEIGHTS.occupation', () => {
    const base = run({}, {}).score;
    const heavier = run({}, {}, withWeights('occupation', { occupation: 80 })).score;
    expect(heavier).toBeCloseTo(base + 40, 6);
  });
});

describe('distance from home: 三公里就业圈 and the acceptable commute', () => {
  it('prefers the nearer of two vacancies and marks those within 3 km', () => {
    const near = run({}, { location: east(0.0232) });
    const far = run({}, { location: east(0.08) });
    expect(near.score).toBeGreaterThan(far.score);
    expect(near.reasons).toContain('距您居住地 2.1 公里（三公里就业圈内）');
    expect(far.reasons).toContain('距您居住地 7.2 公里');
  });

  it('gives the circle bonus at the 3 km line', () => {
    const inside = run({}, { location: east(0.033) });
    const outside = run({}, { location: east(0.0335) });
    expect(inside.reasons.some((r) => r.endsWith('（三公里就业圈内）'))).toBe(true);
    expect(outside.reasons.some((r) => r.endsWith('（三公里就业圈内）'))).toBe(false);
    expect(inside.score - outside.score).toBeGreaterThan(MATCH_WEIGHTS.distance.circle - 0.1);
  });

  it('excludes a vacancy beyond the acceptable commute, and includes it when the commute grows', () => {
    expect(excludedBy({ maxCommuteKm: 5 }, { location: east(0.08) })).toBe(
      '距您7.2公里，超出您可接受的通勤距离（5公里）',
    );
    expect(excludedBy({ maxCommuteKm: 8 }, { location: east(0.08) })).toBeNull();
  });

  it('measures from the township centre when the person gave no home point', () => {
    const { reasons } = run({ home: null }, {});
    expect(reasons).toContain('距您所在乡镇（街道）约 2.1 公里（三公里就业圈内）');
  });

  it('says "约" when the vacancy only names its township', () => {
    const { reasons } = run({}, { location: null, township: '370811002' });
    expect(reasons).toContain('距您居住地约 0.0 公里（三公里就业圈内）');
  });

  it('without any location, neither excludes nor rewards distance', () => {
    const unknown = run({ home: null, township: null, maxCommuteKm: 1 }, { location: east(0.5) });
    expect(unknown.reasons.some((r) => r.includes('公里'))).toBe(false);
    const withoutDistance = run({}, {}, withWeights('distance', { circle: 0, proximity: 0 }));
    expect(unknown.score).toBeCloseTo(withoutDistance.score, 6);
  });

  it('with a commute of 0 keeps only a vacancy at the very same point', () => {
    expect(excludedBy({ maxCommuteKm: 0 }, { location: HOME })).toBeNull();
    expect(excludedBy({ maxCommuteKm: 0 }, { location: east(0.001) })).toMatch(/超出/);
  });

  it('is weighted by MATCH_WEIGHTS.distance', () => {
    const base = run({}, {}).score;
    expect(run({}, {}, withWeights('distance', { circle: 30 })).score).toBeCloseTo(base + 20, 6);
    expect(run({}, {}, withWeights('distance', { proximity: 0 })).score).toBeLessThan(base);
  });
});

describe('salary fit', () => {
  it.each([
    [3000, '薪资符合期望'], // even the bottom of the range meets it
    [3500, '薪资上限达到您的期望'],
    [4500, null],
  ])('expecting %i of a 3200–4000 vacancy', (expectation, reason) => {
    const { reasons } = run({ salaryExpectation: expectation }, {});
    const salaryReasons = reasons.filter((r) => r.includes('薪资'));
    expect(salaryReasons).toEqual(reason ? [reason] : []);
  });

  it('scores a vacancy meeting the expectation above one only reaching it, above one below it', () => {
    const meets = run({ salaryExpectation: 3000 }, {}).score;
    const reaches = run({ salaryExpectation: 3500 }, {}).score;
    const below = run({ salaryExpectation: 4500 }, {}).score;
    expect(meets).toBeGreaterThan(reaches);
    expect(reaches).toBeGreaterThan(below);
  });

  it('is weighted by MATCH_WEIGHTS.salary', () => {
    const base = run({}, {}).score;
    expect(run({}, {}, withWeights('salary', { meetsMin: 16 })).score).toBeCloseTo(base + 10, 6);
    const unknown = run({ salaryExpectation: null }, {});
    expect(unknown.reasons.some((r) => r.includes('薪资'))).toBe(false);
    expect(
      run({ salaryExpectation: null }, {}, withWeights('salary', { unknown: 0 })).score,
    ).toBeCloseTo(unknown.score - MATCH_WEIGHTS.salary.unknown, 6);
  });
});

describe('work-type fit', () => {
  it('rewards a vacancy of a chosen work type and names it', () => {
    const fits = run({ workTypes: ['partTime', 'flexible'] }, { workType: 'partTime' });
    const not = run({ workTypes: ['partTime', 'flexible'] }, { workType: 'fullTime' });
    expect(fits.score).toBeGreaterThan(not.score);
    expect(fits.reasons).toContain('工作方式符合：兼职');
    expect(not.reasons.some((r) => r.startsWith('工作方式'))).toBe(false);
  });

  it('names a flexible vacancy as the employer offers it (灵活用工), not as a person’s status', () => {
    const fits = run({ workTypes: ['flexible'] }, { workType: 'flexible' });
    expect(fits.reasons).toContain('工作方式符合：灵活用工');
    expect(fits.reasons.some((r) => r.includes('灵活就业'))).toBe(false);
  });

  it('is weighted by MATCH_WEIGHTS.workType', () => {
    const base = run({}, {}).score;
    expect(run({}, {}, withWeights('workType', { fits: 0 })).score).toBeCloseTo(base - 8, 6);
  });
});

describe('requirements met: education, experience, certificates', () => {
  it('rewards meeting the education minimum and counts 中专 as 高中', () => {
    const meets = run({ education: 'secondaryVocational' }, { minEducation: 'seniorHigh' });
    const short = run({ education: 'juniorHigh' }, { minEducation: 'seniorHigh' });
    expect(meets.score).toBeGreaterThan(short.score);
    expect(meets.reasons).toContain('学历符合要求（高中及以上）');
    expect(short.reasons.some((r) => r.startsWith('学历'))).toBe(false);
  });

  it('rewards meeting the experience minimum', () => {
    const meets = run({ experienceYears: 3 }, { minExperienceYears: 3 });
    const short = run({ experienceYears: 1 }, { minExperienceYears: 3 });
    expect(meets.score).toBeGreaterThan(short.score);
    expect(meets.reasons).toContain('工作经验符合要求（3年以上）');
  });

  it('rewards certificates in proportion to those held', () => {
    const needs = { certificates: ['叉车证', '健康证'] };
    const all = run({ certificates: ['健康证', '叉车证'] }, needs);
    const some = run({ certificates: ['叉车证'] }, needs);
    const none = run({ certificates: [] }, needs);
    expect(all.score).toBeGreaterThan(some.score);
    expect(some.score).toBeGreaterThan(none.score);
    expect(all.reasons).toContain('持有所需证书：叉车证、健康证');
    expect(some.reasons).toContain('持有部分所需证书：叉车证');
  });

  it('is weighted by MATCH_WEIGHTS.requirements', () => {
    const base = run({}, { minEducation: 'seniorHigh' }).score;
    const heavier = run(
      {},
      { minEducation: 'seniorHigh' },
      withWeights('requirements', { education: 14 }),
    );
    expect(heavier.score).toBeCloseTo(base + 10, 6);
  });
});

describe('key-group fit', () => {
  const difficult: Partial<MatchSeeker> = { tags: ['older'] };
  const graduate: Partial<MatchSeeker> = { tags: ['recentGraduate'], wantsInternship: true };

  it('公益性岗位: a bonus for 就业困难人员, excluded for everyone else (000 §4(6))', () => {
    const plain = run(difficult, {});
    const welfare = run(difficult, { flags: flags({ publicWelfare: true }) });
    expect(welfare.score).toBeGreaterThan(plain.score);
    expect(welfare.reasons).toContain('公益性岗位：您符合就业困难人员条件');
    expect(excludedBy({ tags: ['veteran'] }, { flags: flags({ publicWelfare: true }) })).toBe(
      '公益性岗位仅面向就业困难人员',
    );
  });

  it('follows the province’s rule of who is 就业困难', () => {
    const rule = { source: '测试规则', anyOf: ['veteran'] as const };
    const result = score(
      makeSeeker({ tags: ['veteran'] }),
      makeVacancy({ flags: flags({ publicWelfare: true }) }),
      { today: TODAY, difficultyRule: rule },
    );
    expect(scored(result).reasons).toContain('公益性岗位：您符合就业困难人员条件');
  });

  it('见习岗位: a bonus for graduates within 2 years who want one, excluded for others (000 §5(3))', () => {
    const plain = run(graduate, {});
    const internship = run(graduate, { flags: flags({ internship: true }) });
    expect(internship.score).toBeGreaterThan(plain.score);
    expect(internship.reasons).toContain('见习岗位：您是离校2年内高校毕业生');
    expect(excludedBy({}, { flags: flags({ internship: true }) })).toBe(
      '见习岗位面向离校2年内的高校毕业生',
    );
  });

  it('见习岗位: not recommended to a recent graduate who said no to 见习; ordinary posts still are', () => {
    const declined: Partial<MatchSeeker> = { tags: ['recentGraduate'], wantsInternship: false };
    expect(excludedBy(declined, { flags: flags({ internship: true }) })).toBe(
      '您没有选择参加就业见习',
    );
    expect(run(declined, {}).score).toBeCloseTo(run(graduate, {}).score, 6);
  });

  it('见习岗位: wanting one without being a recent graduate earns nothing (excluded)', () => {
    expect(
      excludedBy(
        { tags: ['veteran'], wantsInternship: true },
        { flags: flags({ internship: true }) },
      ),
    ).toBe('见习岗位面向离校2年内的高校毕业生');
  });

  it('援助岗位: a bonus for assisted persons, open to others without one', () => {
    for (const tag of [
      'longTermUnemployed',
      'dibao',
      'disabled',
      'zeroEmploymentFamily',
    ] as const) {
      const assisted = run({ tags: [tag] }, { flags: flags({ assistance: true }) });
      expect(assisted.score).toBeGreaterThan(run({ tags: [tag] }, {}).score);
      expect(assisted.reasons).toContain('援助岗位：您属于就业援助对象');
    }
    const other = run({ tags: ['veteran'] }, { flags: flags({ assistance: true }) });
    expect(other.score).toBeCloseTo(run({ tags: ['veteran'] }, {}).score, 6);
  });

  it('适合残疾人的岗位: a bonus for disabled persons', () => {
    const friendly = run({ tags: ['disabled'] }, { flags: flags({ disabilityFriendly: true }) });
    expect(friendly.score).toBeGreaterThan(run({ tags: ['disabled'] }, {}).score);
    expect(friendly.reasons).toContain('适合残疾人就业的岗位');
  });

  it('is weighted by MATCH_WEIGHTS.keyGroup', () => {
    const vacancy = { flags: flags({ publicWelfare: true }) };
    const base = run(difficult, vacancy).score;
    const heavier = run(difficult, vacancy, withWeights('keyGroup', { publicWelfare: 25 }));
    expect(heavier.score).toBeCloseTo(base + 10, 6);
  });
});

describe('freshness', () => {
  it('prefers the newer posting and says when it is new', () => {
    const today = run({}, { publishedAt: TODAY });
    const week = run({}, { publishedAt: '2026-05-27' });
    const month = run({}, { publishedAt: '2026-04-01' });
    expect(today.score).toBeGreaterThan(week.score);
    expect(week.score).toBeGreaterThan(month.score);
    expect(today.reasons).toContain('今天新发布');
    expect(week.reasons).toContain('近7天新发布');
    expect(month.reasons.some((r) => r.includes('发布'))).toBe(false);
  });

  it('reads an instant on the Shanghai calendar', () => {
    // 2026-05-31T16:30Z is 00:30 on 1 June in Shanghai: published today.
    expect(run({}, { publishedAt: '2026-05-31T16:30:00Z' }).reasons).toContain('今天新发布');
  });

  it('is weighted by MATCH_WEIGHTS.freshness', () => {
    const base = run({}, { publishedAt: TODAY }).score;
    const none = run({}, { publishedAt: TODAY }, withWeights('freshness', { fresh: 0 })).score;
    expect(base - none).toBeCloseTo(MATCH_WEIGHTS.freshness.fresh, 6);
  });
});

describe('exclusions', () => {
  it.each([
    ['paused', { status: 'paused' }, '岗位已暂停招聘'],
    ['closed', { status: 'closed' }, '岗位已关闭'],
    ['expired status', { status: 'expired' }, '岗位已过有效期'],
    ['draft', { status: 'draft' }, '岗位尚未发布'],
    ['pending review', { status: 'pendingReview' }, '岗位尚未发布'],
    ['rejected', { status: 'rejected' }, '岗位尚未发布'],
    ['valid until yesterday', { validUntil: '2026-05-31' }, '岗位已过有效期'],
    ['full', { headcount: 3, hiredCount: 3 }, '岗位已招满'],
  ] as [string, Partial<MatchVacancy>, string][])('%s', (_name, vacancy, reason) => {
    expect(excludedBy({}, vacancy)).toBe(reason);
  });

  it('keeps a vacancy valid through its last day', () => {
    expect(excludedBy({}, { validUntil: TODAY })).toBeNull();
  });

  it('never recommends a vacancy the person applied to', () => {
    expect(excludedBy({ appliedVacancyIds: ['v1'] }, {})).toBe('您已投递过该岗位');
    expect(excludedBy({ appliedVacancyIds: ['v2'] }, {})).toBeNull();
  });

  it(`does not repeat a push within ${PUSH_COOLDOWN_DAYS} days`, () => {
    expect(excludedBy({ recentlyPushed: { v1: '2026-05-03' } }, {})).toBe(
      '30天内已向您推送过该岗位',
    );
    expect(excludedBy({ recentlyPushed: { v1: '2026-05-02' } }, {})).toBeNull();
  });
});

describe('configuration', () => {
  it('refuses negative weights (the top-K bound needs every factor ≥ 0)', () => {
    expect(() =>
      score(makeSeeker(), makeVacancy(), {
        today: TODAY,
        weights: withWeights('salary', { meetsMin: -1 }),
      }),
    ).toThrow(RangeError);
  });

  it('keeps scores to two decimals', () => {
    const { score: value } = run({}, { location: east(0.0717) });
    expect(Math.round(value * 100) / 100).toBe(value);
  });
});
