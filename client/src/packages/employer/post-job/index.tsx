/**
 * 发布岗位: one vacancy of the employer's company. The form is checked against the contract's
 * schema before the call; the cloud screens the wording for discrimination at every save, and a
 * refusal (naming the law) comes back under the field that holds the wording. A saved vacancy is
 * either published at once or waits for the market centre's review, with the reasons.
 */
import { Button } from '@antmjs/vantui';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';

import {
  contracts,
  fieldErrors,
  inShanghai,
  MINIMUM_MONTHLY_WAGE,
  VACANCY_FLAG_LABELS,
  VACANCY_FLAGS,
  WORK_TYPE_LABELS,
  WORK_TYPES,
  type CompanyView,
  type FieldErrors,
  type VacancyView,
} from '@nuanxin/shared';

import { ChoiceChips } from '../../../components/ChoiceChips';
import { ChipsBox, FormField, TextAreaBox, TextBox } from '../../../components/FormField';
import { EmptyState, ErrorState, LoadingState } from '../../../components/PageStatus';
import { TownshipSelect } from '../../../components/TownshipSelect';
import { call } from '../../../services/cloud';
import { OccupationSearch } from '../components/OccupationSearch';
import { SubmitArea } from '../components/SubmitArea';

import '../components/employer.less';

type WorkType = (typeof WORK_TYPES)[number];
type Flag = (typeof VACANCY_FLAGS)[number];

const WORK_TYPE_OPTIONS = WORK_TYPES.map((value) => ({ value, label: WORK_TYPE_LABELS[value] }));
const FLAG_OPTIONS = VACANCY_FLAGS.map((value) => ({ value, label: VACANCY_FLAG_LABELS[value] }));
const VALID_DAY_OPTIONS = (['15', '30', '60', '90'] as const).map((value) => ({
  value,
  label: `${value}天`,
}));
type ValidDays = (typeof VALID_DAY_OPTIONS)[number]['value'];

const FIELD_LABELS: Record<string, string> = {
  title: '岗位名称',
  occupationCode: '职业',
  headcount: '招聘人数',
  salaryMin: '最低月薪',
  salaryMax: '最高月薪',
  workType: '工作方式',
  township: '工作地点',
  description: '岗位描述',
  requirements: '任职要求',
  benefits: '福利待遇',
  flags: '岗位类型',
  validUntil: '有效期',
};

/** An empty box is "not filled in", not zero. */
function numberOf(text: string): number | undefined {
  return text.trim() === '' ? undefined : Number(text.trim());
}

type Load =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; company: CompanyView | null };

function Result({ vacancy, onAgain }: { vacancy: VacancyView; onAgain: () => void }) {
  const published = vacancy.status === 'published';
  return (
    <View className="emp-result" id="vacancy-result">
      <Text
        className={`emp-result__status${published ? '' : ' emp-result__status--review'}`}
        id="vacancy-result-status"
      >
        {published ? '已发布' : vacancy.statusLabel}
      </Text>
      <Text className="emp-result__text">
        {published
          ? `「${vacancy.title}」已向求职者公开，有效期至${vacancy.validUntil}。`
          : `「${vacancy.title}」已提交，市场服务中心审核通过后向求职者公开。`}
      </Text>
      {!published && vacancy.reviewReasons.length > 0 ? (
        <View id="vacancy-result-reasons">
          {vacancy.reviewReasons.map((reason) => (
            <Text key={reason} className="emp-result__reason">
              · {reason}
            </Text>
          ))}
        </View>
      ) : null}
      <View className="emp-result__gap" />
      <Button
        type="primary"
        round
        block
        id="vacancy-to-company"
        onClick={() => void Taro.redirectTo({ url: '/packages/employer/company/index' })}
      >
        查看本单位岗位
      </Button>
      <View className="emp-result__gap" />
      <Button plain round block id="vacancy-again" onClick={onAgain}>
        再发布一个岗位
      </Button>
    </View>
  );
}

function VacancyForm({
  company,
  onSaved,
}: {
  company: CompanyView;
  onSaved: (vacancy: VacancyView) => void;
}) {
  const [title, setTitle] = useState('');
  const [occupationCode, setOccupationCode] = useState<string | null>(null);
  const [headcount, setHeadcount] = useState('1');
  const [salaryMin, setSalaryMin] = useState('');
  const [salaryMax, setSalaryMax] = useState('');
  const [workType, setWorkType] = useState<WorkType | null>(null);
  const [township, setTownship] = useState<string | null>(null);
  const [description, setDescription] = useState('');
  const [requirements, setRequirements] = useState('');
  const [benefits, setBenefits] = useState('');
  const [flags, setFlags] = useState<Flag[]>([]);
  // DEFAULT_VALIDITY_DAYS, the cloud's default.
  const [validDays, setValidDays] = useState<ValidDays>('30');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submitError, setSubmitError] = useState('');
  const [submitting, setSubmitting] = useState(false);

  const edit =
    <T,>(field: string, set: (value: T) => void) =>
    (value: T) => {
      set(value);
      if (errors[field]) setErrors(({ [field]: _, ...rest }) => rest);
    };

  const submit = async () => {
    if (submitting) return;
    setSubmitError('');
    const parsed = contracts.employer.saveVacancy.input.safeParse({
      title,
      description,
      occupationCode: occupationCode ?? '',
      headcount: numberOf(headcount),
      salaryMin: numberOf(salaryMin),
      salaryMax: numberOf(salaryMax),
      workType: workType ?? undefined,
      township,
      requirements,
      benefits,
      flags: Object.fromEntries(VACANCY_FLAGS.map((flag) => [flag, flags.includes(flag)])),
      validUntil: inShanghai(new Date()).add(Number(validDays), 'day').format('YYYY-MM-DD'),
      submit: true,
    });
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      return;
    }
    setErrors({});
    setSubmitting(true);
    const result = await call('employer', 'saveVacancy', parsed.data);
    setSubmitting(false);
    if (!result.ok) {
      if (result.error.fields) setErrors(result.error.fields);
      setSubmitError(result.error.message);
      return;
    }
    onSaved(result.data.vacancy);
  };

  return (
    <View className="emp-form" id="vacancy-form">
      <Text className="emp-form__intro">
        每次保存都会检查招聘信息中是否有性别、年龄、民族、户籍等歧视性内容。
        {company.status === 'verified' ? '' : '单位核验通过前，岗位需审核通过后才会公开。'}
      </Text>
      <FormField name="title" label="岗位名称" error={errors.title}>
        <TextBox
          value={title}
          maxlength={30}
          placeholder="例如：仓库包装工"
          onChange={edit('title', setTitle)}
        />
      </FormField>
      <FormField name="occupationCode" label="职业" error={errors.occupationCode}>
        <OccupationSearch
          value={occupationCode}
          onChange={edit('occupationCode', setOccupationCode)}
        />
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
          placeholder={`至少${MINIMUM_MONTHLY_WAGE}`}
          unit="元/月"
          onChange={edit('salaryMin', setSalaryMin)}
        />
      </FormField>
      <FormField name="salaryMax" label="最高月薪" error={errors.salaryMax}>
        <TextBox
          value={salaryMax}
          type="number"
          maxlength={6}
          placeholder="不低于最低月薪"
          unit="元/月"
          onChange={edit('salaryMax', setSalaryMax)}
        />
      </FormField>
      <FormField name="workType" label="工作方式" error={errors.workType}>
        <ChipsBox>
          <ChoiceChips
            idPrefix="work-type"
            options={WORK_TYPE_OPTIONS}
            selected={workType ? [workType] : []}
            onToggle={edit('workType', setWorkType)}
          />
        </ChipsBox>
      </FormField>
      <FormField
        name="township"
        label="工作地点"
        hint={township ? undefined : `不选则为单位所在地：${company.townshipLabel}`}
        optional
        error={errors.township}
      >
        <TownshipSelect value={township} onChange={edit('township', setTownship)} />
      </FormField>
      <FormField name="description" label="岗位描述" optional error={errors.description}>
        <TextAreaBox
          value={description}
          maxlength={1000}
          placeholder="工作内容、工作时间"
          onChange={edit('description', setDescription)}
        />
      </FormField>
      <FormField name="requirements" label="任职要求" optional error={errors.requirements}>
        <TextAreaBox
          value={requirements}
          maxlength={1000}
          placeholder="技能、证书、经验（不要写性别、年龄、民族、户籍等限制）"
          onChange={edit('requirements', setRequirements)}
        />
      </FormField>
      <FormField name="benefits" label="福利待遇" optional error={errors.benefits}>
        <TextAreaBox
          value={benefits}
          maxlength={500}
          placeholder="五险一金、食宿、班车等"
          onChange={edit('benefits', setBenefits)}
        />
      </FormField>
      <FormField name="flags" label="岗位类型" optional error={errors.flags}>
        <ChipsBox>
          <ChoiceChips
            idPrefix="flag"
            options={FLAG_OPTIONS}
            selected={flags}
            onToggle={edit('flags', (flag: Flag) =>
              setFlags((now) =>
                now.includes(flag) ? now.filter((f) => f !== flag) : [...now, flag],
              ),
            )}
          />
        </ChipsBox>
      </FormField>
      <FormField name="validUntil" label="有效期" error={errors.validUntil}>
        <ChipsBox>
          <ChoiceChips
            idPrefix="valid-days"
            options={VALID_DAY_OPTIONS}
            selected={[validDays]}
            onToggle={edit('validUntil', setValidDays)}
          />
        </ChipsBox>
      </FormField>
      <SubmitArea
        id="vacancy-submit"
        errors={errors}
        labels={FIELD_LABELS}
        submitError={submitError}
        submitting={submitting}
        text="提交岗位"
        loadingText="正在提交…"
        onSubmit={() => void submit()}
      />
    </View>
  );
}

export default function PostJobPage() {
  const [state, setState] = useState<Load>({ kind: 'loading' });
  const [saved, setSaved] = useState<VacancyView | null>(null);
  const [round, setRound] = useState(0);

  const load = useCallback(async () => {
    setState({ kind: 'loading' });
    const mine = await call('employer', 'myCompany', {});
    setState(
      mine.ok
        ? { kind: 'ready', company: mine.data.company }
        : { kind: 'error', message: mine.error.message },
    );
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  if (state.kind === 'loading') return <LoadingState />;
  if (state.kind === 'error') {
    return <ErrorState message={state.message} onRetry={() => void load()} />;
  }
  if (!state.company) {
    return (
      <View>
        <EmptyState title="请先登记单位信息" text="登记单位信息后即可发布岗位。" />
        <View className="emp-page__action">
          <Button
            type="primary"
            round
            block
            id="post-job-register"
            onClick={() => void Taro.redirectTo({ url: '/packages/employer/company/index' })}
          >
            去登记单位
          </Button>
        </View>
      </View>
    );
  }
  if (saved) {
    return (
      <Result
        vacancy={saved}
        onAgain={() => {
          setSaved(null);
          setRound((n) => n + 1);
        }}
      />
    );
  }
  return <VacancyForm key={round} company={state.company} onSaved={setSaved} />;
}
