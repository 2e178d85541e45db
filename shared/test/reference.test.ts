import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { COUNTIES, findTownship, TOWNSHIPS, townshipLabel, townshipsOf } from '@nuanxin/shared';
import {
  findOccupation,
  listOccupations,
  occupationPath,
  searchOccupations,
} from '@nuanxin/shared/src/data/occupations';

function tsv(name: string): string[][] {
  return readFileSync(join(__dirname, '..', 'data', name), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .slice(1)
    .map((l) => l.split('\t'));
}

describe('demo city 济宁市 divisions (GB/T 2260)', () => {
  it('carries the 12 county-level units and every township of the reference file', () => {
    const rows = tsv('jining-divisions.tsv');
    expect(COUNTIES).toHaveLength(12);
    const townships = rows.filter((r) => r[0] === 'township');
    expect(TOWNSHIPS).toHaveLength(new Set(townships.map((r) => r[1])).size);
    for (const [, code, name, parent] of townships) {
      expect(findTownship(code!)).toMatchObject({ name, county: parent });
    }
  });

  it('each township point lies within 25 km of its county seat (approximate, for distances)', () => {
    for (const t of TOWNSHIPS) {
      const seat = COUNTIES.find((c) => c.code === t.county)!;
      const km = Math.hypot((t.lat - seat.lat) * 111, (t.lng - seat.lng) * 111 * Math.cos(0.62));
      expect(km).toBeLessThan(25);
    }
  });

  it('labels and lists by county', () => {
    expect(townshipLabel('370811002')).toBe('任城区 许庄街道');
    expect(townshipsOf('370871').length).toBeGreaterThan(0);
    expect(townshipLabel('999999999')).toBe('999999999');
  });
});

describe('occupation classification 2022', () => {
  it('has 8 major, 79 middle, 450 minor categories and 1639 occupations', () => {
    expect(listOccupations('major')).toHaveLength(8);
    expect(listOccupations('middle')).toHaveLength(79);
    expect(listOccupations('minor')).toHaveLength(450);
    expect(listOccupations('occupation')).toHaveLength(1639);
    expect(listOccupations()).toHaveLength(tsv('occupations-2022.tsv').length);
  });

  it('walks the hierarchy from an occupation to its major category', () => {
    const leaf = listOccupations('occupation')[0]!;
    const path = occupationPath(leaf.code);
    expect(path.map((o) => o.level)).toEqual(['major', 'middle', 'minor', 'occupation']);
    expect(path[3]).toBe(findOccupation(leaf.code));
  });

  it('searches leaf occupations by words of their name', () => {
    const hits = searchOccupations('仓储');
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) {
      expect(hit.level).toBe('occupation');
      expect(hit.name).toContain('仓储');
    }
    expect(searchOccupations('   ')).toEqual([]);
  });
});
