import {
  actorLabel,
  EDUCATION_LEVELS,
  graduationDateRequired,
  hasReachedRetirement,
  isHigherEducation,
  LOG_EVENT_LABELS,
  LOG_EVENTS,
  maskMobile,
  nextSteps,
  type RegisteredPerson,
  registrationTags,
  REGISTRATION_STATUSES,
  STATUS_NOTES,
} from '@nuanxin/shared';

function person(overrides: Partial<RegisteredPerson> = {}): RegisteredPerson {
  return {
    birthDate: '1996-05-10',
    sex: 'female',
    education: 'bachelor',
    graduationDate: null,
    separationDate: null,
    declarations: {},
    verified: {},
    ...overrides,
  };
}

describe('高校毕业生 and the graduation date', () => {
  it.each(EDUCATION_LEVELS.map((level, i) => [level, i >= 4] as const))(
    '%s is higher education: %s',
    (level, higher) => {
      expect(isHigherEducation(level)).toBe(higher);
    },
  );

  it.each([
    ['bachelor', 'graduated', true],
    ['juniorCollege', 'graduated', true],
    ['bachelor', 'resigned', false],
    ['secondaryVocational', 'graduated', false],
    ['seniorHigh', 'neverEmployed', false],
  ] as const)('%s + %s → date required: %s', (education, reason, required) => {
    expect(graduationDateRequired(education, reason)).toBe(required);
  });

  it('only a 高校毕业生 graduation date makes the 离校2年内 tag', () => {
    const today = '2026-11-22';
    expect(registrationTags(person({ graduationDate: '2025-06-30' }), today).tags).toEqual([
      'recentGraduate',
    ]);
    expect(
      registrationTags(person({ graduationDate: '2025-06-30', education: 'seniorHigh' }), today)
        .tags,
    ).toEqual([]);
  });
});

describe('registrationTags', () => {
  it.each([
    ['a 40-year-old woman', person({ birthDate: '1986-11-22' }), ['older'], true],
    ['a 39-year-old woman', person({ birthDate: '1986-11-23' }), [], false],
    ['a recent graduate only', person({ graduationDate: '2025-06-30' }), ['recentGraduate'], false],
    ['declared but unverified 低保', person({ declarations: { dibao: true } }), [], false],
    [
      'verified 低保',
      person({ declarations: { dibao: true }, verified: { dibao: true } }),
      ['dibao'],
      true,
    ],
    ['a year without work', person({ separationDate: '2025-11-22' }), ['longTermUnemployed'], true],
  ] as const)('%s', (_what, p, tags, difficulty) => {
    expect(registrationTags(p, '2026-11-22')).toEqual({ tags, employmentDifficulty: difficulty });
  });
});

describe('hasReachedRetirement (the cancellation list, 000 §1(4))', () => {
  // A man born 1966-05-10: 60 years + 5 months of delay (16 birth months since 1965-01 → 5).
  it.each([
    ['2026-10-09', false],
    ['2026-10-10', true],
  ])('man born 1966-05-10 on %s: %s', (today, reached) => {
    expect(hasReachedRetirement('1966-05-10', 'male', `${today}T12:00:00+08:00`)).toBe(reached);
  });
});

describe('labels and texts', () => {
  it('masks the middle four digits of a mobile, and anything odd whole', () => {
    expect(maskMobile('13805371002')).toBe('138****1002');
    expect(maskMobile('12345')).toBe('****');
  });

  it('every log event and status has Chinese words', () => {
    for (const e of LOG_EVENTS) expect(LOG_EVENT_LABELS[e]).toMatch(/[\u4e00-\u9fa5]/);
    for (const s of REGISTRATION_STATUSES) {
      expect(STATUS_NOTES[s].length).toBeLessThanOrEqual(20);
    }
  });

  it('names who acted', () => {
    expect(actorLabel('citizen', null)).toBe('本人');
    expect(actorLabel('caseworker', '张敏')).toBe('包保责任人 张敏');
    expect(actorLabel('system')).toBe('系统');
  });

  it('next steps name the caseworker and the policy promises that apply', () => {
    const steps = nextSteps({
      status: 'registered',
      caseworker: { name: '张敏', orgLabel: '就业中心', phone: '0537-12333' },
      pending: [],
      tags: ['recentGraduate'],
      claimInsurance: true,
      wantsTraining: true,
      entrepreneurship: true,
    });
    expect(steps[0]).toBe('您的包保责任人是就业中心的张敏，服务电话 0537-12333');
    const text = steps.join('\n');
    for (const words of ['每月', '3个', '失业保险金', '见习', '培训', '创业咨询师']) {
      expect(text).toContain(words);
    }
    expect(
      nextSteps({
        status: 'submitted',
        caseworker: null,
        pending: [{ key: 'disabled', evidence: '核验残疾人证' }],
        tags: [],
        claimInsurance: false,
        wantsTraining: false,
        entrepreneurship: false,
      }),
    ).toEqual([
      expect.stringContaining('业务主管'),
      '请准备“残疾”的证明材料，工作人员将核验：核验残疾人证',
      expect.stringContaining('核验完成后'),
    ]);
  });
});
