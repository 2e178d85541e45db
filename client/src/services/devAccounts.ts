/**
 * h5 only: the demo accounts the local gateway offers at `GET /_dev/accounts.json`. This is a
 * development page's data, not a cloud call, so it does not go through `cloud.ts`; like it, it
 * never throws and reports problems in Chinese.
 */
import type { DevAccount } from '@nuanxin/shared';

export type { DevAccount };

export type DevAccountsResult =
  { ok: true; accounts: DevAccount[] } | { ok: false; message: string };

function isDevAccount(value: unknown): value is DevAccount {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.openid === 'string' &&
    v.openid.length > 0 &&
    typeof v.displayName === 'string' &&
    typeof v.role === 'string' &&
    typeof v.roleLabel === 'string'
  );
}

export async function fetchDevAccounts(): Promise<DevAccountsResult> {
  let response: Response;
  try {
    response = await fetch('/_dev/accounts.json', { headers: { accept: 'application/json' } });
  } catch {
    return { ok: false, message: '网络不可用，请确认本地服务已启动后重试' };
  }
  if (!response.ok) {
    return { ok: false, message: `演示账号列表暂时无法获取（${response.status}），请稍后重试` };
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return { ok: false, message: '演示账号列表的内容无法识别，请确认本地服务版本后重试' };
  }
  if (!Array.isArray(body)) {
    return { ok: false, message: '演示账号列表的内容无法识别，请确认本地服务版本后重试' };
  }
  const accounts = body.filter(isDevAccount).map((a) => ({
    openid: a.openid,
    displayName: a.displayName,
    role: a.role,
    roleLabel: a.roleLabel,
    org: typeof a.org === 'string' ? a.org : null,
    orgLabel: typeof a.orgLabel === 'string' ? a.orgLabel : null,
    note: typeof a.note === 'string' && a.note.trim() ? a.note.trim() : null,
  }));
  return { ok: true, accounts };
}
