/**
 * 我的岗位: every vacancy of the employer's company with its status, and in plain words why it
 * waits or was not approved, and what the market centre changed. Actions follow the vacancy's
 * lifecycle table: edit (re-screened), pause, resume, close as filled (or withdraw one still
 * waiting for review), renew, and its history. Renewal dates are counted from the server's today
 * (the phone's clock may be wrong); resuming and renewing may send a vacancy back to review.
 */
import { Button } from '@antmjs/vantui';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';

import {
  formatShanghai,
  inShanghai,
  VACANCY_STATUS_LABELS,
  VACANCY_TABLE,
  type VacancyStatus,
  type VacancyView,
} from '@nuanxin/shared';

import { ChoiceChips } from '../../../components/ChoiceChips';
import { EmptyState, ErrorState, LoadingState } from '../../../components/PageStatus';
import { salaryText } from '../../../components/VacancyCard';
import { call } from '../../../services/cloud';
import { HistoryList } from '../components/HistoryList';
import { VACANCY_SAVED } from '../components/labels';

import '../components/employer.less';

const POST_JOB = '/packages/employer/post-job/index';
const CANDIDATES = '/packages/employer/candidates/index';

type Filter = 'all' | VacancyStatus;
type Panel = 'close' | 'renew' | 'history' | null;

/** What each status means for the employer, in one line. */
const STATUS_HINT: Record<VacancyStatus, string> = {
  draft: '草稿，求职者看不到；修改后提交即可。',
  pendingReview: '正在等待市场服务中心审核，通过后向求职者公开。',
  published: '求职者可以看到并应聘。',
  paused: '已暂停，求职者暂时看不到；恢复后继续展示。',
  closed: '已关闭，求职者看不到。',
  expired: '已过有效期，求职者看不到；续期后可继续招聘。',
  rejected: '未通过审核，求职者看不到；请按原因修改后重新提交。',
};

const RENEW_DAYS = ['15', '30', '60', '90'] as const;
/** Filter chips: open ones first. */
const LIST_ORDER: VacancyStatus[] = [
  'published',
  'pendingReview',
  'rejected',
  'paused',
  'draft',
  'expired',
  'closed',
];

/** The date `days` after the server's today, as the cloud will work it out. */
function renewDate(today: string, days: string): string {
  return inShanghai(today).add(Number(days), 'day').format('YYYY-MM-DD');
}

function VacancyItem({
  vacancy,
  today,
  onChanged,
}: {
  vacancy: VacancyView;
  /** The server's today. */
  today: string;
  onChanged: (next: VacancyView) => void;
}) {
  const [panel, setPanel] = useState<Panel>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [renewDays, setRenewDays] = useState<(typeof RENEW_DAYS)[number]>('30');
  const id = vacancy.id;
  const can = (event: keyof typeof VACANCY_TABLE) => !!VACANCY_TABLE[event][vacancy.status];
  // Never shown to seekers yet: it cannot have been filled, only withdrawn.
  const waiting = vacancy.status === 'pendingReview';

  const run = async (
    event: 'pause' | 'resume' | 'close' | 'renew',
    validDays: number | null = null,
  ) => {
    if (busy) return;
    setBusy(true);
    setError('');
    const result = await call('employer', 'setVacancyStatus', {
      vacancyId: id,
      event,
      closeReason: waiting ? 'withdrawn' : 'filled',
      validDays,
    });
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setPanel(null);
    onChanged(result.data.vacancy);
    const toReview = result.data.vacancy.status === 'pendingReview' && !waiting;
    void Taro.showToast(
      toReview
        ? { title: '已提交，审核通过后公开', icon: 'none' }
        : { title: '已更新', icon: 'success' },
    );
  };

  const toggle = (next: Panel) => setPanel((now) => (now === next ? null : next));

  return (
    <View className="emp-card" id={`vacancy-${id}`}>
      <View className="emp-card__head">
        <Text className="emp-card__title">{vacancy.title}</Text>
        <Text className={`emp-status emp-status--${vacancy.status}`} id={`vacancy-${id}-status`}>
          {vacancy.statusLabel}
        </Text>
      </View>
      <Text className="emp-card__row">
        {salaryText(vacancy.salaryMin, vacancy.salaryMax)} · 招{vacancy.headcount}人 ·{' '}
        {vacancy.workTypeLabel}
      </Text>
      <Text className="emp-card__row">
        {vacancy.townshipLabel} · 有效期至{vacancy.validUntil}
      </Text>
      <Text className="emp-card__row emp-card__row--muted">{STATUS_HINT[vacancy.status]}</Text>

      {vacancy.status === 'pendingReview' && vacancy.reviewReasons.length > 0 ? (
        <View className="emp-note emp-note--wait" id={`vacancy-${id}-review-reasons`}>
          <Text className="emp-note__title">需要审核的原因</Text>
          {vacancy.reviewReasons.map((r) => (
            <Text key={r} className="emp-note__line">
              · {r}
            </Text>
          ))}
        </View>
      ) : null}
      {vacancy.status === 'rejected' && vacancy.rejectReason ? (
        <View className="emp-note emp-note--bad" id={`vacancy-${id}-reject-reason`}>
          <Text className="emp-note__title">未通过的原因</Text>
          <Text className="emp-note__line">{vacancy.rejectReason}</Text>
        </View>
      ) : null}
      {vacancy.staffNote ? (
        <View className="emp-note" id={`vacancy-${id}-staff-note`}>
          <Text className="emp-note__title">
            市场服务中心工作人员修改了这个岗位（
            {formatShanghai(vacancy.staffNote.at, 'M月D日 HH:mm')}）
          </Text>
          <Text className="emp-note__line">{vacancy.staffNote.note}</Text>
        </View>
      ) : null}
      {error ? (
        <Text className="emp-card__reject" id={`vacancy-${id}-error`}>
          {error}
        </Text>
      ) : null}

      <View className="emp-card__actions">
        {can('edit') ? (
          <View className="emp-card__action">
            <Button
              size="small"
              round
              plain
              id={`vacancy-${id}-edit`}
              onClick={() => void Taro.navigateTo({ url: `${POST_JOB}?id=${id}` })}
            >
              {vacancy.status === 'rejected' || vacancy.status === 'draft' ? '修改后提交' : '修改'}
            </Button>
          </View>
        ) : null}
        {can('pause') ? (
          <View className="emp-card__action">
            <Button
              size="small"
              round
              plain
              id={`vacancy-${id}-pause`}
              loading={busy && panel === null}
              onClick={() => void run('pause')}
            >
              暂停招聘
            </Button>
          </View>
        ) : null}
        {can('resume') ? (
          <View className="emp-card__action">
            <Button
              size="small"
              round
              type="primary"
              id={`vacancy-${id}-resume`}
              loading={busy && panel === null}
              onClick={() => void run('resume')}
            >
              恢复招聘
            </Button>
          </View>
        ) : null}
        {can('renew') ? (
          <View className="emp-card__action">
            <Button
              size="small"
              round
              plain
              id={`vacancy-${id}-renew`}
              onClick={() => toggle('renew')}
            >
              续期
            </Button>
          </View>
        ) : null}
        {can('close') ? (
          <View className="emp-card__action">
            <Button
              size="small"
              round
              plain
              id={`vacancy-${id}-close`}
              onClick={() => toggle('close')}
            >
              {waiting ? '撤回岗位' : '已招满，关闭'}
            </Button>
          </View>
        ) : null}
        {vacancy.status === 'published' ? (
          <View className="emp-card__action">
            <Button
              size="small"
              round
              plain
              id={`vacancy-${id}-candidates`}
              onClick={() => void Taro.navigateTo({ url: `${CANDIDATES}?vacancyId=${id}` })}
            >
              推荐人选
            </Button>
          </View>
        ) : null}
        <View className="emp-card__action">
          <Button
            size="small"
            round
            plain
            id={`vacancy-${id}-history`}
            onClick={() => toggle('history')}
          >
            {panel === 'history' ? '收起记录' : '办理记录'}
          </Button>
        </View>
      </View>

      {panel === 'close' ? (
        <View className="emp-panel" id={`vacancy-${id}-close-panel`}>
          <Text className="emp-panel__text">
            {waiting
              ? '撤回后这个岗位不再等待审核，台账备注为“企业撤回”。确定撤回吗？'
              : '关闭后求职者将看不到这个岗位，台账备注为“已招满”。确定关闭吗？'}
          </Text>
          <View className="emp-panel__buttons">
            <Button
              size="small"
              round
              type="danger"
              id={`vacancy-${id}-close-confirm`}
              loading={busy}
              onClick={() => void run('close')}
            >
              {waiting ? '确定撤回' : '确定关闭'}
            </Button>
            <Button size="small" round plain onClick={() => setPanel(null)}>
              {waiting ? '先不撤回' : '先不关'}
            </Button>
          </View>
        </View>
      ) : null}
      {panel === 'renew' ? (
        <View className="emp-panel" id={`vacancy-${id}-renew-panel`}>
          <Text className="emp-panel__text">把有效期延长到：</Text>
          <ChoiceChips
            idPrefix={`vacancy-${id}-renew`}
            options={RENEW_DAYS.map((d) => ({
              value: d,
              label: `${renewDate(today, d)}（${d}天后）`,
            }))}
            selected={[renewDays]}
            onToggle={setRenewDays}
          />
          {vacancy.status === 'expired' ? (
            <Text className="emp-panel__text emp-panel__text--muted">
              续期时会重新检查岗位内容；需要审核的岗位审核通过后才会再次公开。
            </Text>
          ) : null}
          <View className="emp-panel__buttons">
            <Button
              size="small"
              round
              type="primary"
              id={`vacancy-${id}-renew-confirm`}
              loading={busy}
              onClick={() => void run('renew', Number(renewDays))}
            >
              确定续期
            </Button>
            <Button size="small" round plain onClick={() => setPanel(null)}>
              取消
            </Button>
          </View>
        </View>
      ) : null}
      {panel === 'history' ? <HistoryList vacancyId={id} /> : null}
    </View>
  );
}

type Load =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'noCompany' }
  | { kind: 'ready'; vacancies: VacancyView[]; today: string };

export default function MyVacanciesPage() {
  const [state, setState] = useState<Load>({ kind: 'loading' });
  const [filter, setFilter] = useState<Filter>('all');

  const load = useCallback(async (quiet = false) => {
    if (!quiet) setState({ kind: 'loading' });
    const mine = await call('employer', 'myCompany', {});
    if (!mine.ok) {
      setState({ kind: 'error', message: mine.error.message });
      return;
    }
    if (!mine.data.company) {
      setState({ kind: 'noCompany' });
      return;
    }
    const list = await call('employer', 'myVacancies', {});
    setState(
      list.ok
        ? { kind: 'ready', vacancies: list.data.vacancies, today: list.data.today }
        : { kind: 'error', message: list.error.message },
    );
  }, []);

  useEffect(() => {
    void load();
  }, [load]);
  // A vacancy saved on the posting page (opened from here) shows its new state on return.
  useEffect(() => {
    const refresh = () => void load(true);
    Taro.eventCenter.on(VACANCY_SAVED, refresh);
    return () => {
      Taro.eventCenter.off(VACANCY_SAVED, refresh);
    };
  }, [load]);

  if (state.kind === 'loading') return <LoadingState />;
  if (state.kind === 'error') {
    return <ErrorState message={state.message} onRetry={() => void load()} />;
  }
  if (state.kind === 'noCompany') {
    return (
      <View>
        <EmptyState
          title="请先登记单位信息"
          text="登记单位信息或加入已入驻的单位后即可发布岗位。"
        />
        <View className="emp-page__action">
          <Button
            type="primary"
            round
            block
            id="vacancies-register"
            onClick={() => void Taro.redirectTo({ url: '/packages/employer/company/index' })}
          >
            去登记单位
          </Button>
        </View>
      </View>
    );
  }

  const { vacancies, today } = state;
  const counts = new Map<VacancyStatus, number>();
  for (const v of vacancies) counts.set(v.status, (counts.get(v.status) ?? 0) + 1);
  const options: { value: Filter; label: string }[] = [
    { value: 'all', label: `全部 ${vacancies.length}` },
    ...LIST_ORDER.filter((s) => counts.get(s)).map((s) => ({
      value: s,
      label: `${VACANCY_STATUS_LABELS[s]} ${counts.get(s)}`,
    })),
  ];
  const visible = filter === 'all' ? vacancies : vacancies.filter((v) => v.status === filter);
  const replace = (next: VacancyView) =>
    setState({
      kind: 'ready',
      today,
      vacancies: vacancies.map((v) => (v.id === next.id ? next : v)),
    });

  return (
    <View className="emp-page">
      {vacancies.length === 0 ? (
        <EmptyState title="还没有发布岗位" text="发布岗位后，求职者就能看到并应聘。" />
      ) : (
        <>
          <ChoiceChips
            idPrefix="vacancy-filter"
            options={options}
            selected={[filter]}
            onToggle={setFilter}
          />
          {visible.map((vacancy) => (
            <VacancyItem key={vacancy.id} vacancy={vacancy} today={today} onChanged={replace} />
          ))}
        </>
      )}
      <View className="emp-page__action">
        <Button
          type="primary"
          round
          block
          id="vacancies-post-job"
          onClick={() => void Taro.navigateTo({ url: POST_JOB })}
        >
          发布新岗位
        </Button>
      </View>
    </View>
  );
}
