/**
 * 感兴趣的求职者 on 应聘管理: people who marked one of the company's open vacancies 感兴趣 and
 * have not applied, per vacancy ("N 人感兴趣"), masked like 推荐人选 (王某, age band, education,
 * township; no score). 邀请投递 sends them the same invitation as 推荐人选 — once per vacancy and
 * person; they decide whether to apply.
 */
import { Button } from '@antmjs/vantui';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';

import type { InterestedPerson } from '@nuanxin/shared';

import { EmptyState } from '../../../components/PageStatus';
import { call, type CallOutput } from '../../../services/cloud';

export type InterestedData = CallOutput<'jobs', 'interested'>;

function PersonCard({ person: p, onInvited }: { person: InterestedPerson; onInvited: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const id = `interested-${p.vacancyId}-${p.candidateId}`;
  const invite = async () => {
    if (busy) return;
    setBusy(true);
    setError('');
    const result = await call('matching', 'inviteCandidate', {
      vacancyId: p.vacancyId,
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
      {error ? (
        <Text className="emp-card__reject" id={`${id}-error`}>
          {error}
        </Text>
      ) : null}
      {p.invited ? (
        <Text className="emp-card__row emp-card__row--muted">
          已通过消息邀请对方投递，是否投递由对方决定；投递后会出现在“投递的求职者”中。
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

export function Interested({ data, onInvited }: { data: InterestedData; onInvited: () => void }) {
  const { vacancies } = data;
  return (
    <View id="interested">
      <Text className="apl-explain" id="interested-explanation">
        {data.explanation}
      </Text>
      {vacancies.length === 0 ? (
        <View id="interested-empty">
          <EmptyState
            title="暂时没有人表示感兴趣"
            text="求职者在岗位详情页点“感兴趣”后会出现在这里，您可以邀请他们投递。"
          />
        </View>
      ) : (
        vacancies.map((v) => (
          <View key={v.id} id={`interested-vacancy-${v.id}`}>
            <Text className="apl-group" id={`interested-vacancy-${v.id}-count`}>
              {v.title} · {v.count} 人感兴趣
            </Text>
            {data.people
              .filter((p) => p.vacancyId === v.id)
              .map((p) => (
                <PersonCard key={p.candidateId} person={p} onInvited={onInvited} />
              ))}
          </View>
        ))
      )}
    </View>
  );
}
