/**
 * 用邀请码加入: a colleague of a company already on the service joins it with the one-time code
 * the company's owner generated, and their own name (shown to colleagues).
 */
import { Text, View } from '@tarojs/components';
import { useState } from 'react';

import { contracts, fieldErrors, type CompanyView, type FieldErrors } from '@nuanxin/shared';

import { FormField, TextBox } from '../../../components/FormField';
import { call } from '../../../services/cloud';
import { SubmitArea } from '../components/SubmitArea';

const LABELS = { code: '邀请码', displayName: '您的姓名' };

export function JoinForm({ onJoined }: { onJoined: (company: CompanyView) => void }) {
  const [code, setCode] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submitError, setSubmitError] = useState('');
  const [submitting, setSubmitting] = useState(false);

  const submit = async () => {
    if (submitting) return;
    setSubmitError('');
    const parsed = contracts.employer.joinCompany.input.safeParse({ code, displayName });
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      return;
    }
    setErrors({});
    setSubmitting(true);
    const result = await call('employer', 'joinCompany', parsed.data);
    setSubmitting(false);
    if (!result.ok) {
      if (result.error.fields) setErrors(result.error.fields);
      else setSubmitError(result.error.message);
      return;
    }
    onJoined(result.data.company);
  };

  return (
    <View className="emp-form" id="join-form">
      <Text className="emp-form__intro">
        请向本单位负责人索要邀请码（负责人在“单位同事”页面生成）。加入后，您可以用自己的微信为本单位发布岗位、处理应聘。
      </Text>
      <FormField name="code" label="邀请码" hint="8位字母或数字，不区分大小写" error={errors.code}>
        <TextBox
          value={code}
          maxlength={8}
          placeholder="例如 ABCD2345"
          onChange={(v) => {
            setCode(v);
            if (errors.code) setErrors(({ code: _, ...rest }) => rest);
          }}
        />
      </FormField>
      <FormField name="displayName" label="您的姓名" hint="同事会看到" error={errors.displayName}>
        <TextBox
          value={displayName}
          maxlength={20}
          placeholder="真实姓名"
          onChange={(v) => {
            setDisplayName(v);
            if (errors.displayName) setErrors(({ displayName: _, ...rest }) => rest);
          }}
        />
      </FormField>
      <SubmitArea
        id="join-submit"
        errors={errors}
        labels={LABELS}
        submitError={submitError}
        submitting={submitting}
        text="加入单位"
        loadingText="正在加入…"
        onSubmit={() => void submit()}
      />
    </View>
  );
}
