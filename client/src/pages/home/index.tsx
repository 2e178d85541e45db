/**
 * Home: greets the user by name and role, then shows that role's services. In h5 an identity
 * must be chosen on the dev login page first; in weapp WeChat supplies it.
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect } from 'react';

import { ROLE_LABELS, STAFF_ORG_LABELS, type Whoami } from '@nuanxin/shared';

import { ErrorState, LoadingState } from '../../components/PageStatus';
import { RoleEntryGrid } from '../../components/RoleEntryGrid';
import { entriesFor, ROLE_WELCOME } from '../../constants/roleEntries';
import { useWhoami } from '../../hooks/useWhoami';
import { getDemoOpenid } from '../../services/session';

import './index.less';

const LOGIN_URL = '/pages/login/index';

function Greeting({ whoami }: { whoami: Whoami }) {
  const name = whoami.displayName.trim();
  const orgLabel = whoami.orgLabel ?? (whoami.org ? STAFF_ORG_LABELS[whoami.org] : null);
  return (
    <View className="home-greeting" id="home-greeting">
      <Text className="home-greeting__hello">
        {name ? `您好，${name}` : '您好，欢迎使用暖心就业'}
      </Text>
      <View className="home-greeting__meta">
        <Text className="home-greeting__role" id="home-role">
          {whoami.roleLabel || ROLE_LABELS[whoami.role]}
        </Text>
        {orgLabel ? <Text className="home-greeting__org">{orgLabel}</Text> : null}
      </View>
      <Text className="home-greeting__welcome">{ROLE_WELCOME[whoami.role]}</Text>
    </View>
  );
}

export default function HomePage() {
  // h5 without a chosen demo account has nobody to ask the cloud about.
  const needsLogin = process.env.TARO_ENV === 'h5' && getDemoOpenid() === null;
  const { state, reload } = useWhoami(!needsLogin);

  useEffect(() => {
    if (needsLogin) void Taro.reLaunch({ url: LOGIN_URL });
  }, [needsLogin]);

  if (needsLogin) return <LoadingState text="正在前往登录…" />;
  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'error') return <ErrorState message={state.message} onRetry={reload} />;

  const { whoami } = state;
  return (
    <View className="home">
      <Greeting whoami={whoami} />
      <Text className="section-title">常用服务</Text>
      <RoleEntryGrid entries={entriesFor(whoami)} />
    </View>
  );
}
