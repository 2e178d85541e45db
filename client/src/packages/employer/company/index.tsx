/**
 * 企业信息: an employer without a company registers it here; with one, they see its details and
 * verification status, and their vacancies with pause / resume / close.
 */
import { Button } from '@antmjs/vantui';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';

import {
  VACANCY_TABLE,
  type CompanyView,
  type VacancyStatus,
  type VacancyView,
} from '@nuanxin/shared';

import { ErrorState, LoadingState } from '../../../components/PageStatus';
import { call } from '../../../services/cloud';
import { industryLabel } from '../components/labels';

import { CompanyForm } from './CompanyForm';

import '../components/employer.less';

type Load =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; company: CompanyView | null; vacancies: VacancyView[] };

type StatusEvent = 'pause' | 'resume' | 'close';
const ACTIONS: { event: StatusEvent; label: string }[] = [
  { event: 'pause', label: '暂停招聘' },
  { event: 'resume', label: '恢复招聘' },
  { event: 'close', label: '已招满，关闭' },
];

const COMPANY_STATUS_HINT: Record<CompanyView['status'], string> = {
  pending: '市场服务中心正在核验单位信息，审核通过后岗位才会公开。',
  verified: '单位信息已核验，岗位提交后即可公开。',
  rejected: '单位信息未通过核验，请联系市场服务中心。',
};

function CompanyCard({ company }: { company: CompanyView }) {
  return (
    <View className="emp-card" id="company-card">
      <View className="emp-card__head">
        <Text className="emp-card__title">{company.name}</Text>
        <Text className={`emp-status emp-status--${company.status}`} id="company-status">
          {company.statusLabel}
        </Text>
      </View>
      <Text className="emp-card__hint" id="company-status-hint">
        {COMPANY_STATUS_HINT[company.status]}
      </Text>
      {company.rejectReason ? (
        <Text className="emp-card__reject" id="company-reject-reason">
          原因：{company.rejectReason}
        </Text>
      ) : null}
      <Text className="emp-card__row">统一社会信用代码：{company.uscc}</Text>
      <Text className="emp-card__row">所属行业：{industryLabel(company.industry)}</Text>
      <Text className="emp-card__row">
        地址：{company.townshipLabel} {company.address}
      </Text>
      <Text className="emp-card__row">
        联系人：{company.contactName} {company.contactMobile}
      </Text>
    </View>
  );
}

function VacancyRow({
  vacancy,
  onChanged,
}: {
  vacancy: VacancyView;
  onChanged: (next: VacancyView) => void;
}) {
  const [busy, setBusy] = useState<StatusEvent | null>(null);
  const [error, setError] = useState('');
  const allowed = ACTIONS.filter(
    ({ event }) => VACANCY_TABLE[event][vacancy.status as VacancyStatus],
  );

  const run = async (event: StatusEvent) => {
    if (busy) return;
    setBusy(event);
    setError('');
    const result = await call('employer', 'setVacancyStatus', {
      vacancyId: vacancy.id,
      event,
      closeReason: 'filled',
      validUntil: null,
    });
    setBusy(null);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    onChanged(result.data.vacancy);
  };

  return (
    <View className="emp-card" id={`vacancy-${vacancy.id}`}>
      <View className="emp-card__head">
        <Text className="emp-card__title">{vacancy.title}</Text>
        <Text
          className={`emp-status emp-status--${vacancy.status}`}
          id={`vacancy-${vacancy.id}-status`}
        >
          {vacancy.statusLabel}
        </Text>
      </View>
      <Text className="emp-card__row">
        {vacancy.occupationName} · 招{vacancy.headcount}人 · {vacancy.salaryMin}–{vacancy.salaryMax}
        元/月
      </Text>
      <Text className="emp-card__row">
        {vacancy.workTypeLabel} · {vacancy.townshipLabel} · 有效期至{vacancy.validUntil}
      </Text>
      {vacancy.reviewReasons.length > 0 && vacancy.status === 'pendingReview' ? (
        <Text className="emp-card__hint">待审核原因：{vacancy.reviewReasons.join('；')}</Text>
      ) : null}
      {vacancy.rejectReason ? (
        <Text className="emp-card__reject">未通过原因：{vacancy.rejectReason}</Text>
      ) : null}
      {error ? (
        <Text className="emp-card__reject" id={`vacancy-${vacancy.id}-error`}>
          {error}
        </Text>
      ) : null}
      {allowed.length > 0 ? (
        <View className="emp-card__actions">
          {allowed.map(({ event, label }) => (
            <View key={event} className="emp-card__action">
              <Button
                size="small"
                round
                plain={event !== 'resume'}
                type={event === 'resume' ? 'primary' : 'default'}
                id={`vacancy-${vacancy.id}-${event}`}
                loading={busy === event}
                onClick={() => void run(event)}
              >
                {label}
              </Button>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}

export default function CompanyPage() {
  const [state, setState] = useState<Load>({ kind: 'loading' });

  const load = useCallback(async () => {
    setState({ kind: 'loading' });
    const mine = await call('employer', 'myCompany', {});
    if (!mine.ok) {
      setState({ kind: 'error', message: mine.error.message });
      return;
    }
    const company = mine.data.company;
    if (!company) {
      setState({ kind: 'ready', company: null, vacancies: [] });
      return;
    }
    const list = await call('employer', 'myVacancies', {});
    if (!list.ok) {
      setState({ kind: 'error', message: list.error.message });
      return;
    }
    setState({ kind: 'ready', company, vacancies: list.data.vacancies });
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  if (state.kind === 'loading') return <LoadingState />;
  if (state.kind === 'error') {
    return <ErrorState message={state.message} onRetry={() => void load()} />;
  }
  const { company, vacancies } = state;
  if (!company) {
    return (
      <CompanyForm
        onRegistered={(registered) =>
          setState({ kind: 'ready', company: registered, vacancies: [] })
        }
      />
    );
  }

  const replace = (next: VacancyView) =>
    setState({
      kind: 'ready',
      company,
      vacancies: vacancies.map((v) => (v.id === next.id ? next : v)),
    });

  return (
    <View className="emp-page">
      <CompanyCard company={company} />
      <Text className="emp-page__section">本单位的岗位</Text>
      {vacancies.length === 0 ? (
        <Text className="emp-page__empty" id="vacancies-empty">
          还没有发布岗位。
        </Text>
      ) : (
        vacancies.map((vacancy) => (
          <VacancyRow key={vacancy.id} vacancy={vacancy} onChanged={replace} />
        ))
      )}
      <View className="emp-page__action">
        <Button
          type="primary"
          round
          block
          id="company-post-job"
          onClick={() => void Taro.navigateTo({ url: '/packages/employer/post-job/index' })}
        >
          发布岗位
        </Button>
      </View>
    </View>
  );
}
