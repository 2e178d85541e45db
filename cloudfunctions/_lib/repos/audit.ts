import type { Store } from '../cloud';

/**
 * The audit log: who did what to whom, and when. Staff reads of personal data and every role or
 * status change are written here; the log is only appended to.
 */
export interface AuditEntry {
  actorOpenid: string;
  action: string;
  subjectId?: string;
  detail?: Record<string, string | number | boolean | null>;
}

export function auditRepo(db: Store) {
  const log = db.collection('audit_log');
  return {
    async append(entry: AuditEntry, now: Date): Promise<void> {
      await log.add({ data: { ...entry, at: now } });
    },
  };
}
