/**
 * The vacancy's structured fields (minimum education, experience, certificates, work location),
 * their defaults for records saved before they existed, and the company's location.
 */
import type { LocalCloud } from '@nuanxin/local';
import { findTownship } from '@nuanxin/shared';

import { AS, seededCloud } from '../test/support';

import { caller, company, uscc, vacancy } from './fixtures';

let cloud: LocalCloud;
beforeEach(async () => {
  cloud = await seededCloud();
});
afterEach(async () => {
  await cloud.close();
});

const stored = (id: string) => cloud.store.collection('vacancies').find({ _id: id })[0] as any;

it('stores and shows minimum education, experience and certificates', async () => {
  const res = await caller(cloud, AS.employer)(
    'saveVacancy',
    vacancy({
      minEducation: 'juniorCollege',
      minExperienceYears: 2,
      certificates: [' 叉车证 ', '电工证', '叉车证'],
    }),
  );
  expect(res.data.vacancy).toMatchObject({
    minEducation: 'juniorCollege',
    minEducationLabel: '大专及以上',
    minExperienceYears: 2,
    certificates: ['叉车证', '电工证'],
  });
  expect(stored(res.data.vacancy.id)).toMatchObject({
    minEducation: 'juniorCollege',
    minExperienceYears: 2,
    certificates: ['叉车证', '电工证'],
  });
});

it('defaults: 不限 education, no experience, no certificates, the company’s own point', async () => {
  const res = await caller(cloud, AS.employer)('saveVacancy', vacancy());
  const companyDoc = cloud.store
    .collection('companies')
    .find({ name: '济宁鲁运物流有限公司' })[0] as any;
  const [lng, lat] = companyDoc.location.coordinates as [number, number];
  expect(res.data.vacancy).toMatchObject({
    minEducation: null,
    minEducationLabel: null,
    minExperienceYears: 0,
    certificates: [],
    location: { lng, lat },
  });
  expect(stored(res.data.vacancy.id).location).toEqual({ lng, lat });
});

it('work in another township defaults to that township’s centre; a given point is kept', async () => {
  const elsewhere = await caller(cloud, AS.employer)(
    'saveVacancy',
    vacancy({ township: '370811005' }),
  );
  const t = findTownship('370811005')!;
  expect(elsewhere.data.vacancy.location).toEqual({ lng: t.lng, lat: t.lat });
  const given = await caller(cloud, AS.employer)(
    'saveVacancy',
    vacancy({ location: { lng: 116.6, lat: 35.4 } }),
  );
  expect(given.data.vacancy.location).toEqual({ lng: 116.6, lat: 35.4 });
});

it.each([
  ['minExperienceYears', { minExperienceYears: 31 }],
  ['minExperienceYears', { minExperienceYears: 1.5 }],
  ['minEducation', { minEducation: 'kindergarten' }],
  ['certificates', { certificates: ['a', 'b', 'c', 'd', 'e', 'f'].map((x) => `${x}证书`) }],
  ['certificates.0', { certificates: ['一'.repeat(21)] }],
])('refuses a bad %s, nothing written', async (field, over) => {
  const before = cloud.writeCount();
  const res = await caller(cloud, AS.employer)('saveVacancy', vacancy(over));
  expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  expect(res.error.fields[field]).toMatch(/[\u4e00-\u9fa5]/);
  expect(cloud.writeCount()).toBe(before);
});

it('screens the certificates’ text too', async () => {
  const before = cloud.store.collection('vacancies').count();
  const res = await caller(cloud, AS.employer)(
    'saveVacancy',
    vacancy({ certificates: ['乙肝五项阴性证明'] }),
  );
  expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  expect(res.error.fields.certificates).toMatch(/就业促进法/);
  expect(cloud.store.collection('vacancies').count()).toBe(before);
});

it('a record saved before the structured fields existed still reads, with defaults', async () => {
  const saved = await caller(cloud, AS.employer)('saveVacancy', vacancy());
  const current = stored(saved.data.vacancy.id) as Record<string, unknown>;
  // As the first slice stored it: no structured fields, no location, no staff note.
  const {
    _id: _,
    minEducation: _e,
    minExperienceYears: _y,
    certificates: _c,
    location: _l,
    staffNote: _n,
    ...legacy
  } = current;
  cloud.store.collection('vacancies').insert({ ...legacy, title: '旧岗位', township: '370811005' });
  const mine = await caller(cloud, AS.employer)('myVacancies', {});
  const old = mine.data.vacancies.find((v: any) => v.title === '旧岗位');
  const t = findTownship('370811005')!;
  expect(old).toMatchObject({
    minEducation: null,
    minEducationLabel: null,
    minExperienceYears: 0,
    certificates: [],
    location: { lng: t.lng, lat: t.lat },
    staffNote: null,
  });
});

it('a company registers with a location, or gets its township’s centre', async () => {
  const withPoint = await caller(cloud, AS.newCitizen)(
    'registerCompany',
    company({ location: { lng: 116.58, lat: 35.41 } }),
  );
  expect(withPoint.data.company.location).toEqual({ lng: 116.58, lat: 35.41 });
  const doc = cloud.store.collection('companies').find({ _id: withPoint.data.company.id })[0]!;
  expect(doc.location).toEqual({ type: 'Point', coordinates: [116.58, 35.41] });

  const without = await caller(cloud, 'wx-second-owner')(
    'registerCompany',
    company({ name: '济宁另一家有限公司', uscc: uscc('91370811MA3D5Y9L5') }),
  );
  expect(without.ok).toBe(true);
  const t = findTownship('370811002')!;
  expect(without.data.company.location).toEqual({ lng: t.lng, lat: t.lat });
});
