/**
 * The occupation classification 2022 (职业分类大典) as a lazily built tree: 8 major, 79 middle,
 * 450 minor categories and 1639 occupations. Codes: '4' major, '4-02' middle, '4-02-06' minor,
 * '4-02-06-03' occupation. Imported only where needed (pickers, matching), not by the app shell.
 */
import { OCCUPATIONS_RAW } from './occupationsRaw';

export type OccupationLevel = 'major' | 'middle' | 'minor' | 'occupation';

export interface Occupation {
  code: string;
  name: string;
  level: OccupationLevel;
  /** Code of the enclosing category, null for a major category. */
  parent: string | null;
}

const LEVELS: OccupationLevel[] = ['major', 'middle', 'minor', 'occupation'];

let byCode: Map<string, Occupation> | undefined;
let all: Occupation[] | undefined;

function load(): Map<string, Occupation> {
  if (byCode) return byCode;
  all = OCCUPATIONS_RAW.split('\n').map((line) => {
    const [code = '', name = ''] = line.split('\t');
    const parts = code.split('-');
    return {
      code,
      name,
      level: LEVELS[parts.length - 1] ?? 'occupation',
      parent: parts.length > 1 ? parts.slice(0, -1).join('-') : null,
    };
  });
  byCode = new Map(all.map((o) => [o.code, o]));
  return byCode;
}

export function listOccupations(level?: OccupationLevel): Occupation[] {
  load();
  const list = all ?? [];
  return level ? list.filter((o) => o.level === level) : list;
}

export function findOccupation(code: string): Occupation | undefined {
  return load().get(code);
}

/** The chain from the major category down to the code itself. */
export function occupationPath(code: string): Occupation[] {
  const path: Occupation[] = [];
  let current = findOccupation(code);
  while (current) {
    path.unshift(current);
    current = current.parent ? findOccupation(current.parent) : undefined;
  }
  return path;
}

/** Occupations (leaf level) whose name contains every space-separated word of the query. */
export function searchOccupations(query: string, limit = 20): Occupation[] {
  const words = query.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  return listOccupations('occupation')
    .filter((o) => words.every((w) => o.name.includes(w) || o.code.startsWith(w)))
    .slice(0, limit);
}
