/** `user`: who the caller is, and staff binding by an admin's invitation code. */
import { createFunction } from '../_lib';

import { createInvitation } from './handlers/createInvitation';
import { redeemInvitation } from './handlers/redeemInvitation';
import { whoami } from './handlers/whoami';

export const main = createFunction('user', { whoami, createInvitation, redeemInvitation });
