import { View } from '@tarojs/components';

/** A right/down/up arrow for list rows, drawn in CSS (see `.chevron` in app.less). */
export function Chevron({ direction = 'right' }: { direction?: 'right' | 'down' | 'up' }) {
  return <View className={direction === 'right' ? 'chevron' : `chevron chevron--${direction}`} />;
}
