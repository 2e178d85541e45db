/**
 * Transactions through the real wx-server-sdk: runTransaction commits or rolls back as a whole,
 * startTransaction gives manual commit/rollback, only doc() operations and add are allowed
 * inside, and writes stay invisible to others until the commit.
 */
import type { LocalCloud } from '../src';

import { newCloud, rejection, wxSdk, type Sdk } from './helpers';

let local: LocalCloud;
const cloud: Sdk = wxSdk();

beforeEach(async () => {
  local = await newCloud();
  local.store.collection('items').insert({ _id: 'acct-a', sku: 'A', balance: 100 });
  local.store.collection('items').insert({ _id: 'acct-b', sku: 'B', balance: 0 });
});
afterEach(() => local.close());

function asUser(body: (db: Sdk) => Promise<Sdk>): Promise<Sdk> {
  return local.runAs({ openid: 'o-tx' }, () => body(cloud.database()));
}

const balance = (id: string): unknown =>
  local.store.collection('items').find({ _id: id })[0]?.balance;

async function transfer(db: Sdk, amount: number, fail = false): Promise<Sdk> {
  return db.runTransaction(async (tx: Sdk) => {
    const from = await tx.collection('items').doc('acct-a').get();
    await tx
      .collection('items')
      .doc('acct-a')
      .update({ data: { balance: from.data.balance - amount } });
    await tx
      .collection('items')
      .doc('acct-b')
      .update({ data: { balance: db.command.inc(amount) } });
    await tx.collection('items').add({ data: { _id: `log-${amount}`, sku: `LOG-${amount}` } });
    if (fail) throw new Error('余额不足');
    return { moved: amount };
  });
}

it('runTransaction commits every write together and answers the callback result', async () => {
  const result = await asUser((db) => transfer(db, 30));
  expect(result).toEqual({ moved: 30 });
  expect([balance('acct-a'), balance('acct-b')]).toEqual([70, 30]);
  expect(local.store.collection('items').count({ _id: 'log-30' })).toBe(1);
});

it('runTransaction rolls back every write when the callback throws, and rethrows', async () => {
  const before = local.writeCount();
  const error = await rejection(asUser((db) => transfer(db, 30, true)));
  expect(error.message).toBe('余额不足');
  expect([balance('acct-a'), balance('acct-b')]).toEqual([100, 0]);
  expect(local.store.collection('items').count({ _id: 'log-30' })).toBe(0);
  expect(local.writeCount()).toBe(before);
});

it('transaction.rollback(reason) inside runTransaction undoes the writes and rejects with the reason', async () => {
  const error = await rejection(
    asUser((db) =>
      db.runTransaction(async (tx: Sdk) => {
        await tx
          .collection('items')
          .doc('acct-a')
          .update({ data: { balance: 0 } });
        await tx.rollback('取消');
      }),
    ),
  );
  expect(error).toBe('取消');
  expect(balance('acct-a')).toBe(100);
});

it('startTransaction: writes are invisible outside until commit, then all appear', async () => {
  const seen = await asUser(async (db) => {
    const tx = await db.startTransaction();
    await tx
      .collection('items')
      .doc('acct-a')
      .update({ data: { balance: 1 } });
    await tx
      .collection('items')
      .doc('acct-new')
      .set({ data: { sku: 'NEW', balance: 5 } });
    const inside = await tx.collection('items').doc('acct-a').get();
    const outside = await db.collection('items').doc('acct-a').get();
    await tx.commit();
    return { inside: inside.data.balance, outside: outside.data.balance };
  });
  expect(seen).toEqual({ inside: 1, outside: 100 });
  expect(balance('acct-a')).toBe(1);
  expect(balance('acct-new')).toBe(5);
});

it('startTransaction: rollback() discards the writes (including removes)', async () => {
  await asUser(async (db) => {
    const tx = await db.startTransaction();
    await tx.collection('items').doc('acct-a').remove();
    await tx.collection('items').add({ data: { _id: 'tmp', sku: 'TMP' } });
    await tx.rollback();
    return null;
  });
  expect(balance('acct-a')).toBe(100);
  expect(local.store.collection('items').count({ _id: 'tmp' })).toBe(0);
});

it('doc().get() of a missing id inside a transaction rejects like outside', async () => {
  const error = await rejection(
    asUser((db) => db.runTransaction((tx: Sdk) => tx.collection('items').doc('none').get())),
  );
  expect(error.message).toBe('document.get:fail document with _id none does not exist');
});

it('where() queries are not allowed inside a transaction', async () => {
  const error = await rejection(
    asUser((db) =>
      db.runTransaction((tx: Sdk) => tx.collection('items').where({ sku: 'A' }).get()),
    ),
  );
  expect(error.message).toContain('事务中仅支持');
});

it('a unique-index clash inside a transaction fails it and leaves nothing behind', async () => {
  const error = await rejection(
    asUser((db) =>
      db.runTransaction(async (tx: Sdk) => {
        await tx
          .collection('items')
          .doc('acct-b')
          .update({ data: { balance: 50 } });
        await tx.collection('items').add({ data: { sku: 'A' } });
      }),
    ),
  );
  expect(error.errCode).toBe(-501001);
  expect(balance('acct-b')).toBe(0);
});

it('reads inside a transaction see the data as of its start (snapshot), not later outside writes', async () => {
  const seen = await asUser((db) =>
    db.runTransaction(async (tx: Sdk) => {
      await db
        .collection('items')
        .doc('acct-b')
        .update({ data: { balance: 42 } });
      return (await tx.collection('items').doc('acct-b').get()).data.balance;
    }),
  );
  expect(seen).toBe(0);
  expect(balance('acct-b')).toBe(42);
});

it('writing a document changed outside after the start is a write conflict that ends the transaction', async () => {
  const error = await rejection(
    asUser((db) =>
      db.runTransaction(async (tx: Sdk) => {
        await db
          .collection('items')
          .doc('acct-a')
          .update({ data: { balance: 90 } });
        await tx
          .collection('items')
          .doc('acct-a')
          .update({ data: { balance: 0 } });
      }),
    ),
  );
  // wx-server-sdk's document wrapper maps the unknown code to -501001 and keeps the server text.
  expect(error.errCode).toBe(-501001);
  expect(error.message).toContain('write conflict on items/acct-a');
  expect(balance('acct-a')).toBe(90);
});

it('a conflict found at commit (DATABASE_TRANSACTION_CONFLICT) makes runTransaction retry the callback', async () => {
  let attempts = 0;
  const result = await asUser((db) =>
    db.runTransaction(async (tx: Sdk) => {
      attempts += 1;
      const doc = await tx.collection('items').doc('acct-a').get();
      await tx
        .collection('items')
        .doc('acct-a')
        .update({ data: { balance: doc.data.balance - 10 } });
      if (attempts === 1) {
        // Someone else changes the same document before this transaction commits.
        await db
          .collection('items')
          .doc('acct-a')
          .update({ data: { balance: 90 } });
      }
      return attempts;
    }),
  );
  expect(result).toBe(2);
  expect(balance('acct-a')).toBe(80);
});

it('transactions run one at a time: a second waits for the first to finish', async () => {
  const order: string[] = [];
  await asUser(async (db) => {
    const first = await db.startTransaction();
    const second = db.startTransaction().then(async (tx: Sdk) => {
      order.push('second started');
      await tx.commit();
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    order.push('first commits');
    await first.commit();
    await second;
    return null;
  });
  expect(order).toEqual(['first commits', 'second started']);
});

it('a transaction left open when the invocation ends is aborted, so the next can start', async () => {
  await asUser(async (db) => {
    const tx = await db.startTransaction();
    await tx
      .collection('items')
      .doc('acct-a')
      .update({ data: { balance: 0 } });
    return null; // never committed
  });
  expect(balance('acct-a')).toBe(100);
  const done = await asUser(async (db) => {
    const tx = await db.startTransaction();
    await tx.commit();
    return 'ok';
  });
  expect(done).toBe('ok');
});
