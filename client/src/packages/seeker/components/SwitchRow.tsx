/**
 * A yes/no statement the whole row of which is the tap target (the switch alone is small).
 */
import { Switch } from '@antmjs/vantui';
import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';

import './SwitchRow.less';

export interface SwitchRowProps {
  id: string;
  title: string;
  description?: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

export function SwitchRow({ id, title, description, checked, onChange }: SwitchRowProps) {
  return (
    <View
      id={id}
      className={`reg-switch-row${checked ? ' reg-switch-row--on' : ''}`}
      role="switch"
      aria-checked={checked}
      onClick={() => onChange(!checked)}
    >
      <View className="reg-switch-row__text">
        <Text className="reg-switch-row__title">{title}</Text>
        {description ? <Text className="reg-switch-row__desc">{description}</Text> : null}
      </View>
      {/* Display only: the row handles the tap, so the switch gets no handler of its own. */}
      <Switch checked={checked} className="reg-switch-row__switch" />
    </View>
  );
}
