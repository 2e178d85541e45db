import { LOG_EVENTS, type LogEvent, type RegistrationStatus, type Role } from '@nuanxin/shared';

import { allRows, command, type Store } from '../cloud';

/**
 * The registration log: every transition, assignment, correction and consent change with who,
 * when and why (house style 1). Only appended.
 */
export interface LogRecord {
  _id: string;
  registrationId: string;
  at: Date;
  actorOpenid: string | null;
  actorRole: Role | 'system';
  /** The staff member's name at the time, for the history shown to people. */
  actorName: string | null;
  event: LogEvent;
  from: RegistrationStatus;
  to: RegistrationStatus;
  reason: string | null;
  /** For corrections: the names of the changed fields, never their values. */
  fields?: string[];
}

export type NewLogEntry = Omit<LogRecord, '_id'>;

export function registrationLogRepo(db: Store) {
  const coll = db.collection('registration_log');
  return {
    /** Transaction-safe. */
    async append(entry: NewLogEntry): Promise<void> {
      await coll.add({ data: entry });
    },
    /**
     * The entries of these registrations, oldest first; entries of one instant (a submit and its
     * assignment) in the order of LOG_EVENTS.
     */
    async of(registrationIds: readonly string[]): Promise<LogRecord[]> {
      if (registrationIds.length === 0) return [];
      const all = await allRows<LogRecord>(
        coll.where({ registrationId: command().in([...registrationIds]) }),
      );
      return all.sort(
        (a, b) =>
          +new Date(a.at) - +new Date(b.at) ||
          LOG_EVENTS.indexOf(a.event) - LOG_EVENTS.indexOf(b.event),
      );
    },
  };
}
