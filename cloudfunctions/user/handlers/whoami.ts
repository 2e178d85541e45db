import { ROLE_LABELS, STAFF_ORG_LABELS, type Whoami } from '@nuanxin/shared';

import type { Caller } from '../../_lib';

export function describeCaller(caller: Caller): Whoami {
  const user = caller.user;
  const org = user?.org ?? null;
  return {
    role: caller.role,
    roleLabel: ROLE_LABELS[caller.role],
    displayName: user?.displayName ?? '微信用户',
    org,
    orgLabel: org ? STAFF_ORG_LABELS[org] : null,
    townships: user?.townships ?? [],
    isNew: user === null,
  };
}

export async function whoami(_input: unknown, { caller }: { caller: Caller }): Promise<Whoami> {
  return describeCaller(caller);
}
