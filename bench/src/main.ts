/**
 * Benchmarks of the house: the local store's indexed lookups against full scans, durable writes
 * (journal + fsync), a cloud-function call through the real SDK, and the HTTP gateway round trip.
 * Data: the demo city plus `--scale N` × 1000 generated citizens (default 100 → 100k users).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';

import { createLocalCloud, loadCloudFunctions, seedDemo, startGateway } from '@nuanxin/local';

import { runMatchingBench } from './matching';
import { runRecommendationsBench } from './recommendations';

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
  const mean = sorted.reduce((s, v) => s + v, 0) / sorted.length;
  return {
    n: sorted.length,
    meanMs: +mean.toFixed(4),
    p50Ms: +at(0.5).toFixed(4),
    p95Ms: +at(0.95).toFixed(4),
  };
}

async function time(n: number, body: (i: number) => unknown | Promise<unknown>) {
  const samples: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const t0 = process.hrtime.bigint();
    await body(i);
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return stats(samples);
}

async function main(): Promise<void> {
  const scale = flag('--scale', 100);
  const functions = loadCloudFunctions();
  const results: Record<string, unknown> = {};

  // 1. Store queries on scale × 1000 users, in memory.
  const cloud = await createLocalCloud({ functions });
  const seedStart = Date.now();
  const counts = await seedDemo(cloud, { scale });
  results.seed = { ...counts, ms: Date.now() - seedStart };
  const users = cloud.store.collection('users');
  const total = counts.users;
  results.indexedLookup = {
    query: 'users { openid } (unique index)',
    explain: users.explain({ openid: `gen-citizen-${Math.floor(total / 2)}` }),
    ...(await time(2000, (i) => users.find({ openid: `gen-citizen-${(i * 7919) % total}` }))),
  };
  results.fullScan = {
    query: 'users { displayName } (no index)',
    explain: users.explain({ displayName: '居民123' }),
    ...(await time(50, (i) => users.find({ displayName: `居民${i}` }))),
  };

  // 2. A function call through the real wx-server-sdk on the local transport.
  results.invokeWhoami = await time(1000, () =>
    cloud.invoke('user', { action: 'whoami', payload: {} }, { openid: 'demo-caseworker-370811' }),
  );

  // 3. The HTTP gateway on loopback (bounded count).
  const gateway = await startGateway({ cloud, port: 0, host: '127.0.0.1' });
  results.gatewayWhoami = await time(500, () =>
    fetch(`${gateway.url}/cloud/user`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-wx-openid': 'demo-admin' },
      body: JSON.stringify({ action: 'whoami', payload: {} }),
    }).then((r) => r.json()),
  );
  await gateway.close();
  await cloud.close();

  // 4. Durable writes: every acknowledged write appended to the journal and fsynced.
  const dir = mkdtempSync(join(tmpdir(), 'nuanxin-bench-'));
  const durable = await createLocalCloud({ functions, dataDir: dir });
  await seedDemo(durable);
  results.durableInvitationWrite = await time(200, () =>
    durable.invoke(
      'user',
      {
        action: 'createInvitation',
        payload: { role: 'caseworker', org: 'employment', displayName: '压测' },
      },
      { openid: 'demo-admin' },
    ),
  );
  await durable.close();
  rmSync(dir, { recursive: true, force: true });

  const report = {
    at: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model,
      memoryGiB: +(totalmem() / 2 ** 30).toFixed(1),
      node: process.version,
    },
    data: { scale, users: total },
    memoryMiB: +(process.memoryUsage().rss / 2 ** 20).toFixed(0),
    results,
  };
  const out = join(__dirname, '..', 'results');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  console.log(JSON.stringify(report, null, 2));
}

// `npm run bench -- matching`: the matching bench of issue 5 (bench/src/matching.ts) instead;
// `npm run bench -- recommendations`: its gateway bars (bench/src/recommendations.ts).
if (process.argv.slice(2).includes('matching')) void runMatchingBench(process.argv.slice(2));
else if (process.argv.slice(2).includes('recommendations'))
  void runRecommendationsBench(process.argv.slice(2));
else void main();
