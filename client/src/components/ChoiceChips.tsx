import { View } from '@tarojs/components';

import './ChoiceChips.less';

export interface ChoiceOption<T extends string> {
  value: T;
  label: string;
}

export interface ChoiceChipsProps<T extends string> {
  options: readonly ChoiceOption<T>[];
  /** Selected values; a single-choice group passes one. */
  selected: readonly T[];
  onToggle: (value: T) => void;
  /** Each chip gets `id="<idPrefix>-<value>"` for tests. */
  idPrefix: string;
}

/**
 * Large tap targets for choosing from a handful of options — easier on a small phone than a
 * scrolling picker, and every option is visible at once.
 */
export function ChoiceChips<T extends string>({
  options,
  selected,
  onToggle,
  idPrefix,
}: ChoiceChipsProps<T>) {
  return (
    <View className="choice-chips">
      {options.map((option) => {
        const on = selected.includes(option.value);
        return (
          <View
            key={option.value}
            id={`${idPrefix}-${option.value}`}
            className={`choice-chip${on ? ' choice-chip--on' : ''}`}
            aria-checked={on}
            role="checkbox"
            onClick={() => onToggle(option.value)}
          >
            {on ? '✓ ' : ''}
            {option.label}
          </View>
        );
      })}
    </View>
  );
}
