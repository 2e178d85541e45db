/**
 * A date chosen from the platform's date picker (no typing of dates on a phone keyboard).
 */
import { Picker, Text, View } from '@tarojs/components';

import { Chevron } from '../../../components/Chevron';

import './DateField.less';

/** '2024-06-30' → '2024年6月30日'. */
export function formatDay(day: string): string {
  const [y, m, d] = day.split('-');
  return y && m && d ? `${y}年${Number(m)}月${Number(d)}日` : day;
}

export interface DateFieldProps {
  value: string | null;
  onChange: (day: string) => void;
  placeholder?: string;
  /** 'YYYY-MM-DD' bounds. */
  start?: string;
  end?: string;
}

export function DateField({
  value,
  onChange,
  placeholder = '请选择日期',
  start = '1960-01-01',
  end,
}: DateFieldProps) {
  return (
    <Picker
      mode="date"
      value={value ?? ''}
      start={start}
      end={end ?? ''}
      onChange={(e) => onChange(String(e.detail.value))}
    >
      <View className="reg-date">
        <Text className={value ? 'reg-date__value' : 'reg-date__placeholder'}>
          {value ? formatDay(value) : placeholder}
        </Text>
        <Chevron direction="down" />
      </View>
    </Picker>
  );
}
