/**
 * 推荐岗位 — two tabs: 为您推荐 (the person's top-10 with the reasons, issue 5; first when they are
 * registered and have personalisation on) and 全部岗位 (every open vacancy with filters, never
 * ordered by the person's profile: PIPL 第24条's non-personalised view). Someone not registered,
 * or who withdrew consent, sees 全部岗位 only; someone who turned personalisation off finds
 * 为您推荐 second, saying how to turn it back on.
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';

import { ErrorState, LoadingState } from '../../../components/PageStatus';
import { call } from '../../../services/cloud';

import { AllJobs } from './AllJobs';
import { JOB_APPLIED_EVENT, PREFERENCES_CHANGED_EVENT } from './filters';
import { Recommended, type Mine } from './Recommended';

import './jobs.less';

type Tab = 'rec' | 'all';
type Load =
  { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; mine: Mine };

const TAB_LABELS: Record<Tab, string> = { rec: '为您推荐', all: '全部岗位' };

function tabsFor(load: Load): Tab[] {
  if (load.kind === 'error') return ['all', 'rec'];
  if (load.kind !== 'ready') return [];
  switch (load.mine.state) {
    case 'ok':
      return ['rec', 'all'];
    case 'personalisationOff':
      return ['all', 'rec'];
    default:
      return ['all'];
  }
}

export default function JobsPage() {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [active, setActive] = useState<Tab | null>(null);
  // 全部岗位 stays mounted once opened, so its filters and pages survive switching tabs.
  const [allOpened, setAllOpened] = useState(false);

  const fetchMine = useCallback(async () => {
    const result = await call('matching', 'mine', {});
    const next: Load = result.ok
      ? { kind: 'ready', mine: result.data }
      : { kind: 'error', message: result.error.message };
    setLoad(next);
    return next;
  }, []);

  useEffect(() => {
    void fetchMine().then((next) => {
      const tab = tabsFor(next)[0] ?? 'all';
      setActive(tab);
      if (tab === 'all') setAllOpened(true);
    });
  }, [fetchMine]);

  // Applying takes a vacancy off the list; a change of settings turns recommendations on or off.
  useEffect(() => {
    const applied = () => void fetchMine();
    const changed = () =>
      void fetchMine().then((next) => {
        const tabs = tabsFor(next);
        setActive(tabs[0] ?? 'all');
        if ((tabs[0] ?? 'all') === 'all') setAllOpened(true);
      });
    Taro.eventCenter.on(JOB_APPLIED_EVENT, applied);
    Taro.eventCenter.on(PREFERENCES_CHANGED_EVENT, changed);
    return () => {
      Taro.eventCenter.off(JOB_APPLIED_EVENT, applied);
      Taro.eventCenter.off(PREFERENCES_CHANGED_EVENT, changed);
    };
  }, [fetchMine]);

  const open = (tab: Tab) => {
    setActive(tab);
    if (tab === 'all') setAllOpened(true);
  };

  if (active === null) return <LoadingState text="正在查找岗位…" />;
  const tabs = tabsFor(load);
  return (
    <View className="jobs-page">
      <View className="jobs-tabs" role="tablist">
        {(tabs.length > 0 ? tabs : (['all'] as Tab[])).map((tab) => (
          <View
            key={tab}
            className={`jobs-tabs__tab${active === tab ? ' jobs-tabs__tab--on' : ''}`}
            role="tab"
            aria-selected={active === tab}
            id={`tab-${tab}`}
            onClick={() => open(tab)}
          >
            {TAB_LABELS[tab]}
          </View>
        ))}
      </View>
      {active === 'rec' && load.kind === 'ready' ? (
        <Recommended mine={load.mine} onBrowseAll={() => open('all')} />
      ) : null}
      {active === 'rec' && load.kind === 'error' ? (
        <View className="jobs-pane" id="pane-rec">
          <ErrorState message={load.message} onRetry={() => void fetchMine()} />
          <Text className="jobs-page__note">推荐暂时打不开，您仍可以在“全部岗位”中浏览。</Text>
        </View>
      ) : null}
      {allOpened ? (
        <View className={active === 'all' ? '' : 'jobs-pane--hidden'}>
          <AllJobs />
        </View>
      ) : null}
    </View>
  );
}
