/**
 * 企业与岗位审核 (市场服务中心): new companies to verify and vacancies flagged for review, each
 * with the reasons. Approve; reject with a reason the employer sees; or correct the vacancy with
 * a note the employer sees (and approve it in the same step).
 */
import { Button } from '@antmjs/vantui';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useState, type ReactNode } from 'react';

import { UNVERIFIED_COMPANY_REASON, type CompanyView, type LedgerRow } from '@nuanxin/shared';

import { FormField, TextAreaBox } from '../../../components/FormField';
import { ErrorState, LoadingState } from '../../../components/PageStatus';
import { call } from '../../../services/cloud';
import { industryLabel } from '../../employer/components/labels';
import { StaffEditForm } from '../components/StaffEditForm';
import { VacancyRow } from '../components/VacancyRow';

import '../components/market.less';

type Kind = 'company' | 'vacancy';
type Load =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; companies: CompanyView[]; vacancies: LedgerRow[] };

/**
 * Approve, or reject with a reason; one item of either kind. A vacancy's decision names the
 * version of the wording on screen: if the employer changed it meanwhile the cloud refuses, and
 * the queue reloads with the new wording to be looked at again.
 */
function Decision({
  kind,
  id,
  version = null,
  approveLabel,
  approveDisabled,
  extra,
  onDecided,
  onStale,
}: {
  kind: Kind;
  id: string;
  version?: number | null;
  approveLabel: string;
  approveDisabled?: boolean;
  extra?: ReactNode;
  onDecided: (message: string) => void;
  onStale?: (message: string) => void;
}) {
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState<'approve' | 'reject' | null>(null);
  const [error, setError] = useState('');

  const decide = async (decision: 'approve' | 'reject') => {
    if (busy) return;
    if (decision === 'reject' && !reason.trim()) {
      setError('请填写不通过的原因，企业会看到');
      return;
    }
    setBusy(decision);
    setError('');
    const res = await call('employer', 'review', {
      kind,
      id,
      decision,
      reason: reason.trim(),
      version,
    });
    setBusy(null);
    if (!res.ok) {
      // Decided by someone else, or the wording changed: show the queue as it is now.
      if (res.error.code === 'CONFLICT' && onStale) onStale(res.error.message);
      else setError(res.error.message);
      return;
    }
    onDecided(
      decision === 'reject'
        ? '已退回，企业会看到原因'
        : kind === 'company' && res.data.published > 0
          ? `已核验，${res.data.published}个岗位随之公开`
          : kind === 'company'
            ? '已核验'
            : '已审核通过，岗位已公开',
    );
  };

  return (
    <>
      <View className="mk-card__actions">
        <View className="mk-card__action">
          <Button
            size="small"
            round
            type="primary"
            id={`approve-${kind}-${id}`}
            disabled={approveDisabled}
            loading={busy === 'approve'}
            onClick={() => void decide('approve')}
          >
            {approveLabel}
          </Button>
        </View>
        <View className="mk-card__action">
          <Button
            size="small"
            round
            plain
            id={`reject-${kind}-${id}`}
            onClick={() => setRejecting((r) => !r)}
          >
            不通过
          </Button>
        </View>
        {extra}
      </View>
      {rejecting ? (
        <View className="mk-panel" id={`reject-${kind}-${id}-panel`}>
          <FormField name={`reject-${kind}-${id}-reason`} label="不通过的原因（企业可见）">
            <TextAreaBox
              value={reason}
              maxlength={200}
              placeholder={
                kind === 'company'
                  ? '例如：营业执照名称与统一社会信用代码不一致'
                  : '例如：“身高165cm以上”与岗位无关，请删除后重新提交'
              }
              onChange={setReason}
            />
          </FormField>
          <View className="mk-panel__buttons">
            <Button
              size="small"
              round
              type="danger"
              id={`reject-${kind}-${id}-confirm`}
              loading={busy === 'reject'}
              onClick={() => void decide('reject')}
            >
              确定不通过
            </Button>
            <Button size="small" round plain onClick={() => setRejecting(false)}>
              取消
            </Button>
          </View>
        </View>
      ) : null}
      {error ? (
        <Text className="mk-card__error" id={`${kind}-${id}-error`}>
          {error}
        </Text>
      ) : null}
    </>
  );
}

function CompanyItem({
  company,
  onDecided,
  onStale,
}: {
  company: CompanyView;
  onDecided: (m: string) => void;
  onStale: (m: string) => void;
}) {
  return (
    <View className="mk-card" id={`company-${company.id}`}>
      <View className="mk-card__head">
        <Text className="mk-card__title">{company.name}</Text>
        <Text className={`mk-status mk-status--${company.status}`}>{company.statusLabel}</Text>
      </View>
      <Text className="mk-card__row">统一社会信用代码：{company.uscc}</Text>
      <Text className="mk-card__row">行业：{industryLabel(company.industry)}</Text>
      <Text className="mk-card__row">
        地址：{company.townshipLabel} {company.address}
      </Text>
      <Text className="mk-card__row">
        联系人：{company.contactName} {company.contactMobile}
      </Text>
      {company.previousRejectReason ? (
        <Text className="mk-card__text" id={`company-${company.id}-resubmitted`}>
          企业修改后重新提交。上次未通过的原因：{company.previousRejectReason}
        </Text>
      ) : null}
      <Decision
        kind="company"
        id={company.id}
        approveLabel="核验通过"
        onDecided={onDecided}
        onStale={onStale}
      />
    </View>
  );
}

export default function ReviewPage() {
  const [state, setState] = useState<Load>({ kind: 'loading' });
  const [editing, setEditing] = useState<LedgerRow | null>(null);

  const load = useCallback(async (quiet = false) => {
    if (!quiet) setState({ kind: 'loading' });
    const res = await call('employer', 'reviewQueue', {});
    setState(
      res.ok
        ? { kind: 'ready', companies: res.data.companies, vacancies: res.data.vacancies }
        : { kind: 'error', message: res.error.message },
    );
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const decided = (message: string) => {
    void Taro.showToast({ title: message, icon: 'none' });
    void load(true);
  };
  /** The item changed under the staff member: say why and show it as it is now. */
  const stale = (message: string) => {
    void Taro.showModal({ title: '请重新审核', content: message, showCancel: false });
    void load(true);
  };

  if (state.kind === 'loading') return <LoadingState />;
  if (state.kind === 'error') {
    return <ErrorState message={state.message} onRetry={() => void load()} />;
  }
  if (editing) {
    return (
      <StaffEditForm
        row={editing}
        onCancel={() => setEditing(null)}
        onDone={(next) => {
          setEditing(null);
          decided(next.status === 'published' ? '已修改并公开，已通知企业' : '已修改，已通知企业');
        }}
      />
    );
  }

  const { companies, vacancies } = state;
  return (
    <View className="mk-page" id="review-page">
      <Text className="mk-page__section">待核验企业（{companies.length}）</Text>
      <Text className="mk-page__hint">
        请对照营业执照核对单位名称和统一社会信用代码。核验通过后，该企业已提交的岗位（无需另行审核的）随之公开。
      </Text>
      {companies.length === 0 ? (
        <Text className="mk-page__empty" id="review-companies-empty">
          没有待核验的企业。
        </Text>
      ) : (
        companies.map((c) => (
          <CompanyItem key={c.id} company={c} onDecided={decided} onStale={stale} />
        ))
      )}

      <Text className="mk-page__section">待审核岗位（{vacancies.length}）</Text>
      <Text className="mk-page__hint">
        筛查发现年龄、身高容貌、“高薪/保录”等内容的岗位在这里等待审核。可以直接通过、退回，或修改后通过（企业会看到修改说明）。
      </Text>
      {vacancies.length === 0 ? (
        <Text className="mk-page__empty" id="review-vacancies-empty">
          没有待审核的岗位。
        </Text>
      ) : (
        vacancies.map((v) => {
          const awaitsCompany = v.reviewReasons.includes(UNVERIFIED_COMPANY_REASON);
          return (
            <VacancyRow key={v.id} row={v}>
              {v.requirements ? (
                <Text className="mk-card__text">任职要求：{v.requirements}</Text>
              ) : null}
              {v.description ? (
                <Text className="mk-card__text">岗位描述：{v.description}</Text>
              ) : null}
              {v.benefits ? <Text className="mk-card__text">福利待遇：{v.benefits}</Text> : null}
              {awaitsCompany ? (
                <Text className="mk-card__error">
                  请先核验上方的企业，核验通过后才能公开这个岗位。
                </Text>
              ) : null}
              <Decision
                kind="vacancy"
                id={v.id}
                version={v.version}
                onStale={stale}
                approveLabel="审核通过"
                approveDisabled={awaitsCompany}
                onDecided={decided}
                extra={
                  <View className="mk-card__action">
                    <Button
                      size="small"
                      round
                      plain
                      id={`edit-vacancy-${v.id}`}
                      onClick={() => setEditing(v)}
                    >
                      修改后通过
                    </Button>
                  </View>
                }
              />
            </VacancyRow>
          );
        })
      )}
    </View>
  );
}
