/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters over 0-9 and A-Y without I, O, S, V, Z; the last
 * is a check character: 31 − (Σ value × weight mod 31), with 31 → 0.
 */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type UsccResult = { ok: true; value: { code: string } } | { ok: false; reason: string };

/** The check character for the first 17 characters (already valid symbols). */
export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += USCC_ALPHABET.indexOf(first17[i]!) * WEIGHTS[i]!;
  return USCC_ALPHABET[(31 - (sum % 31)) % 31]!;
}

export function parseUscc(text: string): UsccResult {
  const code = String(text ?? '')
    .replace(/[\s\u3000-]/g, '')
    .replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g, (c) =>
      String.fromCharCode(c.charCodeAt(0) - 0xfee0),
    )
    .toUpperCase();
  if (code.length === 0) return { ok: false, reason: '请填写统一社会信用代码' };
  if (code.length !== 18) {
    return { ok: false, reason: `统一社会信用代码应为18位，您填写了${code.length}位` };
  }
  const bad = [...code].find((c) => !USCC_ALPHABET.includes(c));
  if (bad) {
    return {
      ok: false,
      reason: `统一社会信用代码不含字符“${bad}”（不使用 I、O、S、V、Z），请核对`,
    };
  }
  if (usccCheckChar(code.slice(0, 17)) !== code[17]) {
    return { ok: false, reason: '统一社会信用代码校验位不正确，请核对最后一位' };
  }
  return { ok: true, value: { code } };
}
