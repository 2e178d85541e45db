import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';

import type { Whoami } from '@nuanxin/shared';

import { loadWhoami } from '../services/account';
import { getSnapshot, subscribe } from '../services/session';

export type WhoamiState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; whoami: Whoami };

/**
 * The current user, loaded once and shared by every page. `enabled: false` keeps it from
 * calling the cloud (h5 before a demo account is chosen).
 */
export function useWhoami(enabled = true): { state: WhoamiState; reload: () => void } {
  const session = useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
  const [error, setError] = useState<{ epoch: number; message: string } | null>(null);

  const load = useCallback(() => {
    const { epoch } = getSnapshot();
    setError(null);
    void loadWhoami().then((result) => {
      if (!result.ok) setError({ epoch, message: result.error.message });
    });
  }, []);

  const missing = session.whoami === null;
  useEffect(() => {
    if (enabled && missing) load();
  }, [enabled, missing, session.epoch, load]);

  let state: WhoamiState;
  if (session.whoami) state = { status: 'ready', whoami: session.whoami };
  else if (error && error.epoch === session.epoch)
    state = { status: 'error', message: error.message };
  else state = { status: 'loading' };
  return { state, reload: load };
}
