import { randomBytes } from 'node:crypto';

import { decryptField, encryptField, lookupHash } from './crypto';

const original = process.env.NUANXIN_DATA_KEY;
beforeEach(() => {
  process.env.NUANXIN_DATA_KEY = randomBytes(32).toString('base64');
});
afterAll(() => {
  process.env.NUANXIN_DATA_KEY = original;
});

describe('personal data at rest', () => {
  it('encrypts with a fresh IV each time and decrypts back', () => {
    const a = encryptField('37081119900307123X');
    const b = encryptField('37081119900307123X');
    expect(a).not.toBe(b);
    expect(a).not.toContain('1990');
    expect(decryptField(a)).toBe('37081119900307123X');
  });

  it('refuses a tampered ciphertext (GCM authentication)', () => {
    const token = encryptField('低保');
    const raw = Buffer.from(token.slice(3), 'base64');
    raw[raw.length - 1]! ^= 1;
    expect(() => decryptField(`v1:${raw.toString('base64')}`)).toThrow();
  });

  it('lookup hashes are stable per key and kind, and differ across keys', () => {
    const h = lookupHash('idNumber', '37081119900307123X');
    expect(lookupHash('idNumber', '37081119900307123X')).toBe(h);
    expect(lookupHash('mobile', '37081119900307123X')).not.toBe(h);
    process.env.NUANXIN_DATA_KEY = randomBytes(32).toString('base64');
    expect(lookupHash('idNumber', '37081119900307123X')).not.toBe(h);
  });

  it('without a configured key nothing is stored in the clear: a Chinese refusal', () => {
    process.env.NUANXIN_DATA_KEY = '';
    expect(() => encryptField('x')).toThrow(/安全配置/);
    process.env.NUANXIN_DATA_KEY = 'c2hvcnQ=';
    expect(() => lookupHash('idNumber', 'x')).toThrow(/安全配置/);
  });
});
