/**
 * "每天提醒我（微信）": staff consent to one-time subscription messages, asked in the tap as WeChat
 * requires. Each acceptance lets WeChat deliver one message of each template, so once on the
 * button stays as "再次开启" for one more (the page is opened every working day: one tap a day
 * keeps the reminders coming); without it the same news still waits in 消息 and on the page.
 * The caseworker's 今日回访 asks for "回访提醒" and "工单提醒" (`CASEWORKER_REMINDERS`); the
 * supervisor's request queue for "工单提醒" only (`SUPERVISOR_REMINDERS`: new requests of people
 * without a caseworker, escalations, 差 ratings to review).
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

export interface ReminderCopy {
  /** The templates asked for in one tap. */
  templates: readonly string[];
  /** The button before the first acceptance. */
  label: string;
  /** What it does (before), what is now on, and what happens without it. */
  idle: string;
  on: string;
  refused: string;
}

export const CASEWORKER_REMINDERS: ReminderCopy = {
  templates: [FOLLOW_UP_REMINDER_TEMPLATE, REQUEST_ALERT_TEMPLATE],
  label: '每天提醒我（微信）',
  idle: '开启后，每个工作日早上会通过微信告诉您当天要回访几人、逾期几人；您包保的市民提出求助时也会微信通知您。',
  on: '已开启：下一次回访提醒（工作日早上）和您包保对象的下一条新求助会通过微信通知您。微信每次同意只通知一次，每天打开本页时点“再次开启”即可。',
  refused: '没有开启微信提醒。回访提醒和新求助仍会出现在这里和“消息”中。',
};

export const SUPERVISOR_REMINDERS: ReminderCopy = {
  templates: [REQUEST_ALERT_TEMPLATE],
  label: '有求助时提醒我（微信）',
  idle: '开启后，未分配包保责任人的市民提出求助、求助超时未答复、答复被评为“差”需要复核时，会通过微信通知您。',
  on: '已开启：下一条需要您处理的求助会通过微信通知您。微信每次同意只通知一次，每天打开本页时点“再次开启”即可。',
  refused: '没有开启微信提醒。需要您处理的求助仍会出现在这里和“消息”中。',
};

export function DailyReminders({ copy }: { copy: ReminderCopy }) {
  const [state, setState] = useState<State>('idle');

  const ask = async () => {
    if (state === 'asking') return;
    setState('asking');
    const accepted = await askSubscription([...copy.templates]);
    setState(accepted.length > 0 ? 'on' : 'refused');
  };

  return (
    <View className="daily-reminders" id="daily-reminders">
      <Text className="daily-reminders__text" id="daily-reminders-status">
        {state === 'on' ? copy.on : state === 'refused' ? copy.refused : copy.idle}
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
        {state === 'on' ? '再次开启' : copy.label}
      </Button>
    </View>
  );
}
