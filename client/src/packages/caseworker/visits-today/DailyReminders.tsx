/**
 * "每天提醒我（微信）": staff consent to one-time subscription messages (components/ConsentTap).
 * The page is opened every working day: one tap a day keeps the reminders coming; without it the
 * same news still waits in 消息 and on the page.
 * The caseworker's 今日回访 asks for "回访提醒" and "工单提醒" (`CASEWORKER_REMINDERS`); the
 * supervisor's request queue for "工单提醒" only (`SUPERVISOR_REMINDERS`: new requests of people
 * without a caseworker, escalations, 差 ratings to review).
 */
import { ConsentTap, type ConsentCopy } from '../../../components/ConsentTap';
import { FOLLOW_UP_REMINDER_TEMPLATE, REQUEST_ALERT_TEMPLATE } from '../../../services/subscribe';

export const CASEWORKER_REMINDERS: ConsentCopy = {
  templates: [FOLLOW_UP_REMINDER_TEMPLATE, REQUEST_ALERT_TEMPLATE],
  label: '每天提醒我（微信）',
  idle: '开启后，每个工作日早上会通过微信告诉您当天要回访几人、逾期几人；您包保的市民提出求助时也会微信通知您。',
  on: '已开启：下一次回访提醒（工作日早上）和您包保对象的下一条新求助会通过微信通知您。微信每次同意只通知一次，每天打开本页时点“再次开启”即可。',
  refused: '没有开启微信提醒。回访提醒和新求助仍会出现在这里和“消息”中。',
};

export const SUPERVISOR_REMINDERS: ConsentCopy = {
  templates: [REQUEST_ALERT_TEMPLATE],
  label: '有求助时提醒我（微信）',
  idle: '开启后，未分配包保责任人的市民提出求助、求助超时未答复、答复被评为“差”需要复核时，会通过微信通知您。',
  on: '已开启：下一条需要您处理的求助会通过微信通知您。微信每次同意只通知一次，每天打开本页时点“再次开启”即可。',
  refused: '没有开启微信提醒。需要您处理的求助仍会出现在这里和“消息”中。',
};

export function DailyReminders({ copy }: { copy: ConsentCopy }) {
  return <ConsentTap id="daily-reminders" copy={copy} />;
}
