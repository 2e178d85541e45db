/**
 * Up to three intended occupations from the occupation classification 2022, found by typing
 * everyday words. The classification's names are formal ("中式烹调师" for a cook), so a few
 * common words are looked up under their official names too. The ~80 KB table is imported
 * here, inside the seeker subpackage only (the main package has a size budget).
 */
import { Text, View } from '@tarojs/components';
import { useMemo, useState } from 'react';

import {
  findOccupation,
  searchOccupations,
  type Occupation,
} from '@nuanxin/shared/src/data/occupations';

import { TextBox } from '../../../components/FormField';

import './OccupationPicker.less';

export const MAX_OCCUPATIONS = 3;
const MAX_RESULTS = 12;

/** Everyday word → the words the classification uses for it. */
const EVERYDAY_WORDS: Record<string, string> = {
  厨师: '烹调师',
  做饭: '烹调师',
  司机: '驾驶员',
  开车: '驾驶员',
  保姆: '家政服务员',
  月嫂: '家政服务员',
  外卖: '网约配送员',
  骑手: '网约配送员',
  送餐: '网约配送员',
  理发: '美发师',
  客服: '客户服务',
  文员: '办事员',
  仓库: '仓储',
  电焊: '焊工',
  护工: '护理员',
  按摩: '按摩师',
};

function rank(occupation: Occupation, query: string): number {
  if (occupation.name === query) return 0;
  if (occupation.name.startsWith(query)) return 1;
  if (occupation.name.includes(query)) return 2;
  return 3;
}

export function findOccupations(query: string): Occupation[] {
  const q = query.trim();
  if (!q) return [];
  const terms = [
    q,
    ...Object.entries(EVERYDAY_WORDS)
      .filter(([word]) => q.includes(word))
      .map(([, official]) => official),
  ];
  const found = new Map<string, Occupation>();
  for (const term of terms) {
    for (const occupation of searchOccupations(term, 2000)) found.set(occupation.code, occupation);
  }
  return [...found.values()]
    .sort((a, b) => rank(a, q) - rank(b, q) || a.name.length - b.name.length)
    .slice(0, MAX_RESULTS);
}

export function occupationName(code: string): string {
  return findOccupation(code)?.name ?? code;
}

export interface OccupationPickerProps {
  value: readonly string[];
  onChange: (codes: string[]) => void;
}

export function OccupationPicker({ value, onChange }: OccupationPickerProps) {
  const [query, setQuery] = useState('');
  const results = useMemo(() => findOccupations(query), [query]);
  const full = value.length >= MAX_OCCUPATIONS;

  return (
    <View className="reg-occupations">
      {value.length > 0 ? (
        <View className="reg-occupations__picked" id="occupation-picked">
          {value.map((code) => (
            <View key={code} className="reg-occupations__chip" id={`occupation-picked-${code}`}>
              <Text className="reg-occupations__chip-name">{occupationName(code)}</Text>
              <Text
                className="reg-occupations__remove"
                id={`occupation-remove-${code}`}
                onClick={() => onChange(value.filter((c) => c !== code))}
              >
                删除
              </Text>
            </View>
          ))}
        </View>
      ) : null}

      {full ? (
        <Text className="reg-occupations__note">已选满3个。如需更换，请先删除一个。</Text>
      ) : (
        <>
          <View id="occupation-search">
            <TextBox
              value={query}
              onChange={setQuery}
              maxlength={20}
              placeholder="输入想做的工作，如：保洁、快递、厨师"
            />
          </View>
          {results.length > 0 ? (
            <View className="reg-occupations__results" id="occupation-results">
              {results.map((occupation) => {
                const picked = value.includes(occupation.code);
                return (
                  <View
                    key={occupation.code}
                    id={`occupation-${occupation.code}`}
                    className={`reg-occupations__result${picked ? ' reg-occupations__result--picked' : ''}`}
                    onClick={() => {
                      if (picked) return;
                      onChange([...value, occupation.code]);
                      setQuery('');
                    }}
                  >
                    <Text className="reg-occupations__result-name">{occupation.name}</Text>
                    <Text className="reg-occupations__result-action">
                      {picked ? '已选' : '选择'}
                    </Text>
                  </View>
                );
              })}
            </View>
          ) : null}
          {query.trim() && results.length === 0 ? (
            <Text className="reg-occupations__note" id="occupation-none">
              没有找到“{query.trim()}”，换个说法试试，比如“保洁员”“快递员”“营业员”。
            </Text>
          ) : null}
        </>
      )}
    </View>
  );
}
