/**
 * 推荐设置 — the person's two switches, each explained in plain words: personalised
 * recommendations and pushes (on unless turned off: PIPL 第24条 lets a person refuse decisions
 * made from their profile), and being suggested to employers (off unless they agree). A change is
 * saved at once and told to the jobs page.
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';

import { PREFERENCE_TEXTS, type MatchPreferencesView } from '@nuanxin/shared';

import { ErrorState, LoadingState } from '../../../components/PageStatus';
import { call } from '../../../services/cloud';
import { SwitchRow } from '../components/SwitchRow';
import { PREFERENCES_CHANGED_EVENT } from '../jobs/filters';

import './settings.less';

type Load =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; prefs: MatchPreferencesView };

type Key = 'personalised' | 'suggestToEmployers';

export default function SettingsPage() {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [saving, setSaving] = useState<Key | null>(null);
  const [error, setError] = useState('');

  const fetch = useCallback(async () => {
    setLoad({ kind: 'loading' });
    const result = await call('matching', 'preferences', {});
    setLoad(
      result.ok
        ? { kind: 'ready', prefs: result.data.preferences }
        : { kind: 'error', message: result.error.message },
    );
  }, []);

  useEffect(() => {
    void fetch();
  }, [fetch]);

  if (load.kind === 'loading') return <LoadingState />;
  if (load.kind === 'error') {
    return <ErrorState message={load.message} onRetry={() => void fetch()} />;
  }
  const prefs = load.prefs;

  const change = async (key: Key, value: boolean) => {
    if (saving) return;
    setSaving(key);
    setError('');
    const next = { ...prefs, [key]: value };
    // Shown at once; put back if the save fails.
    setLoad({ kind: 'ready', prefs: next });
    const result = await call('matching', 'setPreferences', {
      personalised: next.personalised,
      suggestToEmployers: next.suggestToEmployers,
    });
    setSaving(null);
    if (!result.ok) {
      setLoad({ kind: 'ready', prefs });
      setError(result.error.message);
      return;
    }
    setLoad({ kind: 'ready', prefs: result.data.preferences });
    Taro.eventCenter.trigger(PREFERENCES_CHANGED_EVENT);
    void Taro.showToast({ title: '已保存', icon: 'success' });
  };

  return (
    <View className="match-settings">
      <View className="match-settings__card">
        <SwitchRow
          id="setting-personalised"
          title={PREFERENCE_TEXTS.personalised.label}
          description={PREFERENCE_TEXTS.personalised.help}
          checked={prefs.personalised}
          onChange={(v) => void change('personalised', v)}
        />
      </View>
      <View className="match-settings__card">
        <SwitchRow
          id="setting-suggest"
          title={PREFERENCE_TEXTS.suggestToEmployers.label}
          description={PREFERENCE_TEXTS.suggestToEmployers.help}
          checked={prefs.suggestToEmployers}
          onChange={(v) => void change('suggestToEmployers', v)}
        />
      </View>
      {error ? (
        <Text className="match-settings__error" id="settings-error">
          {error}
        </Text>
      ) : null}
      <Text className="match-settings__note" id="settings-note">
        无论怎样设置，您都可以在“推荐岗位 →
        全部岗位”中浏览和筛选所有招聘中的岗位，包保责任人也会继续为您提供服务。
      </Text>
    </View>
  );
}
