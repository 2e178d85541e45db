/**
 * One question of a form: a label on its own line (long Chinese labels do not fit beside an
 * input on a small phone), an optional hint, the control, and the complaint under it. The
 * wrapper's id is `field-<name>` and the complaint's class `field-error`, for the browser tests.
 */
import { Input, Text, Textarea, View } from '@tarojs/components';
import type { ReactNode } from 'react';

import './FormField.less';

export interface FormFieldProps {
  name: string;
  label?: string;
  hint?: ReactNode;
  optional?: boolean;
  error?: string | undefined;
  children: ReactNode;
}

export function FormField({ name, label, hint, optional, error, children }: FormFieldProps) {
  return (
    <View id={`field-${name}`} className={`reg-field${error ? ' reg-field--error' : ''}`}>
      {label ? (
        <View className="reg-field__head">
          <Text className="reg-field__label">{label}</Text>
          {optional ? <Text className="reg-field__optional">选填</Text> : null}
        </View>
      ) : null}
      {hint ? <Text className="reg-field__hint">{hint}</Text> : null}
      {children}
      {error ? <Text className="field-error">{error}</Text> : null}
    </View>
  );
}

export interface TextBoxProps {
  value: string;
  onChange: (value: string) => void;
  onBlur?: (value: string) => void;
  placeholder?: string;
  type?: 'text' | 'number' | 'idcard' | 'digit';
  maxlength?: number;
  /** '元/月', '公里': shown after the input. */
  unit?: string;
}

export function TextBox({
  value,
  onChange,
  onBlur,
  placeholder,
  type = 'text',
  maxlength = 50,
  unit,
}: TextBoxProps) {
  return (
    <View className="reg-input">
      <Input
        className="reg-input__control"
        value={value}
        type={type}
        maxlength={maxlength}
        placeholder={placeholder}
        placeholderClass="reg-input__placeholder"
        onInput={(e) => onChange(String(e.detail.value ?? ''))}
        onBlur={(e) => onBlur?.(String(e.detail.value ?? ''))}
      />
      {unit ? <Text className="reg-input__unit">{unit}</Text> : null}
    </View>
  );
}

/**
 * Wraps `ChoiceChips` with larger tap targets (a finger on a 5-inch screen needs ~44 pt).
 */
export function ChipsBox({ children }: { children: ReactNode }) {
  return <View className="reg-chips">{children}</View>;
}

export interface TextAreaBoxProps {
  value: string;
  onChange: (value: string) => void;
  onBlur?: (value: string) => void;
  placeholder?: string;
  maxlength: number;
}

/** Several lines of free text with the count against its limit. */
export function TextAreaBox({ value, onChange, onBlur, placeholder, maxlength }: TextAreaBoxProps) {
  return (
    <View className="reg-textarea">
      <Textarea
        className="reg-textarea__control"
        value={value}
        maxlength={maxlength}
        placeholder={placeholder}
        placeholderClass="reg-input__placeholder"
        onInput={(e) => onChange(String(e.detail.value ?? ''))}
        onBlur={(e) => onBlur?.(String(e.detail.value ?? ''))}
      />
      <Text className="reg-textarea__count">
        {value.length}/{maxlength}
      </Text>
    </View>
  );
}
