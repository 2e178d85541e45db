/**
 * 单位同事: the company's WeChat users. The owner (who registered the company) invites a
 * colleague with a one-time code and removes colleagues who left; everyone sees who belongs to
 * the company now and who did before.
 */
import { Button } from '@antmjs/vantui';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';

import { COLLEAGUE_INVITATION_DAYS, formatShanghai, type Colleague } from '@nuanxin/shared';

import { ErrorState, LoadingState } from '../../../components/PageStatus';
import { call, type CallOutput } from '../../../services/cloud';

import '../components/employer.less';
import './index.less';

type Data = CallOutput<'employer', 'colleagues'>;
type Invitation = Data['invitations'][number];

const day = (iso: string) => formatShanghai(iso, 'YYYY-MM-DD');

function InvitationCard({ invitation, fresh }: { invitation: Invitation; fresh: boolean }) {
  return (
    <View
      className={`emp-invite${fresh ? ' emp-invite--fresh' : ''}`}
      id={`invitation-${invitation.code}`}
    >
      <Text className="emp-invite__label">{fresh ? '新的邀请码' : '未使用的邀请码'}</Text>
      <Text className="emp-invite__code" id={fresh ? 'invite-code' : undefined} selectable>
        {invitation.code}
      </Text>
      <Text className="emp-invite__until">
        {formatShanghai(invitation.expiresAt, 'YYYY-MM-DD HH:mm')}前有效，只能使用一次
      </Text>
      <View className="emp-invite__copy">
        <Button
          size="small"
          round
          plain
          id={fresh ? 'invite-copy' : `invitation-${invitation.code}-copy`}
          onClick={() => void Taro.setClipboardData({ data: invitation.code })}
        >
          复制邀请码
        </Button>
      </View>
    </View>
  );
}

function ColleagueRow({
  colleague,
  canRemove,
  onRemoved,
}: {
  colleague: Colleague;
  canRemove: boolean;
  onRemoved: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const id = colleague.id;

  const remove = async () => {
    setBusy(true);
    setError('');
    const res = await call('employer', 'removeColleague', { memberId: id });
    setBusy(false);
    if (!res.ok) {
      setError(res.error.message);
      return;
    }
    void Taro.showToast({ title: '已移除', icon: 'success' });
    onRemoved();
  };

  return (
    <View className="emp-colleague" id={`colleague-${id}`}>
      <View className="emp-colleague__main">
        <Text className="emp-colleague__name">
          {colleague.displayName}
          {colleague.isMe ? '（我）' : ''}
        </Text>
        <Text className="emp-colleague__meta">
          {colleague.roleLabel} · {day(colleague.joinedAt)}加入
          {colleague.leftAt ? ` · ${day(colleague.leftAt)}离开` : ''}
        </Text>
      </View>
      {canRemove && !confirming ? (
        <Button
          size="small"
          round
          plain
          id={`colleague-${id}-remove`}
          onClick={() => setConfirming(true)}
        >
          移除
        </Button>
      ) : null}
      {confirming ? (
        <View className="emp-colleague__confirm">
          <Text className="emp-panel__text">
            移除后，{colleague.displayName}的微信将不能再代表本单位发布岗位和处理应聘。确定移除吗？
          </Text>
          <View className="emp-panel__buttons">
            <Button
              size="small"
              round
              type="danger"
              id={`colleague-${id}-remove-confirm`}
              loading={busy}
              onClick={() => void remove()}
            >
              确定移除
            </Button>
            <Button size="small" round plain onClick={() => setConfirming(false)}>
              取消
            </Button>
          </View>
        </View>
      ) : null}
      {error ? <Text className="emp-card__reject">{error}</Text> : null}
    </View>
  );
}

export default function ColleaguesPage() {
  const [state, setState] = useState<
    { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; data: Data }
  >({ kind: 'loading' });
  const [fresh, setFresh] = useState<Invitation | null>(null);
  const [inviting, setInviting] = useState(false);
  const [inviteError, setInviteError] = useState('');

  const load = useCallback(async () => {
    const res = await call('employer', 'colleagues', {});
    setState(
      res.ok ? { kind: 'ready', data: res.data } : { kind: 'error', message: res.error.message },
    );
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const invite = async () => {
    setInviting(true);
    setInviteError('');
    const res = await call('employer', 'inviteColleague', {});
    setInviting(false);
    if (!res.ok) {
      setInviteError(res.error.message);
      return;
    }
    setFresh(res.data);
    void load();
  };

  if (state.kind === 'loading') return <LoadingState />;
  if (state.kind === 'error') {
    return <ErrorState message={state.message} onRetry={() => void load()} />;
  }
  const { colleagues, myRole, invitations } = state.data;
  const owner = myRole === 'owner';
  const current = colleagues.filter((c) => !c.leftAt);
  const former = colleagues.filter((c) => c.leftAt);
  const others = invitations.filter((i) => i.code !== fresh?.code);

  return (
    <View className="emp-page">
      {owner ? (
        <View className="emp-card" id="colleague-invite-card">
          <Text className="emp-card__title">邀请同事</Text>
          <Text className="emp-card__row">
            同事加入后，可以用自己的微信为本单位发布岗位、处理应聘。
          </Text>
          {fresh ? <InvitationCard invitation={fresh} fresh /> : null}
          {fresh ? (
            <View className="emp-steps" id="invite-steps">
              <Text className="emp-steps__title">请把邀请码告诉同事，并请他：</Text>
              <Text className="emp-steps__line">1. 在微信中打开“暖心就业”小程序；</Text>
              <Text className="emp-steps__line">
                2. 在首页点“企业招聘”，选择“用邀请码加入已入驻的单位”；
              </Text>
              <Text className="emp-steps__line">3. 输入邀请码和自己的姓名，提交即可。</Text>
              <Text className="emp-steps__line">
                邀请码只能使用一次，{COLLEAGUE_INVITATION_DAYS}天内有效；邀请多位同事请分别生成。
              </Text>
            </View>
          ) : null}
          {inviteError ? <Text className="emp-card__reject">{inviteError}</Text> : null}
          <View className="emp-card__wide">
            <Button
              type="primary"
              round
              block
              id="colleague-invite"
              loading={inviting}
              onClick={() => void invite()}
            >
              {fresh ? '再生成一个邀请码' : '生成邀请码'}
            </Button>
          </View>
          {others.map((i) => (
            <InvitationCard key={i.code} invitation={i} fresh={false} />
          ))}
        </View>
      ) : (
        <Text className="emp-page__empty" id="colleague-member-hint">
          只有单位负责人可以邀请或移除同事。
        </Text>
      )}
      <Text className="emp-page__section">现在的同事（{current.length}人）</Text>
      <View className="emp-card emp-card--list" id="colleagues-current">
        {current.map((c) => (
          <ColleagueRow
            key={c.id}
            colleague={c}
            canRemove={owner && !c.isMe && c.role !== 'owner'}
            onRemoved={() => void load()}
          />
        ))}
      </View>
      {former.length > 0 ? (
        <>
          <Text className="emp-page__section">曾经的同事</Text>
          <View className="emp-card emp-card--list" id="colleagues-former">
            {former.map((c) => (
              <ColleagueRow
                key={c.id}
                colleague={c}
                canRemove={false}
                onRemoved={() => undefined}
              />
            ))}
          </View>
        </>
      ) : null}
    </View>
  );
}
