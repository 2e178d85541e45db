/**
 * The store underneath the transport: indexes that spare equality queries a full scan (counted
 * as documents examined), index buckets that never miss a match, atomic multi-document writes,
 * copies in and out, and fresh stores that are cheap enough for one per test.
 */
import fc from 'fast-check';
import { Query } from 'mingo';

import type { LocalCloud } from '../src';
import { Store } from '../src/store';

import { newCloud, TEST_COLLECTIONS } from './helpers';

let local: LocalCloud;
beforeEach(async () => {
  local = await newCloud();
});
afterEach(() => local.close());

function seedUsers(n: number): void {
  const users = local.store.collection('users');
  for (let i = 0; i < n; i += 1) {
    users.insert({ openid: `o-${i}`, role: i % 100 === 0 ? 'admin' : 'citizen', n: i });
  }
}

describe('indexes', () => {
  it('an equality query on an indexed field examines only the matching bucket, not the collection', () => {
    seedUsers(2000);
    const plan = local.store.collection('users').explain({ role: 'admin' });
    expect(plan).toEqual({ using: 'index:role', examined: 20, matched: 20 });
  });

  it('a query on a field without an index scans every document', () => {
    seedUsers(2000);
    expect(local.store.collection('users').explain({ n: 5 })).toEqual({
      using: 'scan',
      examined: 2000,
      matched: 1,
    });
  });

  it('_id lookups go through the id map (one document examined)', () => {
    seedUsers(500);
    const id = local.store.collection('users').insert({ openid: 'target' });
    expect(local.store.collection('users').explain({ _id: id })).toEqual({
      using: '_id',
      examined: 1,
      matched: 1,
    });
  });

  it('$in on an indexed field examines the union of its buckets; the smallest index wins in $and', () => {
    seedUsers(1000);
    const users = local.store.collection('users');
    expect(users.explain({ openid: { $in: ['o-1', 'o-2', 'nobody'] } })).toMatchObject({
      examined: 2,
      matched: 2,
    });
    expect(users.explain({ $and: [{ role: 'citizen' }, { openid: 'o-7' }] })).toEqual({
      using: 'index:openid',
      examined: 1,
      matched: 1,
    });
  });

  it('index candidates keep natural (insertion) order', () => {
    const items = local.store.collection('items');
    for (const sku of ['z', 'y', 'x']) items.insert({ sku, category: 'c' });
    expect(items.find({ category: 'c' }).map((d) => d.sku)).toEqual(['z', 'y', 'x']);
  });

  it('an index-assisted query answers exactly what a full scan answers (any values, arrays, nulls, missing)', () => {
    const value = fc.oneof(
      fc.constantFrom('a', 'b', 'c'),
      fc.integer({ min: 0, max: 3 }),
      fc.constant(null),
      fc.boolean(),
      fc.constant(new Date(0)),
    );
    const field = fc.oneof(
      value,
      fc.array(value, { maxLength: 3 }),
      fc.record({ x: value }, { noNullPrototype: true }),
      fc.constant(undefined),
    );
    fc.assert(
      fc.property(
        fc.array(field, { maxLength: 25 }),
        fc.oneof(value, fc.array(value, { minLength: 1, maxLength: 3 })),
        (values, probe) => {
          const store = new Store(TEST_COLLECTIONS);
          const items = store.collection('items');
          values.forEach((v, i) => {
            const doc: Record<string, unknown> = { _id: `d${i}`, sku: `s${i}` };
            if (v !== undefined) doc.category = v;
            items.put(doc as never);
          });
          const query = Array.isArray(probe) ? { category: { $in: probe } } : { category: probe };
          const viaIndex = store.find('items', query).map((d) => d._id);
          const compiled = new Query(query, {});
          const viaScan = [...items.docs.values()]
            .filter((d) => compiled.test(d))
            .map((d) => d._id);
          expect(items.lastPlan).toBe('index:category');
          expect(viaIndex).toEqual(viaScan);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('atomic writes', () => {
  it('a multi-document update that hits a unique clash changes no document and leaves indexes intact', async () => {
    const store = new Store(TEST_COLLECTIONS);
    await store.insert('items', [
      { _id: 'a', sku: 'A', category: 'x' },
      { _id: 'b', sku: 'B', category: 'x' },
      { _id: 'c', sku: 'TAKEN', category: 'y' },
    ]);
    await expect(
      store.update(
        'items',
        { category: 'x' },
        { $set: { sku: 'TAKEN' } },
        { multi: true, merge: true, upsert: false },
      ),
    ).rejects.toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' });
    expect(store.find('items', {}).map((d) => d.sku)).toEqual(['A', 'B', 'TAKEN']);
    expect(store.find('items', { sku: 'A' }).map((d) => d._id)).toEqual(['a']);
    expect(store.find('items', { sku: 'TAKEN' }).map((d) => d._id)).toEqual(['c']);
    expect(store.writeCount()).toBe(1);
  });

  it('an update moves a document between index buckets; a remove takes it out', async () => {
    const store = new Store(TEST_COLLECTIONS);
    await store.insert('items', [{ _id: 'a', sku: 'A', category: 'old' }]);
    await store.update(
      'items',
      { _id: 'a' },
      { $set: { category: 'new' } },
      { multi: false, merge: true, upsert: false },
    );
    expect(store.find('items', { category: 'old' })).toEqual([]);
    expect(store.find('items', { category: 'new' }).map((d) => d._id)).toEqual(['a']);
    await store.remove('items', { category: 'new' }, true);
    expect(store.find('items', { category: 'new' })).toEqual([]);
    expect(store.find('items', { sku: 'A' })).toEqual([]);
  });
});

describe('copies in and out', () => {
  it('inserting copies the object: later changes to it do not reach the store', () => {
    const doc = { sku: 'C', nested: { list: [1] }, at: new Date(0) };
    const id = local.store.collection('items').insert(doc);
    doc.nested.list.push(2);
    doc.at.setTime(5);
    expect(local.store.collection('items').find({ _id: id })[0]).toEqual({
      _id: id,
      sku: 'C',
      nested: { list: [1] },
      at: new Date(0),
    });
  });

  it('a fresh in-memory cloud is cheap enough for one per test', async () => {
    const started = performance.now();
    for (let i = 0; i < 20; i += 1) await (await newCloud()).close();
    expect((performance.now() - started) / 20).toBeLessThan(50);
  });
});

describe('a write the disk refused', () => {
  it('is reported, and the store then stops answering rather than show data a restart would lose', async () => {
    const store = new Store(TEST_COLLECTIONS);
    store.setSink(() => Promise.reject(new Error('ENOSPC: no space left on device')));
    await expect(store.insert('items', [{ sku: 'x' }])).rejects.toThrow('ENOSPC');
    expect(() => store.collection('items')).toThrow(/写入磁盘失败.*重启/);
  });
});
