/**
 * One occupation of the classification 2022, found by part of its name or the start of its code
 * ("6-31"). The ~80 KB table is imported here, inside the employer subpackage only (the main
 * package has a size budget).
 */
import { Text, View } from '@tarojs/components';
import { useMemo, useState } from 'react';

import { findOccupation, searchOccupations } from '@nuanxin/shared/src/data/occupations';

import { TextBox } from '../../../components/FormField';

export interface OccupationSearchProps {
  value: string | null;
  onChange: (code: string | null) => void;
}

export function OccupationSearch({ value, onChange }: OccupationSearchProps) {
  const [query, setQuery] = useState('');
  const found = useMemo(() => searchOccupations(query, 8), [query]);
  const chosen = value ? findOccupation(value) : undefined;

  return (
    <View className="emp-occupation">
      {chosen ? (
        <Text className="emp-occupation__chosen" id="occupation-chosen">
          已选：{chosen.name}（{chosen.code}）
        </Text>
      ) : null}
      <TextBox
        value={query}
        maxlength={20}
        placeholder="输入职业名称或代码，如 包装工、6-31"
        onChange={setQuery}
      />
      {found.map((o) => (
        <View
          key={o.code}
          className="emp-occupation__option"
          id={`occupation-${o.code}`}
          onClick={() => {
            onChange(o.code);
            setQuery('');
          }}
        >
          {o.name}
          <Text className="emp-occupation__code">{o.code}</Text>
        </View>
      ))}
      {query.trim() && found.length === 0 ? (
        <Text className="emp-occupation__none">没有找到，换个说法试试</Text>
      ) : null}
    </View>
  );
}
