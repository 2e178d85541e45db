/**
 * One line of small single-choice chips that scrolls sideways: a filter should not push the
 * list off the first screen of a phone. The workbench adds its tag and urgency filters the same
 * way.
 */
import { ScrollView, View } from '@tarojs/components';

import './FilterChips.less';

export interface FilterChipsProps<T extends string> {
  options: readonly { value: T; label: string }[];
  value: T;
  onChange: (next: T) => void;
  /** Each chip gets `id="<idPrefix>-<value>"`. */
  idPrefix: string;
}

export function FilterChips<T extends string>({
  options,
  value,
  onChange,
  idPrefix,
}: FilterChipsProps<T>) {
  return (
    <ScrollView scrollX enhanced showScrollbar={false} className="filter-chips">
      {options.map((option) => {
        const on = option.value === value;
        return (
          <View
            key={option.value}
            id={`${idPrefix}-${option.value}`}
            className={`filter-chip${on ? ' filter-chip--on' : ''}`}
            role="radio"
            aria-checked={on}
            onClick={() => onChange(option.value)}
          >
            {option.label}
          </View>
        );
      })}
    </ScrollView>
  );
}
