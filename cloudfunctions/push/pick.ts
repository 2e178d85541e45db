/**
 * Choosing what to push to one person today, from what the run has read for the whole page:
 * their recommendations (the matcher's top items with reasons, then the 公益性/见习 extras) or —
 * when they turned personalised recommendations off (PIPL 第24条), or nothing recommended is
 * left — the newest open positions in their township, then their county. Never a vacancy that is
 * not open now (expired, paused, closed, past its date, unverified company) or filled since it was
 * ranked (as many hired as its headcount, checked when the page is read), one already pushed to
 * them, one they applied to, one an employer invited them to or their caseworker referred them
 * to; a 公益性岗位 only for 就业困难人员 (000 §4(6)), a 见习岗位 only for recent graduates who
 * want one (000 §5(3), `wantsInternship`).
 */
import {
  dateKey,
  findTownship,
  townshipsOf,
  type PushBasis,
  type PushesDue,
} from '@nuanxin/shared';

import {
  command,
  rows,
  type Database,
  type RecommendationRecord,
  type VacancyRecord,
} from '../_lib';
import { openAmong, vacanciesByIds } from '../jobs/open';

export interface Candidate {
  vacancy: VacancyRecord;
  reasons: string[];
  basis: PushBasis;
}

export interface PersonNeeds {
  due: PushesDue;
  difficult: boolean;
  /** `wantsInternship`: a recent graduate who did not say no to 见习 on the form. */
  wantsInternship: boolean;
  personalised: boolean;
  township: string | null;
  recommendation: RecommendationRecord | null;
  /** Vacancies pushed to them before (any month), applied to, invited to or referred to. */
  excluded: ReadonlySet<string>;
}

/** How many of the newest open positions of one place are read for non-personalised pushes. */
const NEARBY_LIMIT = 30;

/** Open vacancies the run has read, by id, and the nearby lists by place; filled per page. */
export class VacancyPool {
  private readonly open = new Map<string, VacancyRecord>();
  private readonly nearby = new Map<string, VacancyRecord[]>();

  constructor(
    private readonly db: Database,
    private readonly now: Date,
  ) {}

  /** Reads the recommended vacancies of a page of people at once; keeps the open, unfilled ones. */
  async loadRecommended(records: readonly RecommendationRecord[]): Promise<void> {
    const ids = new Set<string>();
    for (const r of records) {
      for (const item of itemsOf(r)) if (!this.open.has(item.vacancyId)) ids.add(item.vacancyId);
    }
    if (ids.size === 0) return;
    const found = await vacanciesByIds(this.db, [...ids]);
    const open = await openAmong(this.db, found, this.now, { withRoom: true });
    for (const v of found) if (open.has(v._id)) this.open.set(v._id, v);
  }

  get(id: string): VacancyRecord | undefined {
    return this.open.get(id);
  }

  /** Newest open vacancies of the township, then of the rest of its county. */
  async near(township: string | null): Promise<VacancyRecord[]> {
    if (!township) return [];
    const key = township;
    const cached = this.nearby.get(key);
    if (cached) return cached;
    const own = await this.newest([township]);
    const county = findTownship(township)?.county;
    const others = county
      ? await this.newest(
          townshipsOf(county)
            .map((t) => t.code)
            .filter((code) => code !== township),
        )
      : [];
    const list = [...own, ...others];
    this.nearby.set(key, list);
    return list;
  }

  private async newest(townships: string[]): Promise<VacancyRecord[]> {
    if (townships.length === 0) return [];
    const _ = command();
    const found = await rows<VacancyRecord>(
      this.db
        .collection('vacancies')
        .where({
          status: 'published',
          validUntil: _.gte(dateKey(this.now)),
          township: townships.length === 1 ? townships[0] : _.in(townships),
        })
        .orderBy('createdAt', 'desc')
        .limit(NEARBY_LIMIT),
    );
    const open = await openAmong(this.db, found, this.now, { withRoom: true });
    return found.filter((v) => open.has(v._id));
  }
}

function itemsOf(r: RecommendationRecord) {
  return [...(r.items ?? []), r.extras?.publicWelfare, r.extras?.internship].filter(
    (i): i is NonNullable<typeof i> => !!i,
  );
}

function eligible(v: VacancyRecord, needs: PersonNeeds): boolean {
  if (needs.excluded.has(v._id)) return false;
  if (v.flags?.publicWelfare && !needs.difficult) return false;
  if (v.flags?.internship && !needs.wantsInternship) return false;
  return true;
}

/** The person's candidates in order of preference. */
export async function candidatesFor(pool: VacancyPool, needs: PersonNeeds): Promise<Candidate[]> {
  const out: Candidate[] = [];
  const seen = new Set<string>();
  const add = (c: Candidate) => {
    if (seen.has(c.vacancy._id) || !eligible(c.vacancy, needs)) return;
    seen.add(c.vacancy._id);
    out.push(c);
  };
  if (needs.personalised && needs.recommendation) {
    for (const item of itemsOf(needs.recommendation)) {
      const vacancy = pool.get(item.vacancyId);
      if (vacancy) add({ vacancy, reasons: item.reasons ?? [], basis: 'recommended' });
    }
  }
  // Not enough recommended positions left for what is owed: new positions near them, said so.
  if (!enough(out, needs)) {
    for (const vacancy of await pool.near(needs.township)) {
      add({ vacancy, reasons: [], basis: 'nearby' });
    }
  }
  return out;
}

function enough(candidates: readonly Candidate[], needs: PersonNeeds): boolean {
  const has = (flag: 'publicWelfare' | 'internship') =>
    candidates.some((c) => c.vacancy.flags?.[flag]);
  return (
    candidates.length >= needs.due.count &&
    (!needs.due.publicWelfare || has('publicWelfare')) &&
    (!needs.due.internship || has('internship'))
  );
}

/**
 * What to push now: a 公益性岗位 or 见习岗位 still owed this month first, then the best others,
 * `due.count` in all (fewer when not enough is open).
 */
export function choose(candidates: readonly Candidate[], due: PushesDue): Candidate[] {
  const picks: Candidate[] = [];
  const take = (test: (c: Candidate) => boolean) => {
    const found = candidates.find((c) => !picks.includes(c) && test(c));
    if (found) picks.push(found);
  };
  if (due.publicWelfare && picks.length < due.count) take((c) => !!c.vacancy.flags?.publicWelfare);
  if (due.internship && picks.length < due.count) take((c) => !!c.vacancy.flags?.internship);
  // Ordinary positions only in the ordinary slots: a slot kept for an owed 公益性岗位 or 见习岗位
  // that none is open for stays empty (else a 就业困难人员 would get one more every day).
  const limit = Math.min(due.count, Math.max(due.general, picks.length));
  while (picks.length < limit) {
    const before = picks.length;
    take(() => true);
    if (picks.length === before) break;
  }
  return picks;
}
