/**
 * 推荐人选 — for one of the employer's open vacancies, seekers who agreed to be suggested and
 * whose wishes fit, masked (surname + 某, age band, education, township) with why they fit; the
 * employer may invite one to apply (once per person; the seeker decides whether to apply).
 */
import { Button } from '@antmjs/vantui';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';

import type { Candidate } from '@nuanxin/shared';

import { EmptyState, ErrorState, LoadingState } from '../../../components/PageStatus';
import { call, type CallOutput } from '../../../services/cloud';

import '../components/employer.less';
import './candidates.less';

type Data = CallOutput<'matching', 'suggestedCandidates'>;
type Load =
  { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; data: Data };

function CandidateCard({
  vacancyId,
  candidate,
  onInvited,
}: {
  vacancyId: string;
  candidate: Candidate;
  onInvited: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const id = candidate.candidateId;
  const invite = async () => {
    if (busy) return;
    setBusy(true);
    setError('');
    const result = await call('matching', 'inviteCandidate', { vacancyId, candidateId: id });
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
  const facts = [candidate.ageBand, candidate.educationLabel, candidate.townshipLabel].filter(
    (f): f is string => !!f,
  );
  return (
    <View className="emp-card" id={`candidate-${id}`}>
      <View className="emp-card__head">
        <Text className="emp-card__title">{candidate.maskedName}</Text>
        {candidate.invited ? (
          <Text className="emp-status emp-status--published" id={`candidate-${id}-invited`}>
            已邀请
          </Text>
        ) : null}
      </View>
      <Text className="emp-card__row">{facts.join(' · ')}</Text>
      {candidate.reasons.length > 0 ? (
        <View className="cand-reasons">
          {candidate.reasons.map((r) => (
            <Text key={r} className="cand-reasons__line">
              {r}
            </Text>
          ))}
        </View>
      ) : null}
      {error ? (
        <Text className="emp-card__reject" id={`candidate-${id}-error`}>
          {error}
        </Text>
      ) : null}
      {candidate.invited ? (
        <Text className="emp-card__row emp-card__row--muted">
          已通过消息邀请对方投递，是否投递由对方决定；投递后会出现在“应聘管理”中。
        </Text>
      ) : (
        <View className="emp-card__actions">
          <View className="emp-card__action">
            <Button
              size="small"
              round
              type="primary"
              id={`candidate-${id}-invite`}
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

export default function CandidatesPage() {
  // Read once: in h5 every open page stays mounted, and the router's current params move on.
  const [vacancyId] = useState(() => Taro.getCurrentInstance().router?.params.vacancyId ?? '');
  const [load, setLoad] = useState<Load>({ kind: 'loading' });

  const fetch = useCallback(
    async (quiet = false) => {
      if (!quiet) setLoad({ kind: 'loading' });
      const result = await call('matching', 'suggestedCandidates', { vacancyId });
      setLoad(
        result.ok
          ? { kind: 'ready', data: result.data }
          : { kind: 'error', message: result.error.message },
      );
    },
    [vacancyId],
  );

  useEffect(() => {
    void fetch();
  }, [fetch]);

  if (load.kind === 'loading') return <LoadingState text="正在查找合适的人选…" />;
  if (load.kind === 'error') {
    return <ErrorState message={load.message} onRetry={() => void fetch()} />;
  }
  const { vacancy, candidates, explanation } = load.data;
  return (
    <View className="emp-page">
      <Text className="cand-title" id="candidates-vacancy">
        {vacancy.title}
      </Text>
      <Text className="cand-explain" id="candidates-explanation">
        {explanation}
      </Text>
      {candidates.length === 0 ? (
        <View id="candidates-empty">
          <EmptyState
            title="暂时没有推荐人选"
            text="目前没有同意被推荐、且求职意向与这个岗位相符的求职者。新登记的求职者会陆续出现，请过几天再来看看。"
          />
        </View>
      ) : (
        candidates.map((c) => (
          <CandidateCard
            key={c.candidateId}
            vacancyId={vacancy.id}
            candidate={c}
            onInvited={() => void fetch(true)}
          />
        ))
      )}
    </View>
  );
}
