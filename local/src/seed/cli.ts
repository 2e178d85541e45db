/**
 * `npm run seed -- [--scale N] [--reset]`: seeds the data dir (NUANXIN_DATA_DIR, default .data/)
 * with the demo city; `--scale N` adds N×1000 citizens and N×50 companies for benchmarks.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';

import { createLocalCloud, loadCloudFunctions } from '../index';

import { seedDemo } from './index';

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function run(): Promise<void> {
  const dataDir = process.env.NUANXIN_DATA_DIR ?? join(__dirname, '..', '..', '..', '.data');
  const scale = Number(flag('--scale') ?? 0);
  if (!Number.isInteger(scale) || scale < 0 || scale > 1000) {
    console.error('--scale 应为 0 到 1000 的整数');
    process.exit(2);
  }
  if (process.argv.includes('--reset')) rmSync(dataDir, { recursive: true, force: true });
  const cloud = await createLocalCloud({ dataDir, functions: loadCloudFunctions() });
  try {
    if (cloud.store.collection('users').count() > 0) {
      console.error(`数据目录 ${dataDir} 已有数据；如需重建请加 --reset`);
      process.exitCode = 2;
      return;
    }
    const counts = await seedDemo(cloud, { scale });
    console.log(JSON.stringify({ dataDir, scale, ...counts }));
  } finally {
    await cloud.close();
  }
}

void run();
