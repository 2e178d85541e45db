/**
 * Step 4 — what work the citizen is looking for: up to three occupations, pay, how far they can
 * travel, the kind of work, and whether they want training or to start a business. Graduates
 * within 2 years of leaving school are also asked whether they want a 就业见习 place (000 §5(3):
 * the monthly push plan owes them one only if they do; no answer counts as yes).
 */
import { View } from '@tarojs/components';

import { WORK_TYPE_LABELS, WORK_TYPES } from '@nuanxin/shared';

import { ChoiceChips } from '../../../../components/ChoiceChips';
import { ChipsBox, FormField, TextBox } from '../../../../components/FormField';
import { OccupationPicker } from '../../components/OccupationPicker';
import { SwitchRow } from '../../components/SwitchRow';
import type { WishesForm } from '../model';

import type { StepProps } from './types';

import './steps.less';

const WORK_TYPE_OPTIONS = WORK_TYPES.map((value) => ({ value, label: WORK_TYPE_LABELS[value] }));
const COMMUTE_CHOICES = [3, 5, 10, 20, 30, 50];
const INTERNSHIP_CHOICES = [
  { value: 'yes' as const, label: '愿意参加' },
  { value: 'no' as const, label: '暂不参加' },
];
/** What 就业见习 is, in the words of the policy texts (004 §6(三)); no periods or amounts. */
export const INTERNSHIP_HINT =
  '就业见习：到见习单位提供的岗位上实践一段时间，积累工作经验、提高实践能力。见习期限和待遇按当地政策执行，包保责任人会为您详细介绍。';

export interface WishesStepProps extends StepProps<WishesForm> {
  /** 离校2年内高校毕业生 (from step 1, or the registration's tags when correcting). */
  recentGraduate: boolean;
}

export function WishesStep({ value, errors, onChange, recentGraduate }: WishesStepProps) {
  const commuteChoices =
    value.commuteKm !== null && !COMMUTE_CHOICES.includes(value.commuteKm)
      ? [...COMMUTE_CHOICES, value.commuteKm].sort((a, b) => a - b)
      : COMMUTE_CHOICES;
  return (
    <View className="reg-step" id="form-step-wishes">
      <FormField
        name="occupations"
        label="想做什么工作"
        hint="最多选3个。输入关键字后，点一下结果即可选中。"
        error={errors.occupations}
      >
        <OccupationPicker
          value={value.occupations}
          onChange={(occupations) => onChange({ occupations })}
        />
      </FormField>

      <FormField name="salaryMin" label="期望月薪：最低" error={errors.salaryMin}>
        <TextBox
          value={value.salaryMin}
          type="number"
          maxlength={6}
          unit="元/月"
          placeholder="如：3000"
          onChange={(salaryMin) => onChange({ salaryMin })}
        />
      </FormField>
      <FormField name="salaryMax" label="期望月薪：最高" error={errors.salaryMax}>
        <TextBox
          value={value.salaryMax}
          type="number"
          maxlength={6}
          unit="元/月"
          placeholder="如：5000"
          onChange={(salaryMax) => onChange({ salaryMax })}
        />
      </FormField>

      <FormField name="commuteKm" label="上班路程最远能接受多远" error={errors.commuteKm}>
        <ChipsBox>
          <ChoiceChips
            idPrefix="commute"
            options={commuteChoices.map((km) => ({ value: String(km), label: `${km}公里内` }))}
            selected={value.commuteKm === null ? [] : [String(value.commuteKm)]}
            onToggle={(km) => onChange({ commuteKm: Number(km) })}
          />
        </ChipsBox>
      </FormField>

      <FormField name="workTypes" label="工作方式" hint="可以多选。" error={errors.workTypes}>
        <ChipsBox>
          <ChoiceChips
            idPrefix="worktype"
            options={WORK_TYPE_OPTIONS}
            selected={value.workTypes}
            onToggle={(type) =>
              onChange({
                workTypes: value.workTypes.includes(type)
                  ? value.workTypes.filter((t) => t !== type)
                  : [...value.workTypes, type],
              })
            }
          />
        </ChipsBox>
      </FormField>

      <FormField name="wantsTraining" error={errors.wantsTraining}>
        <SwitchRow
          id="switch-wantsTraining"
          title="想参加免费的职业技能培训"
          description="学一门手艺，更容易找到工作。"
          checked={value.wantsTraining}
          onChange={(wantsTraining) => onChange({ wantsTraining })}
        />
      </FormField>
      {value.wantsTraining ? (
        <FormField name="trainingNeed" label="想学什么" optional error={errors.trainingNeed}>
          <TextBox
            value={value.trainingNeed}
            maxlength={100}
            placeholder="如：电工、面点、养老护理"
            onChange={(trainingNeed) => onChange({ trainingNeed })}
          />
        </FormField>
      ) : null}

      {recentGraduate ? (
        <FormField
          name="wantsInternship"
          label="愿意参加就业见习吗"
          optional
          hint={INTERNSHIP_HINT}
          error={errors.wantsInternship}
        >
          <ChipsBox>
            <ChoiceChips
              idPrefix="internship"
              options={INTERNSHIP_CHOICES}
              selected={
                value.wantsInternship === null ? [] : [value.wantsInternship ? 'yes' : 'no']
              }
              onToggle={(answer) => onChange({ wantsInternship: answer === 'yes' })}
            />
          </ChipsBox>
        </FormField>
      ) : null}

      <FormField name="entrepreneurship" error={errors.entrepreneurship}>
        <SwitchRow
          id="switch-entrepreneurship"
          title="有自己创业的打算"
          description="可以了解创业培训和创业扶持政策。"
          checked={value.entrepreneurship}
          onChange={(entrepreneurship) => onChange({ entrepreneurship })}
        />
      </FormField>
    </View>
  );
}
