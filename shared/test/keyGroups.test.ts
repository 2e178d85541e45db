import fc from 'fast-check';

import {
  DECLARATION_EVIDENCE,
  DECLARATION_KEYS,
  DEFAULT_DIFFICULTY_RULE,
  deriveTags,
  isEmploymentDifficulty,
  KEY_GROUP_LABELS,
  KEY_GROUP_TAGS,
  type KeyGroupPerson,
  type KeyGroupTag,
  pendingVerifications,
} from '@nuanxin/shared/src/eligibility';

/** A 30-year-old woman with no history and no declarations, unless told otherwise. */
function makePerson(overrides: Partial<KeyGroupPerson> = {}): KeyGroupPerson {
  return {
    birthDate: '1996-05-10',
    sex: 'female',
    separationDate: null,
    graduationDate: null,
    declarations: {},
    verified: {},
    ...overrides,
  };
}

// Instants either side of Shanghai midnight: 15:59:59Z is 23:59:59 of the same day in Shanghai,
// 16:00:00Z is 00:00 of the next day.
const eve = (day: string) => `${day}T15:59:59Z`;
const midnightAfter = (day: string) => `${day}T16:00:00Z`;

describe('大龄: women from their 40th birthday, men from their 50th (Shanghai calendar)', () => {
  it.each([
    ['female', '1986-11-23', eve('2026-11-22'), false], // 39, last minute
    ['female', '1986-11-23', midnightAfter('2026-11-22'), true], // 40th birthday
    ['male', '1986-11-23', midnightAfter('2026-11-22'), false], // a man of 40 is not
    ['male', '1976-11-23', eve('2026-11-22'), false], // 49, last minute
    ['male', '1976-11-23', midnightAfter('2026-11-22'), true], // 50th birthday
    // 29 February: 2026 has none, so the 50th birthday is 28 February (民法典 第二百零二条).
    ['male', '1976-02-29', eve('2026-02-27'), false],
    ['male', '1976-02-29', midnightAfter('2026-02-27'), true],
  ] as const)('%s born %s, at %s → %s', (sex, birthDate, now, older) => {
    expect(deriveTags(makePerson({ sex, birthDate }), now).includes('older')).toBe(older);
  });
});

describe('长期失业: one year or more since separation (004 §4(一))', () => {
  it.each([
    ['2025-11-22', eve('2026-11-21'), false], // one year minus a day
    ['2025-11-22', midnightAfter('2026-11-21'), true], // exactly one year
    ['2025-11-22', '2030-01-01', true],
    ['2024-02-29', eve('2025-02-27'), false],
    ['2024-02-29', midnightAfter('2025-02-27'), true], // 2025 has no 29 February
    ['2026-12-01', '2026-11-22', false], // a separation date still ahead (notice period)
    [null, '2026-11-22', false], // never worked
  ] as const)('separated %s, at %s → %s', (separationDate, now, expected) => {
    const tags = deriveTags(makePerson({ separationDate }), now);
    expect(tags.includes('longTermUnemployed')).toBe(expected);
  });
});

describe('离校2年内高校毕业生: from graduation through the day before its 2nd anniversary', () => {
  it.each([
    ['2024-06-30', eve('2024-06-29'), false], // the day before graduating
    ['2024-06-30', midnightAfter('2024-06-29'), true], // graduation day
    ['2024-06-30', eve('2026-06-29'), true], // last minute of 2 years
    ['2024-06-30', midnightAfter('2026-06-29'), false], // 2nd anniversary: no longer
    [null, '2026-01-01', false],
  ] as const)('graduated %s, at %s → %s', (graduationDate, now, expected) => {
    const tags = deriveTags(makePerson({ graduationDate }), now);
    expect(tags.includes('recentGraduate')).toBe(expected);
  });
});

describe('declarations become tags only once verified', () => {
  it.each(DECLARATION_KEYS.map((key) => [key]))('%s', (key) => {
    const now = '2026-11-22';
    expect(deriveTags(makePerson({ declarations: { [key]: true } }), now)).toEqual([]);
    expect(
      deriveTags(makePerson({ declarations: { [key]: true }, verified: { [key]: false } }), now),
    ).toEqual([]);
    expect(
      deriveTags(makePerson({ declarations: { [key]: true }, verified: { [key]: true } }), now),
    ).toEqual([key]);
    // Found by data comparison (政策敲门, 000 §8(2)) without a self-declaration.
    expect(deriveTags(makePerson({ verified: { [key]: true } }), now)).toEqual([key]);
  });

  it('lists what still waits for a caseworker, with the evidence to check', () => {
    const person = makePerson({
      declarations: { disabled: true, dibao: true, veteran: false },
      verified: { dibao: true },
    });
    expect(pendingVerifications(person)).toEqual([
      { key: 'disabled', evidence: DECLARATION_EVIDENCE.disabled },
    ]);
  });
});

describe('all tags together', () => {
  it('returns them sorted, each once', () => {
    const person = makePerson({
      sex: 'male',
      birthDate: '1970-01-01',
      separationDate: '2024-03-01',
      graduationDate: '1992-07-01',
      declarations: { dibao: true, disabled: true, veteran: true, returningMigrant: true },
      verified: { dibao: true, disabled: true, veteran: true },
    });
    expect(deriveTags(person, '2026-11-22')).toEqual([
      'dibao',
      'disabled',
      'longTermUnemployed',
      'older',
      'veteran',
    ]);
  });

  it('are recomputed as time passes: the same record gains and loses tags', () => {
    const person = makePerson({
      birthDate: '1986-03-01',
      separationDate: '2026-01-10',
      graduationDate: '2025-07-01',
    });
    expect(deriveTags(person, '2026-02-01')).toEqual(['recentGraduate']);
    expect(deriveTags(person, '2027-01-10')).toEqual([
      'longTermUnemployed',
      'older',
      'recentGraduate',
    ]);
    expect(deriveTags(person, '2027-07-01')).toEqual(['longTermUnemployed', 'older']);
  });
});

describe('properties', () => {
  const flags = fc.record(
    Object.fromEntries(DECLARATION_KEYS.map((k) => [k, fc.boolean()])) as Record<
      (typeof DECLARATION_KEYS)[number],
      fc.Arbitrary<boolean>
    >,
    { requiredKeys: [] },
  );
  const day = fc
    .date({
      min: new Date('1950-01-01T00:00:00Z'),
      max: new Date('2040-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10));
  const person = fc.record({
    birthDate: day,
    sex: fc.constantFrom('male' as const, 'female' as const),
    separationDate: fc.option(day),
    graduationDate: fc.option(day),
    declarations: flags,
    verified: flags,
  });

  it('tags are sorted, unique, known; declaration tags are exactly the verified ones', () => {
    fc.assert(
      fc.property(person, day, (p, now) => {
        const tags = deriveTags(p, now);
        expect(tags).toEqual([...new Set(tags)].sort());
        for (const tag of tags) expect(KEY_GROUP_TAGS).toContain(tag);
        const declared = tags.filter((t) => (DECLARATION_KEYS as readonly string[]).includes(t));
        expect(declared).toEqual(DECLARATION_KEYS.filter((k) => p.verified[k] === true).sort());
      }),
    );
  });

  it('once 大龄 or 长期失业, always so later (for an unchanged record)', () => {
    fc.assert(
      fc.property(person, day, day, (p, a, b) => {
        const [earlier, later] = a <= b ? [a, b] : [b, a];
        const before = deriveTags(p, earlier);
        const after = deriveTags(p, later);
        for (const tag of ['older', 'longTermUnemployed'] as const) {
          if (before.includes(tag)) expect(after).toContain(tag);
        }
      }),
    );
  });
});

describe('就业困难人员: a configurable rule over the tags (就业促进法 第五十二条, province-defined)', () => {
  it.each([
    ['older', true],
    ['disabled', true],
    ['dibao', true],
    ['zeroEmploymentFamily', true],
    ['longTermUnemployed', true],
    ['povertyAlleviated', true],
    ['recentGraduate', false],
    ['veteran', false],
    ['returningMigrant', false],
  ] as const)('by the default rule, %s alone → %s', (tag, expected) => {
    expect(isEmploymentDifficulty([tag])).toBe(expected);
  });

  it('nobody without tags', () => {
    expect(isEmploymentDifficulty([])).toBe(false);
  });

  it('a province rule replaces the default', () => {
    const rule = {
      source: '某省就业困难人员认定办法',
      anyOf: ['veteran', 'recentGraduate'] as KeyGroupTag[],
    };
    expect(isEmploymentDifficulty(['veteran'], rule)).toBe(true);
    expect(isEmploymentDifficulty(['older'], rule)).toBe(false);
    expect(DEFAULT_DIFFICULTY_RULE.anyOf).toContain('older'); // the default is untouched
  });
});

describe('labels', () => {
  it('every tag has a Chinese label and every declaration its evidence', () => {
    for (const tag of KEY_GROUP_TAGS) expect(KEY_GROUP_LABELS[tag]).toMatch(/[\u4e00-\u9fa5]/);
    for (const key of DECLARATION_KEYS) expect(DECLARATION_EVIDENCE[key]).toMatch(/^核验/);
    expect(KEY_GROUP_LABELS.recentGraduate).toBe('离校2年内高校毕业生');
    expect(DECLARATION_EVIDENCE.disabled).toContain('残疾人证（第二代）');
    expect(DECLARATION_EVIDENCE.dibao).toContain('低保证或民政部门低保名单');
  });
});
