/**
 * One vacancy in full, and 投递简历: a sheet that says what the employer will see, then the
 * result. Next to it 感兴趣 (Interest.tsx): tell the employer without applying, tap again to take
 * it back. Someone not yet registered is told why they cannot apply and where to register; someone
 * who applied sees their application's state (also after the vacancy stopped).
 */
import { Button } from '@antmjs/vantui';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';

import type { VacancyDetail as Detail } from '@nuanxin/shared';

import { ErrorState, LoadingState } from '../../../../components/PageStatus';
import { VacancyDetail } from '../../../../components/VacancyDetail';
import { call } from '../../../../services/cloud';
import { ApplySheet, type ApplyChoice } from '../ApplySheet';
import { JOB_APPLIED_EVENT, JOB_URLS } from '../filters';

import { InterestButton, InterestHint, InterestSheet, useInterest } from './Interest';

import '../jobs.less';

type Load =
  | { kind: 'loading' }
  | { kind: 'error'; message: string; retry: boolean }
  | { kind: 'ready'; vacancy: Detail };

export default function JobDetailPage() {
  // Read once: in h5 every open page stays mounted, and the router's current params move on.
  const [vacancyId] = useState(() => Taro.getCurrentInstance().router?.params.id ?? '');
  const [state, setState] = useState<Load>({ kind: 'loading' });
  const [sheet, setSheet] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [justApplied, setJustApplied] = useState(false);

  const load = useCallback(async () => {
    setState({ kind: 'loading' });
    const result = await call('jobs', 'detail', { vacancyId });
    if (!result.ok) {
      setState({
        kind: 'error',
        message: result.error.message,
        retry: result.error.code !== 'NOT_FOUND' && result.error.code !== 'VALIDATION',
      });
      return;
    }
    setState({ kind: 'ready', vacancy: result.data.vacancy });
  }, [vacancyId]);

  useEffect(() => {
    void load();
  }, [load]);

  // 感兴趣 is offered exactly where 投递简历 is: open, not applied, nothing in the way.
  const canApply =
    state.kind === 'ready' &&
    state.vacancy.open &&
    !state.vacancy.application &&
    !state.vacancy.cannotApply;
  // Applied elsewhere meanwhile, or the vacancy stopped: the page shows where things stand.
  const reload = useCallback(() => void load(), [load]);
  const interest = useInterest(vacancyId, canApply, reload);

  if (state.kind === 'loading') return <LoadingState />;
  if (state.kind === 'error') {
    return (
      <View className="jobs-page">
        <ErrorState message={state.message} onRetry={state.retry ? () => void load() : undefined} />
        <View className="jobs-results__action">
          <Button
            plain
            className="outline-button"
            round
            block
            id="back-to-jobs"
            onClick={() => void Taro.redirectTo({ url: JOB_URLS.list })}
          >
            看看其他岗位
          </Button>
        </View>
      </View>
    );
  }
  const { vacancy } = state;

  const apply = async (choice: ApplyChoice) => {
    if (busy) return;
    setBusy(true);
    setError('');
    const result = await call('jobs', 'apply', {
      vacancyId: vacancy.id,
      share: choice.share,
      message: choice.message,
    });
    setBusy(false);
    if (!result.ok) {
      if (result.error.code === 'CONFLICT') {
        // Applied already (another tap, another device): show where it stands.
        setSheet(false);
        void load();
        return;
      }
      setError(result.error.message);
      return;
    }
    setSheet(false);
    setJustApplied(true);
    setState({
      kind: 'ready',
      vacancy: {
        ...vacancy,
        applied: true,
        application: result.data.application,
        cannotApply: null,
      },
    });
    Taro.eventCenter.trigger(JOB_APPLIED_EVENT, vacancy.id);
  };

  const application = vacancy.application;
  return (
    <View className="jobs-page jobs-page--detail">
      {!vacancy.open ? (
        <Text className="jobs-stopped" id="vacancy-stopped">
          该岗位已停止招聘，您仍可在这里查看投递进度。
        </Text>
      ) : null}
      <VacancyDetail vacancy={vacancy} id="vacancy-detail" />

      <View className="jobs-apply">
        {justApplied ? (
          <View className="jobs-apply__done" id="apply-success">
            <Text className="jobs-apply__done-title">已投递，企业查看后会通知您</Text>
            <Text className="jobs-apply__done-text">
              进度会出现在“我的投递”和“消息”里。{vacancy.companyName}看到的内容：
              {application?.sharedLabels.join('、')}。
            </Text>
          </View>
        ) : null}
        {application ? (
          <View className="jobs-apply__status" id="apply-status">
            <Text className="jobs-apply__status-label">我的投递</Text>
            <Text
              className={`jobs-status jobs-status--${application.status}`}
              id="apply-status-label"
            >
              {application.statusLabel}
            </Text>
          </View>
        ) : null}
        {application ? (
          <Button
            type={justApplied ? 'primary' : 'default'}
            plain={!justApplied}
            className={justApplied ? undefined : 'outline-button'}
            round
            block
            id="apply-mine"
            onClick={() => void Taro.navigateTo({ url: JOB_URLS.applications })}
          >
            查看我的投递
          </Button>
        ) : vacancy.cannotApply ? (
          <View className="jobs-apply__blocked" id="apply-blocked">
            <Text className="jobs-apply__blocked-text" id="apply-blocked-reason">
              {vacancy.cannotApply.message}
            </Text>
            {vacancy.cannotApply.reason === 'notRegistered' ||
            vacancy.cannotApply.reason === 'consentWithdrawn' ? (
              <Button
                type="primary"
                round
                block
                id="apply-register"
                onClick={() => void Taro.navigateTo({ url: JOB_URLS.registration })}
              >
                {vacancy.cannotApply.reason === 'notRegistered' ? '去办理失业登记' : '查看我的登记'}
              </Button>
            ) : null}
          </View>
        ) : (
          <>
            <View className="interest-row">
              <View className="interest-row__interest">
                <InterestButton interest={interest} />
              </View>
              <View className="interest-row__apply">
                <Button
                  type="primary"
                  round
                  block
                  id="apply"
                  onClick={() => {
                    setError('');
                    setSheet(true);
                  }}
                >
                  投递简历
                </Button>
              </View>
            </View>
            <InterestHint interest={interest} companyName={vacancy.companyName} />
          </>
        )}
      </View>
      <InterestSheet interest={interest} companyName={vacancy.companyName} />

      {sheet ? (
        <ApplySheet
          companyName={vacancy.companyName}
          busy={busy}
          error={error}
          onConfirm={(choice) => void apply(choice)}
          onCancel={() => setSheet(false)}
        />
      ) : null}
    </View>
  );
}
