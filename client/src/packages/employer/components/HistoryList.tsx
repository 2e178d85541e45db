/**
 * A vacancy's history (`employer.vacancyHistory`) as a short timeline: when, what, by whom, and
 * the reason or staff note. Loaded when opened. Also used by the market centre's pages.
 */
import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';

import { formatShanghai } from '@nuanxin/shared';

import { call, type CallOutput } from '../../../services/cloud';

import './HistoryList.less';

type Entry = CallOutput<'employer', 'vacancyHistory'>['entries'][number];

export function HistoryList({ vacancyId }: { vacancyId: string }) {
  const [state, setState] = useState<
    { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; entries: Entry[] }
  >({ kind: 'loading' });

  useEffect(() => {
    let live = true;
    void call('employer', 'vacancyHistory', { vacancyId }).then((res) => {
      if (!live) return;
      setState(
        res.ok
          ? { kind: 'ready', entries: res.data.entries }
          : { kind: 'error', message: res.error.message },
      );
    });
    return () => {
      live = false;
    };
  }, [vacancyId]);

  if (state.kind === 'loading') return <Text className="emp-history__note">正在加载办理记录…</Text>;
  if (state.kind === 'error') return <Text className="emp-history__note">{state.message}</Text>;
  return (
    <View className="emp-history" id={`history-${vacancyId}`}>
      {[...state.entries].reverse().map((e, i) => (
        <View key={`${e.at}-${i}`} className="emp-history__item">
          <View className="emp-history__dot" />
          <View className="emp-history__body">
            <Text className="emp-history__what">
              {e.eventLabel}
              {e.fromLabel && e.fromLabel !== e.toLabel ? `（${e.fromLabel} → ${e.toLabel}）` : ''}
            </Text>
            <Text className="emp-history__meta">
              {formatShanghai(e.at, 'YYYY-MM-DD HH:mm')} · {e.actor}
            </Text>
            {e.reason ? <Text className="emp-history__reason">{e.reason}</Text> : null}
          </View>
        </View>
      ))}
    </View>
  );
}
