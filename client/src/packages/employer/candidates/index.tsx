/**
 * 推荐人选 — for one of the employer's open vacancies, seekers who agreed to be suggested and
 * whose wishes fit, masked (surname + 某, age band, education, township) with why they fit; the
 * employer may invite one to apply (once per person; the seeker decides whether to apply).
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';

import { EmptyState, ErrorState, LoadingState } from '../../../components/PageStatus';
import { call, type CallOutput } from '../../../services/cloud';
import { InviteCard } from '../components/InviteCard';

import '../components/employer.less';
import './candidates.less';

type Data = CallOutput<'matching', 'suggestedCandidates'>;
type Load =
  { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; data: Data };

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
          <InviteCard
            key={c.candidateId}
            id={`candidate-${c.candidateId}`}
            vacancyId={vacancy.id}
            person={c}
            appliedShowsIn="应聘管理"
            onInvited={() => void fetch(true)}
          >
            {c.reasons.length > 0 ? (
              <View className="cand-reasons">
                {c.reasons.map((r) => (
                  <Text key={r} className="cand-reasons__line">
                    {r}
                  </Text>
                ))}
              </View>
            ) : null}
          </InviteCard>
        ))
      )}
    </View>
  );
}
