/**
 * Durability under a data directory: every acknowledged write batch is appended to
 * `journal.ndjson` and fsynced before the SDK call answers (group commit: batches that arrive
 * while a write is in flight share the next fsync). Every `compactEveryWrites` batches the whole
 * store is written to `snapshot.json` (temp file, fsync, atomic rename, directory fsync) and the
 * journal is emptied. On start the snapshot is loaded and the journal replayed; batches already in
 * the snapshot are skipped by sequence number, and a torn last line (a crash mid-append) is
 * dropped — it was never acknowledged.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, open, readFile, rename, rm, writeFile, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';

import { isPlainObject } from './clone';
import { decodeRecord, encodeRecord, normalizeWire } from './ejson';
import type { Batch, Change, Doc, DocId, Store, StoreState } from './store';

export const SNAPSHOT_FILE = 'snapshot.json';
export const LOCK_FILE = 'LOCK';
export const JOURNAL_FILE = 'journal.ndjson';
export const DEFAULT_COMPACT_EVERY_WRITES = 1000;

/** One journal line: seq, changes as [collection, id, doc|null], created collections. */
interface Line {
  s: number;
  c: [string, DocId, Doc | null][];
  n?: string[];
}

function encodeBatch(batch: Batch): string {
  const line: Line = { s: batch.seq, c: batch.changes.map((ch) => [ch.collection, ch.id, ch.doc]) };
  if (batch.created?.length) line.n = batch.created;
  return `${encodeRecord(line)}\n`;
}

const never = (): Date => new Date(0);

function decodeLine(text: string): Batch {
  const line = normalizeWire(decodeRecord(text), never) as Line;
  if (!isPlainObject(line) || typeof line.s !== 'number' || !Array.isArray(line.c)) {
    throw new Error('not a journal record');
  }
  const changes: Change[] = line.c.map(([collection, id, doc]) => ({
    op: doc ? 'put' : 'delete',
    collection,
    id,
    doc,
  }));
  return line.n ? { seq: line.s, changes, created: line.n } : { seq: line.s, changes };
}

interface Pending {
  text: string;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class Journal {
  private queue: Pending[] = [];
  private running: Promise<void> | null = null;
  private sinceSnapshot = 0;
  private closed = false;

  private constructor(
    private readonly dir: string,
    private readonly store: Store,
    private fh: FileHandle,
    private readonly compactEvery: number,
  ) {}

  /** Loads the directory into the store and starts journaling the store's writes. */
  static async open(
    dir: string,
    store: Store,
    compactEvery = DEFAULT_COMPACT_EVERY_WRITES,
  ): Promise<Journal> {
    await mkdir(dir, { recursive: true });
    await lockDir(dir);
    try {
      await rm(join(dir, `${SNAPSHOT_FILE}.tmp`), { force: true });
      const snapshotPath = join(dir, SNAPSHOT_FILE);
      if (existsSync(snapshotPath)) {
        const state = normalizeWire(
          decodeRecord(await readFile(snapshotPath, 'utf8')),
          never,
        ) as StoreState;
        store.loadState(state);
      }
      const journalPath = join(dir, JOURNAL_FILE);
      const replayed = existsSync(journalPath) ? await replayJournal(journalPath, store) : 0;
      const fh = await open(journalPath, 'a');
      const journal = new Journal(dir, store, fh, Math.max(1, compactEvery));
      journal.sinceSnapshot = replayed;
      store.setSink((batch) => journal.append(batch));
      if (replayed >= journal.compactEvery) await journal.compact();
      return journal;
    } catch (error) {
      await unlockDir(dir);
      throw error;
    }
  }

  append(batch: Batch): Promise<void> {
    if (this.closed) return Promise.reject(new Error('本地云已关闭，写入未保存'));
    return new Promise((resolve, reject) => {
      this.queue.push({ text: encodeBatch(batch), resolve, reject });
      this.running ??= this.flushLoop();
    });
  }

  private async flushLoop(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const group = this.queue.splice(0);
        try {
          await this.fh.write(group.map((p) => p.text).join(''));
          await this.fh.datasync();
          this.sinceSnapshot += group.length;
          for (const p of group) p.resolve();
        } catch (error) {
          for (const p of group) p.reject(error);
        }
        if (this.sinceSnapshot >= this.compactEvery) {
          await this.compact().catch((error: unknown) => {
            console.error(
              `本地云：压缩快照失败（日志仍完整）：${error instanceof Error ? error.message : String(error)}`,
            );
          });
        }
      }
    } finally {
      // Same tick as the empty-queue check: an append after this starts a new loop.
      this.running = null;
    }
  }

  /** Writes the whole store as the snapshot and empties the journal. */
  async compact(): Promise<void> {
    // Serialized synchronously: a consistent state as of store.lastSeq().
    const text = encodeRecord(this.store.exportState());
    const tmp = join(this.dir, `${SNAPSHOT_FILE}.tmp`);
    const out = await open(tmp, 'w');
    try {
      await out.write(text);
      await out.sync();
    } finally {
      await out.close();
    }
    await rename(tmp, join(this.dir, SNAPSHOT_FILE));
    await syncDir(this.dir);
    // Lines up to the snapshot's seq are now redundant (and skipped on replay if truncation is lost).
    await this.fh.truncate(0);
    await this.fh.sync();
    this.sinceSnapshot = 0;
  }

  /** Waits for queued writes, compacts for a fast next start, and closes the file. */
  async close(): Promise<void> {
    while (this.running) await this.running;
    if (this.closed) return;
    this.closed = true;
    this.store.setSink(undefined);
    if (this.sinceSnapshot > 0) await this.compact();
    await this.fh.close();
    await unlockDir(this.dir);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One process per data directory: two writers appending to one journal would corrupt it (e.g.
 * `npm run seed` while `npm start` runs). A lock left by a killed process is taken over.
 */
async function lockDir(dir: string): Promise<void> {
  const lock = join(dir, LOCK_FILE);
  if (existsSync(lock)) {
    const pid = Number(readFileSync(lock, 'utf8').trim());
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) {
      throw new Error(`数据目录 ${dir} 正被进程 ${pid} 使用（例如另一个 npm start），请先停止它`);
    }
  }
  // 'wx' creates the file only if absent, so two processes starting together cannot both win.
  if (existsSync(lock)) await rm(lock, { force: true });
  try {
    await writeFile(lock, String(process.pid), { flag: 'wx' });
  } catch {
    throw new Error(`数据目录 ${dir} 正被另一个进程使用（例如另一个 npm start），请先停止它`);
  }
}

async function unlockDir(dir: string): Promise<void> {
  const lock = join(dir, LOCK_FILE);
  if (existsSync(lock) && readFileSync(lock, 'utf8').trim() === String(process.pid)) {
    await rm(lock, { force: true });
  }
}

async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } catch {
    // Some filesystems refuse fsync on directories; the rename itself is still atomic.
  } finally {
    await handle.close();
  }
}

/** Replays the journal into the store; drops a torn tail and truncates the file to good lines. */
async function replayJournal(path: string, store: Store): Promise<number> {
  const buffer = await readFile(path);
  const text = buffer.toString('utf8');
  let offset = 0;
  let goodBytes = 0;
  let count = 0;
  while (offset < text.length) {
    const end = text.indexOf('\n', offset);
    const last = end < 0;
    const lineText = text.slice(offset, last ? text.length : end);
    const next = last ? text.length : end + 1;
    if (lineText.trim() !== '') {
      let batch: Batch;
      try {
        batch = decodeLine(lineText);
      } catch (error) {
        const restIsEmpty = text.slice(next).trim() === '';
        if (restIsEmpty) break; // torn final write: never acknowledged
        throw new Error(
          `本地云数据日志已损坏（${path} 第 ${count + 1} 条记录之后）：${error instanceof Error ? error.message : String(error)}。请备份后删除数据目录重建。`,
        );
      }
      if (last) break; // a complete record always ends with a newline
      store.replay(batch);
      count += 1;
    }
    goodBytes += Buffer.byteLength(text.slice(offset, next), 'utf8');
    offset = next;
  }
  if (goodBytes < buffer.length) {
    const fh = await open(path, 'r+');
    try {
      await fh.truncate(goodBytes);
      await fh.sync();
    } finally {
      await fh.close();
    }
  }
  return count;
}
