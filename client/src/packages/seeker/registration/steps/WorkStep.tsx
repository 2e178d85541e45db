/**
 * Step 2 — the last job and unemployment insurance. People who never worked are not asked for
 * an employer or a date; the claim question appears only for the insured.
 */
import { Text, View } from '@tarojs/components';

import { dateKey, SEPARATION_REASON_LABELS, SEPARATION_REASONS } from '@nuanxin/shared';

import { ChoiceChips } from '../../../../components/ChoiceChips';
import { ChipsBox, FormField, TextBox } from '../../../../components/FormField';
import { DateField } from '../../components/DateField';
import { SwitchRow } from '../../components/SwitchRow';
import { asksForLastJob, graduationDateNeeded, type Education, type WorkForm } from '../model';

import type { StepProps } from './types';

import './steps.less';

const REASON_OPTIONS = SEPARATION_REASONS.map((value) => ({
  value,
  label: SEPARATION_REASON_LABELS[value],
}));
const YES_NO = [
  { value: 'yes' as const, label: '参加了' },
  { value: 'no' as const, label: '没有参加' },
];

export interface WorkStepProps extends StepProps<WorkForm> {
  /** From step 1: a 高校毕业生 who has not worked since gives the graduation date here. */
  education: Education | null;
  graduationDate: string | null;
  onGraduationDate: (day: string) => void;
}

export function WorkStep({
  value,
  errors,
  onChange,
  education,
  graduationDate,
  onGraduationDate,
}: WorkStepProps) {
  const lastJob = asksForLastJob(value.separationReason);
  return (
    <View className="reg-step" id="form-step-work">
      <FormField name="separationReason" label="为什么没有工作了" error={errors.separationReason}>
        <ChipsBox>
          <ChoiceChips
            idPrefix="reason"
            options={REASON_OPTIONS}
            selected={value.separationReason ? [value.separationReason] : []}
            onToggle={(separationReason) =>
              onChange(
                asksForLastJob(separationReason)
                  ? { separationReason }
                  : { separationReason, lastEmployer: '', separationDate: null },
              )
            }
          />
        </ChipsBox>
      </FormField>

      {graduationDateNeeded(education, value.separationReason) ? (
        <FormField
          name="graduationDate"
          label="毕业（离校）日期"
          hint="离校2年内的高校毕业生可以享受更多就业帮扶，请按毕业证上的日期选择。"
          error={errors.graduationDate}
        >
          <DateField value={graduationDate} end={dateKey(new Date())} onChange={onGraduationDate} />
        </FormField>
      ) : null}

      {lastJob ? (
        <>
          <FormField name="lastEmployer" label="原工作单位" optional error={errors.lastEmployer}>
            <TextBox
              value={value.lastEmployer}
              maxlength={50}
              placeholder="单位全称，如：济宁某某有限公司"
              onChange={(lastEmployer) => onChange({ lastEmployer })}
            />
          </FormField>
          <FormField
            name="separationDate"
            label="离职日期"
            hint="劳动合同解除或终止的那一天。"
            error={errors.separationDate}
          >
            <DateField
              value={value.separationDate}
              end={dateKey(new Date())}
              onChange={(separationDate) => onChange({ separationDate })}
            />
          </FormField>
        </>
      ) : null}

      <FormField
        name="insured"
        label="失业前参加失业保险了吗"
        hint="单位给您交社保的，一般都包括失业保险。"
        error={errors.insured}
      >
        <ChipsBox>
          <ChoiceChips
            idPrefix="insured"
            options={YES_NO}
            selected={value.insured === null ? [] : [value.insured ? 'yes' : 'no']}
            onToggle={(answer) =>
              onChange(
                answer === 'yes' ? { insured: true } : { insured: false, claimInsurance: false },
              )
            }
          />
        </ChipsBox>
      </FormField>

      {value.insured ? (
        <FormField name="claimInsurance" error={errors.claimInsurance}>
          <SwitchRow
            id="switch-claimInsurance"
            title="同时申领失业保险金"
            description="失业保险金是参保人员失业后按月领取的生活补助，从失业保险基金发放，不用自己出钱。"
            checked={value.claimInsurance}
            onChange={(claimInsurance) => onChange({ claimInsurance })}
          />
          {value.claimInsurance ? (
            <Text className="reg-step__note" id="claim-note">
              提交登记时会一并提交申领，由您的包保责任人跟进办理。
            </Text>
          ) : null}
        </FormField>
      ) : null}
    </View>
  );
}
