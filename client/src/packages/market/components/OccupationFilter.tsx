/**
 * An occupation category at any level of the classification 2022 (大类 '6', 中类 '6-31', 小类
 * '6-31-05', 职业 '6-31-05-00'), found by part of its name or the start of its code. The table
 * is imported here, inside the market subpackage only.
 */
import { Text, View } from '@tarojs/components';
import { useMemo, useState } from 'react';

import { findOccupation, listOccupations } from '@nuanxin/shared/src/data/occupations';

import { TextBox } from '../../../components/FormField';

const LEVEL_LABELS = { major: '大类', middle: '中类', minor: '小类', occupation: '职业' } as const;

export function OccupationFilter({
  value,
  onChange,
}: {
  value: string | null;
  onChange: (code: string | null) => void;
}) {
  const [query, setQuery] = useState('');
  const found = useMemo(() => {
    const q = query.trim();
    if (!q) return [];
    return listOccupations()
      .filter((o) => o.code.startsWith(q) || o.name.includes(q))
      .sort((a, b) => a.code.length - b.code.length || a.code.localeCompare(b.code))
      .slice(0, 8);
  }, [query]);
  const chosen = value ? findOccupation(value) : undefined;

  if (chosen) {
    return (
      <View className="mk-filters__chosen" id="ledger-occupation-chosen">
        <Text>
          {LEVEL_LABELS[chosen.level]}：{chosen.name}（{chosen.code}）
        </Text>
        <Text id="ledger-occupation-clear" onClick={() => onChange(null)}>
          清除 ✕
        </Text>
      </View>
    );
  }
  return (
    <View>
      <View className="mk-filters__row">
        <View className="mk-filters__grow">
          <TextBox
            value={query}
            maxlength={20}
            placeholder="职业名称或代码，如 装配、6-31"
            onChange={setQuery}
          />
        </View>
      </View>
      {found.map((o) => (
        <View
          key={o.code}
          className="mk-filters__option"
          id={`ledger-occupation-${o.code}`}
          onClick={() => {
            onChange(o.code);
            setQuery('');
          }}
        >
          {LEVEL_LABELS[o.level]}：{o.name}
          <Text className="mk-filters__code">{o.code}</Text>
        </View>
      ))}
    </View>
  );
}
