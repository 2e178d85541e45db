/**
 * The masked ID number, and the full one on request. Revealing is an audited staff read (the
 * server writes who saw whose number and when), so the caseworker is told that before the call,
 * and only their own 包保 person's number can be revealed.
 */
import { Button } from '@antmjs/vantui';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';

import { call } from '../../../services/cloud';

import './RevealIdNumber.less';

type Step =
  | { kind: 'masked' }
  | { kind: 'asking'; error?: string }
  | { kind: 'loading' }
  | { kind: 'shown'; idNumber: string };

export interface RevealIdNumberProps {
  registrationId: string;
  idMasked: string;
}

export function RevealIdNumber({ registrationId, idMasked }: RevealIdNumberProps) {
  const [step, setStep] = useState<Step>({ kind: 'masked' });

  const reveal = async () => {
    setStep({ kind: 'loading' });
    const result = await call('registration', 'revealIdNumber', { registrationId });
    if (!result.ok) {
      setStep({ kind: 'asking', error: result.error.message });
      return;
    }
    setStep({ kind: 'shown', idNumber: result.data.idNumber });
  };

  return (
    <View className="reveal-id">
      <View className="reveal-id__line">
        {step.kind === 'shown' ? (
          <Text className="reveal-id__number" id="person-id-full" userSelect>
            {step.idNumber}
          </Text>
        ) : (
          <Text className="reveal-id__number" id="person-id-masked">
            {idMasked}
          </Text>
        )}
        {step.kind === 'masked' ? (
          <Text
            className="reveal-id__link"
            id="reveal-id"
            onClick={() => setStep({ kind: 'asking' })}
          >
            查看完整身份证号
          </Text>
        ) : null}
        {step.kind === 'shown' ? (
          <Text
            className="reveal-id__link"
            id="reveal-hide"
            onClick={() => setStep({ kind: 'masked' })}
          >
            隐藏
          </Text>
        ) : null}
      </View>
      {step.kind === 'asking' || step.kind === 'loading' ? (
        <View className="reveal-id__ask" id="reveal-notice">
          <Text className="reveal-id__ask-text">
            查看将被记录：系统会记下查看人、查看时间和查看的是谁的身份证号。请仅在核对身份、办理业务需要时查看，不要抄录或转发。
          </Text>
          {step.kind === 'asking' && step.error ? (
            <Text className="cw-error" id="reveal-error">
              {step.error}
            </Text>
          ) : null}
          <View className="reveal-id__actions">
            <View className="reveal-id__action">
              <Button
                plain
                round
                block
                className="outline-button"
                id="reveal-cancel"
                disabled={step.kind === 'loading'}
                onClick={() => setStep({ kind: 'masked' })}
              >
                取消
              </Button>
            </View>
            <View className="reveal-id__action">
              <Button
                type="primary"
                round
                block
                id="reveal-confirm"
                loading={step.kind === 'loading'}
                loadingText="正在查看…"
                onClick={() => void reveal()}
              >
                {step.kind === 'asking' && step.error ? '重试' : '确认查看'}
              </Button>
            </View>
          </View>
        </View>
      ) : null}
    </View>
  );
}
