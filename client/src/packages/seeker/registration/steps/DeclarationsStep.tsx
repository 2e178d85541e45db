/**
 * Step 3 — the key groups a person may belong to, each a yes/no with what the caseworker will
 * check. Nothing here is required; a declaration only counts once it has been verified.
 */
import { Text, View } from '@tarojs/components';

import { DECLARATION_EVIDENCE, DECLARATION_KEYS, KEY_GROUP_LABELS } from '@nuanxin/shared';

import { FormField, TextBox } from '../../../../components/FormField';
import { SwitchRow } from '../../components/SwitchRow';
import type { DeclarationsForm } from '../model';

import type { StepProps } from './types';

import './steps.less';

/** What the citizen is asked, in plain words (the labels are the caseworker's tags). */
const QUESTIONS: Record<(typeof DECLARATION_KEYS)[number], string> = {
  disabled: '我是残疾人',
  dibao: '我家享受低保',
  zeroEmploymentFamily: '我家是零就业家庭',
  povertyAlleviated: '我是脱贫人口',
  veteran: '我是退役军人',
  returningMigrant: '我是返乡农民工',
};

export interface DeclarationsStepProps extends StepProps<DeclarationsForm> {
  /** The ID number from step 1: a disability certificate number starts with it. */
  idNumber?: string;
}

export function DeclarationsStep({ value, errors, onChange, idNumber }: DeclarationsStepProps) {
  return (
    <View className="reg-step" id="form-step-declarations">
      <Text className="reg-step__intro">
        有下面的情况请打开开关，没有就直接点「下一步」。申报后，包保责任人会核验材料，核验通过就能享受相应的帮扶政策。
      </Text>
      {DECLARATION_KEYS.map((key) => (
        <View key={key}>
          <FormField name={key} error={errors[key]}>
            <SwitchRow
              id={`switch-${key}`}
              title={QUESTIONS[key]}
              description={`${KEY_GROUP_LABELS[key]} · 工作人员会${DECLARATION_EVIDENCE[key]}`}
              checked={value[key]}
              onChange={(on) => {
                if (key !== 'disabled') onChange({ [key]: on });
                // The certificate number is the ID number plus 2 digits: start from it.
                else if (on && !value.disabilityCertNo && idNumber) {
                  onChange({ disabled: true, disabilityCertNo: idNumber.trim().toUpperCase() });
                } else onChange({ disabled: on });
              }}
            />
          </FormField>
          {key === 'disabled' && value.disabled ? (
            <FormField
              name="disabilityCertNo"
              label="残疾人证号"
              hint="残疾人证上的20位号码：身份证号后加2位（残疾类别和等级）。"
              error={errors.disabilityCertNo}
            >
              <TextBox
                value={value.disabilityCertNo}
                type="idcard"
                maxlength={22}
                placeholder="20位残疾人证号"
                onChange={(disabilityCertNo) => onChange({ disabilityCertNo })}
              />
            </FormField>
          ) : null}
        </View>
      ))}
    </View>
  );
}
