#!/usr/bin/env node
// Generates shared/src/data/divisions.ts and shared/src/data/occupations.ts from the project's
// own reference files in shared/data/*.tsv. Run: node scripts/gen-reference.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const readTsv = (name) =>
  readFileSync(join(root, 'shared/data', name), 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .slice(1)
    .map((line) => line.split('\t').map((cell) => cell.trim()));

const header = (source) =>
  `// GENERATED FILE — do not edit. Made by \`node scripts/gen-reference.mjs\` from shared/data/${source}.\n`;

// Approximate seats of the county-level units (lng, lat); township points are placed around them
// deterministically (街道 within ~4 km, 镇/乡 6–20 km) — good enough for demo distances, not a survey.
const SEATS = {
  370800: [116.587, 35.415],
  370811: [116.595, 35.406],
  370812: [116.783, 35.553],
  370826: [117.129, 34.807],
  370827: [116.65, 35.012],
  370828: [116.311, 35.067],
  370829: [116.342, 35.408],
  370830: [116.489, 35.712],
  370831: [117.251, 35.665],
  370832: [116.096, 35.802],
  370871: [116.7, 35.42],
  370881: [116.986, 35.581],
  370883: [116.973, 35.405],
};

const divisions = readTsv('jining-divisions.tsv');
const seen = new Set();
const counties = [];
const townships = [];
const perCounty = {};
for (const [level, code, name, parent] of divisions) {
  if (seen.has(code)) continue;
  seen.add(code);
  if (level === 'county') {
    const [lng, lat] = SEATS[code];
    counties.push({ code, name, lng, lat });
  } else if (level === 'township') {
    const i = (perCounty[parent] = (perCounty[parent] ?? 0) + 1);
    const [lng0, lat0] = SEATS[parent];
    const street = name.endsWith('街道');
    const km = street ? 1 + (i % 4) : 6 + ((i * 7) % 15);
    const angle = i * 2.399963; // golden angle spreads points evenly
    const lat = lat0 + (km / 111) * Math.sin(angle);
    const lng = lng0 + (km / (111 * Math.cos((lat0 * Math.PI) / 180))) * Math.cos(angle);
    townships.push({
      code,
      name,
      county: parent,
      lng: Math.round(lng * 1e4) / 1e4,
      lat: Math.round(lat * 1e4) / 1e4,
    });
  }
}
writeFileSync(
  join(root, 'shared/src/data/divisions.ts'),
  `${header('jining-divisions.tsv')}
/** A county-level unit of 济宁市 (GB/T 2260) with the approximate point of its seat. */
export interface County {
  code: string;
  name: string;
  lng: number;
  lat: number;
}

/** A township-level unit (街道/镇/乡, 统计用区划代码) with an approximate point. */
export interface Township {
  code: string;
  name: string;
  county: string;
  lng: number;
  lat: number;
}

export const CITY = { code: '370800', name: '济宁市', lng: 116.587, lat: 35.415 } as const;

export const COUNTIES: readonly County[] = ${JSON.stringify(counties, null, 2)};

export const TOWNSHIPS: readonly Township[] = ${JSON.stringify(townships, null, 2)};
`,
);

const occupations = readTsv('occupations-2022.tsv');
const lines = occupations.map(([, code, name]) => `${code}\t${name}`).join('\n');
writeFileSync(
  join(root, 'shared/src/data/occupationsRaw.ts'),
  `${header('occupations-2022.tsv')}
/** 中华人民共和国职业分类大典（2022年版）: "code\\tname" per line, in the standard's order. */
export const OCCUPATIONS_RAW = ${JSON.stringify(lines)};
`,
);
console.log(
  `divisions: ${counties.length} counties, ${townships.length} townships; occupations: ${occupations.length}`,
);
