/**
 * "每天提醒我（微信）": the caseworker's consent to the one-time "回访提醒" (the morning list of
 * people due for a follow-up, sent by the casework timer) and "工单提醒" (a new or overdue request
 * of their people) messages, asked in the tap as WeChat requires. Each acceptance lets WeChat
 * deliver one message of each, so once on the button stays as "再次开启" for one more (the page is
 * opened every morning: one tap a day keeps the reminders coming); without it the same news still
 * waits in 消息 and on this page.
 */
import { Button } from '@antmjs/vantui';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';

import {
  askSubscription,
  FOLLOW_UP_REMINDER_TEMPLATE,
  REQUEST_ALERT_TEMPLATE,
} from '../../../services/subscribe';

import './DailyReminders.less';

type State = 'idle' | 'asking' | 'on' | 'refused';

export function DailyReminders() {
  const [state, setState] = useState<State>('idle');

  const ask = async () => {
    if (state === 'asking') return;
    setState('asking');
    const accepted = await askSubscription([FOLLOW_UP_REMINDER_TEMPLATE, REQUEST_ALERT_TEMPLATE]);
    setState(accepted.length > 0 ? 'on' : 'refused');
  };

  return (
    <View className="daily-reminders" id="daily-reminders">
      <Text className="daily-reminders__text" id="daily-reminders-status">
        {state === 'on'
          ? '已开启：下一次回访提醒（工作日早上）和您包保对象的下一条新求助会通过微信通知您。微信每次同意只通知一次，每天打开本页时点“再次开启”即可。'
          : state === 'refused'
            ? '没有开启微信提醒。回访提醒和新求助仍会出现在这里和“消息”中。'
            : '开启后，每个工作日早上会通过微信告诉您当天要回访几人、逾期几人；您包保的市民提出求助时也会微信通知您。'}
      </Text>
      <Button
        plain
        size="small"
        round
        className="outline-button"
        id="daily-reminders-subscribe"
        loading={state === 'asking'}
        onClick={() => void ask()}
      >
        {state === 'on' ? '再次开启' : '每天提醒我（微信）'}
      </Button>
    </View>
  );
}
