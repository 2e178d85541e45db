import type { Role, StaffOrg } from '@nuanxin/shared';

import { allRows, command, rows, type Store } from '../cloud';

export interface UserRecord {
  _id: string;
  openid: string;
  role: Role;
  displayName: string;
  org: StaffOrg | null;
  /** Township codes a staff member covers (a supervisor with none covers the whole city). */
  townships: string[];
  /** A caseworker's own cap on 包保 people; DEFAULT_CASELOAD_CAP when absent. */
  caseloadCap?: number;
  /** Seeded demo account (local only): listed on the dev login page. */
  demo?: boolean;
  /** An employer's company (set by company onboarding). */
  companyId?: string;
  createdAt: Date;
  updatedAt: Date;
}

export type NewUser = Omit<UserRecord, '_id' | 'createdAt' | 'updatedAt'>;

/** Typed access to `users`. Every read is by the caller's own openid or by staff scope. */
export function usersRepo(db: Store) {
  const users = db.collection('users');
  return {
    async byOpenid(openid: string): Promise<UserRecord | null> {
      const [user] = await rows<UserRecord>(users.where({ openid }).limit(1));
      return user ?? null;
    },
    async byOpenids(openids: readonly string[]): Promise<UserRecord[]> {
      if (openids.length === 0) return [];
      return allRows<UserRecord>(users.where({ openid: command().in([...openids]) }));
    },
    /**
     * Caseworkers, optionally only those covering one of `townships` (a staff member's
     * `townships` array matches when it contains any of them).
     */
    async caseworkers(townships?: readonly string[]): Promise<UserRecord[]> {
      return allRows<UserRecord>(
        users.where({
          role: 'caseworker',
          ...(townships ? { townships: command().in([...townships]) } : {}),
        }),
      );
    },
    async insert(user: NewUser, now: Date): Promise<string> {
      const { _id } = (await users.add({ data: { ...user, createdAt: now, updatedAt: now } })) as {
        _id: string;
      };
      return _id;
    },
    async update(id: string, patch: Partial<NewUser>, now: Date): Promise<void> {
      await users.doc(id).update({ data: { ...patch, updatedAt: now } });
    },
  };
}
