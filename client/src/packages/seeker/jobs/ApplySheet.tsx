/**
 * 投递简历: says exactly what the employer will see before anything is sent, and lets the seeker
 * choose the rest (PIPL 第23条: personal information goes to another processor only with the
 * person's separate consent). Nothing is ticked for them: each extra item is their choice.
 */
import { Button } from '@antmjs/vantui';
import { Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';

import { ALWAYS_SHARED, SHARE_KEYS, SHARE_LABELS, type ShareKey } from '@nuanxin/shared';

import { ChoiceChips } from '../../../components/ChoiceChips';
import { APPLICATION_STATUS_TEMPLATE, askSubscription } from '../../../services/subscribe';

import '../components/ConfirmSheet.less';

export interface ApplyChoice {
  share: Record<ShareKey, boolean>;
  message: string;
}

const SHARE_HINTS: Record<ShareKey, string> = {
  mobile: '企业可以直接打电话约您面试；不提供时，企业只能通过本平台给您发通知',
  education: '您登记的最高学历',
  workHistory: '您登记的上一家工作单位和离职时间',
};

const MESSAGE_MAX = 200;

export function ApplySheet({
  companyName,
  busy,
  error,
  onConfirm,
  onCancel,
}: {
  companyName: string;
  busy: boolean;
  error: string;
  onConfirm: (choice: ApplyChoice) => void;
  onCancel: () => void;
}) {
  const [chosen, setChosen] = useState<ShareKey[]>([]);
  const [message, setMessage] = useState('');
  const share = Object.fromEntries(SHARE_KEYS.map((k) => [k, chosen.includes(k)])) as Record<
    ShareKey,
    boolean
  >;

  return (
    <View className="reg-sheet" id="apply-sheet">
      <View className="reg-sheet__mask" onClick={busy ? undefined : onCancel} />
      <View className="reg-sheet__panel" role="dialog" aria-modal="true" aria-label="投递简历">
        <Text className="reg-sheet__title">投递简历</Text>
        <View className="reg-sheet__body">
          <Text className="apply-sheet__lead">{companyName}将看到：</Text>
          <Text className="apply-sheet__always" id="apply-always">
            {ALWAYS_SHARED.join('、')}
          </Text>
          <Text className="apply-sheet__lead">您还可以选择提供（点选）：</Text>
          <ChoiceChips
            idPrefix="share"
            options={SHARE_KEYS.map((k) => ({ value: k, label: SHARE_LABELS[k] }))}
            selected={chosen}
            onToggle={(k) =>
              setChosen(chosen.includes(k) ? chosen.filter((x) => x !== k) : [...chosen, k])
            }
          />
          {SHARE_KEYS.map((k) => (
            <Text key={k} className="apply-sheet__hint">
              {SHARE_LABELS[k]}：{SHARE_HINTS[k]}
            </Text>
          ))}
          <Text className="apply-sheet__never" id="apply-never">
            不会提供：您的重点群体身份、残疾和低保等情况，以及完整的身份证号。
          </Text>
          <Text className="apply-sheet__lead">给企业留言（选填）</Text>
          <View className="apply-sheet__message" id="field-message">
            <Textarea
              className="apply-sheet__textarea"
              value={message}
              maxlength={MESSAGE_MAX}
              placeholder="例如：有两年仓库工作经验，可随时到岗"
              onInput={(e) => setMessage(String(e.detail.value ?? ''))}
            />
            <Text className="apply-sheet__count">
              {message.length}/{MESSAGE_MAX}
            </Text>
          </View>
        </View>
        {error ? (
          <Text className="reg-sheet__error" id="apply-error">
            {error}
          </Text>
        ) : null}
        <Button
          type="primary"
          round
          block
          id="apply-confirm"
          loading={busy}
          onClick={() => {
            // Inside the tap, before any network wait (WeChat refuses it later). Refusing it
            // changes nothing: every step still reaches 我的投递 and 消息.
            if (!busy) void askSubscription([APPLICATION_STATUS_TEMPLATE]);
            onConfirm({ share, message: message.trim() });
          }}
        >
          确认投递
        </Button>
        <Text className="apply-sheet__hint" id="apply-notice-hint">
          投递后，企业查看、邀请面试、录用时会在“消息”里告诉您；微信询问时选“允许”，还会收到微信通知。
        </Text>
        <View className="reg-sheet__gap" />
        <Button
          plain
          className="outline-button"
          round
          block
          id="apply-cancel"
          disabled={busy}
          onClick={onCancel}
        >
          再想想
        </Button>
      </View>
    </View>
  );
}
