import { COUNTIES, TOWNSHIPS, type County, type Township } from './divisions';

const townshipByCode = new Map(TOWNSHIPS.map((t) => [t.code, t]));
const countyByCode = new Map(COUNTIES.map((c) => [c.code, c]));

export function findTownship(code: string): Township | undefined {
  return townshipByCode.get(code);
}

export function findCounty(code: string): County | undefined {
  return countyByCode.get(code);
}

export function townshipsOf(countyCode: string): Township[] {
  return TOWNSHIPS.filter((t) => t.county === countyCode);
}

/** '任城区 许庄街道' for people. */
export function townshipLabel(code: string): string {
  const township = findTownship(code);
  if (!township) return code;
  return `${findCounty(township.county)?.name ?? ''} ${township.name}`.trim();
}
