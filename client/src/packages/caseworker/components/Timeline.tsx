/**
 * What happened to a person, newest first: each entry with when, what, who and why. The
 * workbench adds contacts, pushes and trainings to the same list later; entries only need
 * `{ at, label, by, reason }`.
 */
import { Text, View } from '@tarojs/components';

import { formatShanghai } from '@nuanxin/shared';

import './Timeline.less';

export interface TimelineEntry {
  at: string;
  label: string;
  by: string;
  reason: string | null;
}

export function Timeline({ entries, id }: { entries: readonly TimelineEntry[]; id?: string }) {
  if (entries.length === 0) {
    return <Text className="timeline__empty">暂无办理记录</Text>;
  }
  // Entries come oldest first; reversing before the (stable) sort keeps same-second entries
  // newest first too.
  const newestFirst = [...entries]
    .reverse()
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  return (
    <View className="timeline" id={id}>
      {newestFirst.map((entry, index) => (
        <View key={`${entry.at}-${index}`} className="timeline__item">
          <View className="timeline__dot" />
          <View className="timeline__body">
            <Text className="timeline__label">{entry.label}</Text>
            <Text className="timeline__meta">
              {formatShanghai(entry.at, 'YYYY-MM-DD HH:mm')}
              {entry.by ? ` · ${entry.by}` : ''}
            </Text>
            {entry.reason ? <Text className="timeline__reason">{entry.reason}</Text> : null}
          </View>
        </View>
      ))}
    </View>
  );
}
