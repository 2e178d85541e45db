/**
 * Multi-select of the townships (街道/镇/乡) a staff member serves, grouped by county. Only the
 * opened county's townships are rendered, which keeps the page light on a cheap phone.
 */
import { Cell, CellGroup } from '@antmjs/vantui';
import { Text, View } from '@tarojs/components';
import { useMemo, useState } from 'react';

import { COUNTIES, townshipsOf } from '@nuanxin/shared';

import { Chevron } from '../../../components/Chevron';
import { ChoiceChips } from '../../../components/ChoiceChips';

import './TownshipPicker.less';

export interface TownshipPickerProps {
  selected: readonly string[];
  onChange: (next: string[]) => void;
}

export function TownshipPicker({ selected, onChange }: TownshipPickerProps) {
  const [openCounty, setOpenCounty] = useState<string | null>(null);
  const byCounty = useMemo(
    () => new Map(COUNTIES.map((county) => [county.code, townshipsOf(county.code)])),
    [],
  );

  const toggle = (code: string) => {
    onChange(selected.includes(code) ? selected.filter((c) => c !== code) : [...selected, code]);
  };

  const toggleCounty = (countyCode: string) => {
    const codes = (byCounty.get(countyCode) ?? []).map((t) => t.code);
    const allOn = codes.every((code) => selected.includes(code));
    onChange(
      allOn
        ? selected.filter((code) => !codes.includes(code))
        : [...selected, ...codes.filter((code) => !selected.includes(code))],
    );
  };

  return (
    <CellGroup inset className="township-picker">
      {COUNTIES.map((county) => {
        const townships = byCounty.get(county.code) ?? [];
        const count = townships.filter((t) => selected.includes(t.code)).length;
        const open = openCounty === county.code;
        return (
          <View key={county.code}>
            <Cell
              id={`county-${county.code}`}
              title={county.name}
              value={count > 0 ? `已选 ${count} 个` : '未选'}
              clickable
              renderRightIcon={<Chevron direction={open ? 'up' : 'down'} />}
              onClick={() => setOpenCounty(open ? null : county.code)}
            />
            {open ? (
              <View className="township-picker__panel">
                <Text
                  className="township-picker__all"
                  id={`county-all-${county.code}`}
                  onClick={() => toggleCounty(county.code)}
                >
                  {count === townships.length ? '取消全选' : `全选${county.name}`}
                </Text>
                <ChoiceChips
                  idPrefix="township"
                  options={townships.map((t) => ({ value: t.code, label: t.name }))}
                  selected={selected}
                  onToggle={toggle}
                />
              </View>
            ) : null}
          </View>
        );
      })}
    </CellGroup>
  );
}
