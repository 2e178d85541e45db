/**
 * 今日回访: the people whose follow-up is due today or overdue (001 §3(一)3), most overdue first —
 * the caseworker's calls for the day. Tapping one opens the person page, where a phone follow-up
 * takes two taps; the person then leaves this list. "每天提醒我（微信）" asks for the morning
 * reminder (and new-request alerts) as WeChat messages; the page a reminder opens is this one.
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';

import { formatShanghai } from '@nuanxin/shared';

import { EmptyState, ErrorState, LoadingState } from '../../../components/PageStatus';
import { call, type CallOutput } from '../../../services/cloud';
import { CASELOAD_CHANGED } from '../components/personView';
import { WorkbenchRow } from '../components/WorkbenchRow';

import { CASEWORKER_REMINDERS, DailyReminders } from './DailyReminders';

import '../my-seekers/index.less';

type Load =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; data: CallOutput<'casework', 'caseload'> };

export default function VisitsTodayPage() {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const latest = useRef(0);

  const fetchDue = useCallback(async () => {
    const ticket = ++latest.current;
    const result = await call('casework', 'caseload', { state: 'due' });
    if (ticket !== latest.current) return;
    setLoad(
      result.ok
        ? { status: 'ready', data: result.data }
        : { status: 'error', message: result.error.message },
    );
  }, []);

  useEffect(() => {
    void fetchDue();
    const reload = () => void fetchDue();
    Taro.eventCenter.on(CASELOAD_CHANGED, reload);
    return () => {
      Taro.eventCenter.off(CASELOAD_CHANGED, reload);
    };
  }, [fetchDue]);

  const open = useCallback((id: string) => {
    void Taro.navigateTo({ url: `/packages/caseworker/person/index?id=${encodeURIComponent(id)}` });
  }, []);

  if (load.status === 'loading') return <LoadingState />;
  if (load.status === 'error') {
    return <ErrorState message={load.message} onRetry={() => void fetchDue()} />;
  }
  const { people, today, counts } = load.data;
  if (people.length === 0) {
    return (
      <View>
        <EmptyState
          title="今天没有需要回访的人"
          text={
            counts.dueSoon > 0
              ? `未来几天有 ${counts.dueSoon} 人到期，可在“我的包保对象”中提前联系。`
              : '失业人员每月回访一次，灵活就业和暂无就业意愿的每半年一次，稳定就业的每年一次。'
          }
        />
        <DailyReminders copy={CASEWORKER_REMINDERS} />
      </View>
    );
  }
  return (
    <View className="caseload" id="visits-today">
      <View className="caseload__summary" id="visits-summary">
        <Text className="caseload__stat">{formatShanghai(today, 'M月D日')} 需要回访</Text>
        <Text className="caseload__stat caseload__stat--alert">
          <Text className="caseload__stat-n">{people.length}</Text> 人
          {counts.overdue > 0 ? `，其中逾期 ${counts.overdue} 人` : ''}
        </Text>
      </View>
      <DailyReminders copy={CASEWORKER_REMINDERS} />
      <Text className="caseload__count">逾期最久的排在最前面，点开即可记录回访。</Text>
      {people.map((person) => (
        <WorkbenchRow key={person.id} person={person} today={today} onOpen={open} />
      ))}
    </View>
  );
}
