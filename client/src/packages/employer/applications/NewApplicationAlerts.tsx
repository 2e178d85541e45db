/**
 * "有新投递时微信通知我": the employer's consent to the one-time "新的求职申请" message, asked in
 * the tap as WeChat requires. Each acceptance lets WeChat deliver one message, so once on the
 * button stays as "再次开启" for one more; without it the news of a new application still waits
 * in 消息 and on this page.
 */
import { Button } from '@antmjs/vantui';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';

import { askSubscription, NEW_APPLICATION_TEMPLATE } from '../../../services/subscribe';

type State = 'idle' | 'asking' | 'on' | 'refused';

export function NewApplicationAlerts() {
  const [state, setState] = useState<State>('idle');

  const ask = async () => {
    if (state === 'asking') return;
    setState('asking');
    const accepted = await askSubscription([NEW_APPLICATION_TEMPLATE]);
    setState(accepted.length > 0 ? 'on' : 'refused');
  };

  return (
    <View className="apl-alerts" id="new-application-alerts">
      <Text className="apl-alerts__text" id="new-application-alerts-status">
        {state === 'on'
          ? '已开启：下一份新投递会通过微信通知您。微信每次同意只通知一次，点“再次开启”可多通知一次。'
          : state === 'refused'
            ? '没有开启微信通知。新投递仍会出现在这里和“消息”中。'
            : '新投递会出现在这里和“消息”中。开启后，还会通过微信通知您。'}
      </Text>
      <Button
        plain
        size="small"
        round
        className="outline-button"
        id="new-application-alerts-subscribe"
        loading={state === 'asking'}
        onClick={() => void ask()}
      >
        {state === 'on' ? '再次开启' : '有新投递时微信通知我'}
      </Button>
    </View>
  );
}
