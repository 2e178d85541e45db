/**
 * The signed-in user's own account: who they are (`user.whoami`) and binding a staff invitation
 * (`user.redeemInvitation`). Answers are stored in the session so every tab shows the same one.
 */
import type { Result, Whoami } from '@nuanxin/shared';

import { call } from './cloud';
import { getSnapshot, setWhoami } from './session';

let inflight: { epoch: number; promise: Promise<Result<Whoami>> } | null = null;

/** Ask the cloud who the current user is; concurrent callers share one request. */
export function loadWhoami(): Promise<Result<Whoami>> {
  const { epoch } = getSnapshot();
  if (inflight && inflight.epoch === epoch) return inflight.promise;
  const promise = call('user', 'whoami', {}).then((result) => {
    if (result.ok) setWhoami(result.data, epoch);
    if (inflight?.promise === promise) inflight = null;
    return result;
  });
  inflight = { epoch, promise };
  return promise;
}

/** Bind the current WeChat user to a staff invitation; on success the new role shows at once. */
export async function redeemInvitation(code: string): Promise<Result<Whoami>> {
  const { epoch } = getSnapshot();
  const result = await call('user', 'redeemInvitation', { code });
  if (result.ok) setWhoami(result.data, epoch);
  return result;
}
