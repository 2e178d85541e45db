/**
 * A staff member binds their WeChat account with the invitation code an admin gave them. The
 * code is checked against the shared contract first, so a typo is explained under the field
 * without a round trip; the cloud's own refusal (expired, already used) shows the same way.
 */
import { Button, Field } from '@antmjs/vantui';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';

import { INVITATION_ALPHABET, INVITATION_LENGTH, type Whoami } from '@nuanxin/shared';

import { redeemInvitation } from '../services/account';

import './RedeemInvitationForm.less';

export interface RedeemInvitationFormProps {
  onRedeemed?: (whoami: Whoami) => void;
  /** Shows a 取消 button that closes the form. */
  onCancel?: () => void;
}

const CODE_PATTERN = new RegExp(`^[${INVITATION_ALPHABET}]{${INVITATION_LENGTH}}$`);

/**
 * The same rule and message as the `user.redeemInvitation` contract (the cloud checks again with
 * it), written without zod: this form lives in the main package, which must stay small (≤ 600 KB),
 * and zod alone would take a third of it.
 */
export function checkCode(
  text: string,
): { ok: true; code: string } | { ok: false; message: string } {
  const code = text.trim().toUpperCase();
  if (!CODE_PATTERN.test(code)) {
    return { ok: false, message: `邀请码应为${INVITATION_LENGTH}位字母或数字，请核对后重新输入` };
  }
  return { ok: true, code };
}

export function RedeemInvitationForm({ onRedeemed, onCancel }: RedeemInvitationFormProps) {
  const [code, setCode] = useState('');
  const [fieldError, setFieldError] = useState('');
  const [formError, setFormError] = useState('');
  const [submitting, setSubmitting] = useState(false);

  const submit = async () => {
    if (submitting) return;
    setFormError('');
    const normalized = checkCode(code);
    if (!normalized.ok) {
      setFieldError(normalized.message);
      return;
    }
    setFieldError('');
    setSubmitting(true);
    const result = await redeemInvitation(normalized.code);
    setSubmitting(false);
    if (result.ok) {
      setCode('');
      onRedeemed?.(result.data);
      return;
    }
    const forField = result.error.fields?.code;
    if (forField) setFieldError(forField);
    else setFormError(result.error.message);
  };

  return (
    <View className="redeem-form" id="redeem-form">
      <Text className="redeem-form__title">工作人员绑定</Text>
      <Text className="redeem-form__intro">
        请输入管理员发给您的8位邀请码。绑定后，您的账号将切换为工作人员身份。
      </Text>
      {/* vantui's Field does not forward `id`; the wrapper gives tests a stable handle. */}
      <View id="redeem-code-field" className="redeem-form__field">
        <Field
          label="邀请码"
          titleWidth="4em"
          placeholder="例如 ABCD2345"
          value={code}
          maxlength={12}
          border={false}
          errorMessage={fieldError}
          onInput={(e) => {
            setCode(String(e.detail ?? ''));
            if (fieldError) setFieldError('');
          }}
        />
      </View>
      {formError ? (
        <Text className="redeem-form__error" id="redeem-error">
          {formError}
        </Text>
      ) : null}
      <View className="redeem-form__action">
        <Button
          type="primary"
          round
          block
          id="redeem-submit"
          loading={submitting}
          loadingText="正在绑定…"
          onClick={() => void submit()}
        >
          确认绑定
        </Button>
        {onCancel ? (
          <View className="redeem-form__cancel">
            <Button plain round block id="redeem-cancel" onClick={onCancel}>
              取消
            </Button>
          </View>
        ) : null}
      </View>
    </View>
  );
}
