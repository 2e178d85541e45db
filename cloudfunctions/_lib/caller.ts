/**
 * Who is calling: the openid WeChat injected, and the role recorded for it. A WeChat user with no
 * record is a citizen (any resident may use the service); staff roles come only from an admin's
 * invitation, employer from company onboarding.
 */
import type { Role, StaffOrg } from '@nuanxin/shared';

import type { UserRecord } from './repos/users';

export interface Caller {
  openid: string;
  role: Role;
  /** The stored record, absent for a first-time citizen. */
  user: UserRecord | null;
}

export function callerFrom(openid: string, user: UserRecord | null): Caller {
  return { openid, role: user?.role ?? 'citizen', user };
}

export function callerOrg(caller: Caller): StaffOrg | null {
  return caller.user?.org ?? null;
}
