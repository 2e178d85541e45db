/**
 * Certificates a job legally needs (特种作业操作证, 健康证 for food handling, …): chosen from
 * common ones or typed, shown as removable chips, at most five.
 */
import { Button } from '@antmjs/vantui';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';

import { MAX_CERTIFICATES } from '@nuanxin/shared';

import { TextBox } from '../../../components/FormField';

import './CertificatesInput.less';

/** Common certificates that some jobs legally require. */
export const COMMON_CERTIFICATES = [
  '叉车证',
  '电工证',
  '焊工证',
  '健康证',
  '机动车驾驶证',
  '高处作业证',
] as const;

export interface CertificatesInputProps {
  value: string[];
  onChange: (value: string[]) => void;
}

export function CertificatesInput({ value, onChange }: CertificatesInputProps) {
  const [typed, setTyped] = useState('');
  const full = value.length >= MAX_CERTIFICATES;
  const add = (name: string) => {
    const clean = name.trim();
    if (!clean || value.includes(clean) || full) return;
    onChange([...value, clean]);
  };

  return (
    <View className="emp-certs">
      {value.length > 0 ? (
        <View className="emp-certs__chosen" id="certificates-chosen">
          {value.map((name) => (
            <View
              key={name}
              className="emp-certs__chip"
              id={`certificate-remove-${name}`}
              onClick={() => onChange(value.filter((c) => c !== name))}
            >
              {name} ✕
            </View>
          ))}
        </View>
      ) : (
        <Text className="emp-certs__none">不需要证书可不填</Text>
      )}
      <View className="emp-certs__common">
        {COMMON_CERTIFICATES.filter((c) => !value.includes(c)).map((name) => (
          <View
            key={name}
            className={`emp-certs__option${full ? ' emp-certs__option--off' : ''}`}
            id={`certificate-add-${name}`}
            onClick={() => add(name)}
          >
            + {name}
          </View>
        ))}
      </View>
      <View className="emp-certs__typed">
        <View className="emp-certs__box">
          <TextBox value={typed} maxlength={20} placeholder="其他证书名称" onChange={setTyped} />
        </View>
        <Button
          size="small"
          round
          plain
          id="certificate-add"
          disabled={full || !typed.trim()}
          onClick={() => {
            add(typed);
            setTyped('');
          }}
        >
          添加
        </Button>
      </View>
    </View>
  );
}
