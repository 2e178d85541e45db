import type { Role, StaffOrg } from '@nuanxin/shared';

import { rows, type Store } from '../cloud';

export interface UserRecord {
  _id: string;
  openid: string;
  role: Role;
  displayName: string;
  org: StaffOrg | null;
  /** Township codes a staff member covers. */
  townships: string[];
  /** Seeded demo account (local only): listed on the dev login page. */
  demo?: boolean;
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
