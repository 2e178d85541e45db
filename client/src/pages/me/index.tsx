/**
 * "我的": who the app thinks you are (name, role, organisation, townships you serve), staff
 * binding by invitation code for a citizen account, and in h5 a way back to the account list.
 */
import { Button, Cell, CellGroup } from '@antmjs/vantui';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';

import { ROLE_LABELS, townshipLabel, type Whoami } from '@nuanxin/shared';

import { Chevron } from '../../components/Chevron';
import { ErrorState, LoadingState } from '../../components/PageStatus';
import { RedeemInvitationForm } from '../../components/RedeemInvitationForm';
import { useWhoami } from '../../hooks/useWhoami';
import { clearSession, getDemoOpenid } from '../../services/session';

import './index.less';

function Profile({ whoami }: { whoami: Whoami }) {
  const name = whoami.displayName.trim() || '微信用户';
  return (
    <View className="me-profile" id="me-profile">
      <View className="me-profile__avatar">
        <Text>{name.slice(0, 1)}</Text>
      </View>
      <View className="me-profile__text">
        <Text className="me-profile__name" id="me-name">
          {name}
        </Text>
        <Text className="me-profile__role" id="me-role">
          {whoami.roleLabel || ROLE_LABELS[whoami.role]}
        </Text>
      </View>
    </View>
  );
}

function Details({ whoami }: { whoami: Whoami }) {
  const townships = whoami.townships.map(townshipLabel);
  return (
    <CellGroup inset title="账号信息">
      <Cell title="身份" value={whoami.roleLabel || ROLE_LABELS[whoami.role]} id="me-role-cell" />
      {whoami.org || whoami.orgLabel ? (
        <Cell title="所属机构" value={whoami.orgLabel ?? ''} id="me-org" />
      ) : null}
      {townships.length > 0 ? (
        <Cell
          title="负责乡镇（街道）"
          id="me-townships"
          renderLabel={
            <View className="me-townships">
              {townships.map((label) => (
                <Text key={label} className="me-townships__item">
                  {label}
                </Text>
              ))}
            </View>
          }
        />
      ) : null}
    </CellGroup>
  );
}

export default function MePage() {
  const isH5 = process.env.TARO_ENV === 'h5';
  const hasIdentity = !isH5 || getDemoOpenid() !== null;
  const { state, reload } = useWhoami(hasIdentity);
  const [binding, setBinding] = useState(false);

  const switchAccount = () => {
    clearSession();
    void Taro.reLaunch({ url: '/pages/login/index' });
  };

  const switchButton = isH5 ? (
    <View className="me-switch">
      <Button
        plain
        round
        block
        className="outline-button"
        id="me-switch-account"
        onClick={switchAccount}
      >
        切换账号
      </Button>
    </View>
  ) : null;

  if (!hasIdentity) {
    return (
      <View className="me">
        <ErrorState message="还没有选择演示账号，请先登录。" />
        {switchButton}
      </View>
    );
  }
  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'error') {
    return (
      <View className="me">
        <ErrorState message={state.message} onRetry={reload} />
        {switchButton}
      </View>
    );
  }

  const { whoami } = state;
  // Only a citizen account can redeem an invitation (contract roles: ['citizen']).
  const canBind = whoami.role === 'citizen';
  return (
    <View className="me">
      <Profile whoami={whoami} />
      <Details whoami={whoami} />
      {canBind ? (
        <CellGroup inset title="求职服务">
          <Cell
            title="推荐设置"
            label="个性化推荐、是否向用人单位推荐我"
            id="me-match-settings"
            renderRightIcon={<Chevron />}
            onClick={() => void Taro.navigateTo({ url: '/packages/seeker/settings/index' })}
          />
        </CellGroup>
      ) : null}
      {canBind && binding ? (
        <RedeemInvitationForm
          onCancel={() => setBinding(false)}
          onRedeemed={(next) => {
            setBinding(false);
            void Taro.showToast({ title: `已绑定为${next.roleLabel}`, icon: 'success' });
          }}
        />
      ) : null}
      {canBind && !binding ? (
        <View className="me-bind">
          <Button type="primary" round block id="me-bind" onClick={() => setBinding(true)}>
            工作人员绑定
          </Button>
          <Text className="me-bind__hint">就业服务工作人员凭管理员发放的邀请码绑定账号。</Text>
        </View>
      ) : null}
      {switchButton}
    </View>
  );
}
