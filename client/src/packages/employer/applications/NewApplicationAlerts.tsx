/**
 * "有新投递时微信通知我": the employer's consent to the one-time "新的求职申请" message
 * (components/ConsentTap); without it the news of a new application still waits in 消息 and on
 * this page.
 */
import { ConsentTap, type ConsentCopy } from '../../../components/ConsentTap';
import { NEW_APPLICATION_TEMPLATE } from '../../../services/subscribe';

const NEW_APPLICATION_ALERTS: ConsentCopy = {
  templates: [NEW_APPLICATION_TEMPLATE],
  label: '有新投递时微信通知我',
  idle: '新投递会出现在这里和“消息”中。开启后，还会通过微信通知您。',
  on: '已开启：下一份新投递会通过微信通知您。微信每次同意只通知一次，点“再次开启”可多通知一次。',
  refused: '没有开启微信通知。新投递仍会出现在这里和“消息”中。',
};

export function NewApplicationAlerts() {
  return <ConsentTap id="new-application-alerts" copy={NEW_APPLICATION_ALERTS} />;
}
