/**
 * 失业登记 landing. Before anything sensitive is typed, the citizen reads the separate-consent
 * notice (单独同意, PIPL 第29条) and agrees or declines; declining stores nothing. With consent,
 * the page sends them where they left off: a draft to continue, a submitted registration to
 * 我的登记, or a new form.
 */
import { Button } from '@antmjs/vantui';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';

import {
  contracts,
  FORM_STEPS,
  formatShanghai,
  isActive,
  type OwnRegistration,
} from '@nuanxin/shared';

import { ErrorState, LoadingState } from '../../../components/PageStatus';
import { call, type CallOutput } from '../../../services/cloud';

import { resumeStep, STEP_TITLES } from './model';
import { hasCurrentConsent, REGISTRATION_URLS } from './navigation';

import './index.less';

type ConsentView = CallOutput<'registration', 'getConsent'>;

type PageState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'consent'; view: ConsentView }
  /** A draft to continue, or a closed registration to start again after. */
  | { status: 'choose'; registration: OwnRegistration }
  /** On the way to another page. */
  | { status: 'leaving' };

function ConsentNotice({ view, onAgreed }: { view: ConsentView; onAgreed: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const { notice, accepted, withdrawnAt } = view;

  const agree = async () => {
    if (busy) return;
    setError('');
    // The version read is the version agreed to; the contract knows the current one.
    const parsed = contracts.registration.giveConsent.input.safeParse({ version: notice.version });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? '告知内容已更新，请刷新后重新阅读');
      return;
    }
    setBusy(true);
    const result = await call('registration', 'giveConsent', parsed.data);
    setBusy(false);
    if (result.ok) onAgreed();
    else setError(result.error.message);
  };

  const decline = () => {
    // Nothing is sent or stored: the citizen simply goes back.
    void Taro.switchTab({ url: REGISTRATION_URLS.home });
  };

  let before = '';
  if (withdrawnAt) {
    before = `您已于${formatShanghai(withdrawnAt, 'YYYY年M月D日')}撤回同意。如需继续办理，请重新阅读并同意。`;
  } else if (accepted && accepted.version !== notice.version) {
    before = '告知内容有更新，请重新阅读后再决定是否同意。';
  }

  return (
    <View className="reg-consent" id="consent-notice">
      <View className="reg-consent__card">
        <Text className="reg-consent__title" id="consent-title">
          {notice.title}
        </Text>
        <Text className="reg-consent__lead">
          办理失业登记需要处理您的个人信息。请先看一下下面4点，再决定是否同意。
        </Text>
        {before ? (
          <Text className="reg-consent__before" id="consent-before">
            {before}
          </Text>
        ) : null}
        {notice.sections.map((section, index) => (
          <View key={section.heading} className="reg-consent__section">
            <Text className="reg-consent__heading">
              {index + 1}. {section.heading}
            </Text>
            <Text className="reg-consent__body">{section.body}</Text>
          </View>
        ))}
        <Text className="reg-consent__version" id="consent-version">
          告知版本：{notice.version}
        </Text>
        <Text className="reg-consent__meaning">
          点「同意并继续」，表示您单独同意按上述方式处理您的个人信息（包括敏感个人信息）。不同意不会保存任何信息，您也可以到就业服务中心窗口办理。
        </Text>
      </View>

      {/* Always on screen: on a small phone the notice is longer than the screen. */}
      <View className="reg-consent__bar">
        {error ? (
          <Text className="reg-consent__error" id="consent-error">
            {error}
          </Text>
        ) : null}
        <View className="reg-consent__buttons">
          <Button
            plain
            round
            className="outline-button reg-consent__decline"
            id="consent-decline"
            disabled={busy}
            onClick={decline}
          >
            暂不同意
          </Button>
          <Button
            type="primary"
            round
            className="reg-consent__agree"
            id="consent-agree"
            loading={busy}
            loadingText="正在提交…"
            onClick={() => void agree()}
          >
            同意并继续
          </Button>
        </View>
      </View>
    </View>
  );
}

function Choose({ registration }: { registration: OwnRegistration }) {
  if (registration.status === 'draft') {
    const resumeAt = resumeStep(registration);
    return (
      <View className="reg-landing" id="registration-draft">
        <View className="reg-landing__card">
          <Text className="reg-landing__title">您有一份还没提交的失业登记</Text>
          <Text className="reg-landing__text">
            上次保存于{formatShanghai(registration.updatedAt, 'M月D日 HH:mm')}，已经填好的内容都在。
          </Text>
          <Text className="reg-landing__text">
            接下来：第{resumeAt + 1}步「{STEP_TITLES[FORM_STEPS[resumeAt]!]}」
          </Text>
        </View>
        <View className="reg-landing__actions">
          <Button
            type="primary"
            round
            block
            id="registration-continue"
            onClick={() => void Taro.redirectTo({ url: REGISTRATION_URLS.form })}
          >
            继续填写（上次填到第{resumeAt + 1}步）
          </Button>
        </View>
      </View>
    );
  }
  // Closed (employed, flexibly employed or cancelled): a new registration can be started.
  return (
    <View className="reg-landing" id="registration-closed">
      <View className="reg-landing__card">
        <Text className="reg-landing__title">
          您上一次的失业登记：{registration.statusLabel}
          {registration.closeReasonLabel ? `（${registration.closeReasonLabel}）` : ''}
        </Text>
        <Text className="reg-landing__text">如果现在又没有工作了，可以重新办理失业登记。</Text>
      </View>
      <View className="reg-landing__actions">
        <Button
          type="primary"
          round
          block
          id="registration-start"
          onClick={() => void Taro.redirectTo({ url: REGISTRATION_URLS.form })}
        >
          重新办理失业登记
        </Button>
        <View className="reg-consent__gap" />
        <Button
          plain
          round
          block
          className="outline-button"
          id="registration-previous"
          onClick={() => void Taro.redirectTo({ url: REGISTRATION_URLS.mine })}
        >
          查看上一次的登记
        </Button>
      </View>
    </View>
  );
}

export default function RegistrationPage() {
  const [state, setState] = useState<PageState>({ status: 'loading' });

  /** With consent: where does this person go? */
  const route = useCallback(async () => {
    setState({ status: 'loading' });
    const mine = await call('registration', 'getMine', {});
    if (!mine.ok) {
      setState({ status: 'error', message: mine.error.message });
      return;
    }
    const { registration } = mine.data;
    if (!registration) {
      setState({ status: 'leaving' });
      void Taro.redirectTo({ url: REGISTRATION_URLS.form });
    } else if (isActive(registration.status)) {
      setState({ status: 'leaving' });
      void Taro.redirectTo({ url: REGISTRATION_URLS.mine });
    } else {
      setState({ status: 'choose', registration });
    }
  }, []);

  const load = useCallback(async () => {
    setState({ status: 'loading' });
    const consent = await call('registration', 'getConsent', {});
    if (!consent.ok) {
      setState({ status: 'error', message: consent.error.message });
      return;
    }
    if (!hasCurrentConsent(consent.data)) {
      setState({ status: 'consent', view: consent.data });
      return;
    }
    await route();
  }, [route]);

  useEffect(() => {
    void load();
  }, [load]);

  switch (state.status) {
    case 'loading':
      return <LoadingState />;
    case 'leaving':
      return <LoadingState text="正在打开…" />;
    case 'error':
      return <ErrorState message={state.message} onRetry={() => void load()} />;
    case 'consent':
      return <ConsentNotice view={state.view} onAgreed={() => void route()} />;
    case 'choose':
      return <Choose registration={state.registration} />;
  }
}
