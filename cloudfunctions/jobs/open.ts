/**
 * Which vacancies are open to seekers, and the public search over them. Open = published, its
 * valid-until date (the last Shanghai day it runs) not yet past, and its company verified by the
 * 市场服务中心 (issue 4, Expiry: an expired or closed vacancy is never shown). The daily expiry
 * timer runs at 02:30, so between midnight and then a vacancy past its date is still 'published':
 * the date is checked here too.
 */
import { dateKey, townshipsOf, type JobSearchInput, type z } from '@nuanxin/shared';
import type { jobSearchInput } from '@nuanxin/shared';

import {
  allRows,
  command,
  companiesRepo,
  rows,
  type Database,
  type Store,
  type VacancyRecord,
} from '../_lib';

export type SearchInput = z.output<typeof jobSearchInput>;
export type { JobSearchInput };

export function today(now: Date): string {
  return dateKey(now);
}

/** Whether seekers may see and apply to the vacancy now. */
export async function isOpen(db: Store, v: VacancyRecord, now: Date): Promise<boolean> {
  if (v.status !== 'published' || v.validUntil < today(now)) return false;
  const company = await companiesRepo(db).find(v.companyId);
  return company?.status === 'verified';
}

/** Vacancies by id (those that exist). */
export async function vacanciesByIds(db: Store, ids: readonly string[]): Promise<VacancyRecord[]> {
  const unique = [...new Set(ids)];
  const out: VacancyRecord[] = [];
  for (let i = 0; i < unique.length; i += 100) {
    const chunk = unique.slice(i, i + 100);
    out.push(
      ...(await rows<VacancyRecord>(
        db
          .collection('vacancies')
          .where({ _id: command().in(chunk) })
          .limit(chunk.length),
      )),
    );
  }
  return out;
}

/**
 * Hired applications per vacancy among `ids`: one query per 100 vacancies (paged by the
 * database's limit), never one per vacancy.
 */
export async function hiredCounts(db: Store, ids: readonly string[]): Promise<Map<string, number>> {
  const unique = [...new Set(ids)];
  const out = new Map<string, number>();
  for (let i = 0; i < unique.length; i += 100) {
    const chunk = unique.slice(i, i + 100);
    const hired = await allRows<{ vacancyId: string }>(
      db
        .collection('applications')
        .where({ vacancyId: command().in(chunk), status: 'hired' })
        .field({ _id: true, vacancyId: true }),
      1000,
    );
    for (const h of hired) out.set(h.vacancyId, (out.get(h.vacancyId) ?? 0) + 1);
  }
  return out;
}

/** Whether the vacancy has as many hires as it seeks (招满): nobody is offered it any more. */
export function isFull(v: Pick<VacancyRecord, '_id' | 'headcount'>, hired: Map<string, number>) {
  return (hired.get(v._id) ?? 0) >= v.headcount;
}

/**
 * The ids among `vacancies` that are open now (one read of their companies). `withRoom`: also
 * not yet filled — fewer hired applications than its headcount (one more read, of the hires) —
 * for what the service offers a person (为您推荐, pushes): a vacancy filled since the nightly
 * ranking is not offered until the next one finds it full. Lists of a person's own applications
 * keep a filled vacancy "open" (it still is, until the employer closes it).
 */
export async function openAmong(
  db: Store,
  vacancies: readonly VacancyRecord[],
  now: Date,
  options: { withRoom?: boolean } = {},
): Promise<Set<string>> {
  const day = today(now);
  const candidates = vacancies.filter((v) => v.status === 'published' && v.validUntil >= day);
  const companyIds = [...new Set(candidates.map((v) => v.companyId))];
  const verified = new Set<string>();
  for (let i = 0; i < companyIds.length; i += 100) {
    const chunk = companyIds.slice(i, i + 100);
    const found = await rows<{ _id: string; status: string }>(
      db
        .collection('companies')
        .where({ _id: command().in(chunk) })
        .field({ _id: true, status: true })
        .limit(chunk.length),
    );
    for (const c of found) if (c.status === 'verified') verified.add(c._id);
  }
  const open = candidates.filter((v) => verified.has(v.companyId));
  if (!options.withRoom || open.length === 0) return new Set(open.map((v) => v._id));
  const ids = open.map((v) => v._id);
  const hired = await hiredCounts(db, ids);
  return new Set(open.filter((v) => !isFull(v, hired)).map((v) => v._id));
}

/**
 * Companies not (or no longer) verified. Their vacancies are never published in the first place
 * (publishing waits for verification), so this list is short; excluding it keeps the count exact.
 */
async function unverifiedCompanyIds(db: Database): Promise<string[]> {
  const found = await allRows<{ _id: string }>(
    db
      .collection('companies')
      .where({ status: command().neq('verified') })
      .field({ _id: true }),
  );
  return found.map((c) => c._id);
}

/** Escapes a user's keyword for a regular expression (matched literally, case-insensitive). */
function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface SearchPage {
  vacancies: VacancyRecord[];
  total: number;
}

/** One page of open vacancies matching the filters, newest first. */
export async function searchOpen(db: Database, input: SearchInput, now: Date): Promise<SearchPage> {
  const _ = command();
  const where: Record<string, unknown> = {
    status: 'published',
    validUntil: _.gte(today(now)),
  };
  const excluded = await unverifiedCompanyIds(db);
  if (excluded.length > 0) where.companyId = _.nin(excluded);
  if (input.township) where.township = input.township;
  else if (input.county) where.township = _.in(townshipsOf(input.county).map((t) => t.code));
  if (input.workType) where.workType = input.workType;
  if (input.salaryMin !== null) where.salaryMax = _.gte(input.salaryMin);
  for (const flag of input.flags) where[`flags.${flag}`] = true;
  if (input.occupation) {
    // A code at any level of the classification: '6-25' matches 6-25-04-07, never 6-2x.
    where.occupationCode = db.RegExp({ regexp: `^${literal(input.occupation)}(-|$)`, options: '' });
  }
  const keyword = input.keyword
    ? db.RegExp({ regexp: literal(input.keyword), options: 'i' })
    : null;
  const query = keyword
    ? _.and([where, _.or([{ title: keyword }, { companyName: keyword }])])
    : where;

  const coll = db.collection('vacancies');
  const { total } = (await coll.where(query).count()) as { total: number };
  const vacancies = await rows<VacancyRecord>(
    coll
      .where(query)
      .orderBy('createdAt', 'desc')
      .orderBy('_id', 'desc')
      .skip((input.page - 1) * input.pageSize)
      .limit(input.pageSize),
  );
  return { vacancies, total };
}
