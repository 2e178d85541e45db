/**
 * Transactions, good enough for local use. They run one at a time (the next `startTransaction`
 * waits for the running one to end). Reads see the data as of the start (snapshot isolation: when
 * someone else changes a document meanwhile, the transaction keeps reading the version it started
 * with). Writes are buffered and applied to the store at commit, atomically and as one journal
 * batch, so a rollback — or a crash — leaves nothing behind and nobody sees uncommitted data.
 * Writing a document someone else changed after the start is a write conflict
 * (DATABASE_TRANSACTION_CONFLICT): at the write it ends the transaction, as the server does
 * (wx-server-sdk's doc wrappers then hide the code, so runTransaction does not retry); found at
 * commit, the SDK's runTransaction sees the code and retries. As on CloudBase, only doc()
 * get/update/set/remove and add may run inside a transaction (the transport refuses the rest).
 */
import { randomUUID } from 'node:crypto';

import { isEqual } from 'mingo/util';

import { DbError, duplicateWrite, transactionConflict } from './errors';
import { newDocId, type Change, type Doc, type DocId, type Store } from './store';
import { applyUpdate, replacement } from './updates';

interface Transaction {
  id: string;
  /** collection → id → buffered document (null = removed). */
  writes: Map<string, Map<DocId, Doc | null>>;
  /** collection → id → the version at the start, for documents others changed since. */
  preImages: Map<string, Map<DocId, Doc | null>>;
  release: () => void;
  owner: object | undefined;
}

function nested<V>(map: Map<string, Map<DocId, V>>, collection: string): Map<DocId, V> {
  let inner = map.get(collection);
  if (!inner) map.set(collection, (inner = new Map()));
  return inner;
}

export class TransactionManager {
  private readonly open = new Map<string, Transaction>();
  private tail: Promise<void> = Promise.resolve();
  private committing: Transaction | undefined;

  constructor(private readonly store: Store) {
    store.setAfterApply((changes, before) => this.preserveSnapshot(changes, before));
  }

  /** When anyone else's write lands, keeps the version the running transaction started with. */
  private preserveSnapshot(changes: Change[], before: (Doc | null)[]): void {
    for (const tx of this.open.values()) {
      if (tx === this.committing) continue;
      changes.forEach((change, i) => {
        const images = nested(tx.preImages, change.collection);
        if (!images.has(change.id)) images.set(change.id, before[i] ?? null);
      });
    }
  }

  /** Waits for the running transaction (if any) to end, then starts one. */
  async start(owner?: object): Promise<string> {
    let release!: () => void;
    const turn = new Promise<void>((resolve) => (release = resolve));
    const previous = this.tail;
    this.tail = previous.then(() => turn);
    await previous;
    const tx: Transaction = {
      id: randomUUID(),
      writes: new Map(),
      preImages: new Map(),
      release,
      owner,
    };
    this.open.set(tx.id, tx);
    return tx.id;
  }

  private running(id: unknown): Transaction {
    const tx = typeof id === 'string' ? this.open.get(id) : undefined;
    if (!tx) {
      throw new DbError(
        'DATABASE_TRANSACTION_FAIL',
        `transaction ${String(id)} is not running (committed, aborted or timed out)`,
      );
    }
    return tx;
  }

  /** The transaction's view of a document: its own writes, else its snapshot. */
  private view(tx: Transaction, collection: string, id: DocId): Doc | undefined {
    const coll = this.store.collection(collection);
    const buffered = tx.writes.get(collection);
    if (buffered?.has(id)) return buffered.get(id) ?? undefined;
    const images = tx.preImages.get(collection);
    if (images?.has(id)) return images.get(id) ?? undefined;
    return coll.docs.get(id);
  }

  private changedOutside(tx: Transaction, collection: string, id: DocId): boolean {
    return tx.preImages.get(collection)?.has(id) ?? false;
  }

  private buffer(tx: Transaction, collection: string, id: DocId, doc: Doc | null): void {
    if (this.changedOutside(tx, collection, id)) {
      this.end(tx);
      throw transactionConflict(
        `write conflict on ${collection}/${String(id)}: changed outside the transaction after it started`,
      );
    }
    if (doc) this.checkUnique(tx, collection, doc);
    nested(tx.writes, collection).set(id, doc);
  }

  /**
   * Reports a unique-index clash at the write, as the server does, unless the document holding
   * the key is itself changed by this transaction (then the commit decides).
   */
  private checkUnique(tx: Transaction, collection: string, doc: Doc): void {
    const coll = this.store.collection(collection);
    const violation = coll.indexes.violation(doc);
    if (violation && !tx.writes.get(collection)?.has(violation.owner)) {
      throw duplicateWrite(collection, violation.index, violation.key);
    }
    for (const [id, other] of tx.writes.get(collection) ?? []) {
      if (!other || id === doc._id) continue;
      const clash = coll.indexes.clash(doc, other);
      if (clash) throw duplicateWrite(collection, clash.index, clash.key);
    }
  }

  get(txId: unknown, collection: string, id: DocId): Doc | undefined {
    return this.view(this.running(txId), collection, id);
  }

  insert(txId: unknown, collection: string, data: Record<string, unknown>): DocId {
    const tx = this.running(txId);
    const id = (data._id as DocId | undefined) ?? newDocId();
    if (this.view(tx, collection, id))
      throw duplicateWrite(collection, '_id_', `{ _id: ${JSON.stringify(id)} }`);
    this.buffer(tx, collection, id, { ...data, _id: id } as Doc);
    return id;
  }

  update(
    txId: unknown,
    collection: string,
    id: DocId,
    data: Record<string, unknown>,
    merge: boolean,
    upsert: boolean,
  ): { updated: number; upserted: boolean } {
    const tx = this.running(txId);
    const current = this.view(tx, collection, id);
    if (!current && !upsert) return { updated: 0, upserted: false };
    const next = merge ? applyUpdate(current ?? ({ _id: id } as Doc), data) : replacement(id, data);
    if (current && isEqual(current, next)) return { updated: 0, upserted: false };
    this.buffer(tx, collection, id, next);
    return current ? { updated: 1, upserted: false } : { updated: 0, upserted: true };
  }

  remove(txId: unknown, collection: string, id: DocId): number {
    const tx = this.running(txId);
    if (!this.view(tx, collection, id)) return 0;
    this.buffer(tx, collection, id, null);
    return 1;
  }

  /** Applies the buffered writes as one atomic, durable batch; a conflict ends the transaction. */
  async commit(txId: unknown): Promise<void> {
    const tx = this.running(txId);
    try {
      const changes: Change[] = [];
      for (const [collection, docs] of tx.writes) {
        for (const [id, doc] of docs) {
          if (this.changedOutside(tx, collection, id)) {
            throw transactionConflict(`write conflict on ${collection}/${String(id)} at commit`);
          }
          const exists = this.store.collection(collection).docs.has(id);
          if (doc) changes.push({ op: exists ? 'put' : 'insert', collection, id, doc });
          else if (exists) changes.push({ op: 'delete', collection, id, doc: null });
        }
      }
      this.committing = tx;
      // Unique indexes are checked again here, against the store as it is at commit.
      const durable = this.store.applyAndCommit(changes);
      this.end(tx);
      await durable;
    } finally {
      this.committing = undefined;
      this.end(tx);
    }
  }

  abort(txId: unknown): void {
    this.end(this.running(txId));
  }

  /** Ends every transaction an invocation left open (its function returned or timed out). */
  abortOwnedBy(owner: object): void {
    for (const tx of [...this.open.values()]) if (tx.owner === owner) this.end(tx);
  }

  abortAll(): void {
    for (const tx of [...this.open.values()]) this.end(tx);
  }

  private end(tx: Transaction): void {
    if (this.open.delete(tx.id)) tx.release();
  }
}
