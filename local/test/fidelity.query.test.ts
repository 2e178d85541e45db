/**
 * Fidelity of reads through the real wx-server-sdk: each case is a documented CloudBase behaviour
 * that function code relies on, exercised exactly as function code calls it.
 */
import type { LocalCloud } from '../src';

import { newCloud, rejection, wxSdk, type Sdk } from './helpers';

let local: LocalCloud;
const cloud: Sdk = wxSdk();

const items = [
  {
    _id: 'a',
    sku: 'A',
    category: 'food',
    price: 5,
    tags: ['red', 'sale'],
    stock: { qty: 3 },
    name: 'Apple',
  },
  {
    _id: 'b',
    sku: 'B',
    category: 'food',
    price: 12,
    tags: ['green'],
    stock: { qty: 0 },
    name: 'banana',
  },
  {
    _id: 'c',
    sku: 'C',
    category: 'tool',
    price: 30,
    tags: [],
    stock: { qty: 7 },
    name: 'Chisel',
    discontinued: true,
  },
  {
    _id: 'd',
    sku: 'D',
    category: 'tool',
    price: 8,
    tags: ['sale'],
    name: 'Drill',
    lines: [{ n: 1 }, { n: 5 }],
  },
];

beforeEach(async () => {
  local = await newCloud();
  for (const item of items) local.store.collection('items').insert(item);
});
afterEach(() => local.close());

/** Runs SDK code as a caller inside an invocation of `local`. */
function asUser(body: (db: Sdk) => Promise<Sdk>): Promise<Sdk> {
  return local.runAs({ openid: 'o-reader' }, () => body(cloud.database()));
}

async function ids(where: object): Promise<string[]> {
  const res = await asUser((db) => db.collection('items').where(where).get());
  return res.data.map((d: { _id: string }) => d._id).sort();
}

describe('query commands (db.command) select documents like MongoDB', () => {
  it.each([
    ['eq', (_: Sdk) => ({ price: _.eq(5) }), ['a']],
    ['neq', (_: Sdk) => ({ category: _.neq('food') }), ['c', 'd']],
    ['gt', (_: Sdk) => ({ price: _.gt(8) }), ['b', 'c']],
    ['gte', (_: Sdk) => ({ price: _.gte(8) }), ['b', 'c', 'd']],
    ['lt', (_: Sdk) => ({ price: _.lt(8) }), ['a']],
    ['lte', (_: Sdk) => ({ price: _.lte(8) }), ['a', 'd']],
    ['in', (_: Sdk) => ({ sku: _.in(['A', 'C', 'Z']) }), ['a', 'c']],
    ['nin', (_: Sdk) => ({ sku: _.nin(['A', 'C']) }), ['b', 'd']],
    ['and (chained on one field)', (_: Sdk) => ({ price: _.gt(4).and(_.lt(10)) }), ['a', 'd']],
    ['exists(true)', (_: Sdk) => ({ discontinued: _.exists(true) }), ['c']],
    ['exists(false)', (_: Sdk) => ({ lines: _.exists(false) }), ['a', 'b', 'c']],
    ['elemMatch', (_: Sdk) => ({ lines: _.elemMatch({ n: _.gt(3) }) }), ['d']],
    ['array field equality matches an element', () => ({ tags: 'sale' }), ['a', 'd']],
    ['nested field by object', () => ({ stock: { qty: 0 } }), ['b']],
    ['nested field by dot path', (_: Sdk) => ({ 'stock.qty': _.gte(3) }), ['a', 'c']],
  ])('%s', async (_name, build, expected) => {
    expect(await ids(build(cloud.database().command))).toEqual(expected);
  });

  it('command.or across fields selects the union', async () => {
    const res = await asUser((db) =>
      db
        .collection('items')
        .where(db.command.or([{ sku: 'A' }, { price: db.command.gt(20) }]))
        .get(),
    );
    expect(res.data.map((d: { _id: string }) => d._id).sort()).toEqual(['a', 'c']);
  });

  it('command.and of whole conditions selects the intersection', async () => {
    const _ = cloud.database().command;
    expect(await ids(_.and([{ category: 'tool' }, { price: _.lt(10) }]))).toEqual(['d']);
  });

  it('db.RegExp matches with options (case-insensitive here)', async () => {
    const db = cloud.database();
    expect(await ids({ name: db.RegExp({ regexp: '^b', options: 'i' }) })).toEqual(['b']);
    expect(await ids({ name: /^a/i })).toEqual(['a']);
  });
});

describe('paging, ordering and projection', () => {
  it('orderBy, skip and limit page through results in order', async () => {
    const res = await asUser((db) =>
      db.collection('items').orderBy('price', 'desc').skip(1).limit(2).get(),
    );
    expect(res.data.map((d: { _id: string }) => d._id)).toEqual(['b', 'd']);
    expect(res.errMsg).toBe('collection.get:ok');
  });

  it('orderBy on two fields sorts by the first, then the second', async () => {
    const res = await asUser((db) =>
      db.collection('items').orderBy('category', 'asc').orderBy('price', 'desc').get(),
    );
    expect(res.data.map((d: { _id: string }) => d._id)).toEqual(['b', 'a', 'c', 'd']);
  });

  it('field() returns only the chosen fields (and _id)', async () => {
    const res = await asUser((db) =>
      db.collection('items').where({ _id: 'a' }).field({ sku: true, price: true }).get(),
    );
    expect(res.data).toEqual([{ _id: 'a', sku: 'A', price: 5 }]);
  });

  it('get() without limit returns at most 100 documents (the SDK sends limit 100)', async () => {
    for (let i = 0; i < 130; i += 1) local.store.collection('ticks').insert({ i });
    const res = await asUser((db) => db.collection('ticks').get());
    expect(res.data).toHaveLength(100);
  });

  it('limit() above 1000 is capped at 1000 (the SDK sends at most 1000; the server enforces it too)', async () => {
    for (let i = 0; i < 1100; i += 1) local.store.collection('ticks').insert({ i });
    const res = await asUser((db) => db.collection('ticks').limit(5000).get());
    expect(res.data).toHaveLength(1000);
  });

  it('count() answers the number of matching documents', async () => {
    const res = await asUser((db) => db.collection('items').where({ category: 'food' }).count());
    expect(res).toEqual({ total: 2, errMsg: 'collection.count:ok' });
  });
});

describe('documents by id', () => {
  it('doc().get() answers the document as data with errMsg document.get:ok', async () => {
    const res = await asUser((db) => db.collection('items').doc('c').get());
    expect(res.errMsg).toBe('document.get:ok');
    expect(res.data).toMatchObject({ _id: 'c', sku: 'C', discontinued: true });
  });

  it('doc().get() of a missing id rejects with "document with _id … does not exist"', async () => {
    const error = await rejection(asUser((db) => db.collection('items').doc('nope').get()));
    expect(error.message).toBe('document.get:fail document with _id nope does not exist');
    expect(error.errCode).toBe(-1);
  });

  it('Dates come back as Date objects', async () => {
    const at = new Date('2024-05-01T01:02:03.456Z');
    local.store.collection('ticks').insert({ _id: 't', at });
    const res = await asUser((db) => db.collection('ticks').doc('t').get());
    expect(res.data.at).toBeInstanceOf(Date);
    expect(res.data.at.getTime()).toBe(at.getTime());
  });

  it('documents are copies: changing a result never changes the store', async () => {
    const first = await asUser((db) => db.collection('items').doc('a').get());
    first.data.tags.push('mutated');
    const again = await asUser((db) => db.collection('items').doc('a').get());
    expect(again.data.tags).toEqual(['red', 'sale']);
    const direct = local.store.collection('items').find({ _id: 'a' })[0] as { tags: string[] };
    direct.tags.push('mutated');
    expect(
      (local.store.collection('items').find({ _id: 'a' })[0] as { tags: string[] }).tags,
    ).toEqual(['red', 'sale']);
  });
});

describe('errors the server answers', () => {
  it('a collection that was never created answers DATABASE_COLLECTION_NOT_EXIST (errCode -502005)', async () => {
    const error = await rejection(asUser((db) => db.collection('no_such_collection').get()));
    expect(error.errCode).toBe(-502005);
    expect(error.message).toMatch(
      /^collection\.get:fail -502005 database collection not exists\. /,
    );
    expect(error.message).toContain('Db or Table not exist: no_such_collection');
  });

  it('adding to a missing collection fails the same way (the cloud does not create collections on write)', async () => {
    const error = await rejection(
      asUser((db) => db.collection('no_such_collection').add({ data: { a: 1 } })),
    );
    expect(error.errCode).toBe(-502005);
  });

  it('createCollection makes a collection usable', async () => {
    const res = await asUser(async (db) => {
      await db.createCollection('fresh');
      await db.collection('fresh').add({ data: { a: 1 } });
      return db.collection('fresh').count();
    });
    expect(res.total).toBe(1);
    expect(local.store.collections()).toContain('fresh');
  });

  it('a database call outside any invocation is refused with a clear message', async () => {
    const error = await rejection(cloud.database().collection('items').get());
    expect(error.message).toContain('调用上下文之外');
  });
});
