/**
 * A short free-text note for the log (备注): label, a plain Taro `Textarea`, the count against
 * its limit, and the error under it. Not vantui's textarea Field: in h5 it puts the placeholder
 * above its own label, and its autosize logs every height to the console and resets the scroll.
 */
import { Text, Textarea, View } from '@tarojs/components';

import './NoteField.less';

export interface NoteFieldProps {
  id: string;
  label?: string;
  value: string;
  placeholder: string;
  error: string | undefined;
  onChange: (next: string) => void;
  maxlength?: number;
}

export function NoteField({
  id,
  label = '备注',
  value,
  placeholder,
  error,
  onChange,
  maxlength = 200,
}: NoteFieldProps) {
  return (
    <View id={id} className={`note-field${error ? ' note-field--error' : ''}`}>
      <View className="note-field__head">
        <Text className="note-field__label">{label}</Text>
        <Text className="note-field__count">
          {value.length}/{maxlength}
        </Text>
      </View>
      <Textarea
        className="note-field__input"
        value={value}
        maxlength={maxlength}
        placeholder={placeholder}
        placeholderClass="note-field__placeholder"
        onInput={(e) => onChange(String(e.detail.value ?? ''))}
      />
      {error ? <Text className="note-field__error">{error}</Text> : null}
    </View>
  );
}
