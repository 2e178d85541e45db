/** Label–value rows inside a titled card; a row with no value is left out. */
import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';

import './caseload.less';

export interface InfoRow {
  label: string;
  value: ReactNode;
  id?: string;
}

export function InfoCard({
  title,
  id,
  hint,
  children,
}: {
  title: string;
  id?: string;
  hint?: string;
  children: ReactNode;
}) {
  return (
    <View className="cw-card" id={id}>
      <Text className="cw-card__title">{title}</Text>
      {hint ? <Text className="cw-card__hint">{hint}</Text> : null}
      {children}
    </View>
  );
}

export function InfoRows({ rows }: { rows: readonly InfoRow[] }) {
  return (
    <View className="cw-rows">
      {rows
        .filter((row) => row.value !== null && row.value !== undefined && row.value !== '')
        .map((row) => (
          <View key={row.label} className="cw-rows__row">
            <Text className="cw-rows__label">{row.label}</Text>
            <View className="cw-rows__value" id={row.id}>
              {row.value}
            </View>
          </View>
        ))}
    </View>
  );
}
