/**
 * 应聘管理: applicants to the company's own vacancies, by vacancy and by status with counts. One
 * applicant shows the masked ID number and only what they chose to share; opening it tells them
 * "企业已查看". 邀请面试 (time and place), 录用, 确认入职 and 不合适 (a reason they will read).
 * A second tab lists 感兴趣的求职者 — people who marked an open vacancy without applying, masked,
 * with 邀请投递 (Interested.tsx).
 */
import { Button } from '@antmjs/vantui';
import { Text, Textarea, View } from '@tarojs/components';
import { useCallback, useEffect, useState } from 'react';

import {
  APPLICATION_STATUSES,
  EMPLOYER_STATUS_LABELS,
  formatShanghai,
  type ApplicantDetail,
  type ApplicantSummary,
  type ApplicationStatus,
  type EmployerEvent,
} from '@nuanxin/shared';

import { ChoiceChips } from '../../../components/ChoiceChips';
import { EmptyState, ErrorState, LoadingState } from '../../../components/PageStatus';
import { call, type CallOutput } from '../../../services/cloud';

import { Interested, type InterestedData } from './Interested';
import { NewApplicationAlerts } from './NewApplicationAlerts';

import '../components/employer.less';
import './applications.less';

type ListData = CallOutput<'jobs', 'applicants'>;
const ALL = 'all';

type Load =
  { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; data: ListData };
type InterestedLoad =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; data: InterestedData };
type View = 'applications' | 'interested';

interface MoveForm {
  event: EmployerEvent;
  note: string;
  employerNote: string;
}

const MOVE_TEXT: Record<
  EmployerEvent,
  { title: string; label: string; placeholder: string; required: boolean; confirm: string }
> = {
  invite: {
    title: '邀请面试',
    label: '面试时间和地点（求职者会看到）',
    placeholder: '例如：11月25日上午9点，任城区示例路8号一楼人事部，请带身份证',
    required: true,
    confirm: '发送面试邀请',
  },
  offer: {
    title: '录用',
    label: '给求职者的说明（选填）',
    placeholder: '例如：请于12月1日上午8点到人事部办理入职，携带身份证和银行卡',
    required: false,
    confirm: '发送录用通知',
  },
  hire: {
    title: '确认入职',
    label: '给求职者的说明（选填）',
    placeholder: '例如：已于12月1日入职',
    required: false,
    confirm: '确认已入职',
  },
  reject: {
    title: '不合适',
    label: '原因（求职者会看到，请客观、礼貌）',
    placeholder: '例如：本岗位已招满，欢迎关注我们的其他岗位',
    required: true,
    confirm: '告知求职者',
  },
};

/** Said on the applicant's card after each answer: who was told, and what comes next. */
const DONE_TEXT: Record<EmployerEvent, string> = {
  invite: '已发送面试邀请，求职者会收到通知。',
  offer: '已发送录用通知，求职者会收到通知。本人到岗后，请点“确认入职”。',
  hire: '已确认入职，求职者会收到通知。',
  reject: '已告知求职者。',
};

function NoteBox({
  id,
  value,
  placeholder,
  onChange,
}: {
  id: string;
  value: string;
  placeholder: string;
  onChange: (v: string) => void;
}) {
  return (
    <View className="apl-note" id={id}>
      <Textarea
        className="apl-note__control"
        value={value}
        maxlength={200}
        placeholder={placeholder}
        onInput={(e) => onChange(String(e.detail.value ?? ''))}
      />
      <Text className="apl-note__count">{value.length}/200</Text>
    </View>
  );
}

function Detail({
  application: a,
  onMoved,
  onBack,
}: {
  application: ApplicantDetail;
  onMoved: (next: ApplicantDetail) => void;
  onBack: () => void;
}) {
  const [form, setForm] = useState<MoveForm | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [fieldError, setFieldError] = useState('');
  const [done, setDone] = useState('');

  const submit = async () => {
    if (!form || busy) return;
    const text = MOVE_TEXT[form.event];
    if (text.required && !form.note.trim()) {
      setFieldError(form.event === 'invite' ? '请填写面试时间和地点' : '请填写原因');
      return;
    }
    setBusy(true);
    setError('');
    const result = await call('jobs', 'moveApplication', {
      applicationId: a.id,
      event: form.event,
      note: form.note.trim(),
      employerNote: form.employerNote.trim() ? form.employerNote.trim() : null,
    });
    setBusy(false);
    if (!result.ok) {
      setFieldError(result.error.fields?.note ?? '');
      setError(result.error.message);
      return;
    }
    setDone(DONE_TEXT[form.event]);
    setForm(null);
    onMoved(result.data.application);
  };

  const facts: { label: string; value: string; id: string }[] = [
    { id: 'idMasked', label: '身份证号', value: a.idMasked },
    { id: 'mobile', label: '手机号', value: a.mobile ?? '未提供' },
    { id: 'education', label: '学历', value: a.educationLabel ?? '未提供' },
    {
      id: 'workHistory',
      label: '工作经历',
      value: a.workHistory
        ? a.workHistory.lastEmployer
          ? `${a.workHistory.lastEmployer}${a.workHistory.separationDate ? `（${a.workHistory.separationDate}离职）` : ''}`
          : '未填写（可能是应届毕业生或首次就业）'
        : '未提供',
    },
  ];

  return (
    <View className="emp-page" id="applicant-detail">
      <Text className="apl-back" id="applicant-back" onClick={onBack}>
        ‹ 返回应聘列表
      </Text>
      <View className="emp-card">
        <View className="emp-card__head">
          <Text className="emp-card__title" id="applicant-name">
            {a.name}
            <Text className="apl-muted">
              {' '}
              {a.sexLabel} · {a.age ?? '—'}岁
            </Text>
          </Text>
          <Text className={`apl-status apl-status--${a.status}`} id="applicant-status">
            {a.statusLabel}
          </Text>
        </View>
        <Text className="emp-card__row">应聘岗位：{a.vacancyTitle}</Text>
        <Text className="emp-card__row">投递时间：{formatShanghai(a.appliedAt)}</Text>
        {facts.map((f) => (
          <Text key={f.id} className="emp-card__row" id={`applicant-${f.id}`}>
            {f.label}：{f.value}
          </Text>
        ))}
        <Text className="apl-muted apl-block">
          只显示求职者同意提供的信息；身份证号已隐去中间8位。
        </Text>
        {a.message ? (
          <Text className="apl-message" id="applicant-message">
            求职者留言：{a.message}
          </Text>
        ) : null}
        {a.interviewNote ? (
          <Text className="emp-card__row">面试安排：{a.interviewNote}</Text>
        ) : null}
        {a.offerNote ? <Text className="emp-card__row">录用说明：{a.offerNote}</Text> : null}
        {a.rejectReason ? (
          <Text className="emp-card__row">不合适的原因：{a.rejectReason}</Text>
        ) : null}
        {a.employerNote ? (
          <Text className="apl-internal" id="applicant-employer-note">
            内部备注（求职者看不到）：{a.employerNote}
          </Text>
        ) : null}
        {done ? (
          <Text className="apl-done" id="applicant-done">
            ✓ {done}
          </Text>
        ) : null}
        {a.nextEvents.length > 0 ? (
          <View className="emp-card__actions">
            {a.nextEvents.map(({ event, label }) => (
              <View key={event} className="emp-card__action">
                <Button
                  size="small"
                  round
                  type={event === 'reject' ? 'default' : 'primary'}
                  plain={event === 'reject'}
                  className={event === 'reject' ? 'outline-button' : undefined}
                  id={`applicant-action-${event}`}
                  onClick={() => {
                    setError('');
                    setFieldError('');
                    setDone('');
                    setForm({ event, note: '', employerNote: a.employerNote ?? '' });
                  }}
                >
                  {label}
                </Button>
              </View>
            ))}
          </View>
        ) : (
          <Text className="apl-muted apl-block" id="applicant-final">
            这份应聘已有结果，无需再处理。
          </Text>
        )}
      </View>

      <Text className="emp-page__section">办理记录</Text>
      <View className="emp-card" id="applicant-history">
        {a.history.map((h) => (
          <Text key={`${h.at}-${h.label}`} className="emp-card__row">
            {formatShanghai(h.at)} {h.label}
            {h.note ? `：${h.note}` : ''}
          </Text>
        ))}
      </View>

      {form ? (
        <View className="apl-sheet" id="move-sheet">
          <View className="apl-sheet__mask" onClick={busy ? undefined : () => setForm(null)} />
          <View className="apl-sheet__panel" role="dialog" aria-modal="true">
            <Text className="apl-sheet__title">
              {MOVE_TEXT[form.event].title}：{a.name}
            </Text>
            <Text className="apl-sheet__label">{MOVE_TEXT[form.event].label}</Text>
            <NoteBox
              id="field-note"
              value={form.note}
              placeholder={MOVE_TEXT[form.event].placeholder}
              onChange={(note) => {
                setFieldError('');
                setForm({ ...form, note });
              }}
            />
            {fieldError ? <Text className="field-error">{fieldError}</Text> : null}
            <Text className="apl-sheet__label">内部备注（选填，求职者看不到）</Text>
            <NoteBox
              id="field-employerNote"
              value={form.employerNote}
              placeholder="例如：电话沟通过，下周一可到岗"
              onChange={(employerNote) => setForm({ ...form, employerNote })}
            />
            {error ? (
              <Text className="apl-sheet__error" id="move-error">
                {error}
              </Text>
            ) : null}
            <View className="apl-sheet__buttons" />
            <Button
              type={form.event === 'reject' ? 'danger' : 'primary'}
              round
              block
              id="move-confirm"
              loading={busy}
              onClick={() => void submit()}
            >
              {MOVE_TEXT[form.event].confirm}
            </Button>
            <View className="apl-sheet__gap" />
            <Button
              plain
              className="outline-button"
              round
              block
              id="move-cancel"
              disabled={busy}
              onClick={() => setForm(null)}
            >
              取消
            </Button>
          </View>
        </View>
      ) : null}
    </View>
  );
}

function Row({ applicant: a, onOpen }: { applicant: ApplicantSummary; onOpen: () => void }) {
  return (
    <View className="emp-card apl-row" id={`applicant-${a.id}`} onClick={onOpen}>
      <View className="emp-card__head">
        <Text className="emp-card__title">
          {a.name}
          <Text className="apl-muted">
            {' '}
            {a.sexLabel} · {a.age ?? '—'}岁
          </Text>
        </Text>
        <Text className={`apl-status apl-status--${a.status}`} id={`applicant-${a.id}-status`}>
          {a.statusLabel}
        </Text>
      </View>
      <Text className="emp-card__row">
        {a.vacancyTitle} · 投递于 {formatShanghai(a.appliedAt, 'MM-DD HH:mm')}
      </Text>
    </View>
  );
}

export default function ApplicationsPage() {
  const [vacancyId, setVacancyId] = useState<string | null>(null);
  const [status, setStatus] = useState<ApplicationStatus | null>(null);
  const [state, setState] = useState<Load>({ kind: 'loading' });
  const [view, setView] = useState<View>('applications');
  const [interested, setInterested] = useState<InterestedLoad>({ kind: 'loading' });
  const [open, setOpen] = useState<{
    id: string;
    detail: ApplicantDetail | null;
    error: string;
  } | null>(null);

  const load = useCallback(async () => {
    setState({ kind: 'loading' });
    const result = await call('jobs', 'applicants', { vacancyId, status });
    if (!result.ok) {
      setState({ kind: 'error', message: result.error.message });
      return;
    }
    setState({ kind: 'ready', data: result.data });
  }, [vacancyId, status]);

  useEffect(() => {
    void load();
  }, [load]);

  const loadInterested = useCallback(async (quiet = false) => {
    if (!quiet) setInterested({ kind: 'loading' });
    const result = await call('jobs', 'interested', { vacancyId: null });
    setInterested(
      result.ok
        ? { kind: 'ready', data: result.data }
        : { kind: 'error', message: result.error.message },
    );
  }, []);

  useEffect(() => {
    void loadInterested();
  }, [loadInterested]);

  const openApplicant = async (id: string) => {
    setOpen({ id, detail: null, error: '' });
    const result = await call('jobs', 'applicant', { applicationId: id });
    if (!result.ok) {
      setOpen({ id, detail: null, error: result.error.message });
      return;
    }
    setOpen({ id, detail: result.data.application, error: '' });
  };

  if (open) {
    if (open.error) {
      return (
        <View className="emp-page">
          <ErrorState message={open.error} onRetry={() => void openApplicant(open.id)} />
          <Text className="apl-back" id="applicant-back" onClick={() => setOpen(null)}>
            ‹ 返回应聘列表
          </Text>
        </View>
      );
    }
    if (!open.detail) return <LoadingState />;
    return (
      <Detail
        application={open.detail}
        onMoved={(next) => setOpen({ id: next.id, detail: next, error: '' })}
        onBack={() => {
          setOpen(null);
          void load();
        }}
      />
    );
  }

  if (state.kind === 'loading') return <LoadingState />;
  if (state.kind === 'error') {
    return <ErrorState message={state.message} onRetry={() => void load()} />;
  }
  const { data } = state;
  const interestedCount = interested.kind === 'ready' ? interested.data.people.length : null;
  const tabs: { key: View; label: string }[] = [
    { key: 'applications', label: '投递的求职者' },
    {
      key: 'interested',
      label: interestedCount === null ? '感兴趣的求职者' : `感兴趣的求职者（${interestedCount}）`,
    },
  ];
  const tabBar = (
    <View className="apl-tabs" role="tablist">
      {tabs.map((t) => (
        <View
          key={t.key}
          className={`apl-tabs__tab${view === t.key ? ' apl-tabs__tab--on' : ''}`}
          role="tab"
          aria-selected={view === t.key}
          id={`view-${t.key}`}
          onClick={() => setView(t.key)}
        >
          {t.label}
        </View>
      ))}
    </View>
  );
  if (view === 'interested') {
    return (
      <View className="emp-page" id="applications-page">
        {tabBar}
        {interested.kind === 'loading' ? <LoadingState /> : null}
        {interested.kind === 'error' ? (
          <ErrorState message={interested.message} onRetry={() => void loadInterested()} />
        ) : null}
        {interested.kind === 'ready' ? (
          <Interested data={interested.data} onInvited={() => void loadInterested(true)} />
        ) : null}
      </View>
    );
  }
  const total = APPLICATION_STATUSES.reduce((n, s) => n + data.counts[s], 0);
  const vacancyOptions = [
    { value: ALL, label: '全部岗位' },
    ...data.vacancies.map((v) => ({
      value: v.id,
      label: `${v.title}（${v.total}）`,
    })),
  ];
  const statusOptions = [
    { value: ALL, label: `全部（${total}）` },
    ...APPLICATION_STATUSES.filter((s) => data.counts[s] > 0 || s === 'applied').map((s) => ({
      value: s,
      label: `${EMPLOYER_STATUS_LABELS[s]}（${data.counts[s]}）`,
    })),
  ];

  return (
    <View className="emp-page" id="applications-page">
      {tabBar}
      {interestedCount ? (
        <Text
          className="apl-banner"
          id="applications-interested"
          onClick={() => setView('interested')}
        >
          有 {interestedCount} 人对您的岗位感兴趣但还没有投递，可以邀请他们投递 ›
        </Text>
      ) : null}
      {data.counts.applied > 0 ? (
        <Text className="apl-banner" id="applications-waiting">
          有 {data.counts.applied} 份新投递等您查看，求职者会收到您的每一次答复。
        </Text>
      ) : null}
      <NewApplicationAlerts />
      {data.vacancies.length > 0 ? (
        <>
          <Text className="apl-label">按岗位</Text>
          <ChoiceChips
            idPrefix="filter-vacancy"
            options={vacancyOptions}
            selected={[vacancyId ?? ALL]}
            onToggle={(v) => setVacancyId(v === ALL ? null : v)}
          />
        </>
      ) : null}
      <Text className="apl-label">按状态</Text>
      <ChoiceChips
        idPrefix="filter-status"
        options={statusOptions}
        selected={[status ?? ALL]}
        onToggle={(s) => setStatus(s === ALL ? null : (s as ApplicationStatus))}
      />
      {data.applications.length === 0 ? (
        <View id="applications-empty">
          <EmptyState
            title={total === 0 ? '还没有人投递' : '这个状态下没有应聘'}
            text={
              total === 0
                ? '岗位公开后，求职者投递的简历会出现在这里，我们也会通知您。'
                : '换个状态或岗位看看。'
            }
          />
        </View>
      ) : (
        data.applications.map((a) => (
          <Row key={a.id} applicant={a} onOpen={() => void openApplicant(a.id)} />
        ))
      )}
    </View>
  );
}
