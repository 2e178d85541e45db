/**
 * "有新岗位时通知我" on 我的投递: each tap asks WeChat for one "岗位推荐" message (one-time
 * subscriptions allow one message per consent) and reports the accepted id to the cloud, which
 * counts it. Without consent, positions still come — in 消息, and the caseworker phones — so a
 * refusal is said plainly, never blocked. Below: the positions pushed this month.
 */
import { Button } from '@antmjs/vantui';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';

import { formatShanghai, type PushView } from '@nuanxin/shared';

import { call } from '../../../services/cloud';
import { askJobRecommendationSubscription } from '../../../services/subscribe';
import { JOB_URLS } from '../jobs/filters';

import './index.less';

interface Alerts {
  remaining: number;
  pushes: PushView[];
}

export function JobAlerts() {
  const [alerts, setAlerts] = useState<Alerts | null>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState('');

  const load = useCallback(async () => {
    const result = await call('push', 'mine', {});
    // Pushes are for registered seekers; anyone else sees nothing here.
    if (result.ok && result.data.registered) {
      setAlerts({ remaining: result.data.remaining, pushes: result.data.pushes });
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const subscribe = async () => {
    if (busy) return;
    setBusy(true);
    setNote('');
    // First in the tap: WeChat refuses the request after a network wait.
    const accepted = await askJobRecommendationSubscription();
    if (accepted.length === 0) {
      setBusy(false);
      setNote('您没有同意微信通知。为您推荐的岗位仍会放在“消息”里，包保责任人也会告诉您。');
      return;
    }
    const result = await call('push', 'consent', { templateIds: accepted });
    setBusy(false);
    if (!result.ok) {
      setNote(result.error.message);
      return;
    }
    setAlerts((a) => (a ? { ...a, remaining: result.data.remaining } : a));
    void Taro.showToast({ title: '已开启通知', icon: 'success' });
  };

  if (!alerts) return null;
  return (
    <View className="job-alerts" id="job-alerts">
      <Text className="job-alerts__title">有合适的新岗位，微信通知您</Text>
      <Text className="job-alerts__text" id="job-alerts-status">
        {alerts.remaining > 0
          ? `已开启，还可通知您 ${alerts.remaining} 次。每点一次可多收到一次通知。`
          : '微信每同意一次，可以通知您一次。不开启也不影响：推荐的岗位会放在“消息”里。'}
      </Text>
      <Button
        type="primary"
        round
        block
        id="job-alerts-subscribe"
        loading={busy}
        onClick={() => void subscribe()}
      >
        有新岗位时通知我
      </Button>
      {note ? (
        <Text className="job-alerts__note" id="job-alerts-note">
          {note}
        </Text>
      ) : null}
      {alerts.pushes.length > 0 ? (
        <View className="job-alerts__pushes" id="job-alerts-pushes">
          <Text className="job-alerts__subtitle">本月为您推荐了 {alerts.pushes.length} 个岗位</Text>
          {alerts.pushes.map((p) => (
            <View
              key={p.id}
              className="job-alerts__push"
              id={`job-alerts-push-${p.vacancyId}`}
              onClick={() => void Taro.navigateTo({ url: JOB_URLS.detail(p.vacancyId) })}
            >
              <Text className="job-alerts__push-title">
                {p.title}
                {p.publicWelfare ? '（公益性岗位）' : p.internship ? '（见习岗位）' : ''}
              </Text>
              <Text className="job-alerts__push-meta">
                {p.companyName} · {formatShanghai(p.at, 'M月D日')} · {p.basisLabel}
              </Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}
