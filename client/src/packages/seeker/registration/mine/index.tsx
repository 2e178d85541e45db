/**
 * 我的登记: the citizen's own data in full (the ID number too — it is theirs), its status, tags
 * and caseworker, and their rights over it: correct what they may (name, ID number, hukou and
 * retirement category only at the service centre's window), see the history, export everything,
 * ask for cancellation, withdraw consent.
 */
import { Button } from '@antmjs/vantui';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useState, type ReactNode } from 'react';

import {
  contracts,
  EDUCATION_LABELS,
  fieldErrors,
  formatShanghai,
  HUKOU_TYPE_LABELS,
  isActive,
  KEY_GROUP_LABELS,
  RETIREMENT_CATEGORY_LABELS,
  SEPARATION_REASON_LABELS,
  townshipLabel,
  WORK_TYPE_LABELS,
  DECLARATION_KEYS,
  type FieldErrors,
  type OwnRegistration,
} from '@nuanxin/shared';

import { FormField, TextBox } from '../../../../components/FormField';
import { EmptyState, ErrorState, LoadingState } from '../../../../components/PageStatus';
import { call, type CallOutput } from '../../../../services/cloud';
import { CaseworkerCard } from '../../components/CaseworkerCard';
import { ConfirmSheet } from '../../components/ConfirmSheet';
import { formatDay } from '../../components/DateField';
import { occupationName } from '../../components/OccupationPicker';
import {
  asksForLastJob,
  declarationsInput,
  fixSummary,
  formFromDraft,
  idCardOf,
  identityInput,
  isTownshipCentre,
  placeServerErrors,
  STEP_TITLES,
  validateStep,
  wishesInput,
  workInput,
  type RegistrationForm,
  type Step,
} from '../model';
import { hasCurrentConsent, REGISTRATION_URLS } from '../navigation';
import { firstErrorSelector, scrollTo } from '../scroll';
import { DeclarationsStep } from '../steps/DeclarationsStep';
import { IdentityStep } from '../steps/IdentityStep';
import { WishesStep } from '../steps/WishesStep';
import { WorkStep } from '../steps/WorkStep';

import { saveExport } from './saveExport';

import './index.less';

type ConsentView = CallOutput<'registration', 'getConsent'>;
type HistoryEntry = CallOutput<'registration', 'history'>['entries'][number];

type PageState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; registration: OwnRegistration | null; consent: ConsentView | null };

type HistoryState =
  | { status: 'closed' }
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; entries: HistoryEntry[] };

const CORRECTABLE: readonly Step[] = ['identity', 'work', 'declarations', 'wishes'];

function Row({ label, value, id }: { label: string; value: ReactNode; id?: string }) {
  return (
    <View className="reg-mine__row">
      <Text className="reg-mine__row-label">{label}</Text>
      <Text className="reg-mine__row-value" id={id} userSelect>
        {value === '' || value === null || value === undefined ? '—' : value}
      </Text>
    </View>
  );
}

function Section({
  step,
  canCorrect,
  onCorrect,
  children,
}: {
  step: Step;
  canCorrect: boolean;
  onCorrect: (step: Step) => void;
  children: ReactNode;
}) {
  return (
    <View className="reg-mine__card" id={`mine-section-${step}`}>
      <View className="reg-mine__card-head">
        <Text className="reg-mine__card-title">{STEP_TITLES[step]}</Text>
        {canCorrect ? (
          <Text
            className="reg-mine__correct"
            id={`mine-correct-${step}`}
            onClick={() => onCorrect(step)}
          >
            更正
          </Text>
        ) : null}
      </View>
      {children}
    </View>
  );
}

/** 离校2年内高校毕业生 today, as the cloud derived it. */
function recentGraduateOf(registration: OwnRegistration): boolean {
  return registration.tags.some((t) => t.key === 'recentGraduate');
}

/** The 就业见习 answer; no answer counts as yes (wantsInternship), and the row says so. */
function internshipText(answer: boolean | null): string {
  if (answer === null) return '未填写（按愿意参加为您推荐见习岗位）';
  return answer ? '愿意参加' : '暂不参加';
}

function yesNo(value: boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  return value ? '是' : '否';
}

function Details({
  registration,
  canCorrect,
  onCorrect,
}: {
  registration: OwnRegistration;
  canCorrect: boolean;
  onCorrect: (step: Step) => void;
}) {
  const form = formFromDraft(registration.draft);
  const { identity: i, work: w, declarations: d, wishes: h } = form;
  const card = idCardOf(i.idNumber);
  const declared = DECLARATION_KEYS.filter((key) => d[key]);
  const location = i.location
    ? isTownshipCentre(i.location, i.township)
      ? '使用所在乡镇（街道）位置'
      : '已在地图上选择'
    : '未提供';
  return (
    <>
      <Section step="identity" canCorrect={canCorrect} onCorrect={onCorrect}>
        <Row label="姓名" value={i.name} id="mine-name" />
        <Row label="身份证号" value={i.idNumber} id="mine-idNumber" />
        {card ? (
          <Row
            label="性别 · 出生日期"
            value={`${card.sex === 'male' ? '男' : '女'} · ${formatDay(card.birthDate)}`}
          />
        ) : null}
        {card?.sex === 'female' && i.retirementCategory ? (
          <Row label="退休年龄类别" value={RETIREMENT_CATEGORY_LABELS[i.retirementCategory]} />
        ) : null}
        <Row label="手机号" value={i.mobile} id="mine-mobile" />
        <Row label="户籍所在地" value={i.hukouPlace} />
        <Row label="户口性质" value={i.hukouType ? HUKOU_TYPE_LABELS[i.hukouType] : ''} />
        <Row
          label="居住地"
          value={`${i.township ? townshipLabel(i.township) : ''} ${i.community}`.trim()}
        />
        <Row label="位置" value={location} />
        <Row label="学历" value={i.education ? EDUCATION_LABELS[i.education] : ''} />
        {i.graduationDate ? <Row label="毕业日期" value={formatDay(i.graduationDate)} /> : null}
        {canCorrect ? (
          <Text className="reg-mine__note">
            姓名、身份证号、户籍信息如需更正，请带身份证到就业服务中心窗口办理。
          </Text>
        ) : null}
      </Section>

      <Section step="work" canCorrect={canCorrect} onCorrect={onCorrect}>
        <Row
          label="失业原因"
          value={w.separationReason ? SEPARATION_REASON_LABELS[w.separationReason] : ''}
        />
        {asksForLastJob(w.separationReason) ? (
          <>
            <Row label="原工作单位" value={w.lastEmployer} />
            <Row label="离职日期" value={w.separationDate ? formatDay(w.separationDate) : ''} />
          </>
        ) : null}
        <Row label="参加失业保险" value={yesNo(w.insured)} />
        {w.insured ? <Row label="申领失业保险金" value={yesNo(w.claimInsurance)} /> : null}
      </Section>

      <Section step="declarations" canCorrect={canCorrect} onCorrect={onCorrect}>
        {declared.length === 0 ? (
          <Text className="reg-mine__plain">没有申报</Text>
        ) : (
          declared.map((key) => (
            <Row
              key={key}
              label={KEY_GROUP_LABELS[key]}
              value={
                key === 'disabled' && d.disabilityCertNo ? `证号 ${d.disabilityCertNo}` : '已申报'
              }
            />
          ))
        )}
      </Section>

      <Section step="wishes" canCorrect={canCorrect} onCorrect={onCorrect}>
        <Row label="意向职业" value={h.occupations.map(occupationName).join('、')} />
        <Row
          label="期望月薪"
          value={h.salaryMin && h.salaryMax ? `${h.salaryMin}–${h.salaryMax}元/月` : ''}
        />
        <Row label="通勤距离" value={h.commuteKm ? `${h.commuteKm}公里内` : ''} />
        <Row label="工作方式" value={h.workTypes.map((t) => WORK_TYPE_LABELS[t]).join('、')} />
        <Row
          label="职业培训"
          value={
            h.wantsTraining ? `想参加${h.trainingNeed ? `：${h.trainingNeed}` : ''}` : '暂不需要'
          }
        />
        <Row label="创业打算" value={h.entrepreneurship ? '有' : '没有'} />
        {recentGraduateOf(registration) ? (
          <Row
            label="就业见习"
            value={internshipText(h.wantsInternship)}
            id="mine-wantsInternship"
          />
        ) : null}
      </Section>
    </>
  );
}

/** The correction payload for one section: only what the citizen may change. */
function correctionInput(step: Step, form: RegistrationForm): Record<string, unknown> {
  switch (step) {
    case 'identity': {
      const all = identityInput(form.identity);
      return {
        identity: {
          mobile: all.mobile,
          township: all.township,
          community: all.community,
          location: all.location,
          education: all.education,
          graduationDate: all.graduationDate,
        },
      };
    }
    case 'work':
      return { work: workInput(form.work) };
    case 'declarations':
      return { declarations: declarationsInput(form.declarations) };
    case 'wishes':
      return { wishes: wishesInput(form.wishes) };
  }
}

function Correction({
  step,
  registration,
  onDone,
  onCancel,
}: {
  step: Step;
  registration: OwnRegistration;
  onDone: (next: OwnRegistration) => void;
  onCancel: () => void;
}) {
  const [form, setForm] = useState<RegistrationForm>(() => formFromDraft(registration.draft));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  const update = <S extends Step>(section: S, patch: Partial<RegistrationForm[S]>) => {
    setForm((prev) => ({ ...prev, [section]: { ...prev[section], ...patch } }));
    setErrors((prev) => {
      const next = { ...prev };
      for (const field of Object.keys(patch)) delete next[field];
      return next;
    });
    setMessage('');
  };

  const save = async () => {
    if (busy) return;
    setMessage('');
    // Name and ID number cannot change here, so only the identity schema's other checks count.
    const local = step === 'identity' ? {} : validateStep(step, form);
    const parsed = contracts.registration.correct.input.safeParse(correctionInput(step, form));
    const found = {
      ...(parsed.success ? {} : placeServerErrors(fieldErrors(parsed.error)).errors),
      ...local,
    };
    setErrors(found);
    if (!parsed.success || Object.keys(found).length > 0) {
      scrollTo(firstErrorSelector(found));
      return;
    }

    setBusy(true);
    const result = await call('registration', 'correct', parsed.data);
    setBusy(false);
    if (result.ok) {
      onDone(result.data.registration);
      return;
    }
    const placed = placeServerErrors(result.error.fields ?? {}).errors;
    setErrors(placed);
    setMessage(result.error.message);
    scrollTo(firstErrorSelector(placed));
  };

  const props = { errors, correcting: true };
  const summary = fixSummary(errors);
  return (
    <View className="reg-mine" id="mine-correct-form">
      <Text className="reg-mine__edit-title">更正{STEP_TITLES[step]}</Text>
      {step === 'identity' ? (
        <IdentityStep
          {...props}
          value={form.identity}
          onChange={(patch) => update('identity', patch)}
        />
      ) : null}
      {step === 'work' ? (
        <WorkStep
          {...props}
          value={form.work}
          onChange={(patch) => update('work', patch)}
          education={form.identity.education}
          graduationDate={form.identity.graduationDate}
          onGraduationDate={(graduationDate) => update('identity', { graduationDate })}
        />
      ) : null}
      {step === 'declarations' ? (
        <DeclarationsStep
          {...props}
          value={form.declarations}
          idNumber={form.identity.idNumber}
          onChange={(patch) => update('declarations', patch)}
        />
      ) : null}
      {step === 'wishes' ? (
        <WishesStep
          {...props}
          value={form.wishes}
          recentGraduate={recentGraduateOf(registration)}
          onChange={(patch) => update('wishes', patch)}
        />
      ) : null}
      <View className="reg-mine__actions">
        {message || summary ? (
          <Text className="reg-mine__error" id="correct-error">
            {message || summary}
          </Text>
        ) : null}
        <Button
          type="primary"
          round
          block
          id="correct-save"
          loading={busy}
          loadingText="正在保存…"
          onClick={() => void save()}
        >
          保存更正
        </Button>
        <View className="reg-mine__gap" />
        <Button
          plain
          round
          block
          className="outline-button"
          id="correct-cancel"
          disabled={busy}
          onClick={onCancel}
        >
          取消
        </Button>
      </View>
    </View>
  );
}

function History({ state }: { state: HistoryState }) {
  if (state.status === 'closed') return null;
  return (
    <View className="reg-mine__card" id="mine-history-list">
      <Text className="reg-mine__card-title">办理记录</Text>
      {state.status === 'loading' ? <Text className="reg-mine__plain">正在加载…</Text> : null}
      {state.status === 'error' ? <Text className="reg-mine__error">{state.message}</Text> : null}
      {state.status === 'ready' && state.entries.length === 0 ? (
        <Text className="reg-mine__plain">还没有办理记录</Text>
      ) : null}
      {state.status === 'ready'
        ? state.entries.map((entry, index) => (
            <View key={`${entry.at}-${index}`} className="reg-mine__history">
              <Text className="reg-mine__history-at">
                {formatShanghai(entry.at, 'YYYY年M月D日 HH:mm')}
              </Text>
              <Text className="reg-mine__history-label">{entry.label}</Text>
              <Text className="reg-mine__history-by">
                {entry.by}
                {entry.reason ? ` · ${entry.reason}` : ''}
              </Text>
            </View>
          ))
        : null}
    </View>
  );
}

export default function MyRegistrationPage() {
  const [state, setState] = useState<PageState>({ status: 'loading' });
  const [editing, setEditing] = useState<Step | null>(null);
  const [history, setHistory] = useState<HistoryState>({ status: 'closed' });
  const [exportNote, setExportNote] = useState('');
  const [exporting, setExporting] = useState(false);
  const [sheet, setSheet] = useState<'cancel' | 'withdraw' | null>(null);
  const [sheetBusy, setSheetBusy] = useState(false);
  const [sheetError, setSheetError] = useState('');
  const [cancelNote, setCancelNote] = useState('');
  const [withdrawnAt, setWithdrawnAt] = useState<string | null>(null);

  const load = useCallback(async () => {
    setState({ status: 'loading' });
    const [mine, consent] = await Promise.all([
      call('registration', 'getMine', {}),
      call('registration', 'getConsent', {}),
    ]);
    if (!mine.ok) {
      setState({ status: 'error', message: mine.error.message });
      return;
    }
    setState({
      status: 'ready',
      registration: mine.data.registration,
      consent: consent.ok ? consent.data : null,
    });
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'error') {
    return <ErrorState message={state.message} onRetry={() => void load()} />;
  }

  const { registration, consent } = state;
  const setRegistration = (next: OwnRegistration) =>
    setState({ status: 'ready', registration: next, consent });

  if (!registration || registration.status === 'draft') {
    return (
      <View className="reg-mine">
        <EmptyState
          title={registration ? '登记还没有提交' : '还没有失业登记'}
          text={
            registration
              ? '您有一份填到一半的登记，提交后就能在这里查看。'
              : '办理失业登记后，可以在这里查看和更正您的信息。'
          }
        />
        <View className="reg-mine__actions">
          <Button
            type="primary"
            round
            block
            id="mine-start"
            onClick={() => void Taro.redirectTo({ url: REGISTRATION_URLS.landing })}
          >
            {registration ? '继续填写' : '去办理失业登记'}
          </Button>
        </View>
      </View>
    );
  }

  if (editing) {
    return (
      <Correction
        step={editing}
        registration={registration}
        onCancel={() => {
          setEditing(null);
          scrollTo(`#mine-section-${editing}`);
        }}
        onDone={(next) => {
          setRegistration(next);
          setEditing(null);
          scrollTo(`#mine-section-${editing}`);
          void Taro.showToast({ title: '已更正', icon: 'success' });
        }}
      />
    );
  }

  const active = isActive(registration.status);
  const consented = !withdrawnAt && (consent ? hasCurrentConsent(consent) : true);

  const openHistory = async () => {
    if (history.status === 'ready' || history.status === 'loading') {
      setHistory({ status: 'closed' });
      return;
    }
    setHistory({ status: 'loading' });
    const result = await call('registration', 'history', {});
    setHistory(
      result.ok
        ? { status: 'ready', entries: result.data.entries }
        : { status: 'error', message: result.error.message },
    );
  };

  const exportData = async () => {
    if (exporting) return;
    setExporting(true);
    setExportNote('');
    const result = await call('registration', 'exportMine', {});
    if (!result.ok) {
      setExporting(false);
      setExportNote(result.error.message);
      return;
    }
    const outcome = await saveExport(JSON.stringify(result.data, null, 2), result.data.exportedAt);
    setExporting(false);
    if (outcome.kind === 'downloaded') {
      setExportNote(`已下载文件「${outcome.fileName}」，里面是我们保存的您的全部登记信息。`);
    } else if (outcome.kind === 'copied') {
      setExportNote(
        '已复制到剪贴板。可以粘贴到微信「文件传输助手」或手机备忘录里保存，里面是我们保存的您的全部登记信息。',
      );
    } else setExportNote('导出没有成功，请稍后重试。');
  };

  const closeSheet = () => {
    if (sheetBusy) return;
    setSheet(null);
    setSheetError('');
  };

  const confirmCancel = async () => {
    if (sheetBusy) return;
    const parsed = contracts.registration.requestCancellation.input.safeParse({ note: cancelNote });
    if (!parsed.success) {
      setSheetError(fieldErrors(parsed.error).note ?? parsed.error.issues[0]?.message ?? '');
      return;
    }
    setSheetBusy(true);
    setSheetError('');
    const result = await call('registration', 'requestCancellation', parsed.data);
    setSheetBusy(false);
    if (!result.ok) {
      setSheetError(result.error.message);
      return;
    }
    setSheet(null);
    setCancelNote('');
    setRegistration(result.data.registration);
    void Taro.showToast({ title: '登记已注销', icon: 'none' });
  };

  const confirmWithdraw = async () => {
    if (sheetBusy) return;
    setSheetBusy(true);
    setSheetError('');
    const result = await call('registration', 'withdrawConsent', {});
    setSheetBusy(false);
    if (!result.ok) {
      setSheetError(result.error.message);
      return;
    }
    setSheet(null);
    setWithdrawnAt(result.data.withdrawnAt);
  };

  const shownWithdrawnAt = withdrawnAt ?? (consent && !consented ? consent.withdrawnAt : null);

  return (
    <View className="reg-mine" id="registration-mine">
      <View className="reg-mine__head">
        <Text className="reg-mine__head-label">登记状态</Text>
        <Text
          className={`reg-mine__status reg-mine__status--${registration.status}`}
          id="mine-status"
        >
          {registration.statusLabel}
        </Text>
        {registration.submittedAt ? (
          <Text className="reg-mine__head-meta">
            提交于{formatShanghai(registration.submittedAt, 'YYYY年M月D日')}
            {registration.registeredAt
              ? `，登记于${formatShanghai(registration.registeredAt, 'YYYY年M月D日')}`
              : ''}
          </Text>
        ) : null}
        {registration.closedAt ? (
          <Text className="reg-mine__head-meta" id="mine-closed">
            {formatShanghai(registration.closedAt, 'YYYY年M月D日')}
            {registration.statusLabel}
            {registration.closeReasonLabel ? `：${registration.closeReasonLabel}` : ''}
          </Text>
        ) : null}
        {registration.tags.length > 0 ? (
          <View className="reg-mine__tags" id="mine-tags">
            {registration.tags.map((tag) => (
              <Text key={tag.key} className="reg-mine__tag">
                {tag.label}
              </Text>
            ))}
          </View>
        ) : null}
        {registration.pendingVerifications.length > 0 ? (
          <View className="reg-mine__pending" id="mine-pending">
            <Text className="reg-mine__pending-title">等待核验</Text>
            {registration.pendingVerifications.map((item) => (
              <Text key={item.key} className="reg-mine__pending-item">
                {item.label}：{item.evidence}
              </Text>
            ))}
          </View>
        ) : null}
      </View>

      {shownWithdrawnAt ? (
        <View className="reg-mine__withdrawn" id="mine-withdrawn">
          <Text>
            您已于{formatShanghai(shownWithdrawnAt, 'YYYY年M月D日 HH:mm')}
            撤回个人信息处理同意。我们已停止处理您的敏感个人信息，您的包保责任人会看到这一变化。如需继续办理，请重新进入「失业登记」阅读并同意。
          </Text>
        </View>
      ) : null}

      <CaseworkerCard id="mine-caseworker" caseworker={registration.caseworker} />

      <Details
        registration={registration}
        canCorrect={active && consented}
        onCorrect={(step) => {
          if (!CORRECTABLE.includes(step)) return;
          setEditing(step);
          scrollTo(null);
        }}
      />

      <History state={history} />

      <View className="reg-mine__card">
        <Text className="reg-mine__card-title">我的权利</Text>
        <View className="reg-mine__right">
          <Button
            plain
            round
            block
            className="outline-button"
            id="mine-history"
            onClick={() => void openHistory()}
          >
            {history.status === 'ready' ? '收起办理记录' : '办理记录'}
          </Button>
        </View>
        <View className="reg-mine__right">
          <Button
            plain
            round
            block
            className="outline-button"
            id="mine-export"
            loading={exporting}
            loadingText="正在导出…"
            onClick={() => void exportData()}
          >
            导出我的信息
          </Button>
          {exportNote ? (
            <Text className="reg-mine__note" id="mine-export-note">
              {exportNote}
            </Text>
          ) : null}
        </View>
        {active ? (
          <View className="reg-mine__right">
            <Button
              plain
              round
              block
              className="outline-button"
              id="mine-cancel"
              onClick={() => {
                setSheetError('');
                setSheet('cancel');
              }}
            >
              申请注销登记
            </Button>
          </View>
        ) : null}
        {consented ? (
          <View className="reg-mine__right">
            <Button
              plain
              round
              block
              className="outline-button"
              id="mine-withdraw"
              onClick={() => {
                setSheetError('');
                setSheet('withdraw');
              }}
            >
              撤回个人信息处理同意
            </Button>
          </View>
        ) : null}
      </View>

      <View className="reg-mine__actions">
        <Button
          plain
          round
          block
          className="outline-button"
          id="mine-home"
          onClick={() => void Taro.switchTab({ url: REGISTRATION_URLS.home })}
        >
          返回首页
        </Button>
      </View>

      {sheet === 'cancel' ? (
        <ConfirmSheet
          id="cancel-sheet"
          title="确定申请注销失业登记吗？"
          confirmText="确认申请注销"
          danger
          busy={sheetBusy}
          error={sheetError}
          onConfirm={() => void confirmCancel()}
          onCancel={closeSheet}
        >
          <Text className="reg-mine__sheet-text">
            确认后，您的失业登记会被注销（原因：本人申请），您将不再享受登记失业人员的跟踪服务和相关政策。以后又没有工作时，可以重新办理登记。
          </Text>
          <Text className="reg-mine__sheet-text">
            您标记“感兴趣”的岗位会一并删除，用人单位不再看到；您的求助记录和投递记录作为服务记录继续保留。
          </Text>
          <FormField name="cancelNote" label="注销原因" optional>
            <TextBox
              value={cancelNote}
              maxlength={100}
              placeholder="如：已经找到工作"
              onChange={setCancelNote}
            />
          </FormField>
        </ConfirmSheet>
      ) : null}

      {sheet === 'withdraw' ? (
        <ConfirmSheet
          id="withdraw-sheet"
          title="撤回个人信息处理同意"
          confirmText="确认撤回"
          danger
          busy={sheetBusy}
          error={sheetError}
          onConfirm={() => void confirmWithdraw()}
          onCancel={closeSheet}
        >
          <Text className="reg-mine__sheet-text">撤回后：</Text>
          <Text className="reg-mine__sheet-item">
            1. 我们将停止处理您的敏感个人信息（身份证号、残疾和低保等情况）。
          </Text>
          <Text className="reg-mine__sheet-item">2. 您的包保责任人会看到您已撤回同意。</Text>
          <Text className="reg-mine__sheet-item">
            3.
            已提交的登记和求助记录作为服务记录继续保留，登记不会因此注销；还没提交的草稿会被删除。
          </Text>
          <Text className="reg-mine__sheet-item">
            4. 您标记“感兴趣”的岗位会被删除，用人单位不再看到。
          </Text>
          <Text className="reg-mine__sheet-item">5. 以后要继续办理，需要重新阅读并同意告知。</Text>
        </ConfirmSheet>
      ) : null}
    </View>
  );
}
