/**
 * Where the citizen is in the form: numbered steps with their names, done ones ticked. Steps
 * already reached can be tapped to go back; later ones cannot be skipped to.
 */
import { Text, View } from '@tarojs/components';

import './StepIndicator.less';

export interface StepIndicatorProps {
  titles: readonly string[];
  current: number;
  /** The furthest step reached so far (0-based). */
  reached: number;
  onPick: (index: number) => void;
}

export function StepIndicator({ titles, current, reached, onPick }: StepIndicatorProps) {
  return (
    <View className="reg-steps" id="form-steps">
      {titles.map((title, index) => {
        const state = index < current ? 'done' : index === current ? 'current' : 'todo';
        const canPick = index !== current && index <= reached;
        return (
          <View
            key={title}
            id={`step-${index + 1}`}
            className={`reg-steps__item reg-steps__item--${state}`}
            aria-current={index === current ? 'step' : undefined}
            onClick={() => {
              if (canPick) onPick(index);
            }}
          >
            <View className="reg-steps__dot">{state === 'done' ? '✓' : index + 1}</View>
            <Text className="reg-steps__title">{title}</Text>
          </View>
        );
      })}
    </View>
  );
}
