/**
 * A confirmation panel that slides over the page from the bottom, within thumb reach on a
 * phone. Drawn here rather than with a modal API so it can hold a reason picker and a note, and
 * so tests and e2e reach its buttons by id.
 */
import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';

import './BottomSheet.less';

export interface BottomSheetProps {
  id: string;
  title: string;
  onClose: () => void;
  children: ReactNode;
}

export function BottomSheet({ id, title, onClose, children }: BottomSheetProps) {
  return (
    <View className="bottom-sheet" id={id}>
      <View className="bottom-sheet__mask" catchMove onClick={onClose} />
      <View className="bottom-sheet__panel" role="dialog" aria-label={title}>
        <Text className="bottom-sheet__title">{title}</Text>
        {children}
      </View>
    </View>
  );
}
