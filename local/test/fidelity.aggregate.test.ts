/**
 * Fidelity of aggregation and geo queries through the real wx-server-sdk, as CloudBase documents
 * them: pipelines without $limit answer 20 documents, geo queries need a 2dsphere index.
 */
import type { LocalCloud } from '../src';

import { newCloud, rejection, wxSdk, type Sdk } from './helpers';

let local: LocalCloud;
const cloud: Sdk = wxSdk();

beforeEach(async () => {
  local = await newCloud();
});
afterEach(() => local.close());

function asUser(body: (db: Sdk) => Promise<Sdk>): Promise<Sdk> {
  return local.runAs({ openid: 'o-agg' }, () => body(cloud.database()));
}

describe('aggregate', () => {
  beforeEach(() => {
    const items = local.store.collection('items');
    const orders = local.store.collection('orders');
    items.insert({ _id: 'i1', sku: 'S1', category: 'food', price: 5, tags: ['x', 'y'] });
    items.insert({ _id: 'i2', sku: 'S2', category: 'food', price: 7, tags: ['y'] });
    items.insert({ _id: 'i3', sku: 'S3', category: 'tool', price: 20, tags: [] });
    orders.insert({ _id: 'o1', itemId: 'i1', qty: 2 });
    orders.insert({ _id: 'o2', itemId: 'i1', qty: 1 });
    orders.insert({ _id: 'o3', itemId: 'i3', qty: 5 });
  });

  it('match → group → sort → limit answers grouped totals in order (list, errMsg collection.aggregate:ok)', async () => {
    const res = await asUser((db) => {
      const $ = db.command.aggregate;
      return db
        .collection('items')
        .aggregate()
        .match({ price: db.command.gt(1) })
        .group({ _id: '$category', total: $.sum('$price'), n: $.sum(1) })
        .sort({ total: -1 })
        .limit(10)
        .end();
    });
    expect(res.errMsg).toBe('collection.aggregate:ok');
    expect(res.list).toEqual([
      { _id: 'tool', total: 20, n: 1 },
      { _id: 'food', total: 12, n: 2 },
    ]);
  });

  it('project and unwind reshape documents', async () => {
    const res = await asUser((db) =>
      db
        .collection('items')
        .aggregate()
        .match({ category: 'food' })
        .unwind('$tags')
        .project({ _id: 0, sku: 1, tags: 1 })
        .end(),
    );
    expect(res.list).toEqual([
      { sku: 'S1', tags: 'x' },
      { sku: 'S1', tags: 'y' },
      { sku: 'S2', tags: 'y' },
    ]);
  });

  it('lookup joins another collection', async () => {
    const res = await asUser((db) =>
      db
        .collection('items')
        .aggregate()
        .match({ _id: 'i1' })
        .lookup({ from: 'orders', localField: '_id', foreignField: 'itemId', as: 'orders' })
        .end(),
    );
    expect(res.list).toHaveLength(1);
    expect(res.list[0].orders.map((o: { _id: string }) => o._id).sort()).toEqual(['o1', 'o2']);
  });

  it('a pipeline without limit answers at most 20 documents (server default)', async () => {
    for (let i = 0; i < 30; i += 1) local.store.collection('ticks').insert({ i });
    const res = await asUser((db) => db.collection('ticks').aggregate().sort({ i: 1 }).end());
    expect(res.list).toHaveLength(20);
    const all = await asUser((db) =>
      db.collection('ticks').aggregate().sort({ i: 1 }).limit(100).end(),
    );
    expect(all.list).toHaveLength(30);
  });

  it('a pipeline never changes stored documents', async () => {
    await asUser((db) =>
      db.collection('items').aggregate().addFields({ extra: 1 }).project({ price: 0 }).end(),
    );
    expect(local.store.collection('items').find({ _id: 'i1' })[0]).toEqual({
      _id: 'i1',
      sku: 'S1',
      category: 'food',
      price: 5,
      tags: ['x', 'y'],
    });
  });
});

describe('geo queries', () => {
  // Around 济宁 (Jining): centre, ~1.1 km north, ~5.5 km east, ~55 km away.
  const centre = [116.587, 35.415];
  beforeEach(() => {
    const places = local.store.collection('places');
    places.insert({ _id: 'here', kind: 'job', loc: { type: 'Point', coordinates: centre } });
    places.insert({
      _id: 'north1km',
      kind: 'job',
      loc: { type: 'Point', coordinates: [116.587, 35.425] },
    });
    places.insert({
      _id: 'east5km',
      kind: 'training',
      loc: { type: 'Point', coordinates: [116.647, 35.415] },
    });
    places.insert({ _id: 'far', kind: 'job', loc: { type: 'Point', coordinates: [117.2, 35.6] } });
  });

  it('command.geoNear answers points within maxDistance, nearest first', async () => {
    const res = await asUser((db) =>
      db
        .collection('places')
        .where({
          loc: db.command.geoNear({ geometry: db.Geo.Point(116.587, 35.415), maxDistance: 6000 }),
        })
        .get(),
    );
    expect(res.data.map((d: { _id: string }) => d._id)).toEqual(['here', 'north1km', 'east5km']);
  });

  it('command.geoNear with minDistance excludes the nearest points', async () => {
    const res = await asUser((db) =>
      db
        .collection('places')
        .where({
          loc: db.command.geoNear({
            geometry: db.Geo.Point(116.587, 35.415),
            minDistance: 500,
            maxDistance: 6000,
          }),
        })
        .get(),
    );
    expect(res.data.map((d: { _id: string }) => d._id)).toEqual(['north1km', 'east5km']);
  });

  it('command.geoWithin a db.Geo.Polygon answers the points inside it', async () => {
    const res = await asUser((db) => {
      const { Point, LineString, Polygon } = db.Geo;
      const ring = LineString([
        Point(116.5, 35.4),
        Point(116.62, 35.4),
        Point(116.62, 35.45),
        Point(116.5, 35.45),
        Point(116.5, 35.4),
      ]);
      return db
        .collection('places')
        .where({ loc: db.command.geoWithin({ geometry: Polygon([ring]) }) })
        .get();
    });
    expect(res.data.map((d: { _id: string }) => d._id).sort()).toEqual(['here', 'north1km']);
  });

  it('command.geoWithin a centerSphere (radians) answers the points within the circle', async () => {
    const res = await asUser((db) =>
      db
        .collection('places')
        .where({ loc: db.command.geoWithin({ centerSphere: [[116.587, 35.415], 2000 / 6378100] }) })
        .get(),
    );
    expect(res.data.map((d: { _id: string }) => d._id).sort()).toEqual(['here', 'north1km']);
  });

  it('aggregate geoNear adds the distance in metres, nearest first, filtered by query', async () => {
    const res = await asUser((db) =>
      db
        .collection('places')
        .aggregate()
        .geoNear({
          distanceField: 'distance',
          spherical: true,
          near: db.Geo.Point(116.587, 35.415),
          maxDistance: 10000,
          query: { kind: 'job' },
        })
        .end(),
    );
    expect(res.list.map((d: { _id: string }) => d._id)).toEqual(['here', 'north1km']);
    expect(res.list[0].distance).toBe(0);
    expect(res.list[1].distance).toBeGreaterThan(1100);
    expect(res.list[1].distance).toBeLessThan(1125);
  });

  it('geo queries on a field without a 2dsphere index fail, as the cloud requires the index', async () => {
    local.store.collection('ticks').insert({ loc: { type: 'Point', coordinates: centre } });
    const near = await rejection(
      asUser((db) =>
        db
          .collection('ticks')
          .where({ loc: db.command.geoNear({ geometry: db.Geo.Point(116.587, 35.415) }) })
          .get(),
      ),
    );
    expect(near.errCode).toBe(-502001);
    expect(near.message).toContain('unable to find index for $geoNear query');
    const agg = await rejection(
      asUser((db) =>
        db
          .collection('ticks')
          .aggregate()
          .geoNear({ distanceField: 'd', near: db.Geo.Point(116.587, 35.415) })
          .end(),
      ),
    );
    expect(agg.message).toContain('unable to find index for $geoNear query');
  });

  it('a 2dsphere-indexed field only accepts geometry', async () => {
    const error = await rejection(
      asUser((db) => db.collection('places').add({ data: { loc: 'not a point' } })),
    );
    expect(error.message).toContain("Can't extract geo keys");
  });
});
