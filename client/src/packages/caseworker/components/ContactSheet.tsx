/**
 * Recording a service in a few taps: the quick buttons open this sheet with the kind and channel
 * already chosen (电话回访 → 已联系上 → 保存 is two taps); "其他服务" lets the caseworker pick
 * guidance, a referral, a 走访慰问 visit or 临时救助, each asking only for what it needs. A job
 * referral names a published vacancy (or a position elsewhere with its 公益性/见习 flags); a
 * training referral a course open for enrolment (or a training elsewhere). An employment
 * situation learnt in the contact reschedules the follow-ups (001 §3(一)3); employed or flexibly
 * employed also updates the registration on the server.
 */
import { Button } from '@antmjs/vantui';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';

import {
  CONTACT_CHANNEL_LABELS,
  CONTACT_KIND_LABELS,
  CONTACT_KINDS,
  CONTACT_OUTCOME_LABELS,
  CONTACT_OUTCOMES,
  EMPLOYMENT_SITUATION_LABELS,
  EMPLOYMENT_SITUATIONS,
  fieldErrors,
  recordContactInput,
  type ContactChannel,
  type ContactKind,
  type ContactOutcome,
  type EmploymentSituation,
  type FieldErrors,
  type Workbench,
} from '@nuanxin/shared';

import { ChoiceChips } from '../../../components/ChoiceChips';
import { FormField, TextBox } from '../../../components/FormField';
import { call } from '../../../services/cloud';

import { BottomSheet } from './BottomSheet';
import { NoteField } from './NoteField';
import {
  CoursePicker,
  SourceChips,
  VacancyPicker,
  type PickedCourse,
  type PickedVacancy,
  type ReferralSource,
} from './ReferralPicker';

import './StatusActions.less';

export interface ContactPreset {
  kind: ContactKind;
  channel: ContactChannel | null;
}

const CHANNELS_FOR: Partial<Record<ContactKind, ContactChannel[]>> = {
  followUp: ['phone', 'wechat', 'home'],
  guidance: ['office', 'phone', 'wechat'],
};

const NOTE_LABELS: Partial<Record<ContactKind, { label: string; placeholder: string }>> = {
  jobReferral: { label: '推荐的岗位', placeholder: '岗位名称和单位，如：仓储管理员（鲁运物流）' },
  trainingReferral: {
    label: '推荐的培训',
    placeholder: '培训项目和机构，如：叉车司机（技师学院）',
  },
  relief: { label: '救助事由', placeholder: '如：突发疾病，生活困难（选填）' },
};

/** A referral to something on the platform: the note is only a remark. */
const PLATFORM_NOTE = { label: '备注', placeholder: '推荐理由或本人的反馈（选填）' };

type JobFlag = 'publicWelfare' | 'internship';
const JOB_FLAG_LABELS: Record<JobFlag, string> = {
  publicWelfare: '公益性岗位',
  internship: '见习岗位',
};

type SituationChoice = EmploymentSituation | 'same';

export interface ContactSheetProps {
  workbench: Workbench;
  /** The quick button's kind and channel; null: choose the service in the sheet. */
  preset: ContactPreset | null;
  onClose: () => void;
  onDone: (next: Workbench, message: string) => void;
}

export function ContactSheet({ workbench, preset, onClose, onDone }: ContactSheetProps) {
  const { person } = workbench;
  const [kind, setKind] = useState<ContactKind>(preset?.kind ?? 'guidance');
  const [channel, setChannel] = useState<ContactChannel | null>(preset ? preset.channel : 'office');
  const [outcome, setOutcome] = useState<ContactOutcome>('reached');
  const [situation, setSituation] = useState<SituationChoice>('same');
  const [counsellor, setCounsellor] = useState('');
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const [jobSource, setJobSource] = useState<ReferralSource>('platform');
  const [vacancy, setVacancy] = useState<PickedVacancy | null>(null);
  const [jobFlags, setJobFlags] = useState<JobFlag[]>([]);
  const [courseSource, setCourseSource] = useState<ReferralSource>('platform');
  const [course, setCourse] = useState<PickedCourse | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submitError, setSubmitError] = useState('');
  const [submitting, setSubmitting] = useState(false);

  const channels = CHANNELS_FOR[kind] ?? [];
  const asksOutcome = kind === 'followUp' || kind === 'visit';
  const asksSituation =
    outcome === 'reached' && (kind === 'followUp' || kind === 'visit' || kind === 'guidance');
  const current = person.followUp.situation;
  const situationOptions: { value: SituationChoice; label: string }[] = [
    { value: 'same', label: `不变（${EMPLOYMENT_SITUATION_LABELS[current]}）` },
    ...EMPLOYMENT_SITUATIONS.filter((s) => s !== current).map((value) => ({
      value,
      label: EMPLOYMENT_SITUATION_LABELS[value],
    })),
  ];
  const clearError = (field: string) => {
    if (errors[field]) setErrors(({ [field]: _, ...rest }) => rest);
  };

  const chooseKind = (next: ContactKind) => {
    setKind(next);
    setChannel(next === 'guidance' ? 'office' : next === 'followUp' ? 'phone' : null);
    setOutcome('reached');
    setSituation('same');
    setErrors({});
  };

  const title = preset
    ? `${preset.channel ? CONTACT_CHANNEL_LABELS[preset.channel] : ''}${CONTACT_KIND_LABELS[preset.kind]}：${person.name}`
    : `记录服务：${person.name}`;

  const onPlatform =
    (kind === 'jobReferral' && jobSource === 'platform') ||
    (kind === 'trainingReferral' && courseSource === 'platform');

  const save = async () => {
    if (submitting) return;
    setSubmitError('');
    if (kind === 'jobReferral' && jobSource === 'platform' && !vacancy) {
      setErrors({ vacancyId: '请选择一个岗位，或改选“平台外的岗位”' });
      return;
    }
    if (kind === 'trainingReferral' && courseSource === 'platform' && !course) {
      setErrors({ courseId: '请选择一门课程，或改选“平台外的培训”' });
      return;
    }
    const elsewhereJob = kind === 'jobReferral' && jobSource === 'elsewhere';
    const parsed = recordContactInput.safeParse({
      registrationId: person.id,
      kind,
      channel: channels.length > 0 || kind === 'visit' ? channel : null,
      outcome: asksOutcome ? outcome : 'reached',
      situation: asksSituation && situation !== 'same' ? situation : null,
      amount: kind === 'relief' ? (amount.trim() === '' ? null : Number(amount)) : null,
      counsellor: kind === 'guidance' ? counsellor : '',
      note,
      vacancyId: kind === 'jobReferral' && vacancy && !elsewhereJob ? vacancy.id : null,
      publicWelfare: elsewhereJob && jobFlags.includes('publicWelfare'),
      internship: elsewhereJob && jobFlags.includes('internship'),
      courseId:
        kind === 'trainingReferral' && courseSource === 'platform' && course ? course.id : null,
    });
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      return;
    }
    setErrors({});
    setSubmitting(true);
    const result = await call('casework', 'recordContact', parsed.data);
    setSubmitting(false);
    if (!result.ok) {
      if (result.error.fields) setErrors(result.error.fields);
      setSubmitError(result.error.message);
      return;
    }
    onDone(result.data, `已记录${CONTACT_KIND_LABELS[kind]}`);
  };

  const noteText = onPlatform ? PLATFORM_NOTE : NOTE_LABELS[kind];
  return (
    <BottomSheet id="contact-sheet" title={title} onClose={() => !submitting && onClose()}>
      {preset ? null : (
        <View>
          <Text className="status-actions__label">服务类型</Text>
          <ChoiceChips
            idPrefix="contact-kind"
            options={CONTACT_KINDS.map((value) => ({ value, label: CONTACT_KIND_LABELS[value] }))}
            selected={[kind]}
            onToggle={chooseKind}
          />
        </View>
      )}
      {channels.length > 0 && !preset?.channel ? (
        <View>
          <Text className="status-actions__label">方式</Text>
          <ChoiceChips
            idPrefix="contact-channel"
            options={channels.map((value) => ({ value, label: CONTACT_CHANNEL_LABELS[value] }))}
            selected={channel ? [channel] : []}
            onToggle={(value) => {
              setChannel(value);
              clearError('channel');
            }}
          />
          {errors.channel ? <Text className="cw-field-error">{errors.channel}</Text> : null}
        </View>
      ) : null}
      {asksOutcome ? (
        <View>
          <Text className="status-actions__label">结果</Text>
          <ChoiceChips
            idPrefix="contact-outcome"
            options={CONTACT_OUTCOMES.map((value) => ({
              value,
              label: CONTACT_OUTCOME_LABELS[value],
            }))}
            selected={[outcome]}
            onToggle={(value) => {
              setOutcome(value);
              if (value !== 'reached') setSituation('same');
            }}
          />
        </View>
      ) : null}
      {asksSituation ? (
        <View>
          <Text className="status-actions__label">就业状态</Text>
          <ChoiceChips
            idPrefix="contact-situation"
            options={situationOptions}
            selected={[situation]}
            onToggle={(value) => {
              setSituation(value);
              clearError('situation');
            }}
          />
          {errors.situation ? <Text className="cw-field-error">{errors.situation}</Text> : null}
        </View>
      ) : null}
      {kind === 'jobReferral' ? (
        <View id="contact-referral-job">
          <Text className="status-actions__label">推荐的岗位</Text>
          <SourceChips
            what="job"
            source={jobSource}
            onChange={(next) => {
              setJobSource(next);
              setErrors({});
            }}
          />
          {jobSource === 'platform' ? (
            <VacancyPicker
              county={person.township ? person.township.slice(0, 6) : null}
              picked={vacancy}
              onPick={(next) => {
                setVacancy(next);
                clearError('vacancyId');
              }}
              error={errors.vacancyId}
            />
          ) : (
            <View>
              <Text className="status-actions__label">岗位性质（计入本月推送要求）</Text>
              <ChoiceChips
                idPrefix="contact-job-flag"
                options={(['publicWelfare', 'internship'] as const).map((value) => ({
                  value,
                  label: JOB_FLAG_LABELS[value],
                }))}
                selected={jobFlags}
                onToggle={(value) =>
                  setJobFlags((now) =>
                    now.includes(value) ? now.filter((f) => f !== value) : [...now, value],
                  )
                }
              />
            </View>
          )}
        </View>
      ) : null}
      {kind === 'trainingReferral' ? (
        <View id="contact-referral-training">
          <Text className="status-actions__label">推荐的培训</Text>
          <SourceChips
            what="training"
            source={courseSource}
            onChange={(next) => {
              setCourseSource(next);
              setErrors({});
            }}
          />
          {courseSource === 'platform' ? (
            <CoursePicker
              registrationId={person.id}
              picked={course}
              onPick={(next) => {
                setCourse(next);
                clearError('courseId');
              }}
              error={errors.courseId}
            />
          ) : null}
        </View>
      ) : null}
      {kind === 'guidance' ? (
        <FormField name="contact-counsellor" label="职业指导师" error={errors.counsellor}>
          <TextBox
            value={counsellor}
            maxlength={20}
            placeholder="指导师姓名"
            onChange={(v) => {
              setCounsellor(v);
              clearError('counsellor');
            }}
          />
        </FormField>
      ) : null}
      {kind === 'relief' ? (
        <FormField name="contact-amount" label="救助金额" error={errors.amount}>
          <TextBox
            value={amount}
            type="digit"
            unit="元"
            maxlength={9}
            placeholder="如 500"
            onChange={(v) => {
              setAmount(v);
              clearError('amount');
            }}
          />
        </FormField>
      ) : null}
      <NoteField
        id="contact-note"
        label={noteText?.label ?? '备注'}
        value={note}
        placeholder={noteText?.placeholder ?? '了解到的情况（选填）'}
        error={errors.note}
        onChange={(next) => {
          setNote(next);
          clearError('note');
        }}
      />
      {submitError ? (
        <Text className="cw-error" id="contact-error">
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
            id="contact-cancel"
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
            id="contact-save"
            loading={submitting}
            loadingText="正在保存…"
            onClick={() => void save()}
          >
            保存
          </Button>
        </View>
      </View>
    </BottomSheet>
  );
}
