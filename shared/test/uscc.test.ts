import fc from 'fast-check';

import { parseUscc, USCC_ALPHABET, usccCheckChar } from '@nuanxin/shared/src/identity/uscc';

describe('统一社会信用代码 GB 32100-2015', () => {
  it.each([
    // Published codes of well-known organisations (public registry facts).
    ['91110000600037341L'],
    ['91350100M000100Y43'],
  ])('accepts the valid code %s', (code) => {
    expect(parseUscc(code)).toEqual({ ok: true, value: { code } });
  });

  it('normalises case, spaces and full-width characters', () => {
    expect(parseUscc(' 9111 0000 6000 3734 1l ')).toEqual({
      ok: true,
      value: { code: '91110000600037341L' },
    });
    expect(parseUscc('９１１１００００６０００３７３４１Ｌ')).toMatchObject({ ok: true });
  });

  it.each([
    ['', '请填写'],
    ['9111000060003734', '应为18位'],
    ['91110000600037341O', '不含字符“O”'],
    ['91110000600037341M', '校验位不正确'],
  ])('refuses %p with a reason containing %p', (input, reason) => {
    const result = parseUscc(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });

  it('any 17 symbols plus their check character are valid; any other last character is not', () => {
    const symbol = fc.constantFrom(...USCC_ALPHABET);
    fc.assert(
      fc.property(fc.array(symbol, { minLength: 17, maxLength: 17 }), symbol, (chars, other) => {
        const first17 = chars.join('');
        const check = usccCheckChar(first17);
        expect(parseUscc(first17 + check).ok).toBe(true);
        if (other !== check) expect(parseUscc(first17 + other).ok).toBe(false);
      }),
    );
  });
});
