/**
 * 核验: the caseworker checks each declared key-group item against its evidence
 * (DECLARATION_EVIDENCE, 000 §1(1): lists from 残联, 民政, 乡村振兴…) and completes the
 * registration. Only a verified declaration becomes a tag; an unticked one is sent as not
 * verified, so the record says what was checked rather than leaving it open.
 */
import { Button } from '@antmjs/vantui';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';

import {
  contracts,
  DECLARATION_EVIDENCE,
  fieldErrors,
  transition,
  type DeclarationKey,
  type FieldErrors,
  type PersonDetail,
} from '@nuanxin/shared';

import { call } from '../../../services/cloud';

import { NoteField } from './NoteField';

import './VerifyPanel.less';

export interface VerifyPanelProps {
  person: PersonDetail;
  onDone: (next: PersonDetail) => void;
}

export function VerifyPanel({ person, onDone }: VerifyPanelProps) {
  const pending = person.pendingVerifications;
  const [checked, setChecked] = useState<Partial<Record<DeclarationKey, boolean>>>({});
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submitError, setSubmitError] = useState('');
  const [submitting, setSubmitting] = useState(false);

  const toggle = (key: DeclarationKey) => setChecked((c) => ({ ...c, [key]: !c[key] }));

  const submit = async () => {
    if (submitting) return;
    setSubmitError('');
    const parsed = contracts.registration.verify.input.safeParse({
      registrationId: person.id,
      verified: Object.fromEntries(pending.map((d) => [d.key, checked[d.key] === true])),
      note,
    });
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      return;
    }
    setErrors({});
    setSubmitting(true);
    const result = await call('registration', 'verify', parsed.data);
    setSubmitting(false);
    if (!result.ok) {
      if (result.error.fields) setErrors(result.error.fields);
      setSubmitError(result.error.message);
      return;
    }
    onDone(result.data);
  };

  const unticked = pending.filter((d) => !checked[d.key]);
  // Submitting completes a submitted registration (lifecycle: verify → registered).
  const completes = transition(person.status, { type: 'verify' }).ok;
  const after = completes ? '提交后完成失业登记。' : '';

  return (
    <View className="verify-panel" id="verify-panel">
      {person.declared.map((item) => {
        const on = item.verified || checked[item.key] === true;
        return (
          <View
            key={item.key}
            id={`verify-${item.key}`}
            className={`verify-item${on ? ' verify-item--on' : ''}${item.verified ? ' verify-item--done' : ''}`}
            role="checkbox"
            aria-checked={on}
            aria-disabled={item.verified}
            onClick={item.verified ? undefined : () => toggle(item.key)}
          >
            <View className="verify-item__box">{on ? '✓' : ''}</View>
            <View className="verify-item__body">
              <Text className="verify-item__label">
                {item.label}
                {item.verified ? '（已核验）' : ''}
              </Text>
              <Text className="verify-item__evidence">{DECLARATION_EVIDENCE[item.key]}</Text>
            </View>
          </View>
        );
      })}
      <NoteField
        id="verify-note"
        value={note}
        placeholder="如：已查验残疾人证原件（选填）"
        error={errors.note}
        onChange={(next) => {
          setNote(next);
          if (errors.note) setErrors({});
        }}
      />
      <Text className="verify-panel__hint" id="verify-hint">
        {unticked.length === 0
          ? `已全部勾选。${after}`
          : `未勾选的${unticked.map((d) => d.label).join('、')}将记为“核验不属实”，不计入重点群体身份。${after}`}
      </Text>
      {submitError ? (
        <Text className="cw-error" id="verify-error">
          {submitError}
        </Text>
      ) : null}
      <View className="verify-panel__action">
        <Button
          type="primary"
          round
          block
          id="verify-submit"
          loading={submitting}
          loadingText="正在提交…"
          onClick={() => void submit()}
        >
          {completes ? '核验并完成登记' : '提交核验结果'}
        </Button>
      </View>
    </View>
  );
}
