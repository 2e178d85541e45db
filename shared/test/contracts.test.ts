import { COLLECTIONS, listContracts, ROLES } from '@nuanxin/shared';

describe('the contract registry', () => {
  const all = listContracts();

  it('names every action once', () => {
    const keys = all.map((c) => `${c.fn}.${c.action}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toContain('user.whoami');
  });

  it.each(all.map((c) => [`${c.fn}.${c.action}`, c] as const))(
    '%s: example is valid, roles are known, title is Chinese',
    (_key, contract) => {
      expect(contract.input.safeParse(contract.example).success).toBe(true);
      expect(contract.roles.length).toBeGreaterThan(0);
      for (const role of contract.roles) expect(ROLES).toContain(role);
      expect(contract.title).toMatch(/[\u4e00-\u9fa5]/);
    },
  );
});

describe('the collection manifest', () => {
  it('declares each collection once with named indexes', () => {
    const names = COLLECTIONS.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    for (const c of COLLECTIONS) {
      const indexNames = c.indexes.map((i) => i.name);
      expect(new Set(indexNames).size).toBe(indexNames.length);
    }
  });
});
