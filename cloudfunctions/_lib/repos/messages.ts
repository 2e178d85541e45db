import { allRows, type Store } from '../cloud';

/**
 * In-app messages (站内消息): what the person would have got as a subscription message when
 * WeChat could not deliver it (no one-time quota: 43101, or any other send error).
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
  /** Why it was not sent as a subscription message. */
  reason: 'noQuota' | 'sendFailed';
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
      return all.sort((a, b) => +new Date(b.at) - +new Date(a.at));
    },
  };
}
