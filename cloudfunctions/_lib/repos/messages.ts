import { allRows, command, rows, type Store } from '../cloud';

/**
 * In-app messages (站内消息): what the person would have got as a subscription message when
 * WeChat could not deliver it (no one-time quota: 43101, or any other send error). Every read
 * and write here is by the owner's openid: nobody reads or marks another person's messages.
 */
export interface MessageRecord {
  _id: string;
  openid: string;
  at: Date;
  /** The subscription template it stands in for, e.g. 'registrationResult'. */
  kind: string;
  title: string;
  body: string;
  /** The mini-program page it links to. */
  page: string;
  read: boolean;
  /** When the person first saw it in the inbox (absent while unread). */
  readAt?: Date;
  /**
   * Why it was not sent as a subscription message; 'alsoSent': it was, and is kept here too
   * (`notify(..., { alwaysInApp: true })`).
   */
  reason: 'noQuota' | 'sendFailed' | 'alsoSent';
}

export interface MessagePage {
  messages: MessageRecord[];
  /** The `at` to pass as `before` for the next page; null when there is none. */
  nextBefore: Date | null;
}

const atOf = (m: Pick<MessageRecord, 'at'>) => new Date(m.at).getTime();

/** Newest first; messages of the same instant by id, so a page is always in the same order. */
function newestFirst(a: MessageRecord, b: MessageRecord): number {
  return atOf(b) - atOf(a) || (a._id < b._id ? 1 : a._id > b._id ? -1 : 0);
}

export function messagesRepo(db: Store) {
  const coll = db.collection('messages');
  return {
    async add(message: Omit<MessageRecord, '_id'>): Promise<string> {
      const { _id } = (await coll.add({ data: message })) as { _id: string };
      return _id;
    },
    async of(openid: string): Promise<MessageRecord[]> {
      const all = await allRows<MessageRecord>(coll.where({ openid }));
      return all.sort(newestFirst);
    },
    /**
     * One page of a person's messages older than `before`, newest first (index openid_at). The
     * cursor is an instant, so a page never ends between two messages of the same instant: the
     * next page asks for `at < before` and would skip the rest of them.
     */
    async page(
      openid: string,
      options: { before: Date | null; limit: number },
    ): Promise<MessagePage> {
      const { before, limit } = options;
      const found = (
        await rows<MessageRecord>(
          coll
            .where({ openid, ...(before ? { at: command().lt(before) } : {}) })
            .orderBy('at', 'desc')
            .limit(limit + 1),
        )
      ).sort(newestFirst);
      if (found.length <= limit) return { messages: found, nextBefore: null };

      let messages = found.slice(0, limit);
      const edge = atOf(messages[messages.length - 1]!);
      if (atOf(found[limit]!) === edge) {
        const earlier = messages.filter((m) => atOf(m) !== edge);
        // A whole page of one instant (one event telling one person many things): take every
        // message of that instant, even past the limit, rather than lose some of them.
        messages =
          earlier.length > 0
            ? earlier
            : (await allRows<MessageRecord>(coll.where({ openid, at: new Date(edge) }))).sort(
                newestFirst,
              );
      }
      return { messages, nextBefore: new Date(atOf(messages[messages.length - 1]!)) };
    },
    async unreadCount(openid: string): Promise<number> {
      const { total } = (await coll.where({ openid, read: false }).count()) as { total: number };
      return total;
    },
    /**
     * Marks read the person's unread messages among `ids` ('all': every one). The owner is part
     * of the query, so another person's id matches nothing; already-read messages are untouched.
     */
    async markRead(openid: string, ids: readonly string[] | 'all', now: Date): Promise<void> {
      const which = ids === 'all' ? {} : { _id: command().in([...new Set(ids)]) };
      await coll.where({ openid, read: false, ...which }).update({
        data: { read: true, readAt: now },
      });
    },
  };
}
