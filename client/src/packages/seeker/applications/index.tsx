/**
 * 我的投递: each application with where it stands and what the employer said (interview time and
 * place, the words with an offer, or why not), its history, and 撤回 while it is still open. On
 * top, "有新岗位时通知我" and the positions pushed this month (JobAlerts). A second tab lists the
 * positions the seeker marked 感兴趣 but has not applied to (Interests).
 */
import { Button } from '@antmjs/vantui';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';

import { formatShanghai, type MyApplication, type MyInterest } from '@nuanxin/shared';

import { EmptyState, ErrorState, LoadingState } from '../../../components/PageStatus';
import { salaryText } from '../../../components/VacancyCard';
import { call } from '../../../services/cloud';
import { ConfirmSheet } from '../components/ConfirmSheet';
import { JOB_URLS } from '../jobs/filters';

import { Interests } from './Interests';
import { JobAlerts } from './JobAlerts';

import '../jobs/jobs.less';

type Load =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; applications: MyApplication[]; interests: MyInterest[] };

type Tab = 'applications' | 'interests';

function Reply({ application: a }: { application: MyApplication }) {
  const lines: { id: string; label: string; text: string }[] = [];
  if (a.interviewNote) lines.push({ id: 'interview', label: '面试安排', text: a.interviewNote });
  if (a.offerNote) lines.push({ id: 'offer', label: '录用说明', text: a.offerNote });
  if (a.rejectReason) lines.push({ id: 'reject', label: '企业答复', text: a.rejectReason });
  if (lines.length === 0) return null;
  return (
    <View className="app-card__reply" id={`application-${a.id}-reply`}>
      {lines.map((l) => (
        <Text key={l.id} className="app-card__reply-line">
          <Text className="app-card__reply-label">{l.label}：</Text>
          {l.text}
        </Text>
      ))}
    </View>
  );
}

const HINTS: Partial<Record<MyApplication['status'], string>> = {
  applied: '企业还没有查看，查看后会通知您。',
  viewed: '企业已查看您的简历，请留意电话和消息。',
  interview: '请按时参加面试；不能参加请提前联系企业。',
  offered: '恭喜！请按企业的说明办理入职。',
};

function ApplicationCard({
  application: a,
  onWithdraw,
}: {
  application: MyApplication;
  onWithdraw: () => void;
}) {
  const [open, setOpen] = useState(false);
  return (
    <View className="app-card" id={`application-${a.id}`}>
      <View
        className="app-card__head"
        onClick={() => void Taro.navigateTo({ url: JOB_URLS.detail(a.vacancyId) })}
      >
        <View className="app-card__titles">
          <Text className="app-card__title">{a.vacancy.title}</Text>
          <Text className="app-card__company">{a.vacancy.companyName}</Text>
        </View>
        <Text className={`jobs-status jobs-status--${a.status}`} id={`application-${a.id}-status`}>
          {a.statusLabel}
        </Text>
      </View>
      <Text className="app-card__row">
        {salaryText(a.vacancy.salaryMin, a.vacancy.salaryMax)} · {a.vacancy.workTypeLabel} ·{' '}
        {a.vacancy.townshipLabel}
      </Text>
      <Text className="app-card__row">投递于 {formatShanghai(a.appliedAt)}</Text>
      {HINTS[a.status] ? <Text className="app-card__hint">{HINTS[a.status]}</Text> : null}
      <Reply application={a} />
      {!a.vacancyOpen && a.canWithdraw ? (
        <Text className="app-card__row">该岗位已停止招聘。</Text>
      ) : null}
      <Text
        className="app-card__toggle"
        id={`application-${a.id}-history-toggle`}
        onClick={() => setOpen(!open)}
      >
        {open ? '收起办理记录 ▲' : '办理记录 ▼'}
      </Text>
      {open ? (
        <View className="app-card__history" id={`application-${a.id}-history`}>
          {a.history.map((h) => (
            <Text key={`${h.at}-${h.label}`} className="app-card__history-line">
              {formatShanghai(h.at)} {h.label}
              {h.note ? `：${h.note}` : ''}
            </Text>
          ))}
          <Text className="app-card__history-line app-card__history-line--muted">
            企业看到的内容：{a.sharedLabels.join('、')}
          </Text>
        </View>
      ) : null}
      {a.canWithdraw ? (
        <View className="app-card__actions">
          <Button
            size="small"
            plain
            className="outline-button"
            round
            id={`application-${a.id}-withdraw`}
            onClick={onWithdraw}
          >
            撤回投递
          </Button>
        </View>
      ) : null}
    </View>
  );
}

export default function MyApplicationsPage() {
  const [state, setState] = useState<Load>({ kind: 'loading' });
  const [withdrawing, setWithdrawing] = useState<MyApplication | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [tab, setTab] = useState<Tab>('applications');
  const loaded = useRef(false);

  const load = useCallback(async (quiet = false) => {
    if (!quiet) setState({ kind: 'loading' });
    const [result, marked] = await Promise.all([
      call('jobs', 'myApplications', {}),
      call('jobs', 'myInterests', {}),
    ]);
    if (!result.ok) {
      if (!quiet) setState({ kind: 'error', message: result.error.message });
      return;
    }
    loaded.current = true;
    // The interests are a second list: if they cannot be read now, the applications still show.
    setState({
      kind: 'ready',
      applications: result.data.applications,
      interests: marked.ok ? marked.data.interests : [],
    });
  }, []);

  useEffect(() => {
    void load();
  }, [load]);
  // Back from a vacancy or the inbox: the employer may have answered meanwhile.
  useDidShow(() => {
    if (loaded.current) void load(true);
  });

  const withdraw = async () => {
    if (!withdrawing || busy) return;
    setBusy(true);
    setError('');
    const result = await call('jobs', 'withdraw', { applicationId: withdrawing.id });
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    const next = result.data.application;
    setState((s) =>
      s.kind === 'ready'
        ? { ...s, applications: s.applications.map((a) => (a.id === next.id ? next : a)) }
        : s,
    );
    setWithdrawing(null);
  };

  if (state.kind === 'loading') return <LoadingState />;
  if (state.kind === 'error') {
    return <ErrorState message={state.message} onRetry={() => void load()} />;
  }
  const { applications, interests } = state;
  const tabs: { key: Tab; label: string }[] = [
    { key: 'applications', label: `投递记录（${applications.length}）` },
    { key: 'interests', label: `感兴趣的岗位（${interests.length}）` },
  ];
  return (
    <View className="jobs-page">
      <JobAlerts />
      <View className="jobs-tabs" role="tablist">
        {tabs.map((t) => (
          <View
            key={t.key}
            className={`jobs-tabs__tab${tab === t.key ? ' jobs-tabs__tab--on' : ''}`}
            role="tab"
            aria-selected={tab === t.key}
            id={`tab-${t.key}`}
            onClick={() => setTab(t.key)}
          >
            {t.label}
          </View>
        ))}
      </View>
      {tab === 'interests' ? (
        <Interests
          interests={interests}
          onRemoved={(vacancyId) =>
            setState((s) =>
              s.kind === 'ready'
                ? { ...s, interests: s.interests.filter((i) => i.vacancyId !== vacancyId) }
                : s,
            )
          }
        />
      ) : applications.length === 0 ? (
        <View id="applications-empty">
          <EmptyState title="还没有投递记录" text="看到合适的岗位，点“投递简历”就能应聘。" />
          <View className="jobs-results__action">
            <Button
              type="primary"
              round
              block
              id="applications-browse"
              onClick={() => void Taro.navigateTo({ url: JOB_URLS.list })}
            >
              去看看岗位
            </Button>
          </View>
        </View>
      ) : (
        <>
          <Text className="jobs-page__note jobs-page__note--top">
            共投递 {applications.length} 个岗位。企业每次答复都会通知您。
          </Text>
          {applications.map((a) => (
            <ApplicationCard
              key={a.id}
              application={a}
              onWithdraw={() => {
                setError('');
                setWithdrawing(a);
              }}
            />
          ))}
        </>
      )}
      {withdrawing ? (
        <ConfirmSheet
          id="withdraw-sheet"
          title="撤回这份投递？"
          confirmText="撤回投递"
          danger
          busy={busy}
          error={error}
          onConfirm={() => void withdraw()}
          onCancel={() => setWithdrawing(null)}
        >
          <Text>
            撤回后{withdrawing.vacancy.companyName}将不再处理您对“{withdrawing.vacancy.title}
            ”的应聘，且不能再次投递这个岗位。
          </Text>
        </ConfirmSheet>
      ) : null}
    </View>
  );
}
