/**
 * The personal-data master key for the local cloud (`NUANXIN_DATA_KEY`, read by
 * cloudfunctions/_lib/crypto.ts). In production it is a cloud-function environment variable; here
 * it is generated once into the data dir (file mode 0600) so stored data stays readable across
 * restarts, or, for an in-memory cloud, once per process.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function ensureDataKey(dataDir?: string): void {
  if (process.env.NUANXIN_DATA_KEY) return;
  if (!dataDir) {
    process.env.NUANXIN_DATA_KEY = randomBytes(32).toString('base64');
    return;
  }
  const file = join(dataDir, 'data-key');
  if (!existsSync(file)) {
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
  }
  process.env.NUANXIN_DATA_KEY = readFileSync(file, 'utf8').trim();
}
