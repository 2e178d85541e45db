/**
 * 修改岗位（企业可见）: market staff correct a vacancy's wording, pay or headcount, and say what
 * they changed and why; the employer sees the note and is told. Leaving a text field runs the
 * discrimination screening as the cloud will; a vacancy waiting for review can be approved in
 * the same step. Fields not shown here (occupation, place, flags, dates) stay as they are.
 */
import { Button } from '@antmjs/vantui';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';

import { contracts, fieldErrors, UNVERIFIED_COMPANY_REASON, type LedgerRow } from '@nuanxin/shared';

import { ChoiceChips } from '../../../components/ChoiceChips';
import { ChipsBox, FormField, TextAreaBox } from '../../../components/FormField';
import { call } from '../../../services/cloud';
import { CertificatesInput } from '../../employer/components/CertificatesInput';
import {
  numberOf,
  PayFields,
  ScreenedField,
  useVacancyChecks,
  type PayValues,
} from '../../employer/components/VacancyFields';

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
  const [pay, setPay] = useState<PayValues>({
    headcount: String(row.headcount),
    salaryMin: String(row.salaryMin),
    salaryMax: String(row.salaryMax),
  });
  const [description, setDescription] = useState(row.description);
  const [requirements, setRequirements] = useState(row.requirements);
  const [certificates, setCertificates] = useState<string[]>(row.certificates);
  const [benefits, setBenefits] = useState(row.benefits);
  const [note, setNote] = useState('');
  const pending = row.status === 'pendingReview';
  const awaitsCompany = row.reviewReasons.includes(UNVERIFIED_COMPANY_REASON);
  const [approve, setApprove] = useState<'yes' | 'no'>(pending && !awaitsCompany ? 'yes' : 'no');
  const checks = useVacancyChecks();
  const { errors, setErrors, edit } = checks;
  const [submitError, setSubmitError] = useState('');
  const [saving, setSaving] = useState(false);

  const save = async () => {
    if (saving) return;
    setSubmitError('');
    const parsed = contracts.employer.staffEditVacancy.input.safeParse({
      id: row.id,
      title,
      description,
      occupationCode: row.occupationCode,
      headcount: numberOf(pay.headcount),
      salaryMin: numberOf(pay.salaryMin),
      salaryMax: numberOf(pay.salaryMax),
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

  return (
    <View className="mk-edit" id={`staff-edit-${row.id}`}>
      <Text className="mk-edit__intro">
        修改「{row.title}」（{row.companyName}
        ）。请在最后写明改了什么、为什么改——企业会在“我的岗位”里看到，并收到通知。
      </Text>
      <ScreenedField field="title" value={title} onChange={setTitle} checks={checks} />
      <PayFields
        values={pay}
        onChange={(field, value) => setPay((now) => ({ ...now, [field]: value }))}
        checks={checks}
      />
      <ScreenedField
        field="description"
        value={description}
        onChange={setDescription}
        checks={checks}
      />
      <ScreenedField
        field="requirements"
        value={requirements}
        onChange={setRequirements}
        checks={checks}
      />
      <FormField name="certificates" label="必须持有的证书" optional error={errors.certificates}>
        <CertificatesInput value={certificates} onChange={edit('certificates', setCertificates)} />
      </FormField>
      <ScreenedField field="benefits" value={benefits} onChange={setBenefits} checks={checks} />
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
