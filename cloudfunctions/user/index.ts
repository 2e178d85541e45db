/** `user`: who the caller is, staff binding by an admin's invitation code, and the inbox. */
import { createFunction } from '../_lib';

import { createInvitation } from './handlers/createInvitation';
import { listMessages, markRead } from './handlers/messages';
import { redeemInvitation } from './handlers/redeemInvitation';
import { whoami } from './handlers/whoami';

export const main = createFunction('user', {
  whoami,
  createInvitation,
  redeemInvitation,
  listMessages,
  markRead,
});
