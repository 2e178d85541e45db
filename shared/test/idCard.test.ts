import fc from 'fast-check';

import {
  idCardCheckChar,
  maskIdNumber,
  parseIdCard,
  PROVINCE_CODES,
} from '@nuanxin/shared/src/identity/idCard';

// Every number here is made up: 17 chosen digits plus the check character computed by the code
// under test (cross-checked against the standard's own specimen below), never a real person's.
const withCheck = (first17: string) => first17 + idCardCheckChar(first17);
/** The same number with its last character replaced by a wrong one. */
const withWrongCheck = (first17: string) =>
  first17 + (idCardCheckChar(first17) === '0' ? '1' : '0');

// Fixed "today": 2026-11-22 12:00 in Shanghai.
const TODAY = new Date('2026-11-22T04:00:00Z');

describe('ISO 7064 MOD 11-2 check character', () => {
  it.each([
    // Specimen numbers printed in GB 11643-1999 itself.
    ['11010519491231002', 'X'],
    ['44052418800101001', '4'],
    // Hand-computed: Σ(digit × weight) = 279, 279 mod 11 = 4 → '10X98765432'[4] = '8'.
    ['37081119900307120', '8'],
  ])('%s → %s', (first17, check) => {
    expect(idCardCheckChar(first17)).toBe(check);
  });

  it('refuses anything but 17 digits', () => {
    expect(() => idCardCheckChar('3708111990030712')).toThrow(RangeError);
    expect(() => idCardCheckChar('3708111990030712A')).toThrow(RangeError);
  });
});

describe('身份证号码 GB 11643-1999: accepted', () => {
  it.each([
    // first 17, region, birth date, sex
    ['37081119900307123', '370811', '1990-03-07', 'male'], // sequence 123: odd → male
    ['37081119900307120', '370811', '1990-03-07', 'female'], // sequence 120: even → female
    ['11010519491231002', '110105', '1949-12-31', 'female'], // check character X
    ['11010520000229003', '110105', '2000-02-29', 'male'], // 2000 is a leap year (÷400); check X
    ['44030520240229006', '440305', '2024-02-29', 'female'], // 2024 is a leap year; check X
    ['37081120230228007', '370811', '2023-02-28', 'male'],
    ['81000019000101001', '810000', '1900-01-01', 'male'], // 香港 prefix, the earliest date
    ['37081120261122001', '370811', '2026-11-22', 'male'], // born today
  ])('%s + check → %s, %s, %s', (first17, regionCode, birthDate, sex) => {
    const id = withCheck(first17);
    expect(parseIdCard(id, TODAY)).toEqual({ ok: true, value: { id, regionCode, birthDate, sex } });
  });

  it.each([
    ['lower-case x', '11010519491231002x'],
    ['full-width digits and X', '１１０１０５１９４９１２３１００２Ｘ'],
    ['full-width lower-case x', '１１０１０５１９４９１２３１００２ｘ'],
    ['spaces around and inside (6-8-4 grouping)', '  110105 19491231 002X '],
    ['an ideographic space and a tab', '110105\u300019491231\t002x'],
  ])('normalises %s', (_what, input) => {
    expect(parseIdCard(input, TODAY)).toEqual({
      ok: true,
      value: {
        id: '11010519491231002X',
        regionCode: '110105',
        birthDate: '1949-12-31',
        sex: 'female',
      },
    });
  });

  it('a birth date of "today" is today in Shanghai, not on the UTC server clock', () => {
    const id = withCheck('37081120261123001');
    // 2026-11-22 16:30 UTC is already 2026-11-23 00:30 in Shanghai.
    expect(parseIdCard(id, new Date('2026-11-22T16:30:00Z')).ok).toBe(true);
    expect(parseIdCard(id, new Date('2026-11-22T15:59:59Z')).ok).toBe(false);
  });
});

describe('身份证号码 GB 11643-1999: refused with what to fix', () => {
  it.each([
    ['empty', '', '请填写身份证号码'],
    ['only spaces', '   ', '请填写身份证号码'],
    ['a 15-digit first-generation number', '370811900307123', '15位旧号码已停用'],
    ['15 digits with spaces', '370811 900307 123', '请输入18位第二代身份证号码'],
    ['17 characters', '37081119900307123', '应为18位，您填写了17位'],
    ['19 characters', `${withCheck('37081119900307123')}1`, '应为18位，您填写了19位'],
    ['a letter in the middle', '370811199003O7123X', '第13位“O”不是数字'],
    ['a letter in the sequence', '37081119900307A232', '第15位“A”不是数字'],
    ['a hyphen', '370811-19900307123', '第7位“-”不是数字'],
    ['a last character that is neither digit nor X', '37081119900307123Y', '最后一位只能是数字或X'],
    ['an unknown province prefix 99', withCheck('99081119900307123'), '地区码 990811'],
    ['an unknown province prefix 00', withCheck('00000019900307123'), '地区码 000000'],
    ['prefix 83 (not a GB/T 2260 province)', withCheck('83000019900307123'), '地区码 830000'],
    [
      'a wrong check character',
      withWrongCheck('37081119900307123'),
      '身份证号校验位不正确，请核对最后一位',
    ],
    ['X where a digit is due', '37081119900307123X', '校验位不正确'],
  ])('%s', (_what, input, reason) => {
    const result = parseIdCard(input, TODAY);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });

  it.each([
    // 29 February only in leap years: 1900 is divisible by 100 but not by 400.
    ['19000229', '1900-02-29'],
    ['20230229', '2023-02-29'],
    ['19900230', '1990-02-30'],
    ['19900431', '1990-04-31'],
    ['19901301', '1990-13-01'],
    ['19900001', '1990-00-01'],
    ['19900100', '1990-01-00'],
  ])('refuses the non-existent birth date %s', (yyyymmdd, shown) => {
    const result = parseIdCard(withCheck(`370811${yyyymmdd}123`), TODAY);
    expect(result).toEqual({
      ok: false,
      reason: `身份证号中的出生日期 ${shown} 不存在，请核对第7至14位`,
    });
  });

  it.each([
    ['the day after today', '20261123'],
    ['next year', '20270101'],
    ['a later century', '21000101'],
  ])('refuses a birth date in the future: %s', (_what, yyyymmdd) => {
    const result = parseIdCard(withCheck(`370811${yyyymmdd}123`), TODAY);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain('出生日期不能晚于今天');
  });

  it('refuses birth dates before 1900, even the standard’s own 1880 specimen', () => {
    const result = parseIdCard('440524188001010014', TODAY);
    expect(result).toEqual({
      ok: false,
      reason: '身份证号中的出生日期 1880-01-01 早于1900年，请核对第7至14位',
    });
  });
});

describe('properties', () => {
  const digit = fc.constantFrom(...'0123456789');
  const digits = (n: number) =>
    fc.array(digit, { minLength: n, maxLength: n }).map((ds) => ds.join(''));
  const province = fc.constantFrom(...Object.keys(PROVINCE_CODES));
  const birth = fc
    .date({
      min: new Date('1900-01-01T00:00:00Z'),
      max: new Date('2026-11-22T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10));
  const valid17 = fc
    .tuple(province, digits(4), birth, digits(3))
    .map(([p, county, date, seq]) => `${p}${county}${date.replace(/-/g, '')}${seq}`);

  it('any valid first 17 digits plus their check character are accepted; any other last character is not', () => {
    fc.assert(
      fc.property(valid17, fc.constantFrom(...'0123456789X'), (first17, other) => {
        const check = idCardCheckChar(first17);
        const result = parseIdCard(first17 + check, TODAY);
        expect(result.ok).toBe(true);
        if (result.ok) {
          expect(result.value.birthDate.replace(/-/g, '')).toBe(first17.slice(6, 14));
          expect(result.value.sex).toBe(Number(first17[16]) % 2 === 1 ? 'male' : 'female');
          expect(result.value.regionCode).toBe(first17.slice(0, 6));
        }
        if (other !== check) {
          expect(parseIdCard(first17 + other, TODAY)).toEqual({
            ok: false,
            reason: '身份证号校验位不正确，请核对最后一位',
          });
        }
      }),
    );
  });

  it('a single changed digit is always caught (MOD 11-2 detects every single-digit error)', () => {
    fc.assert(
      fc.property(valid17, fc.integer({ min: 0, max: 16 }), digit, (first17, at, replacement) => {
        fc.pre(first17[at] !== replacement);
        const id = withCheck(first17);
        const typo = id.slice(0, at) + replacement + id.slice(at + 1);
        expect(parseIdCard(typo, TODAY).ok).toBe(false);
      }),
    );
  });
});

describe('maskIdNumber', () => {
  it('keeps the region and the last 4, hides the birth date and the sequence', () => {
    expect(maskIdNumber('37081119900307123X')).toBe('370811********123X');
    expect(maskIdNumber('37081119900307123x')).toBe('370811********123X');
  });

  it('masks anything that is not 18 characters whole', () => {
    expect(maskIdNumber('370811900307123')).toBe('***************');
    expect(maskIdNumber('')).toBe('');
  });
});
