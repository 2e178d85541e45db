/**
 * A confirmation panel over the page for actions with consequences (cancelling a registration,
 * withdrawing consent): what will happen, optional input, a confirm and a cancel button. Drawn
 * with plain views, so it behaves the same in weapp, h5 and the tests.
 */
import { Button } from '@antmjs/vantui';
import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';

import './ConfirmSheet.less';

export interface ConfirmSheetProps {
  /** The sheet's id; its buttons are `<id>-confirm` and `<id>-cancel`. */
  id: string;
  title: string;
  children?: ReactNode;
  confirmText: string;
  cancelText?: string;
  danger?: boolean;
  busy?: boolean;
  error?: string;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmSheet({
  id,
  title,
  children,
  confirmText,
  cancelText = '取消',
  danger,
  busy,
  error,
  onConfirm,
  onCancel,
}: ConfirmSheetProps) {
  return (
    <View className="reg-sheet" id={id}>
      <View className="reg-sheet__mask" onClick={busy ? undefined : onCancel} />
      <View className="reg-sheet__panel" role="dialog" aria-modal="true" aria-label={title}>
        <Text className="reg-sheet__title">{title}</Text>
        <View className="reg-sheet__body">{children}</View>
        {error ? (
          <Text className="reg-sheet__error" id={`${id}-error`}>
            {error}
          </Text>
        ) : null}
        <Button
          type={danger ? 'danger' : 'primary'}
          round
          block
          id={`${id}-confirm`}
          loading={busy}
          onClick={onConfirm}
        >
          {confirmText}
        </Button>
        <View className="reg-sheet__gap" />
        <Button
          plain
          round
          block
          className="outline-button"
          id={`${id}-cancel`}
          disabled={busy}
          onClick={onCancel}
        >
          {cancelText}
        </Button>
      </View>
    </View>
  );
}
