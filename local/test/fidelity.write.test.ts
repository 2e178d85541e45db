/**
 * Fidelity of writes through the real wx-server-sdk: update operators, set/update/remove result
 * shapes, serverDate, and unique indexes — as CloudBase documents them.
 */
import type { LocalCloud } from '../src';

import { newCloud, rejection, wxSdk, type Sdk } from './helpers';

let local: LocalCloud;
const cloud: Sdk = wxSdk();
const NOW = new Date('2024-06-01T00:00:00.000Z');

beforeEach(async () => {
  local = await newCloud({ clock: () => NOW });
});
afterEach(() => local.close());

function asUser(body: (db: Sdk) => Promise<Sdk>): Promise<Sdk> {
  return local.runAs({ openid: 'o-writer' }, () => body(cloud.database()));
}

const stored = (id: string): Record<string, unknown> | undefined =>
  local.store.collection('items').find({ _id: id })[0];

describe('add', () => {
  it('add() answers the generated _id (32 hex characters) with errMsg collection.add:ok', async () => {
    const res = await asUser((db) => db.collection('items').add({ data: { sku: 'N1', price: 1 } }));
    expect(res.errMsg).toBe('collection.add:ok');
    expect(res._id).toMatch(/^[0-9a-f]{32}$/);
    expect(stored(res._id)).toEqual({ _id: res._id, sku: 'N1', price: 1 });
  });

  it('add() keeps an _id given in the data', async () => {
    const res = await asUser((db) =>
      db.collection('items').add({ data: { _id: 'mine', sku: 'N2' } }),
    );
    expect(res._id).toBe('mine');
  });

  it('db.serverDate() becomes the server time (plus offset) when written', async () => {
    const res = await asUser((db) =>
      db
        .collection('items')
        .add({ data: { sku: 'T', at: db.serverDate(), later: db.serverDate({ offset: 60_000 }) } }),
    );
    const doc = stored(res._id) as { at: Date; later: Date };
    expect(doc.at).toEqual(NOW);
    expect(doc.later.getTime()).toBe(NOW.getTime() + 60_000);
  });

  it('Geo points are stored as GeoJSON and read back as db.Geo.Point', async () => {
    const read = await asUser(async (db) => {
      await db.collection('places').add({ data: { _id: 'p', loc: db.Geo.Point(116.59, 35.41) } });
      return db.collection('places').doc('p').get();
    });
    expect(local.store.collection('places').find({ _id: 'p' })[0]).toEqual({
      _id: 'p',
      loc: { type: 'Point', coordinates: [116.59, 35.41] },
    });
    expect(read.data.loc.longitude).toBe(116.59);
    expect(read.data.loc.latitude).toBe(35.41);
  });
});

describe('update operators', () => {
  beforeEach(() => {
    local.store.collection('items').insert({
      _id: 'x',
      sku: 'X',
      qty: 1,
      tags: ['a', 'b', 'b'],
      sizes: [1, 2],
      spec: { color: 'red', dims: { w: 1, h: 2 } },
      temp: true,
    });
  });

  it('inc, set, remove, push, pull and addToSet change exactly their fields', async () => {
    const res = await asUser((db) => {
      const _ = db.command;
      return db
        .collection('items')
        .doc('x')
        .update({
          data: {
            qty: _.inc(2),
            spec: _.set({ color: 'blue' }),
            temp: _.remove(),
            sizes: _.push([3, 4]),
            tags: _.pull('b'),
            labels: _.addToSet('new'),
          },
        });
    });
    expect(res).toEqual({ stats: { updated: 1 }, errMsg: 'document.update:ok' });
    expect(stored('x')).toEqual({
      _id: 'x',
      sku: 'X',
      qty: 3,
      tags: ['a'],
      sizes: [1, 2, 3, 4],
      spec: { color: 'blue' },
      labels: ['new'],
    });
  });

  it('addToSet does not add a value that is already there', async () => {
    await asUser((db) =>
      db
        .collection('items')
        .doc('x')
        .update({ data: { tags: db.command.addToSet('a') } }),
    );
    expect(stored('x')?.tags).toEqual(['a', 'b', 'b']);
  });

  it('a nested object in update data merges field by field (nested fields are flattened)', async () => {
    await asUser((db) =>
      db
        .collection('items')
        .doc('x')
        .update({ data: { spec: { dims: { w: 9 } } } }),
    );
    expect(stored('x')?.spec).toEqual({ color: 'red', dims: { w: 9, h: 2 } });
  });

  it('a dot path updates one nested field', async () => {
    await asUser((db) =>
      db
        .collection('items')
        .doc('x')
        .update({ data: { 'spec.dims.h': 5 } }),
    );
    expect(stored('x')?.spec).toEqual({ color: 'red', dims: { w: 1, h: 5 } });
  });

  it('updating with the values already stored reports updated: 0', async () => {
    const res = await asUser((db) =>
      db
        .collection('items')
        .doc('x')
        .update({ data: { qty: 1 } }),
    );
    expect(res.stats.updated).toBe(0);
  });

  it('update of a missing document reports updated: 0 and creates nothing', async () => {
    const res = await asUser((db) =>
      db
        .collection('items')
        .doc('ghost')
        .update({ data: { qty: 1 } }),
    );
    expect(res.stats.updated).toBe(0);
    expect(stored('ghost')).toBeUndefined();
  });

  it('serverDate() inside update data resolves on the server', async () => {
    await asUser((db) =>
      db
        .collection('items')
        .doc('x')
        .update({ data: { seenAt: db.serverDate() } }),
    );
    expect(stored('x')?.seenAt).toEqual(NOW);
  });
});

describe('set, multi update and remove', () => {
  beforeEach(() => {
    const coll = local.store.collection('items');
    coll.insert({ _id: 'p1', sku: 'P1', category: 'pen', price: 1, extra: 'keep?' });
    coll.insert({ _id: 'p2', sku: 'P2', category: 'pen', price: 2 });
    coll.insert({ _id: 'k1', sku: 'K1', category: 'ink', price: 3 });
  });

  it('doc().set() replaces the whole document (fields not given are gone)', async () => {
    const res = await asUser((db) =>
      db
        .collection('items')
        .doc('p1')
        .set({ data: { sku: 'P1', price: 9 } }),
    );
    expect(res).toEqual({
      _id: 'p1',
      errMsg: 'document.set:ok',
      stats: { updated: 1, created: 0 },
    });
    expect(stored('p1')).toEqual({ _id: 'p1', sku: 'P1', price: 9 });
  });

  it('doc().set() on a missing id creates the document (stats.created: 1)', async () => {
    const res = await asUser((db) =>
      db
        .collection('items')
        .doc('new')
        .set({ data: { sku: 'NEW' } }),
    );
    expect(res.stats).toEqual({ updated: 0, created: 1 });
    expect(stored('new')).toEqual({ _id: 'new', sku: 'NEW' });
  });

  it('where().update() changes every matching document (multi) and reports how many', async () => {
    const res = await asUser((db) =>
      db
        .collection('items')
        .where({ category: 'pen' })
        .update({ data: { price: db.command.inc(10) } }),
    );
    expect(res).toEqual({ stats: { updated: 2 }, errMsg: 'collection.update:ok' });
    expect([stored('p1')?.price, stored('p2')?.price, stored('k1')?.price]).toEqual([11, 12, 3]);
  });

  it('where().remove() removes every match; doc().remove() one', async () => {
    const many = await asUser((db) => db.collection('items').where({ category: 'pen' }).remove());
    expect(many).toEqual({ stats: { removed: 2 }, errMsg: 'collection.remove:ok' });
    const one = await asUser((db) => db.collection('items').doc('k1').remove());
    expect(one).toEqual({ stats: { removed: 1 }, errMsg: 'document.remove:ok' });
    expect(local.store.collection('items').count()).toBe(0);
  });
});

describe('unique indexes', () => {
  it('a duplicate value of a unique index is refused (DATABASE_DUPLICATE_WRITE → errCode -501001, message carries the code and E11000)', async () => {
    await asUser((db) => db.collection('items').add({ data: { sku: 'DUP' } }));
    const error = await rejection(
      asUser((db) => db.collection('items').add({ data: { sku: 'DUP' } })),
    );
    expect(error.errCode).toBe(-501001);
    expect(error.message).toMatch(/^collection\.add:fail -501001 resource system error\. /);
    expect(error.message).toContain('DATABASE_DUPLICATE_WRITE');
    expect(error.message).toContain(
      'E11000 duplicate key error collection: items index: sku_unique',
    );
    expect(local.store.collection('items').count({ sku: 'DUP' })).toBe(1);
  });

  it('a missing unique field counts as null: a second document without it is a duplicate', async () => {
    await asUser((db) => db.collection('items').add({ data: { name: 'no sku 1' } }));
    const error = await rejection(
      asUser((db) => db.collection('items').add({ data: { name: 'no sku 2' } })),
    );
    expect(error.message).toContain('DATABASE_DUPLICATE_WRITE');
  });

  it('an update that would duplicate a unique value is refused and changes nothing', async () => {
    local.store.collection('items').insert({ _id: 'u1', sku: 'U1' });
    local.store.collection('items').insert({ _id: 'u2', sku: 'U2' });
    const error = await rejection(
      asUser((db) =>
        db
          .collection('items')
          .doc('u2')
          .update({ data: { sku: 'U1' } }),
      ),
    );
    expect(error.errCode).toBe(-501001);
    expect(stored('u2')?.sku).toBe('U2');
  });

  it('a duplicate _id on add is a duplicate write', async () => {
    local.store.collection('items').insert({ _id: 'same', sku: 'S1' });
    const error = await rejection(
      asUser((db) => db.collection('items').add({ data: { _id: 'same', sku: 'S2' } })),
    );
    expect(error.message).toContain('index: _id_');
  });

  it('a refused write is not counted as a write', async () => {
    local.store.collection('items').insert({ sku: 'W' });
    const before = local.writeCount();
    await rejection(asUser((db) => db.collection('items').add({ data: { sku: 'W' } })));
    expect(local.writeCount()).toBe(before);
  });
});
