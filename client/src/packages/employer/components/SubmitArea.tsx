/**
 * The end of a long form: the cloud's refusal, or the list of fields still marked red above
 * (the button sits far below them), then the submit button.
 */
import { Button } from '@antmjs/vantui';
import { Text, View } from '@tarojs/components';

import { fixHint } from './labels';

import './SubmitArea.less';

export interface SubmitAreaProps {
  id: string;
  errors: Record<string, string>;
  labels: Record<string, string>;
  submitError: string;
  submitting: boolean;
  text: string;
  loadingText: string;
  onSubmit: () => void;
}

export function SubmitArea({
  id,
  errors,
  labels,
  submitError,
  submitting,
  text,
  loadingText,
  onSubmit,
}: SubmitAreaProps) {
  const hasFieldErrors = Object.keys(errors).length > 0;
  return (
    <View className="emp-submit">
      {submitError ? (
        <Text className="emp-submit__error" id={`${id}-error`}>
          {submitError}
        </Text>
      ) : null}
      {hasFieldErrors ? (
        <Text className="emp-submit__error" id={`${id}-fix-hint`}>
          {fixHint(errors, labels)}
        </Text>
      ) : null}
      <Button
        type="primary"
        round
        block
        id={id}
        loading={submitting}
        loadingText={loadingText}
        onClick={onSubmit}
      >
        {text}
      </Button>
    </View>
  );
}
