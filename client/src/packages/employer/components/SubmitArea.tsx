/**
 * The end of a long form: one short line above the button (it sits far below the fields) —
 * the cloud's refusal when it says something the fields do not (what to do, whom to call), else
 * the names of the fields still marked red; the full reason is shown once, at its field.
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
  // A refusal already shown at a field ("限男性"… and its law) is not repeated down here.
  const ownError = submitError && !Object.values(errors).includes(submitError) ? submitError : '';
  return (
    <View className="emp-submit">
      {ownError ? (
        <Text className="emp-submit__error" id={`${id}-error`}>
          {ownError}
        </Text>
      ) : hasFieldErrors ? (
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
