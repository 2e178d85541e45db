/**
 * 企业入驻: the company's name, 统一社会信用代码, industry, township, address and contact. Checked
 * against the contract's schema before the call; the cloud's reasons (a USCC that fails its check
 * character, one already registered) come back under their fields. With `initial`, the owner
 * corrects the company: one that did not pass verification is submitted again for it.
 */
import { Button } from '@antmjs/vantui';
import { View, Text } from '@tarojs/components';
import { useState } from 'react';

import {
  contracts,
  fieldErrors,
  INDUSTRY_SECTIONS,
  type CompanyView,
  type FieldErrors,
  type IndustrySection,
} from '@nuanxin/shared';

import { ChoiceChips } from '../../../components/ChoiceChips';
import { ChipsBox, FormField, TextBox } from '../../../components/FormField';
import { TownshipSelect } from '../../../components/TownshipSelect';
import { call } from '../../../services/cloud';
import { INDUSTRY_LABELS } from '../components/labels';
import { SubmitArea } from '../components/SubmitArea';

const INDUSTRY_OPTIONS = INDUSTRY_SECTIONS.map((value) => ({
  value,
  label: INDUSTRY_LABELS[value],
}));

const FIELD_LABELS: Record<string, string> = {
  name: '单位名称',
  uscc: '统一社会信用代码',
  industry: '所属行业',
  township: '所在乡镇（街道）',
  address: '单位地址',
  contactName: '联系人',
  contactMobile: '联系电话',
};

export function CompanyForm({
  initial = null,
  onRegistered,
  onCancel,
}: {
  /** The company to correct; null: a new registration. */
  initial?: CompanyView | null;
  onRegistered: (company: CompanyView) => void;
  onCancel?: () => void;
}) {
  const resubmit = initial?.status === 'rejected';
  const [name, setName] = useState(initial?.name ?? '');
  const [uscc, setUscc] = useState(initial?.uscc ?? '');
  const [industry, setIndustry] = useState<IndustrySection | null>(
    (initial?.industry as IndustrySection | undefined) ?? null,
  );
  const [township, setTownship] = useState<string | null>(initial?.township ?? null);
  const [address, setAddress] = useState(initial?.address ?? '');
  const [contactName, setContactName] = useState(initial?.contactName ?? '');
  const [contactMobile, setContactMobile] = useState(initial?.contactMobile ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submitError, setSubmitError] = useState('');
  const [submitting, setSubmitting] = useState(false);

  /** Editing a field takes its old complaint away. */
  const edit =
    <T,>(field: string, set: (value: T) => void) =>
    (value: T) => {
      set(value);
      if (errors[field]) setErrors(({ [field]: _, ...rest }) => rest);
    };

  const submit = async () => {
    if (submitting) return;
    setSubmitError('');
    const action = initial ? 'updateCompany' : 'registerCompany';
    const parsed = contracts.employer[action].input.safeParse({
      name,
      uscc: uscc.trim().toUpperCase(),
      industry: industry ?? undefined,
      township: township ?? undefined,
      address,
      contactName,
      contactMobile: contactMobile.trim(),
    });
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      return;
    }
    setErrors({});
    setSubmitting(true);
    const result = await call('employer', action, parsed.data);
    setSubmitting(false);
    if (!result.ok) {
      if (result.error.fields) setErrors(result.error.fields);
      setSubmitError(result.error.message);
      return;
    }
    onRegistered(result.data.company);
  };

  return (
    <View className="emp-form" id="company-form">
      <Text className="emp-form__intro">
        {initial
          ? resubmit
            ? `请对照营业执照修改单位信息后重新提交。上次未通过的原因：${initial.rejectReason ?? '见单位信息页'}`
            : '修改后的单位信息由市场服务中心一并核验。'
          : '登记单位信息后，市场服务中心会核验营业执照信息。核验通过前也可以先发布岗位，审核通过后岗位才会公开。'}
      </Text>
      <FormField name="name" label="单位名称" hint="与营业执照一致" error={errors.name}>
        <TextBox
          value={name}
          maxlength={60}
          placeholder="例如：济宁某某科技有限公司"
          onChange={edit('name', setName)}
        />
      </FormField>
      <FormField
        name="uscc"
        label="统一社会信用代码"
        hint="营业执照上的18位代码"
        error={errors.uscc}
      >
        <TextBox
          value={uscc}
          maxlength={18}
          placeholder="18位，数字和大写字母"
          onChange={edit('uscc', setUscc)}
        />
      </FormField>
      <FormField name="industry" label="所属行业" error={errors.industry}>
        <ChipsBox>
          <ChoiceChips
            idPrefix="industry"
            options={INDUSTRY_OPTIONS}
            selected={industry ? [industry] : []}
            onToggle={edit('industry', setIndustry)}
          />
        </ChipsBox>
      </FormField>
      <FormField name="township" label="所在乡镇（街道）" error={errors.township}>
        <TownshipSelect value={township} onChange={edit('township', setTownship)} />
      </FormField>
      <FormField name="address" label="单位地址" error={errors.address}>
        <TextBox
          value={address}
          maxlength={100}
          placeholder="路名门牌号"
          onChange={edit('address', setAddress)}
        />
      </FormField>
      <FormField name="contactName" label="联系人姓名" error={errors.contactName}>
        <TextBox
          value={contactName}
          maxlength={20}
          placeholder="负责招聘的联系人"
          onChange={edit('contactName', setContactName)}
        />
      </FormField>
      <FormField name="contactMobile" label="联系人手机号" error={errors.contactMobile}>
        <TextBox
          value={contactMobile}
          type="number"
          maxlength={11}
          placeholder="11位手机号"
          onChange={edit('contactMobile', setContactMobile)}
        />
      </FormField>
      <SubmitArea
        id="company-submit"
        errors={errors}
        labels={FIELD_LABELS}
        submitError={submitError}
        submitting={submitting}
        text={initial ? (resubmit ? '修改后重新提交核验' : '保存修改') : '提交登记'}
        loadingText="正在提交…"
        onSubmit={() => void submit()}
      />
      {onCancel ? (
        <View className="emp-page__action">
          <Button plain round block id="company-edit-cancel" onClick={onCancel}>
            返回，不修改
          </Button>
        </View>
      ) : null}
    </View>
  );
}
