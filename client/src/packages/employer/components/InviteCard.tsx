/**
 * A person the employer may invite to apply, masked (王某, age band, education, township; no
 * score): 推荐人选 and 感兴趣的求职者 show the same card. 邀请投递 sends the invitation once per
 * vacancy and person (`matching.inviteCandidate`); they decide whether to apply.
 */
import { Button } from '@antmjs/vantui';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState, type ReactNode } from 'react';

import type { Candidate } from '@nuanxin/shared';

import { call } from '../../../services/cloud';

import './employer.less';

export interface InviteCardProps {
  /** The card's element id; `<id>-invite`, `<id>-invited` and `<id>-error` inside. */
  id: string;
  vacancyId: string;
  person: Pick<
    Candidate,
    'candidateId' | 'maskedName' | 'ageBand' | 'educationLabel' | 'townshipLabel' | 'invited'
  >;
  /** Where their application will show up once they apply, e.g. “应聘管理”. */
  appliedShowsIn: string;
  onInvited: () => void;
  /** What else to say of them (推荐人选: why they fit). */
  children?: ReactNode;
}

export function InviteCard({
  id,
  vacancyId,
  person: p,
  appliedShowsIn,
  onInvited,
  children,
}: InviteCardProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const invite = async () => {
    if (busy) return;
    setBusy(true);
    setError('');
    const result = await call('matching', 'inviteCandidate', {
      vacancyId,
      candidateId: p.candidateId,
    });
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    onInvited();
    void Taro.showToast({
      title: result.data.invited ? '已邀请' : '之前已邀请过',
      icon: 'success',
    });
  };
  const facts = [p.ageBand, p.educationLabel, p.townshipLabel].filter((f): f is string => !!f);
  return (
    <View className="emp-card" id={id}>
      <View className="emp-card__head">
        <Text className="emp-card__title">{p.maskedName}</Text>
        {p.invited ? (
          <Text className="emp-status emp-status--published" id={`${id}-invited`}>
            已邀请
          </Text>
        ) : null}
      </View>
      <Text className="emp-card__row">{facts.join(' · ')}</Text>
      {children}
      {error ? (
        <Text className="emp-card__reject" id={`${id}-error`}>
          {error}
        </Text>
      ) : null}
      {p.invited ? (
        <Text className="emp-card__row emp-card__row--muted">
          已通过消息邀请对方投递，是否投递由对方决定；投递后会出现在“{appliedShowsIn}”中。
        </Text>
      ) : (
        <View className="emp-card__actions">
          <View className="emp-card__action">
            <Button
              size="small"
              round
              type="primary"
              id={`${id}-invite`}
              loading={busy}
              onClick={() => void invite()}
            >
              邀请投递
            </Button>
          </View>
        </View>
      )}
    </View>
  );
}
