/**
 * 发布岗位 / 修改岗位 (`?id=`): one vacancy of the employer's company. Leaving the title,
 * description, requirements or benefits runs the same discrimination screening the cloud runs,
 * so a blocked phrase is named with its law at once and flagged wording gets a softer notice;
 * the cloud screens again at every save and its refusal comes back under the field (once: the
 * bottom of the form only names the fields to fix). A preview shows the vacancy exactly as
 * seekers will see it. A saved vacancy is published at once or waits for the market centre's
 * review, with the reasons. Validity is chosen in days; the cloud counts them from its today.
 */
import { Button } from '@antmjs/vantui';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';

import {
  contracts,
  EDUCATION_LEVELS,
  fieldErrors,
  inShanghai,
  MIN_EDUCATION_LABELS,
  townshipLabel,
  VACANCY_FLAG_LABELS,
  VACANCY_FLAGS,
  VACANCY_WORK_TYPE_LABELS,
  WORK_TYPES,
  type CompanyView,
  type VacancyView,
} from '@nuanxin/shared';
import { findOccupation } from '@nuanxin/shared/src/data/occupations';

import { ChoiceChips } from '../../../components/ChoiceChips';
import { ChipsBox, FormField, TextBox } from '../../../components/FormField';
import { EmptyState, ErrorState, LoadingState } from '../../../components/PageStatus';
import { TownshipSelect } from '../../../components/TownshipSelect';
import { VacancyDetail } from '../../../components/VacancyDetail';
import { call, type CallInput } from '../../../services/cloud';
import { CertificatesInput } from '../components/CertificatesInput';
import { toMyVacancies, VACANCY_SAVED } from '../components/labels';
import { OccupationSearch } from '../components/OccupationSearch';
import { screenField } from '../components/screening';
import { SubmitArea } from '../components/SubmitArea';
import {
  numberOf,
  PayFields,
  ScreenedField,
  useVacancyChecks,
  type PayValues,
} from '../components/VacancyFields';

import '../components/employer.less';

type WorkType = (typeof WORK_TYPES)[number];
type Flag = (typeof VACANCY_FLAGS)[number];
type Education = (typeof EDUCATION_LEVELS)[number];
type SaveInput = CallInput<'employer', 'saveVacancy'>;

const WORK_TYPE_OPTIONS = WORK_TYPES.map((value) => ({
  value,
  label: VACANCY_WORK_TYPE_LABELS[value],
}));
const FLAG_OPTIONS = VACANCY_FLAGS.map((value) => ({ value, label: VACANCY_FLAG_LABELS[value] }));
const EDUCATION_OPTIONS: { value: Education | 'none'; label: string }[] = [
  { value: 'none', label: '不限' },
  ...EDUCATION_LEVELS.map((value) => ({ value, label: MIN_EDUCATION_LABELS[value] })),
];
const VALID_DAYS = ['15', '30', '60', '90'] as const;
type ValidChoice = (typeof VALID_DAYS)[number] | 'keep';

const FIELD_LABELS: Record<string, string> = {
  title: '岗位名称',
  occupationCode: '职业',
  headcount: '招聘人数',
  salaryMin: '最低月薪',
  salaryMax: '最高月薪',
  workType: '工作方式',
  township: '工作地点',
  description: '岗位描述',
  requirements: '其他任职要求',
  minEducation: '学历要求',
  minExperienceYears: '工作经验',
  certificates: '证书',
  benefits: '福利待遇',
  flags: '岗位类型',
  validUntil: '有效期',
};

/**
 * The date `days` after the server's today, for showing only: the cloud works the date out itself
 * from the days chosen, so a phone with a wrong clock cannot shift it.
 */
function dateAfter(today: string, days: string): string {
  const from = today ? inShanghai(today) : inShanghai(new Date());
  return from.add(Number(days), 'day').format('YYYY-MM-DD');
}

type Load =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | {
      kind: 'ready';
      company: CompanyView | null;
      vacancy: VacancyView | null;
      /** The server's today. */
      today: string;
    };

function Result({
  vacancy,
  edited,
  onAgain,
}: {
  vacancy: VacancyView;
  edited: boolean;
  onAgain: () => void;
}) {
  const published = vacancy.status === 'published';
  const draftLike = vacancy.status === 'paused' || vacancy.status === 'rejected';
  return (
    <View className="emp-result" id="vacancy-result">
      <Text
        className={`emp-result__status${published ? '' : ' emp-result__status--review'}`}
        id="vacancy-result-status"
      >
        {published ? (edited ? '已保存' : '已发布') : vacancy.statusLabel}
      </Text>
      <Text className="emp-result__text">
        {published
          ? `「${vacancy.title}」已向求职者公开，有效期至${vacancy.validUntil}。`
          : draftLike
            ? `「${vacancy.title}」的修改已保存。`
            : `「${vacancy.title}」已提交，市场服务中心审核通过后向求职者公开。`}
      </Text>
      {vacancy.status === 'pendingReview' && vacancy.reviewReasons.length > 0 ? (
        <View id="vacancy-result-reasons">
          {vacancy.reviewReasons.map((reason) => (
            <Text key={reason} className="emp-result__reason">
              · {reason}
            </Text>
          ))}
        </View>
      ) : null}
      <View className="emp-result__gap" />
      <Button type="primary" round block id="vacancy-to-list" onClick={toMyVacancies}>
        查看我的岗位
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
  initial,
  today,
  onSaved,
}: {
  company: CompanyView;
  initial: VacancyView | null;
  today: string;
  onSaved: (vacancy: VacancyView) => void;
}) {
  const [title, setTitle] = useState(initial?.title ?? '');
  const [occupationCode, setOccupationCode] = useState<string | null>(
    initial?.occupationCode ?? null,
  );
  const [pay, setPay] = useState<PayValues>({
    headcount: String(initial?.headcount ?? 1),
    salaryMin: initial ? String(initial.salaryMin) : '',
    salaryMax: initial ? String(initial.salaryMax) : '',
  });
  const [workType, setWorkType] = useState<WorkType | null>(initial?.workType ?? null);
  const [township, setTownship] = useState<string | null>(
    initial && initial.township !== company.township ? initial.township : null,
  );
  const [description, setDescription] = useState(initial?.description ?? '');
  const [requirements, setRequirements] = useState(initial?.requirements ?? '');
  const [minEducation, setMinEducation] = useState<Education | 'none'>(
    initial?.minEducation ?? 'none',
  );
  const [experience, setExperience] = useState(
    initial?.minExperienceYears ? String(initial.minExperienceYears) : '',
  );
  const [certificates, setCertificates] = useState<string[]>(initial?.certificates ?? []);
  const [benefits, setBenefits] = useState(initial?.benefits ?? '');
  const [flags, setFlags] = useState<Flag[]>(
    initial ? VACANCY_FLAGS.filter((f) => initial.flags[f]) : [],
  );
  // A new vacancy: DEFAULT_VALIDITY_DAYS, the cloud's default; an edit keeps its date.
  const [validity, setValidity] = useState<ValidChoice>(initial ? 'keep' : '30');
  const checks = useVacancyChecks();
  const { errors, setErrors, edit } = checks;
  const [submitError, setSubmitError] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [preview, setPreview] = useState<SaveInput | null>(null);

  const validUntil =
    validity === 'keep' && initial
      ? initial.validUntil
      : dateAfter(today, validity === 'keep' ? '30' : validity);

  /** The payload, checked against the contract; null (with the fields marked) when not valid. */
  const parsed = (): SaveInput | null => {
    const result = contracts.employer.saveVacancy.input.safeParse({
      ...(initial ? { id: initial.id } : {}),
      title,
      description,
      occupationCode: occupationCode ?? '',
      headcount: numberOf(pay.headcount),
      salaryMin: numberOf(pay.salaryMin),
      salaryMax: numberOf(pay.salaryMax),
      workType: workType ?? undefined,
      township,
      // Not edited here: an edit in the same township keeps the vacancy's point.
      location:
        initial && (township ?? company.township) === initial.township ? initial.location : null,
      requirements,
      minEducation: minEducation === 'none' ? null : minEducation,
      minExperienceYears: numberOf(experience) ?? 0,
      certificates,
      benefits,
      flags: Object.fromEntries(VACANCY_FLAGS.map((flag) => [flag, flags.includes(flag)])),
      // Days, counted by the cloud from its own today; 'keep': the vacancy keeps its date.
      validUntil: null,
      validDays: validity === 'keep' ? null : Number(validity),
      submit: true,
    });
    if (!result.success) {
      setErrors(fieldErrors(result.error));
      return null;
    }
    setErrors({});
    return result.data;
  };

  const save = async (payload: SaveInput) => {
    if (submitting) return;
    setSubmitError('');
    setSubmitting(true);
    const result = await call('employer', 'saveVacancy', payload);
    setSubmitting(false);
    if (!result.ok) {
      setPreview(null);
      if (result.error.fields) setErrors(result.error.fields);
      setSubmitError(result.error.message);
      return;
    }
    Taro.eventCenter.trigger(VACANCY_SAVED, result.data.vacancy.id);
    onSaved(result.data.vacancy);
  };

  const submit = () => {
    setSubmitError('');
    const payload = parsed();
    if (payload) void save(payload);
  };

  const openPreview = () => {
    setSubmitError('');
    const payload = parsed();
    if (payload) {
      setPreview(payload);
      // Not every platform has a page to scroll (tests); the preview shows either way.
      Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
    }
  };

  if (preview) {
    const occupation = findOccupation(preview.occupationCode);
    const toReview = [
      ...[
        preview.title,
        preview.description ?? '',
        preview.requirements ?? '',
        preview.benefits ?? '',
      ]
        .map((t) => screenField(t).review)
        .filter((r): r is string => !!r)
        .map((r) => r.replace(/^提示：/, '')),
      ...(company.status === 'verified' ? [] : ['本单位尚未通过市场服务中心核验。']),
    ];
    return (
      <View className="emp-preview" id="vacancy-preview-page">
        <Text className="emp-preview__intro">
          这是求职者看到的样子。确认无误后提交；需要调整请返回修改。
        </Text>
        {toReview.length > 0 ? (
          <View className="emp-preview__review" id="preview-review-note">
            <Text className="vf-screen-hint">
              提交后需市场服务中心审核通过才会公开：{toReview.join(' ')}
            </Text>
          </View>
        ) : null}
        <VacancyDetail
          id="vacancy-preview-detail"
          vacancy={{
            title: preview.title,
            companyName: company.name,
            salaryMin: preview.salaryMin,
            salaryMax: preview.salaryMax,
            workTypeLabel: VACANCY_WORK_TYPE_LABELS[preview.workType],
            townshipLabel: townshipLabel(preview.township ?? company.township),
            occupationName: occupation?.name ?? '',
            headcount: preview.headcount,
            flags: {
              publicWelfare: !!preview.flags?.publicWelfare,
              internship: !!preview.flags?.internship,
              assistance: !!preview.flags?.assistance,
              disabilityFriendly: !!preview.flags?.disabilityFriendly,
            },
            validUntil,
            description: preview.description ?? '',
            requirements: preview.requirements ?? '',
            benefits: preview.benefits ?? '',
            minEducationLabel: preview.minEducation
              ? MIN_EDUCATION_LABELS[preview.minEducation]
              : null,
            minExperienceYears: preview.minExperienceYears ?? 0,
            certificates: preview.certificates ?? [],
          }}
        />
        <View className="emp-preview__buttons">
          <Button
            type="primary"
            round
            block
            id="preview-submit"
            loading={submitting}
            loadingText="正在提交…"
            onClick={() => void save(preview)}
          >
            {initial ? '确认，保存修改' : '确认，提交岗位'}
          </Button>
          <View className="emp-preview__gap" />
          <Button plain round block id="preview-back" onClick={() => setPreview(null)}>
            返回修改
          </Button>
        </View>
      </View>
    );
  }

  return (
    <View className="emp-form" id="vacancy-form">
      <Text className="emp-form__intro">
        填写时会检查是否有性别、婚育、民族、户籍、年龄等歧视性或限制性内容，提交时再检查一次。
        {company.status === 'verified' ? '' : '单位核验通过前，岗位需审核通过后才会公开。'}
      </Text>
      <ScreenedField
        field="title"
        value={title}
        onChange={setTitle}
        checks={checks}
        placeholder="例如：仓库包装工"
      />
      <FormField name="occupationCode" label="职业" error={errors.occupationCode}>
        <OccupationSearch
          value={occupationCode}
          onChange={edit('occupationCode', setOccupationCode)}
        />
      </FormField>
      <PayFields
        values={pay}
        onChange={(field, value) => setPay((now) => ({ ...now, [field]: value }))}
        checks={checks}
        placeholders
      />
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
      <ScreenedField
        field="description"
        value={description}
        onChange={setDescription}
        checks={checks}
        placeholder="工作内容、工作时间"
      />
      <FormField name="minEducation" label="学历要求" error={errors.minEducation}>
        <ChipsBox>
          <ChoiceChips
            idPrefix="education"
            options={EDUCATION_OPTIONS}
            selected={[minEducation]}
            onToggle={edit('minEducation', setMinEducation)}
          />
        </ChipsBox>
      </FormField>
      <FormField
        name="minExperienceYears"
        label="工作经验"
        hint="不填表示不限，欢迎没有经验的人应聘"
        optional
        error={errors.minExperienceYears}
      >
        <TextBox
          value={experience}
          type="number"
          maxlength={2}
          placeholder="不限"
          unit="年及以上"
          onChange={edit('minExperienceYears', setExperience)}
        />
      </FormField>
      <FormField
        name="certificates"
        label="必须持有的证书"
        hint="只填岗位依法必须持有的证书，如叉车、电工等特种作业操作证，食品岗位的健康证"
        optional
        error={
          errors.certificates ??
          Object.entries(errors).find(([k]) => k.startsWith('certificates.'))?.[1]
        }
      >
        <CertificatesInput value={certificates} onChange={edit('certificates', setCertificates)} />
      </FormField>
      <ScreenedField
        field="requirements"
        value={requirements}
        onChange={setRequirements}
        checks={checks}
        placeholder="技能、经验等（不要写性别、年龄、民族、户籍、婚育等限制）"
      />
      <ScreenedField
        field="benefits"
        value={benefits}
        onChange={setBenefits}
        checks={checks}
        placeholder="五险一金、食宿、班车等"
      />
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
      <FormField
        name="validUntil"
        label="有效期"
        hint={`有效期至${validUntil}`}
        error={errors.validUntil}
      >
        <ChipsBox>
          <ChoiceChips
            idPrefix="valid-days"
            options={[
              ...(initial ? [{ value: 'keep' as const, label: '保持不变' }] : []),
              ...VALID_DAYS.map((value) => ({ value, label: `${value}天` })),
            ]}
            selected={[validity]}
            onToggle={edit('validUntil', setValidity)}
          />
        </ChipsBox>
      </FormField>
      <View className="emp-form__preview">
        <Button plain round block id="vacancy-preview" onClick={openPreview}>
          预览求职者看到的样子
        </Button>
      </View>
      <SubmitArea
        id="vacancy-submit"
        errors={errors}
        labels={FIELD_LABELS}
        submitError={submitError}
        submitting={submitting}
        text={initial ? '保存修改' : '提交岗位'}
        loadingText="正在提交…"
        onSubmit={submit}
      />
    </View>
  );
}

export default function PostJobPage() {
  const [vacancyId] = useState(() => Taro.getCurrentInstance().router?.params.id ?? '');
  const [state, setState] = useState<Load>({ kind: 'loading' });
  const [saved, setSaved] = useState<VacancyView | null>(null);
  const [round, setRound] = useState(0);

  const load = useCallback(async () => {
    setState({ kind: 'loading' });
    const mine = await call('employer', 'myCompany', {});
    if (!mine.ok) {
      setState({ kind: 'error', message: mine.error.message });
      return;
    }
    const today = mine.data.today;
    if (!vacancyId || !mine.data.company) {
      setState({ kind: 'ready', company: mine.data.company, vacancy: null, today });
      return;
    }
    const list = await call('employer', 'myVacancies', {});
    if (!list.ok) {
      setState({ kind: 'error', message: list.error.message });
      return;
    }
    const vacancy = list.data.vacancies.find((v) => v.id === vacancyId);
    if (!vacancy) {
      setState({ kind: 'error', message: '没有找到这个岗位，或它不属于您的单位' });
      return;
    }
    setState({ kind: 'ready', company: mine.data.company, vacancy, today });
  }, [vacancyId]);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    if (vacancyId) void Taro.setNavigationBarTitle?.({ title: '修改岗位' });
  }, [vacancyId]);

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
        edited={!!state.vacancy && round === 0}
        onAgain={() => {
          setSaved(null);
          setState({ ...state, vacancy: null });
          setRound((n) => n + 1);
        }}
      />
    );
  }
  return (
    <VacancyForm
      key={round}
      company={state.company}
      initial={round === 0 ? state.vacancy : null}
      today={state.today}
      onSaved={setSaved}
    />
  );
}
