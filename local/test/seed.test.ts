import { COUNTIES, findTownship, TOWNSHIPS } from '@nuanxin/shared';
import { parseUscc } from '@nuanxin/shared/src/identity/uscc';

import { createLocalCloud, type LocalCloud } from '../src';
import { seedDemo } from '../src/seed';

const strip = (docs: Record<string, unknown>[]) =>
  docs.map(({ _id, createdAt, updatedAt, companyId, ...rest }) => rest);

let clouds: LocalCloud[] = [];
async function seeded(scale = 0): Promise<LocalCloud> {
  const cloud = await createLocalCloud({ functions: {} });
  clouds.push(cloud);
  await seedDemo(cloud, { scale, now: new Date('2026-11-22T00:00:00Z') });
  return cloud;
}
afterEach(async () => {
  await Promise.all(clouds.map((c) => c.close()));
  clouds = [];
});

describe('the demo city seed (济宁市)', () => {
  it('is deterministic: two seeds hold the same people and places', async () => {
    const [a, b] = [await seeded(), await seeded()];
    for (const name of ['users', 'companies', 'training_institutions']) {
      expect(strip(a.store.collection(name).find())).toEqual(
        strip(b.store.collection(name).find()),
      );
    }
  });

  it('has an employment-centre caseworker for every county covering all its townships', async () => {
    const cloud = await seeded();
    const covered = new Set<string>();
    for (const county of COUNTIES) {
      const [caseworker] = cloud.store
        .collection('users')
        .find({ role: 'caseworker', org: 'employment', openid: `demo-caseworker-${county.code}` });
      expect(caseworker).toBeDefined();
      for (const code of caseworker!.townships as string[]) covered.add(code);
    }
    expect(covered.size).toBe(TOWNSHIPS.length);
  });

  it('has staff of each organisation, an admin, a supervisor, employers and key-group citizens', async () => {
    const users = (await seeded()).store.collection('users');
    for (const org of ['employment', 'market', 'talent', 'skills']) {
      expect(users.count({ org })).toBeGreaterThan(0);
    }
    for (const role of ['admin', 'supervisor', 'employer', 'citizen']) {
      expect(users.count({ role, demo: true })).toBeGreaterThan(0);
    }
    const notes = users.find({ role: 'citizen' }).map((u) => u.demoNote);
    expect(notes).toEqual(
      expect.arrayContaining(['离校2年内未就业高校毕业生', '残疾失业人员', '零就业家庭成员']),
    );
  });

  it('places companies and institutions in real townships with valid credit codes', async () => {
    const cloud = await seeded(1);
    const companies = cloud.store.collection('companies').find();
    expect(companies).toHaveLength(55);
    for (const c of companies) {
      expect(findTownship(c.township as string)).toBeDefined();
      expect(parseUscc(c.uscc as string).ok).toBe(true);
    }
    for (const i of cloud.store.collection('training_institutions').find()) {
      expect(findTownship(i.township as string)).toBeDefined();
    }
    expect(cloud.store.collection('users').count({ role: 'citizen' })).toBe(1009);
  });
});
