/**
 * 岗位推送统计: 推送提供就业岗位数 (暖心活动情况统计表, 004) of one month, by the township people
 * live in, within the supervisor's townships (`push.stats`). A tap on a township lists the people
 * behind its number and each position pushed to them (003 §5(五): real-name and traceable); the
 * server audits that read. Months step back and forth on the Shanghai calendar.
 */
import { Text, View } from '@tarojs/components';
import { useCallback, useEffect, useRef, useState } from 'react';

import { formatShanghai, inShanghai } from '@nuanxin/shared';

import { EmptyState, ErrorState, LoadingState } from '../../../components/PageStatus';
import { call, type CallOutput } from '../../../services/cloud';

import './index.less';

type Stats = CallOutput<'push', 'stats'>;
type Row = Stats['townships'][number];
type Person = NonNullable<Stats['details']>[number];

type Load =
  { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; data: Stats };

type Drill =
  | { township: string; status: 'loading' }
  | { township: string; status: 'error'; message: string }
  | { township: string; status: 'ready'; people: Person[] };

/** 'YYYY-MM' moved by `by` months. */
function shiftMonth(month: string, by: number): string {
  return inShanghai(`${month}-01 12:00`).add(by, 'month').format('YYYY-MM');
}

function monthLabel(month: string): string {
  const [year, m] = month.split('-');
  return `${year}年${Number(m)}月`;
}

export default function PushStatsPage() {
  // null: the server's current month (Asia/Shanghai).
  const [month, setMonth] = useState<string | null>(null);
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [drill, setDrill] = useState<Drill | null>(null);
  const latest = useRef(0);

  const fetchStats = useCallback(async (which: string | null) => {
    const ticket = ++latest.current;
    setLoad({ status: 'loading' });
    setDrill(null);
    const result = await call('push', 'stats', which ? { month: which } : {});
    if (ticket !== latest.current) return;
    setLoad(
      result.ok
        ? { status: 'ready', data: result.data }
        : { status: 'error', message: result.error.message },
    );
  }, []);

  useEffect(() => {
    void fetchStats(month);
  }, [fetchStats, month]);

  const open = useCallback(
    async (row: Row, shown: string) => {
      if (drill?.township === row.township) {
        setDrill(null);
        return;
      }
      setDrill({ township: row.township, status: 'loading' });
      const result = await call('push', 'stats', { month: shown, township: row.township });
      setDrill((now) =>
        now?.township !== row.township
          ? now
          : result.ok
            ? { township: row.township, status: 'ready', people: result.data.details ?? [] }
            : { township: row.township, status: 'error', message: result.error.message },
      );
    },
    [drill],
  );

  if (load.status === 'loading') return <LoadingState />;
  if (load.status === 'error') {
    return <ErrorState message={load.message} onRetry={() => void fetchStats(month)} />;
  }
  const { data } = load;
  const shown = data.month;
  const current = formatShanghai(new Date(), 'YYYY-MM');
  return (
    <View className="push-stats" id="push-stats">
      <View className="push-stats__months">
        <Text
          className="push-stats__step"
          id="push-stats-prev"
          onClick={() => setMonth(shiftMonth(shown, -1))}
        >
          ‹ 上月
        </Text>
        <Text className="push-stats__month" id="push-stats-month">
          {monthLabel(shown)}
        </Text>
        {shown < current ? (
          <Text
            className="push-stats__step"
            id="push-stats-next"
            onClick={() => setMonth(shiftMonth(shown, 1))}
          >
            下月 ›
          </Text>
        ) : (
          <Text className="push-stats__step push-stats__step--off">下月 ›</Text>
        )}
      </View>

      <View className="push-stats__totals" id="push-stats-totals">
        <View className="push-stats__total">
          <Text className="push-stats__total-n">{data.total}</Text>
          <Text className="push-stats__total-label">推送提供就业岗位数</Text>
        </View>
        <View className="push-stats__total">
          <Text className="push-stats__total-n">{data.people}</Text>
          <Text className="push-stats__total-label">收到推送的人数</Text>
        </View>
      </View>

      {data.townships.length === 0 ? (
        <EmptyState
          title={`${monthLabel(shown)}还没有推送记录`}
          text="系统每天为登记失业人员推送岗位（每人每月至少3个），推送后这里按乡镇（街道）统计。"
        />
      ) : (
        <View>
          <Text className="push-stats__hint">按居住的乡镇（街道）统计，点一行查看到人</Text>
          {data.townships.map((row) => (
            <View key={row.township} className="push-stats__row" id={`township-${row.township}`}>
              <View
                className="push-stats__row-head"
                hoverClass="push-stats__row-head--pressed"
                onClick={() => void open(row, shown)}
              >
                <View className="push-stats__row-main">
                  <Text className="push-stats__row-name">{row.townshipLabel}</Text>
                  <Text className="push-stats__row-meta">
                    {row.people} 人 · 公益性岗位 {row.publicWelfare} · 见习岗位 {row.internship}
                  </Text>
                  <Text className="push-stats__row-meta">
                    微信通知 {row.subscription} · 仅站内消息 {row.inApp}
                  </Text>
                </View>
                <Text className="push-stats__row-n">{row.pushes}</Text>
                <Text className="push-stats__row-arrow">
                  {drill?.township === row.township ? '收起' : '查看'}
                </Text>
              </View>
              {drill?.township === row.township ? <People drill={drill} /> : null}
            </View>
          ))}
        </View>
      )}
    </View>
  );
}

function People({ drill }: { drill: Drill }) {
  if (drill.status === 'loading') {
    return <Text className="push-stats__loading">正在打开…</Text>;
  }
  if (drill.status === 'error') {
    return <Text className="push-stats__error">{drill.message}</Text>;
  }
  return (
    <View className="push-stats__people" id={`people-${drill.township}`}>
      {drill.people.map((p) => (
        <View
          key={p.registrationId}
          className="push-stats__person"
          id={`person-${p.registrationId}`}
        >
          <Text className="push-stats__person-name">
            {p.name || '（未填写姓名）'} · {p.pushes.length} 个岗位
          </Text>
          {p.pushes.map((push) => (
            <Text key={push.id} className="push-stats__push">
              {[
                `${formatShanghai(push.at, 'MM-DD')} ${push.title}`,
                push.companyName,
                push.publicWelfare ? '公益性岗位' : push.internship ? '见习岗位' : '',
                push.channelLabel,
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
          ))}
        </View>
      ))}
    </View>
  );
}
