/**
 * Durability with a data directory: every acknowledged write is on disk before the call returns
 * (journal + fsync), compaction into a snapshot is atomic, and a restart — even after SIGKILL in
 * the middle of a write stream — finds every acknowledged write and a readable store.
 */
import { spawn } from 'node:child_process';
import {
  appendFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  copyFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createLocalCloud, REPO_ROOT } from '../src';
import { JOURNAL_FILE, LOCK_FILE, SNAPSHOT_FILE } from '../src/journal';

import { wxSdk, type Sdk } from './helpers';

const cloud: Sdk = wxSdk();
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nuanxin-durable-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const open = (compactEveryWrites = 1000): ReturnType<typeof createLocalCloud> =>
  createLocalCloud({ dataDir: dir, functions: {}, compactEveryWrites });

async function addUsers(local: Awaited<ReturnType<typeof open>>, openids: string[]): Promise<void> {
  await local.runAs({}, async () => {
    for (const openid of openids)
      await cloud
        .database()
        .collection('users')
        .add({ data: { openid, at: new Date(0) } });
  });
}

it('an acknowledged write is in the journal file (fsynced) before the SDK call returns', async () => {
  const local = await open();
  await addUsers(local, ['j-1']);
  // Read the file while the cloud is still running: the line is already there.
  const journal = readFileSync(join(dir, JOURNAL_FILE), 'utf8');
  expect(journal).toContain('"openid":"j-1"');
  expect(journal.endsWith('\n')).toBe(true);
  await local.close();
});

it('data survives a restart: snapshot + journal replay restore documents, Dates and created collections', async () => {
  const first = await open();
  await addUsers(first, ['r-1', 'r-2']);
  await first.runAs({}, async () => {
    const db = cloud.database();
    await db.createCollection('made_later');
    await db.collection('made_later').add({ data: { _id: 'm', v: 1 } });
    await db.collection('users').where({ openid: 'r-1' }).remove();
  });
  await first.close();
  const second = await open();
  expect(
    second.store
      .collection('users')
      .find({})
      .map((u) => u.openid),
  ).toEqual(['r-2']);
  expect(second.store.collection('users').find({})[0]?.at).toEqual(new Date(0));
  expect(second.store.collection('made_later').find({})).toEqual([{ _id: 'm', v: 1 }]);
  await second.close();
});

it('compaction writes a snapshot (atomic rename) and empties the journal; nothing is lost', async () => {
  const local = await open(5);
  await addUsers(
    local,
    Array.from({ length: 12 }, (_, i) => `c-${i}`),
  );
  expect(existsSync(join(dir, SNAPSHOT_FILE))).toBe(true);
  expect(existsSync(join(dir, `${SNAPSHOT_FILE}.tmp`))).toBe(false);
  expect(statSync(join(dir, JOURNAL_FILE)).size).toBeLessThan(600);
  // Simulate a crash right after close: reopen without it (the process never ran close()).
  const reopened = await open(5);
  expect(reopened.store.collection('users').count()).toBe(12);
  await reopened.close();
  await local.close();
});

it('a journal that was not truncated after the snapshot (crash between the two) replays without regressions', async () => {
  const local = await open();
  await addUsers(local, ['s-1']);
  await local.runAs({}, () =>
    cloud
      .database()
      .collection('users')
      .where({ openid: 's-1' })
      .update({ data: { v: 1 } }),
  );
  await local.runAs({}, () =>
    cloud
      .database()
      .collection('users')
      .where({ openid: 's-1' })
      .update({ data: { v: 2 } }),
  );
  const stale = join(dir, 'journal.before');
  copyFileSync(join(dir, JOURNAL_FILE), stale);
  await local.close(); // compacts: snapshot holds v: 2, journal emptied
  copyFileSync(stale, join(dir, JOURNAL_FILE)); // the old lines come back
  const reopened = await open();
  expect(reopened.store.collection('users').find({ openid: 's-1' })[0]?.v).toBe(2);
  expect(reopened.store.collection('users').count()).toBe(1);
  await reopened.close();
});

it('a torn last line (crash mid-append) is dropped and the journal keeps working', async () => {
  const local = await open();
  await addUsers(local, ['t-1']);
  const journal = join(dir, JOURNAL_FILE);
  const intact = readFileSync(journal, 'utf8');
  // Stop without close() (no compaction), then tear a half-written record onto the end.
  appendFileSync(journal, '{"s":99,"c":[["users","x",{"openid":"torn');
  const reopened = await open();
  expect(
    reopened.store
      .collection('users')
      .find({})
      .map((u) => u.openid),
  ).toEqual(['t-1']);
  expect(readFileSync(journal, 'utf8')).toBe(intact);
  await addUsers(reopened, ['t-2']);
  await reopened.close();
  const again = await open();
  expect(
    again.store
      .collection('users')
      .find({})
      .map((u) => u.openid),
  ).toEqual(['t-1', 't-2']);
  await again.close();
  await local.close();
});

it('a data directory in use by another live process is refused; a dead owner’s lock is taken over', async () => {
  const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
  try {
    writeFileSync(join(dir, LOCK_FILE), String(sleeper.pid));
    await expect(open()).rejects.toThrow(`正被进程 ${sleeper.pid} 使用`);
  } finally {
    sleeper.kill('SIGKILL');
    await new Promise((resolve) => sleeper.on('exit', resolve));
  }
  const local = await open();
  expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toBe(String(process.pid));
  await local.close();
  expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
});

it('a corrupt record in the middle of the journal stops the start with a clear Chinese message', async () => {
  writeFileSync(join(dir, JOURNAL_FILE), '{"s":1,"c":[]}\nnot json\n{"s":2,"c":[]}\n');
  await expect(open()).rejects.toThrow(/本地云数据日志已损坏/);
});

it('SIGKILL in the middle of a write stream loses no acknowledged write, and the store is readable', async () => {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(__dirname, 'fixtures', 'durabilityWriter.ts'), dir],
    {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const acked = new Set<string>();
  let lastCounter = 0;
  let stderr = '';
  let buffer = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.on('exit', (_code, signal) => resolve(signal)),
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        const [kind, openid, counter] = line.split(' ');
        if (kind !== 'ack' || !openid) continue;
        acked.add(openid);
        lastCounter = Math.max(lastCounter, Number(counter));
        if (acked.size === 300) {
          child.kill('SIGKILL');
          resolve();
        }
      }
    });
    child.on('exit', () => reject(new Error(`writer exited early: ${stderr}`)));
  });
  expect(await exited).toBe('SIGKILL');

  const local = await open();
  const users = local.store.collection('users');
  const stored = new Set(users.find({ openid: { $regex: '^w-' } }).map((u) => String(u.openid)));
  const missing = [...acked].filter((openid) => !stored.has(openid));
  expect(missing).toEqual([]);
  // At most the in-flight writes (one per writer lane) may have landed without an ack.
  expect(stored.size - acked.size).toBeLessThanOrEqual(4);
  expect(Number(users.find({ openid: 'counter' })[0]?.n)).toBeGreaterThanOrEqual(lastCounter);
  // Readable and writable after the crash.
  await addUsers(local, ['after-crash']);
  expect(users.count({ openid: 'after-crash' })).toBe(1);
  await local.close();
}, 60_000);
