/**
 * Walking every active registration in pages, resumably: township by township (the
 * `township_status` index), in _id order within a township, then those without a township. A
 * page never reads more than one township's people, so each costs the same however many
 * registrations the city has — a single `_id > cursor` walk over the `status` index would sort
 * every open registration again for each page.
 */
import { TOWNSHIPS } from '@nuanxin/shared';

import { command, rows, type RegistrationRecord, type Store } from '../_lib';

import { OPEN_STATUSES } from './views';

/** Every township code in a fixed order, and null (people with none) last. */
const KEYS: readonly (string | null)[] = [...TOWNSHIPS.map((t) => t.code).sort(), null];

export interface PageCursor {
  /** Index into the township keys. */
  t: number;
  /** The last _id done in that township; null: from its start. */
  after: string | null;
}

export const START: PageCursor = { t: 0, after: null };

export function encodeCursor(c: PageCursor): string {
  return JSON.stringify(c);
}

/** A stored cursor; anything unreadable starts over (a pass may be redone, never skipped). */
export function decodeCursor(text: string | null | undefined): PageCursor {
  if (!text) return START;
  try {
    const c = JSON.parse(text) as Partial<PageCursor>;
    if (typeof c.t === 'number' && c.t >= 0 && (c.after === null || typeof c.after === 'string')) {
      return { t: c.t, after: c.after };
    }
  } catch {
    // fall through
  }
  return START;
}

/**
 * The next page after `cursor` — the active ones among at most `limit` registrations (it may
 * hold none) — and where the one after it starts (null: the walk is complete).
 */
export async function nextPage(
  db: Store,
  cursor: PageCursor,
  limit: number,
): Promise<{ page: RegistrationRecord[]; next: PageCursor | null }> {
  let { t, after } = cursor;
  while (t < KEYS.length) {
    const _ = command();
    // By township alone: the status is checked here, as a condition on it would make the
    // database gather every open registration of the city for each page.
    const found = await rows<RegistrationRecord>(
      db
        .collection('registrations')
        .where({ township: KEYS[t] ?? null, ...(after ? { _id: _.gt(after) } : {}) })
        .orderBy('_id', 'asc')
        .limit(limit),
    );
    const page = found.filter((r) => OPEN_STATUSES.includes(r.status));
    if (found.length === limit) return { page, next: { t, after: found[limit - 1]!._id } };
    if (found.length > 0) {
      return { page, next: t + 1 < KEYS.length ? { t: t + 1, after: null } : null };
    }
    t += 1;
    after = null;
  }
  return { page: [], next: null };
}
