/**
 * 感兴趣 on a vacancy's page, next to 投递简历: tells the employer the seeker is interested
 * without applying, and a second tap takes it back. Before the account's first mark a
 * sheet says exactly what the employer will see — 王某, the age band, education, township — and
 * what it never sees, and that the employer may invite them to apply.
 */
import { Button } from '@antmjs/vantui';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';

import { INTEREST_EXPLANATION, INTEREST_HIDDEN, INTEREST_SHOWN } from '@nuanxin/shared';

import { call } from '../../../../services/cloud';
import { getDemoOpenid } from '../../../../services/session';
import { ConfirmSheet } from '../../components/ConfirmSheet';

import './interest.less';

/** Set once the seeker has read the explanation and marked a first vacancy (per account). */
export const INTEREST_EXPLAINED_KEY = 'nuanxin.interestExplained';

/**
 * The storage key for the account in use: another account on the same phone (h5's demo accounts)
 * has not read the explanation. In WeChat the storage is the WeChat user's own already.
 */
export function interestExplainedKey(openid: string | null = getDemoOpenid()): string {
  return openid ? `${INTEREST_EXPLAINED_KEY}:${openid}` : INTEREST_EXPLAINED_KEY;
}

function explained(): boolean {
  try {
    return Taro.getStorageSync(interestExplainedKey()) === true;
  } catch {
    return false;
  }
}

function rememberExplained(): void {
  try {
    Taro.setStorageSync(interestExplainedKey(), true);
  } catch {
    // Without storage the explanation is shown again next time: no harm.
  }
}

export interface Interest {
  /** null while it is being read. */
  marked: boolean | null;
  asking: boolean;
  busy: boolean;
  error: string;
  tap: () => void;
  confirm: () => void;
  cancel: () => void;
}

/**
 * The vacancy's interest state for this seeker (read only when `enabled`: a registered seeker
 * who may apply). `onStale` runs when the cloud says the page is out of date (applied
 * elsewhere, or the vacancy stopped).
 */
export function useInterest(vacancyId: string, enabled: boolean, onStale: () => void): Interest {
  const [marked, setMarked] = useState<boolean | null>(null);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  useEffect(() => {
    if (!enabled) return undefined;
    let live = true;
    void call('jobs', 'myInterests', { vacancyId }).then((result) => {
      if (live) setMarked(result.ok ? result.data.interests.length > 0 : false);
    });
    return () => {
      live = false;
    };
  }, [vacancyId, enabled]);

  const send = useCallback(
    async (interested: boolean) => {
      if (busy) return;
      setBusy(true);
      setError('');
      const result = await call('jobs', 'markInterest', { vacancyId, interested });
      setBusy(false);
      if (!result.ok) {
        setError(result.error.message);
        if (result.error.code === 'CONFLICT' || result.error.code === 'NOT_FOUND') onStale();
        return;
      }
      setAsking(false);
      setMarked(result.data.interested);
      if (result.data.interested) rememberExplained();
      void Taro.showToast({
        title: result.data.interested ? '已告诉企业' : '已取消',
        icon: 'success',
      });
    },
    [busy, vacancyId, onStale],
  );

  return {
    marked,
    asking,
    busy,
    error,
    tap: () => {
      setError('');
      if (marked) void send(false);
      else if (explained()) void send(true);
      else setAsking(true);
    },
    confirm: () => void send(true),
    cancel: () => setAsking(false),
  };
}

export function InterestButton({ interest }: { interest: Interest }) {
  const on = interest.marked === true;
  return (
    <Button
      plain
      round
      block
      className={`outline-button interest-button${on ? ' interest-button--on' : ''}`}
      id="interest"
      aria-pressed={on}
      disabled={interest.marked === null}
      loading={interest.busy && !interest.asking}
      onClick={interest.tap}
    >
      {on ? '✓ 已感兴趣' : '感兴趣'}
    </Button>
  );
}

export function InterestHint({
  interest,
  companyName,
}: {
  interest: Interest;
  companyName: string;
}) {
  return (
    <View className="interest-hint">
      {interest.error ? (
        <Text className="interest-hint__error" id="interest-error">
          {interest.error}
        </Text>
      ) : null}
      <Text className="interest-hint__text" id="interest-hint">
        {interest.marked
          ? `已告诉${companyName}您对这个岗位感兴趣，对方只看到您的姓氏、年龄段、学历和所在乡镇。再点一次可取消。`
          : '还没想好投递？点“感兴趣”告诉企业，企业可能邀请您投递。'}
      </Text>
    </View>
  );
}

export function InterestSheet({
  interest,
  companyName,
}: {
  interest: Interest;
  companyName: string;
}) {
  if (!interest.asking) return null;
  return (
    <ConfirmSheet
      id="interest-sheet"
      title="告诉企业您对这个岗位感兴趣？"
      confirmText="告诉企业我感兴趣"
      cancelText="再想想"
      busy={interest.busy}
      error={interest.error}
      onConfirm={interest.confirm}
      onCancel={interest.cancel}
    >
      <Text className="apply-sheet__lead">{companyName}将看到：</Text>
      <Text className="apply-sheet__always" id="interest-shown">
        {INTEREST_SHOWN.join('、')}
      </Text>
      <Text className="apply-sheet__lead">不会看到：</Text>
      <Text className="apply-sheet__never" id="interest-hidden">
        {INTEREST_HIDDEN.join('、')}
      </Text>
      <Text className="interest-sheet__note">{INTEREST_EXPLANATION}</Text>
    </ConfirmSheet>
  );
}
