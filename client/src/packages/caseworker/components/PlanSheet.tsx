/**
 * The 一人一策 plan editor (004 §6(四)): the need type, goals and next steps; entrepreneurship
 * also names the 创业咨询师 (000 §6(1)). Each save is kept as a version on the server, so the
 * plan's history shows in the timeline.
 */
import { Button } from '@antmjs/vantui';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';

import {
  fieldErrors,
  needsAdvisor,
  PLAN_NEED_TYPE_LABELS,
  PLAN_NEED_TYPES,
  savePlanInput,
  type FieldErrors,
  type PlanNeedType,
  type Workbench,
} from '@nuanxin/shared';

import { ChoiceChips } from '../../../components/ChoiceChips';
import { FormField, TextBox } from '../../../components/FormField';
import { call } from '../../../services/cloud';

import { BottomSheet } from './BottomSheet';
import { NoteField } from './NoteField';

import './StatusActions.less';

export interface PlanSheetProps {
  workbench: Workbench;
  onClose: () => void;
  onDone: (next: Workbench, message: string) => void;
}

/** A first plan follows the person's own wishes: entrepreneurship or training first. */
function suggestedNeed(workbench: Workbench): PlanNeedType {
  if (workbench.plan) return workbench.plan.needType;
  if (workbench.wishes.entrepreneurship) return 'entrepreneurship';
  if (workbench.wishes.wantsTraining) return 'training';
  if (workbench.person.followUp.situation === 'notSeeking') return 'motivation';
  return 'jobSearch';
}

export function PlanSheet({ workbench, onClose, onDone }: PlanSheetProps) {
  const { plan, person } = workbench;
  const [needType, setNeedType] = useState<PlanNeedType>(() => suggestedNeed(workbench));
  const [goals, setGoals] = useState(plan?.goals ?? '');
  const [nextSteps, setNextSteps] = useState(plan?.nextSteps ?? '');
  const [advisorName, setAdvisorName] = useState(plan?.advisorName ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submitError, setSubmitError] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const clearError = (field: string) => {
    if (errors[field]) setErrors(({ [field]: _, ...rest }) => rest);
  };

  const save = async () => {
    if (submitting) return;
    setSubmitError('');
    const parsed = savePlanInput.safeParse({
      registrationId: person.id,
      needType,
      goals,
      nextSteps,
      advisorName: needsAdvisor(needType) ? advisorName : '',
    });
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      return;
    }
    setErrors({});
    setSubmitting(true);
    const result = await call('casework', 'savePlan', parsed.data);
    setSubmitting(false);
    if (!result.ok) {
      if (result.error.fields) setErrors(result.error.fields);
      setSubmitError(result.error.message);
      return;
    }
    onDone(result.data, plan ? '已更新帮扶计划' : '已制定帮扶计划');
  };

  return (
    <BottomSheet
      id="plan-sheet"
      title={`一人一策：${person.name}`}
      onClose={() => !submitting && onClose()}
    >
      <Text className="status-actions__label">帮扶类型</Text>
      <ChoiceChips
        idPrefix="plan-need"
        options={PLAN_NEED_TYPES.map((value) => ({ value, label: PLAN_NEED_TYPE_LABELS[value] }))}
        selected={[needType]}
        onToggle={(value) => {
          setNeedType(value);
          clearError('advisorName');
        }}
      />
      {needsAdvisor(needType) ? (
        <FormField
          name="plan-advisor"
          label="创业咨询师"
          hint="有创业意向的，须指定一名创业咨询师跟踪指导"
          error={errors.advisorName}
        >
          <TextBox
            value={advisorName}
            maxlength={20}
            placeholder="咨询师姓名"
            onChange={(v) => {
              setAdvisorName(v);
              clearError('advisorName');
            }}
          />
        </FormField>
      ) : null}
      <NoteField
        id="plan-goals"
        label="帮扶目标"
        value={goals}
        placeholder="如：三个月内在家附近找到仓储工作"
        error={errors.goals}
        onChange={(v) => {
          setGoals(v);
          clearError('goals');
        }}
      />
      <NoteField
        id="plan-steps"
        label="帮扶措施"
        value={nextSteps}
        placeholder="如：每月推荐3个岗位，安排一次职业指导"
        error={errors.nextSteps}
        onChange={(v) => {
          setNextSteps(v);
          clearError('nextSteps');
        }}
      />
      {submitError ? (
        <Text className="cw-error" id="plan-error">
          {submitError}
        </Text>
      ) : null}
      <View className="status-actions__sheet-buttons">
        <View className="status-actions__sheet-button">
          <Button
            plain
            round
            block
            className="outline-button"
            id="plan-cancel"
            disabled={submitting}
            onClick={onClose}
          >
            取消
          </Button>
        </View>
        <View className="status-actions__sheet-button">
          <Button
            type="primary"
            round
            block
            id="plan-save"
            loading={submitting}
            loadingText="正在保存…"
            onClick={() => void save()}
          >
            保存计划
          </Button>
        </View>
      </View>
    </BottomSheet>
  );
}
