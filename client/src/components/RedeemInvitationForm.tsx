/**
 * A staff member binds their WeChat account with the invitation code an admin gave them. The
 * code is checked against the shared contract first, so a typo is explained under the field
 * without a round trip; the cloud's own refusal (expired, already used) shows the same way.
 */
import { Button, Field } from '@antmjs/vantui';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';

import { contracts, fieldErrors, type Whoami } from '@nuanxin/shared';

import { redeemInvitation } from '../services/account';

import './RedeemInvitationForm.less';

export interface RedeemInvitationFormProps {
  onRedeemed?: (whoami: Whoami) => void;
  /** Shows a 取消 button that closes the form. */
  onCancel?: () => void;
}

export function RedeemInvitationForm({ onRedeemed, onCancel }: RedeemInvitationFormProps) {
  const [code, setCode] = useState('');
  const [fieldError, setFieldError] = useState('');
  const [formError, setFormError] = useState('');
  const [submitting, setSubmitting] = useState(false);

  const submit = async () => {
    if (submitting) return;
    setFormError('');
    const parsed = contracts.user.redeemInvitation.input.safeParse({ code });
    if (!parsed.success) {
      setFieldError(fieldErrors(parsed.error).code ?? '请输入邀请码');
      return;
    }
    setFieldError('');
    setSubmitting(true);
    const result = await redeemInvitation(parsed.data.code);
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
