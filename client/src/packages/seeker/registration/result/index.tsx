/**
 * 登记结果: registered or waiting for verification (and what will be verified), the named
 * caseworker, and what happens next — read back from the cloud, so the page is the same when
 * opened again later.
 */
import { Button } from '@antmjs/vantui';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';

import type { OwnRegistration } from '@nuanxin/shared';

import { EmptyState, ErrorState, LoadingState } from '../../../../components/PageStatus';
import { call } from '../../../../services/cloud';
import { CaseworkerCard } from '../../components/CaseworkerCard';
import { REGISTRATION_URLS } from '../navigation';

import './index.less';

type PageState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; registration: OwnRegistration | null };

function Headline({ registration }: { registration: OwnRegistration }) {
  const done = registration.status === 'registered';
  const pending = registration.status === 'submitted';
  return (
    <View className={`reg-result__head${done ? ' reg-result__head--done' : ''}`}>
      <View className="reg-result__mark">{done ? '✓' : '…'}</View>
      <Text className="reg-result__status" id="result-status">
        {registration.statusLabel}
      </Text>
      <Text className="reg-result__lead">
        {done ? '您已完成失业登记，可以享受免费的公共就业服务。' : null}
        {pending ? '登记已提交。您申报的情况需要包保责任人核验，核验后即完成登记。' : null}
      </Text>
      {registration.pendingVerifications.length > 0 ? (
        <View className="reg-result__pending" id="result-pending">
          <Text className="reg-result__pending-title">要核验的申报</Text>
          <Text className="reg-result__pending-labels">
            {registration.pendingVerifications.map((item) => item.label).join('、')}
          </Text>
          <Text className="reg-result__pending-hint">要准备的材料见下方「接下来会发生什么」。</Text>
        </View>
      ) : null}
      {registration.claimInsurance ? (
        <Text className="reg-result__claim" id="result-claim">
          失业保险金申领已随登记一并提交。
        </Text>
      ) : null}
    </View>
  );
}

export default function RegistrationResultPage() {
  const [state, setState] = useState<PageState>({ status: 'loading' });

  const load = useCallback(async () => {
    setState({ status: 'loading' });
    const result = await call('registration', 'getMine', {});
    setState(
      result.ok
        ? { status: 'ready', registration: result.data.registration }
        : { status: 'error', message: result.error.message },
    );
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'error') {
    return <ErrorState message={state.message} onRetry={() => void load()} />;
  }

  const { registration } = state;
  if (!registration || registration.status === 'draft') {
    return (
      <View className="reg-result">
        <EmptyState
          title="还没有提交失业登记"
          text={registration ? '您的登记还是草稿，提交后这里会显示结果。' : undefined}
        />
        <View className="reg-result__actions">
          <Button
            type="primary"
            round
            block
            id="result-continue"
            onClick={() => void Taro.redirectTo({ url: REGISTRATION_URLS.landing })}
          >
            {registration ? '继续填写' : '去办理失业登记'}
          </Button>
        </View>
      </View>
    );
  }

  return (
    <View className="reg-result" id="registration-result">
      <Headline registration={registration} />

      <CaseworkerCard id="result-caseworker" caseworker={registration.caseworker} />

      {registration.nextSteps.length > 0 ? (
        <View className="reg-result__card" id="result-next">
          <Text className="reg-result__card-title">接下来会发生什么</Text>
          {registration.nextSteps.map((text, index) => (
            <View key={text} className="reg-result__next">
              <View className="reg-result__next-index">{index + 1}</View>
              <Text className="reg-result__next-text">{text}</Text>
            </View>
          ))}
        </View>
      ) : null}

      <View className="reg-result__actions">
        <Button
          type="primary"
          round
          block
          id="result-mine"
          onClick={() => void Taro.redirectTo({ url: REGISTRATION_URLS.mine })}
        >
          查看我的登记
        </Button>
        <View className="reg-result__gap" />
        <Button
          plain
          round
          block
          className="outline-button"
          id="result-home"
          onClick={() => void Taro.switchTab({ url: REGISTRATION_URLS.home })}
        >
          返回首页
        </Button>
      </View>
    </View>
  );
}
