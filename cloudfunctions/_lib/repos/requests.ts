import type { Rating, RequestKind, RequestStatus } from '@nuanxin/shared';

import { allRows, command, docOf, rows, type Store } from '../cloud';
import { isDuplicateWrite } from '../errors';

/**
 * A citizen's request (工单). Who answers it is decided when it is read, from the person's open
 * 包保 membership (a reassignment takes the requests along); `caseworkerOpenid` records who had
 * it when it was made. A request of someone without a caseworker waits in the supervisor queue
 * of its township.
 */
export interface RequestRecord {
  _id: string;
  openid: string;
  registrationId: string | null;
  township: string | null;
  caseworkerOpenid: string | null;
  /** The person's name from their registration (for staff lists); '' without one. */
  personName: string;
  kind: RequestKind;
  text: string;
  /** The photo the citizen attached: a fileID in their own folder (never shown, only linked). */
  photo?: string | null;
  status: RequestStatus;
  createdAt: Date;
  /**
   * Since when it waits for staff: the first citizen message not answered yet — the ask, or the
   * citizen's addition to an answered request (the deadline and escalations count from it).
   * Absent on requests stored before additions existed: `createdAt`.
   */
  waitingSince?: Date;
  answerDue: Date;
  firstAnsweredAt: Date | null;
  lastMessageAt: Date;
  messageCount: number;
  /** How far it escalated while unanswered (0–3); the supervisor is told once per level. */
  escalationLevel: number;
  escalatedAt: Date | null;
  closedAt: Date | null;
  closedBy: 'staff' | 'citizen' | null;
  rating: { value: Rating; comment: string; at: Date } | null;
  /** A 差 rating opens a supervisor review. */
  review: {
    status: 'open' | 'done';
    openedAt: Date;
    closedAt: Date | null;
    note: string | null;
    byName: string | null;
  } | null;
}

export type NewRequest = Omit<RequestRecord, '_id'>;

export interface RequestMessageRecord {
  _id: string;
  requestId: string;
  at: Date;
  from: 'citizen' | 'staff';
  authorOpenid: string;
  /** Staff: their name at the time; citizens: null. */
  authorName: string | null;
  text: string;
  /** Its place in the thread (1 = the question): messages of one instant keep their order. */
  seq: number;
}

const CHUNK = 100;

export function requestsRepo(db: Store) {
  const coll = db.collection('requests');
  const messages = db.collection('request_messages');
  const _ = () => command();
  return {
    /** Transaction-safe. */
    async add(request: NewRequest): Promise<string> {
      const { _id } = (await coll.add({ data: request })) as { _id: string };
      return _id;
    },
    /** Transaction-safe (the record is known to exist). */
    async get(id: string): Promise<RequestRecord> {
      return docOf<RequestRecord>(coll.doc(id));
    },
    async find(id: string): Promise<RequestRecord | null> {
      const [found] = await rows<RequestRecord>(coll.where({ _id: id }).limit(1));
      return found ?? null;
    },
    /** Transaction-safe. */
    async update(id: string, patch: Partial<NewRequest>): Promise<void> {
      await coll.doc(id).update({ data: patch });
    },
    async ofOpenid(openid: string): Promise<RequestRecord[]> {
      return allRows<RequestRecord>(coll.where({ openid }));
    },
    async ofRegistrations(
      ids: readonly string[],
      statuses?: readonly RequestStatus[],
    ): Promise<RequestRecord[]> {
      const out: RequestRecord[] = [];
      for (let i = 0; i < ids.length; i += CHUNK) {
        out.push(
          ...(await allRows<RequestRecord>(
            coll.where({
              registrationId: _().in([...ids.slice(i, i + CHUNK)]),
              ...(statuses ? { status: _().in([...statuses]) } : {}),
            }),
          )),
        );
      }
      return out;
    },
    /** Requests of these townships (null: the whole city), by status. */
    async inTownships(
      townships: readonly string[] | null,
      statuses: readonly RequestStatus[],
    ): Promise<RequestRecord[]> {
      return allRows<RequestRecord>(
        coll.where({
          status: _().in([...statuses]),
          ...(townships ? { township: _().in([...townships]) } : {}),
        }),
      );
    },
    /** Requests with a 差 rating waiting for the supervisor's review, in these townships. */
    async underReview(townships: readonly string[] | null): Promise<RequestRecord[]> {
      return allRows<RequestRecord>(
        coll.where({
          'review.status': 'open',
          ...(townships ? { township: _().in([...townships]) } : {}),
        }),
      );
    },
    /**
     * Unanswered requests made before `before` still below `maxLevel` (the escalation pass):
     * those at the last level have nothing more to rise to and are not read again each hour.
     */
    async unansweredBefore(before: Date, maxLevel: number): Promise<RequestRecord[]> {
      return allRows<RequestRecord>(
        coll.where({
          status: 'open',
          createdAt: _().lte(before),
          escalationLevel: _().lt(maxLevel),
        }),
      );
    },
    /**
     * Raises the escalation level if it is still lower and the request still unanswered: true
     * when this call raised it (so the supervisor is told once per level, however often the
     * timer runs or overlaps).
     */
    async raiseLevel(id: string, level: number, now: Date): Promise<boolean> {
      const res = (await coll
        .where({ _id: id, status: 'open', escalationLevel: _().lt(level) })
        .update({ data: { escalationLevel: level, escalatedAt: now } })) as {
        stats?: { updated?: number };
      };
      return (res.stats?.updated ?? 0) > 0;
    },
    /** Requests not tied to a registration (asked before registering), not closed. */
    async unattached(openids?: readonly string[]): Promise<RequestRecord[]> {
      const open = { registrationId: null, status: _().in(['open', 'answered']) };
      if (!openids) return allRows<RequestRecord>(coll.where(open));
      const out: RequestRecord[] = [];
      for (let i = 0; i < openids.length; i += CHUNK) {
        out.push(
          ...(await allRows<RequestRecord>(
            coll.where({ ...open, openid: _().in([...openids.slice(i, i + CHUNK)]) }),
          )),
        );
      }
      return out;
    },
    /** Transaction-safe. */
    async addMessage(message: Omit<RequestMessageRecord, '_id'>): Promise<string> {
      const { _id } = (await messages.add({ data: message })) as { _id: string };
      return _id;
    },
    async messagesOf(requestId: string): Promise<RequestMessageRecord[]> {
      const all = await allRows<RequestMessageRecord>(messages.where({ requestId }));
      return all.sort((a, b) => +new Date(a.at) - +new Date(b.at) || a.seq - b.seq);
    },
  };
}

/**
 * Reminders already sent (`reminders`, _id = '<kind>:<openid>:<YYYY-MM-DD>'): adding the same id
 * twice fails, so a reminder goes out once a day however often the timer runs.
 */
export function remindersRepo(db: Store) {
  const coll = db.collection('reminders');
  return {
    async sent(id: string): Promise<boolean> {
      const [found] = await rows<{ _id: string }>(coll.where({ _id: id }).limit(1));
      return found !== undefined;
    },
    /** Claims the reminder; false when it was already claimed. */
    async claim(id: string, data: Record<string, unknown>): Promise<boolean> {
      try {
        await coll.add({ data: { _id: id, ...data } });
        return true;
      } catch (error) {
        if (isDuplicateWrite(error)) return false;
        throw error;
      }
    },
  };
}
