/**
 * 公民身份号码 (GB 11643-1999): 6-digit region code (GB/T 2260), 8-digit birth date YYYYMMDD,
 * 3-digit sequence (odd for men, even for women), and an ISO 7064 MOD 11-2 check character.
 *
 * The registration form calls `parseIdCard` on every keystroke's result, so each refusal says
 * exactly what the person has to fix (HOUSE-STYLE 6).
 */
import { dateKey, type DateInput } from '../time';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/**
 * Province-level prefixes of GB/T 2260 (incl. 71 台湾, 81 香港, 82 澳门). A full county table
 * would go stale with every division change, and the check character already catches typos; the
 * prefix only refuses numbers that cannot be a mainland ID at all.
 */
export const PROVINCE_CODES: Readonly<Record<string, string>> = {
  '11': '北京市',
  '12': '天津市',
  '13': '河北省',
  '14': '山西省',
  '15': '内蒙古自治区',
  '21': '辽宁省',
  '22': '吉林省',
  '23': '黑龙江省',
  '31': '上海市',
  '32': '江苏省',
  '33': '浙江省',
  '34': '安徽省',
  '35': '福建省',
  '36': '江西省',
  '37': '山东省',
  '41': '河南省',
  '42': '湖北省',
  '43': '湖南省',
  '44': '广东省',
  '45': '广西壮族自治区',
  '46': '海南省',
  '50': '重庆市',
  '51': '四川省',
  '52': '贵州省',
  '53': '云南省',
  '54': '西藏自治区',
  '61': '陕西省',
  '62': '甘肃省',
  '63': '青海省',
  '64': '宁夏回族自治区',
  '65': '新疆维吾尔自治区',
  '71': '台湾省',
  '81': '香港特别行政区',
  '82': '澳门特别行政区',
};

export type Sex = 'male' | 'female';

export interface IdCard {
  /** The normalised 18-character number (upper-case X). */
  id: string;
  /** First 6 digits: the GB/T 2260 division where the number was issued. */
  regionCode: string;
  /** 'YYYY-MM-DD' */
  birthDate: string;
  sex: Sex;
}

export type IdCardResult = { ok: true; value: IdCard } | { ok: false; reason: string };

/** ISO 7064 MOD 11-2 check character for the first 17 digits. */
export function idCardCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('first17 must be 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/**
 * Trim, drop spaces anywhere (people copy numbers grouped 6-8-4), full-width digits and X to
 * half-width, lower-case x to X. Nothing else is changed, so a stray letter is still reported.
 */
export function normalizeIdNumber(text: string): string {
  return String(text ?? '')
    .replace(/\s/g, '')
    .replace(/[\uff10-\uff19\uff38\uff58]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/x/g, 'X');
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function parseIdCard(text: string, today: DateInput = new Date()): IdCardResult {
  const id = normalizeIdNumber(text);
  if (id.length === 0) return { ok: false, reason: '请填写身份证号码' };
  // First-generation cards (15 digits, no century, no check character) stopped being valid on
  // 2013-01-01; registration and HMAC lookups key on the 18-digit number only.
  if (/^\d{15}$/.test(id)) {
    return { ok: false, reason: '请输入18位第二代身份证号码，15位旧号码已停用' };
  }
  if (id.length !== 18) {
    return { ok: false, reason: `身份证号码应为18位，您填写了${id.length}位` };
  }
  const badAt = [...id.slice(0, 17)].findIndex((c) => c < '0' || c > '9');
  if (badAt >= 0) {
    return {
      ok: false,
      reason: `身份证号前17位只能是数字，第${badAt + 1}位“${id[badAt]}”不是数字，请核对`,
    };
  }
  if (!/^[\dX]$/.test(id[17]!)) {
    return { ok: false, reason: `身份证号最后一位只能是数字或X，“${id[17]}”不正确，请核对` };
  }

  const regionCode = id.slice(0, 6);
  if (!PROVINCE_CODES[id.slice(0, 2)]) {
    return {
      ok: false,
      reason: `身份证号前6位地区码 ${regionCode} 不是有效的行政区划代码，请核对前两位`,
    };
  }

  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, reason: `身份证号中的出生日期 ${birthDate} 不存在，请核对第7至14位` };
  }
  if (year < 1900) {
    return { ok: false, reason: `身份证号中的出生日期 ${birthDate} 早于1900年，请核对第7至14位` };
  }
  // "Today" is the Shanghai calendar day: a child born at 00:30 Beijing time is already born
  // while the server clock (UTC) still shows the previous day.
  if (birthDate > dateKey(today)) {
    return {
      ok: false,
      reason: `出生日期不能晚于今天，身份证号中的出生日期为 ${birthDate}，请核对第7至14位`,
    };
  }

  if (idCardCheckChar(id.slice(0, 17)) !== id[17]) {
    return { ok: false, reason: '身份证号校验位不正确，请核对最后一位' };
  }

  // GB 11643: the sequence code's last digit (the 17th) is odd for men, even for women.
  const sex: Sex = Number(id[16]) % 2 === 1 ? 'male' : 'female';
  return { ok: true, value: { id, regionCode, birthDate, sex } };
}

/**
 * Masked for everyone but the owner (ARCHITECTURE "Data and personal information"): region and
 * the last 4 stay readable so a caseworker can confirm a number read out on the phone, the birth
 * date and sequence never show. Anything that is not 18 characters is masked whole, so a
 * malformed value never leaks.
 */
export function maskIdNumber(id: string): string {
  const normalized = normalizeIdNumber(id);
  if (normalized.length !== 18) return '*'.repeat(normalized.length);
  return `${normalized.slice(0, 6)}********${normalized.slice(14)}`;
}
