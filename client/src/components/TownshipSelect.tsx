/**
 * One township (街道/镇/乡) of the demo city's real divisions: first the county, then its
 * townships. Only the chosen county's townships are rendered (a light page on a cheap phone).
 * Shared by the seeker and employer subpackages; used only there, so Taro copies it into each
 * subpackage rather than the main package.
 */
import { Text, View } from '@tarojs/components';
import { useEffect, useMemo, useState } from 'react';

import { COUNTIES, findTownship, townshipLabel, townshipsOf } from '@nuanxin/shared';

import { ChoiceChips } from './ChoiceChips';
import { ChipsBox } from './FormField';

import './TownshipSelect.less';

export interface TownshipSelectProps {
  value: string | null;
  onChange: (code: string | null) => void;
}

const COUNTY_OPTIONS = COUNTIES.map((county) => ({ value: county.code, label: county.name }));

export function TownshipSelect({ value, onChange }: TownshipSelectProps) {
  const countyOfValue = value ? (findTownship(value)?.county ?? null) : null;
  const [county, setCounty] = useState<string | null>(countyOfValue);

  // A value arriving later (a draft loaded after the first render) opens its county.
  useEffect(() => {
    if (countyOfValue) setCounty(countyOfValue);
  }, [countyOfValue]);

  const townships = useMemo(
    () => (county ? townshipsOf(county).map((t) => ({ value: t.code, label: t.name })) : []),
    [county],
  );

  return (
    <View className="reg-township">
      {value ? (
        <Text className="reg-township__chosen" id="township-chosen">
          已选：{townshipLabel(value)}
        </Text>
      ) : null}
      <Text className="reg-township__step">1. 选择区（县、市）</Text>
      <ChipsBox>
        <ChoiceChips
          idPrefix="county"
          options={COUNTY_OPTIONS}
          selected={county ? [county] : []}
          onToggle={(code) => {
            setCounty(code);
            if (value && countyOfValue !== code) onChange(null);
          }}
        />
      </ChipsBox>
      {county ? (
        <>
          <Text className="reg-township__step">2. 选择乡镇（街道）</Text>
          <ChipsBox>
            <ChoiceChips
              idPrefix="township"
              options={townships}
              selected={value ? [value] : []}
              onToggle={(code) => onChange(code)}
            />
          </ChipsBox>
        </>
      ) : null}
    </View>
  );
}
