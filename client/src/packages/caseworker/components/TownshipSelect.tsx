/**
 * Choose one township (or all) from those the caseworker's people live in. An inline panel of
 * chips rather than a native picker: the handful of options is visible at once, and it behaves
 * the same in weapp, h5 and tests.
 */
import { Text, View } from '@tarojs/components';
import { useState } from 'react';

import { Chevron } from '../../../components/Chevron';
import { ChoiceChips, type ChoiceOption } from '../../../components/ChoiceChips';

import './TownshipSelect.less';

const ALL = 'all';

export interface TownshipSelectProps {
  options: readonly ChoiceOption<string>[];
  /** The chosen township code, or null for all. */
  value: string | null;
  onChange: (next: string | null) => void;
}

export function TownshipSelect({ options, value, onChange }: TownshipSelectProps) {
  const [open, setOpen] = useState(false);
  const current = options.find((o) => o.value === value)?.label ?? '全部';
  return (
    <View className="township-select">
      <View className="township-select__bar" id="township-select" onClick={() => setOpen(!open)}>
        <Text className="township-select__label">乡镇（街道）</Text>
        <Text className="township-select__value" id="township-select-value">
          {current}
        </Text>
        <Chevron direction={open ? 'up' : 'down'} />
      </View>
      {open ? (
        <ChoiceChips
          idPrefix="township-option"
          options={[{ value: ALL, label: '全部' }, ...options]}
          selected={[value ?? ALL]}
          onToggle={(next) => {
            setOpen(false);
            onChange(next === ALL ? null : next);
          }}
        />
      ) : null}
    </View>
  );
}
