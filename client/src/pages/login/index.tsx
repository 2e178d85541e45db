/**
 * h5 only — the local gateway's demo accounts, grouped by role. Tapping one makes it the
 * identity of every following cloud call (`X-WX-OPENID`). The weapp build has no such page:
 * WeChat supplies the identity.
 */
import { Cell, CellGroup } from '@antmjs/vantui';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';

import { ROLES, ROLE_LABELS, type Role } from '@nuanxin/shared';

import { Chevron } from '../../components/Chevron';
import { EmptyState, ErrorState, LoadingState } from '../../components/PageStatus';
import { loadWhoami } from '../../services/account';
import { fetchDevAccounts, type DevAccount } from '../../services/devAccounts';
import { setDemoOpenid } from '../../services/session';

import './index.less';

type ListState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; accounts: DevAccount[] };

interface Group {
  key: string;
  label: string;
  accounts: DevAccount[];
}

/** Known roles in their usual order, then anything the gateway adds that we do not know. */
function groupByRole(accounts: DevAccount[]): Group[] {
  const groups = new Map<string, Group>();
  const ordered: string[] = [...ROLES];
  for (const account of accounts) {
    if (!ordered.includes(account.role)) ordered.push(account.role);
  }
  for (const role of ordered) {
    const members = accounts.filter((a) => a.role === role);
    if (members.length === 0) continue;
    const label = ROLE_LABELS[role as Role] ?? members[0]?.roleLabel ?? role;
    groups.set(role, { key: role, label, accounts: members });
  }
  return [...groups.values()];
}

export default function LoginPage() {
  const [list, setList] = useState<ListState>({ status: 'loading' });
  const [pending, setPending] = useState<string | null>(null);
  const [signInError, setSignInError] = useState('');

  const load = useCallback(() => {
    setList({ status: 'loading' });
    void fetchDevAccounts().then((result) => {
      setList(
        result.ok
          ? { status: 'ready', accounts: result.accounts }
          : { status: 'error', message: result.message },
      );
    });
  }, []);

  useEffect(load, [load]);

  const choose = async (account: DevAccount) => {
    if (pending) return;
    setPending(account.openid);
    setSignInError('');
    setDemoOpenid(account.openid);
    const result = await loadWhoami();
    setPending(null);
    if (!result.ok) {
      setSignInError(`${account.displayName}：${result.error.message}`);
      return;
    }
    void Taro.switchTab({ url: '/pages/home/index' });
  };

  return (
    <View className="login">
      <View className="login-header">
        <Text className="login-header__title" id="login-title">
          演示账号登录（仅本地开发环境）
        </Text>
        <Text className="login-header__text">
          请选择一个演示账号进入。正式的微信小程序直接使用微信身份，没有这一步。
        </Text>
      </View>
      {signInError ? (
        <Text className="login-error" id="login-error">
          {signInError}
        </Text>
      ) : null}
      {list.status === 'loading' ? <LoadingState text="正在读取演示账号…" /> : null}
      {list.status === 'error' ? <ErrorState message={list.message} onRetry={load} /> : null}
      {list.status === 'ready' && list.accounts.length === 0 ? (
        <EmptyState title="暂无演示账号" text="请先运行 npm run seed 生成演示数据，再刷新本页。" />
      ) : null}
      {list.status === 'ready'
        ? groupByRole(list.accounts).map((group) => (
            <CellGroup key={group.key} inset title={group.label} className="login-group">
              {group.accounts.map((account) => (
                <Cell
                  key={account.openid}
                  id={`account-${account.openid}`}
                  title={account.displayName}
                  label={
                    [account.orgLabel, account.note].filter(Boolean).join(' · ') ||
                    account.roleLabel
                  }
                  value={pending === account.openid ? '正在进入…' : ''}
                  renderRightIcon={<Chevron />}
                  center
                  clickable
                  onClick={() => void choose(account)}
                />
              ))}
            </CellGroup>
          ))
        : null}
    </View>
  );
}
