/**
 * An admin invites a staff member: role, organisation, name, the townships they serve and how
 * long the code stays valid. The form is checked against the shared contract before the call,
 * so mistakes are explained under the field; the code comes back large with its expiry.
 */
import { Button, CellGroup, Field } from '@antmjs/vantui';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';

import {
  contracts,
  fieldErrors,
  formatShanghai,
  ROLE_LABELS,
  STAFF_ORG_LABELS,
  STAFF_ORGS,
  STAFF_ROLES,
  townshipLabel,
  type FieldErrors,
  type StaffOrg,
  type StaffRole,
} from '@nuanxin/shared';

import { ChoiceChips } from '../../../components/ChoiceChips';
import { call } from '../../../services/cloud';
import { TownshipPicker } from '../components/TownshipPicker';

import './index.less';

const ROLE_OPTIONS = STAFF_ROLES.map((value) => ({ value, label: ROLE_LABELS[value] }));
const ORG_OPTIONS = STAFF_ORGS.map((value) => ({ value, label: STAFF_ORG_LABELS[value] }));
const VALID_DAY_OPTIONS = (['3', '7', '15', '30'] as const).map((value) => ({
  value,
  label: `${value}天`,
}));

/** Names of the form's fields, for the summary next to the submit button. */
const FIELD_LABELS: Record<string, string> = {
  role: '角色',
  org: '所属机构',
  displayName: '姓名',
  townships: '负责的乡镇（街道）',
  validDays: '有效期',
};

interface Issued {
  code: string;
  expiresAt: string;
  displayName: string;
  roleLabel: string;
}

function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <Text className="invite-form__error" id={id}>
      {message}
    </Text>
  );
}

export default function InvitationsPage() {
  const [role, setRole] = useState<StaffRole | null>(null);
  const [org, setOrg] = useState<StaffOrg | null>(null);
  const [displayName, setDisplayName] = useState('');
  const [townships, setTownships] = useState<string[]>([]);
  const [validDays, setValidDays] = useState<(typeof VALID_DAY_OPTIONS)[number]['value']>('7');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submitError, setSubmitError] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [issued, setIssued] = useState<Issued | null>(null);

  /** Editing a field takes its old complaint away. */
  const clearError = (field: string) => {
    if (errors[field]) setErrors(({ [field]: _, ...rest }) => rest);
  };

  const submit = async () => {
    if (submitting) return;
    setSubmitError('');
    const missing: FieldErrors = {};
    if (!role) missing.role = '请选择工作人员的角色';
    if (!org) missing.org = '请选择所属机构';
    const parsed = contracts.user.createInvitation.input.safeParse({
      role: role ?? undefined,
      org: org ?? undefined,
      displayName,
      townships,
      validDays: Number(validDays),
    });
    const found = parsed.success ? {} : fieldErrors(parsed.error);
    const next = { ...found, ...missing };
    setErrors(next);
    if (!parsed.success || Object.keys(next).length > 0) return;

    setSubmitting(true);
    const result = await call('user', 'createInvitation', parsed.data);
    setSubmitting(false);
    if (!result.ok) {
      if (result.error.fields) setErrors(result.error.fields);
      setSubmitError(result.error.message);
      return;
    }
    setIssued({
      ...result.data,
      displayName: parsed.data.displayName,
      roleLabel: ROLE_LABELS[parsed.data.role],
    });
  };

  const startOver = () => {
    setIssued(null);
    setDisplayName('');
    setTownships([]);
    setErrors({});
  };

  if (issued) {
    return (
      <View className="invite-result" id="invitation-result">
        <Text className="invite-result__label">
          {issued.displayName}（{issued.roleLabel}）的邀请码
        </Text>
        <Text className="invite-result__code" id="invitation-code" userSelect>
          {issued.code}
        </Text>
        <Text className="invite-result__expiry" id="invitation-expiry">
          有效期至 {formatShanghai(issued.expiresAt, 'YYYY年M月D日 HH:mm')}
        </Text>
        <Text className="invite-result__hint">
          请把邀请码当面或通过工作群发给本人。对方在「我的 →
          工作人员绑定」中输入即可，邀请码只能使用一次。
        </Text>
        <View className="invite-result__actions">
          <Button
            type="primary"
            round
            block
            id="invitation-copy"
            onClick={() => void Taro.setClipboardData({ data: issued.code })}
          >
            复制邀请码
          </Button>
          <View className="invite-result__gap" />
          <Button
            plain
            round
            block
            className="outline-button"
            id="invitation-again"
            onClick={startOver}
          >
            再生成一个
          </Button>
        </View>
      </View>
    );
  }

  return (
    <View className="invite-form" id="invitation-form">
      <Text className="invite-form__intro">
        为新同事生成一次性邀请码。对方在「我的 → 工作人员绑定」中输入后，账号即成为这里选定的角色。
      </Text>
      <Text className="section-title">角色</Text>
      <ChoiceChips
        idPrefix="invite-role"
        options={ROLE_OPTIONS}
        selected={role ? [role] : []}
        onToggle={(value) => {
          setRole(value);
          clearError('role');
        }}
      />
      <FieldError id="invite-role-error" message={errors.role} />

      <Text className="section-title">所属机构</Text>
      <ChoiceChips
        idPrefix="invite-org"
        options={ORG_OPTIONS}
        selected={org ? [org] : []}
        onToggle={(value) => {
          setOrg(value);
          clearError('org');
        }}
      />
      <FieldError id="invite-org-error" message={errors.org} />

      <Text className="section-title">工作人员姓名</Text>
      <View id="invite-name-field">
        <CellGroup inset>
          <Field
            label="姓名"
            titleWidth="4em"
            placeholder="请输入真实姓名"
            value={displayName}
            maxlength={20}
            errorMessage={errors.displayName}
            onInput={(e) => {
              setDisplayName(String(e.detail ?? ''));
              clearError('displayName');
            }}
          />
        </CellGroup>
      </View>

      <Text className="section-title">
        负责的乡镇（街道）{townships.length > 0 ? `· 已选 ${townships.length} 个` : '（可不选）'}
      </Text>
      {townships.length > 0 ? (
        <View className="invite-form__picked">
          {townships.map((code) => (
            <Text key={code} className="invite-form__picked-item">
              {townshipLabel(code)}
            </Text>
          ))}
        </View>
      ) : null}
      <TownshipPicker
        selected={townships}
        onChange={(next) => {
          setTownships(next);
          clearError('townships');
        }}
      />
      <FieldError id="invite-townships-error" message={errors.townships} />

      <Text className="section-title">邀请码有效期</Text>
      <ChoiceChips
        idPrefix="invite-days"
        options={VALID_DAY_OPTIONS}
        selected={[validDays]}
        onToggle={(value) => {
          setValidDays(value);
          clearError('validDays');
        }}
      />
      <FieldError id="invite-days-error" message={errors.validDays} />

      {submitError ? (
        <Text className="invite-form__submit-error" id="invitation-error">
          {submitError}
        </Text>
      ) : null}
      {/* The button sits below a long list: say here what still needs fixing above. */}
      {!submitError && Object.keys(errors).length > 0 ? (
        <Text className="invite-form__submit-error" id="invitation-fix-hint">
          请先修改上方标红的内容：
          {Object.keys(errors)
            .map((field) => FIELD_LABELS[field.split('.')[0] ?? field] ?? field)
            .filter((label, i, all) => all.indexOf(label) === i)
            .join('、')}
        </Text>
      ) : null}
      <View className="invite-form__action">
        <Button
          type="primary"
          round
          block
          id="invitation-submit"
          loading={submitting}
          loadingText="正在生成…"
          onClick={() => void submit()}
        >
          {submitError ? '重新生成' : '生成邀请码'}
        </Button>
      </View>
    </View>
  );
}
