/**
 * Local development only: a demo account as the local gateway lists it at `GET /_dev/accounts.json`
 * and the H5 dev login page shows it. Production has no such list (identity comes from WeChat).
 */
export interface DevAccount {
  openid: string;
  displayName: string;
  role: string;
  roleLabel: string;
  org: string | null;
  orgLabel: string | null;
  /** Who this demo person is, e.g. a seeker's situation; helps pick the right account. */
  note: string | null;
}
