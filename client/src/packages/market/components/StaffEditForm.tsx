/**
 * 修改岗位（企业可见）: market staff correct a vacancy's wording, pay or headcount, and say what
 * they changed and why; the employer sees the note and is told. Leaving a text field runs the
 * discrimination screening as the cloud will; a vacancy waiting for review can be approved in
 * the same step. Fields not shown here (occupation, place, flags, dates) stay as they are.
 */
import { Button } from '@antmjs/vantui';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';

import {
  contracts,
  fieldErrors,
  MINIMUM_MONTHLY_WAGE,
  UNVERIFIED_COMPANY_REASON,
  type FieldErrors,
  type LedgerRow,
} from '@nuanxin/shared';

import { ChoiceChips } from '../../../components/ChoiceChips';
import { ChipsBox, FormField, TextAreaBox, TextBox } from '../../../components/FormField';
import { call } from '../../../services/cloud';
import { CertificatesInput } from '../../employer/components/CertificatesInput';
import { screenField } from '../../employer/components/screening';

type Screened = 'title' | 'description' | 'requirements' | 'benefits';

function numberOf(text: string): number | undefined {
  return text.trim() === '' ? undefined : Number(text.trim());
}

export function StaffEditForm({
  row,
  onDone,
  onCancel,
}: {
  row: LedgerRow;
  onDone: (next: LedgerRow) => void;
  onCancel: () => void;
}) {
  const [title, setTitle] = useState(row.title);
  const [headcount, setHeadcount] = useState(String(row.headcount));
  const [salaryMin, setSalaryMin] = useState(String(row.salaryMin));
  const [salaryMax, setSalaryMax] = useState(String(row.salaryMax));
  const [description, setDescription] = useState(row.description);
  const [requirements, setRequirements] = useState(row.requirements);
  const [certificates, setCertificates] = useState<string[]>(row.certificates);
  const [benefits, setBenefits] = useState(row.benefits);
  const [note, setNote] = useState('');
  const pending = row.status === 'pendingReview';
  const awaitsCompany = row.reviewReasons.includes(UNVERIFIED_COMPANY_REASON);
  const [approve, setApprove] = useState<'yes' | 'no'>(pending && !awaitsCompany ? 'yes' : 'no');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notices, setNotices] = useState<Partial<Record<Screened, string>>>({});
  const [submitError, setSubmitError] = useState('');
  const [saving, setSaving] = useState(false);

  const edit =
    <T,>(field: string, set: (value: T) => void) =>
    (value: T) => {
      set(value);
      if (errors[field]) setErrors(({ [field]: _, ...rest }) => rest);
    };
  const screen = (field: Screened) => (text: string) => {
    const { block, review } = screenField(text);
    setErrors(({ [field]: _, ...rest }) => (block ? { ...rest, [field]: block } : rest));
    setNotices(({ [field]: _, ...rest }) =>
      review && !block ? { ...rest, [field]: review } : rest,
    );
  };

  const save = async () => {
    if (saving) return;
    setSubmitError('');
    const parsed = contracts.employer.staffEditVacancy.input.safeParse({
      id: row.id,
      title,
      description,
      occupationCode: row.occupationCode,
      headcount: numberOf(headcount),
      salaryMin: numberOf(salaryMin),
      salaryMax: numberOf(salaryMax),
      workType: row.workType,
      township: row.township,
      location: row.location,
      requirements,
      minEducation: row.minEducation,
      minExperienceYears: row.minExperienceYears,
      certificates,
      benefits,
      flags: row.flags,
      validUntil: row.validUntil,
      note,
      approve: pending && approve === 'yes',
      // What the staff member started from: an employer's save meanwhile is not overwritten.
      version: row.version,
    });
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      return;
    }
    setErrors({});
    setSaving(true);
    const res = await call('employer', 'staffEditVacancy', parsed.data);
    setSaving(false);
    if (!res.ok) {
      if (res.error.fields) setErrors(res.error.fields);
      setSubmitError(res.error.message);
      return;
    }
    onDone(res.data.vacancy);
  };

  const hint = (field: Screened) =>
    notices[field] ? <Text className="mk-screen-hint">{notices[field]}</Text> : null;

  return (
    <View className="mk-edit" id={`staff-edit-${row.id}`}>
      <Text className="mk-edit__intro">
        修改「{row.title}」（{row.companyName}
        ）。请在最后写明改了什么、为什么改——企业会在“我的岗位”里看到，并收到通知。
      </Text>
      <FormField name="title" label="岗位名称" error={errors.title}>
        <TextBox
          value={title}
          maxlength={30}
          onChange={edit('title', setTitle)}
          onBlur={screen('title')}
        />
        {hint('title')}
      </FormField>
      <FormField name="headcount" label="招聘人数" error={errors.headcount}>
        <TextBox
          value={headcount}
          type="number"
          maxlength={3}
          unit="人"
          onChange={edit('headcount', setHeadcount)}
        />
      </FormField>
      <FormField
        name="salaryMin"
        label="最低月薪"
        hint={`不得低于本地月最低工资标准${MINIMUM_MONTHLY_WAGE}元`}
        error={errors.salaryMin}
      >
        <TextBox
          value={salaryMin}
          type="number"
          maxlength={6}
          unit="元/月"
          onChange={edit('salaryMin', setSalaryMin)}
        />
      </FormField>
      <FormField name="salaryMax" label="最高月薪" error={errors.salaryMax}>
        <TextBox
          value={salaryMax}
          type="number"
          maxlength={6}
          unit="元/月"
          onChange={edit('salaryMax', setSalaryMax)}
        />
      </FormField>
      <FormField name="description" label="岗位描述" optional error={errors.description}>
        <TextAreaBox
          value={description}
          maxlength={1000}
          onChange={edit('description', setDescription)}
          onBlur={screen('description')}
        />
        {hint('description')}
      </FormField>
      <FormField name="requirements" label="任职要求" optional error={errors.requirements}>
        <TextAreaBox
          value={requirements}
          maxlength={1000}
          onChange={edit('requirements', setRequirements)}
          onBlur={screen('requirements')}
        />
        {hint('requirements')}
      </FormField>
      <FormField name="certificates" label="必须持有的证书" optional error={errors.certificates}>
        <CertificatesInput value={certificates} onChange={edit('certificates', setCertificates)} />
      </FormField>
      <FormField name="benefits" label="福利待遇" optional error={errors.benefits}>
        <TextAreaBox
          value={benefits}
          maxlength={500}
          onChange={edit('benefits', setBenefits)}
          onBlur={screen('benefits')}
        />
        {hint('benefits')}
      </FormField>
      <FormField
        name="note"
        label="修改说明（企业可见）"
        hint="例如：删除了“限35岁以下”的年龄限制，与岗位无关"
        error={errors.note}
      >
        <TextAreaBox
          value={note}
          maxlength={200}
          placeholder="改了什么、为什么改"
          onChange={edit('note', setNote)}
        />
      </FormField>
      {pending ? (
        <FormField
          name="approve"
          label="修改后"
          hint={awaitsCompany ? '该企业尚未核验，核验通过前岗位不能公开。' : undefined}
        >
          <ChipsBox>
            <ChoiceChips
              idPrefix="staff-edit-approve"
              options={[
                ...(awaitsCompany
                  ? []
                  : [{ value: 'yes' as const, label: '审核通过，向求职者公开' }]),
                { value: 'no' as const, label: '仅保存修改，暂不公开' },
              ]}
              selected={[approve]}
              onToggle={setApprove}
            />
          </ChipsBox>
        </FormField>
      ) : null}
      {submitError ? (
        <Text className="mk-card__error" id="staff-edit-error">
          {submitError}
        </Text>
      ) : null}
      <View className="mk-edit__buttons">
        <Button
          type="primary"
          round
          block
          id="staff-edit-save"
          loading={saving}
          onClick={() => void save()}
        >
          保存修改并通知企业
        </Button>
        <View className="mk-edit__gap" />
        <Button plain round block id="staff-edit-cancel" onClick={onCancel}>
          取消
        </Button>
      </View>
    </View>
  );
}
