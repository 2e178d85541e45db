/**
 * Personal data at rest (PIPL 第28条 sensitive personal information): AES-256-GCM for the
 * identifiers that must be read back (ID number, 残疾人证号), HMAC-SHA256 for lookups (e.g. "one active
 * registration per ID number" is a unique index on the HMAC). The disability and 低保 flags stay
 * queryable for tags, reports and matching; no client can read the database (deny-all rules), and
 * staff see them only through audited reads. One master key from the environment
 * (`NUANXIN_DATA_KEY`, 32 bytes base64, set as a cloud-function environment variable), split by
 * HKDF into an encryption key and a lookup key. Locally the key is generated once into the data dir.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

import { AppError, z } from '@nuanxin/shared';

const masterKeySchema = z
  .string()
  .trim()
  .transform((text) => Buffer.from(text, 'base64'))
  .refine((key) => key.length === 32, { error: 'NUANXIN_DATA_KEY 应为32字节密钥的 base64 编码' });

interface Keys {
  encryption: Buffer;
  lookup: Buffer;
}

let cached: { source: string; keys: Keys } | undefined;

function keys(): Keys {
  const source = process.env.NUANXIN_DATA_KEY ?? '';
  if (cached?.source === source) return cached.keys;
  const parsed = masterKeySchema.safeParse(source);
  if (!parsed.success) {
    // A deployment without the key must not store personal data in the clear: refuse loudly.
    console.error('[crypto] NUANXIN_DATA_KEY is missing or malformed');
    throw new AppError('INTERNAL', '系统未完成安全配置，暂不能保存个人信息，请联系管理员');
  }
  const derive = (info: string) =>
    Buffer.from(hkdfSync('sha256', parsed.data, Buffer.alloc(0), info, 32));
  cached = {
    source,
    keys: { encryption: derive('nuanxin/encryption/v1'), lookup: derive('nuanxin/lookup/v1') },
  };
  return cached.keys;
}

const VERSION = 'v1';

/** Encrypts a field: 'v1:' + base64(iv ‖ tag ‖ ciphertext). A new IV every time. */
export function encryptField(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keys().encryption, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
}

export function decryptField(token: string): string {
  const [version, payload] = token.split(':');
  if (version !== VERSION || !payload) throw new Error('unknown encrypted field format');
  const raw = Buffer.from(payload, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', keys().encryption, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}

/** A stable, keyed hash for equality lookups and unique indexes; the value itself is not stored. */
export function lookupHash(kind: string, value: string): string {
  return createHmac('sha256', keys().lookup).update(`${kind}\u0000${value}`).digest('hex');
}
