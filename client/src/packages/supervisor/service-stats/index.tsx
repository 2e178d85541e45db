/**
 * 包保服务统计: what the caseworkers did for people in a period (`casework.stats`) — the
 * 暖心活动情况统计表 columns 走访慰问人次数, 临时救助人次数 and 临时救助发放金额数, and the 回访,
 * 职业指导, 岗位推荐 and 培训推荐 人次 — by the township people live in, within the supervisor's
 * townships. Periods: 本月, 上月, 本年 or two chosen days (Asia/Shanghai). A tap on any number lists
 * the people behind it and each contact counted (003 §5(五): real-name and traceable); the server
 * audits that read. Amounts come in fen and are shown in yuan here.
 */
import { Picker, Text, View } from '@tarojs/components';
import { useCallback, useEffect, useRef, useState } from 'react';

import { inShanghai } from '@nuanxin/shared';

import { Chevron } from '../../../components/Chevron';
import { ChoiceChips } from '../../../components/ChoiceChips';
import { ErrorState, LoadingState } from '../../../components/PageStatus';
import { call, type CallInput, type CallOutput } from '../../../services/cloud';

import './index.less';

type Stats = CallOutput<'casework', 'stats'>;
type Row = Stats['townships'][number];
type DrillData = NonNullable<Stats['drill']>;
type Column = DrillData['column'];

type PeriodKind = 'thisMonth' | 'lastMonth' | 'thisYear' | 'custom';
interface Period {
  from: string;
  to: string;
}

const PERIOD_OPTIONS: { value: PeriodKind; label: string }[] = [
  { value: 'thisMonth', label: '本月' },
  { value: 'lastMonth', label: '上月' },
  { value: 'thisYear', label: '本年' },
  { value: 'custom', label: '自选日期' },
];

/** The cells of a row, in the order of the 统计表 first; `amount` opens the 临时救助 people. */
const CELLS: { key: Column | 'amount'; label: string }[] = [
  { key: 'visit', label: '走访慰问' },
  { key: 'relief', label: '临时救助' },
  { key: 'amount', label: '救助金额（元）' },
  { key: 'followUp', label: '回访' },
  { key: 'guidance', label: '职业指导' },
  { key: 'jobReferral', label: '岗位推荐' },
  { key: 'trainingReferral', label: '培训推荐' },
  { key: 'all', label: '服务合计' },
];

type Load =
  { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; data: Stats };

/** The number tapped: a column of one row ('total' for the total row). */
interface Target {
  row: string;
  column: Column;
}
type Drill =
  | (Target & { status: 'loading' })
  | (Target & { status: 'error'; message: string })
  | (Target & { status: 'ready'; data: DrillData });

/** Fen to yuan with thousands separators, exactly (integers only): 1234567 → '12,345.67'. */
function yuan(fen: number): string {
  const whole = Math.floor(fen / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${whole}.${String(fen % 100).padStart(2, '0')}`;
}

/** '2026-04-01' → '2026年4月1日'. */
function dayLabel(day: string): string {
  const [y, m, d] = day.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

function periodOf(kind: Exclude<PeriodKind, 'custom'>, now: Date): Period {
  const today = inShanghai(now);
  const month = kind === 'lastMonth' ? today.subtract(1, 'month') : today;
  if (kind === 'thisYear') {
    return { from: today.format('YYYY-01-01'), to: today.format('YYYY-12-31') };
  }
  return {
    from: month.startOf('month').format('YYYY-MM-DD'),
    to: month.endOf('month').format('YYYY-MM-DD'),
  };
}

function DateChoice({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (day: string) => void;
}) {
  return (
    <View className="service-stats__date">
      <Text className="service-stats__date-label">{label}</Text>
      <Picker mode="date" value={value} onChange={(e) => onChange(String(e.detail.value))}>
        <View className="service-stats__date-value" id={id}>
          <Text>{dayLabel(value)}</Text>
          <Chevron direction="down" />
        </View>
      </Picker>
    </View>
  );
}

export default function ServiceStatsPage() {
  const [kind, setKind] = useState<PeriodKind>('thisMonth');
  const [period, setPeriod] = useState<Period>(() => periodOf('thisMonth', new Date()));
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [drill, setDrill] = useState<Drill | null>(null);
  const latest = useRef(0);

  const fetchStats = useCallback(async (which: Period) => {
    const ticket = ++latest.current;
    setLoad({ status: 'loading' });
    setDrill(null);
    const result = await call('casework', 'stats', which);
    if (ticket !== latest.current) return;
    setLoad(
      result.ok
        ? { status: 'ready', data: result.data }
        : {
            status: 'error',
            message: Object.values(result.error.fields ?? {})[0] ?? result.error.message,
          },
    );
  }, []);

  useEffect(() => {
    void fetchStats(period);
  }, [fetchStats, period]);

  const choose = (next: PeriodKind) => {
    setKind(next);
    if (next !== 'custom') setPeriod(periodOf(next, new Date()));
  };

  const open = useCallback(
    async (row: Row, column: Column, shown: Period) => {
      if (drill?.row === row.township && drill.column === column) {
        setDrill(null);
        return;
      }
      const target = { row: row.township, column };
      setDrill({ ...target, status: 'loading' });
      const payload: CallInput<'casework', 'stats'> = {
        ...shown,
        drill: { column, township: row.township === 'total' ? null : row.township },
      };
      const result = await call('casework', 'stats', payload);
      setDrill((now) =>
        now?.row !== target.row || now.column !== target.column
          ? now
          : result.ok && result.data.drill
            ? { ...target, status: 'ready', data: result.data.drill }
            : {
                ...target,
                status: 'error',
                message: result.ok ? '没有找到统计明细' : result.error.message,
              },
      );
    },
    [drill],
  );

  return (
    <View className="service-stats" id="service-stats">
      <ChoiceChips options={PERIOD_OPTIONS} selected={[kind]} onToggle={choose} idPrefix="period" />
      {kind === 'custom' ? (
        <View className="service-stats__dates" id="period-custom">
          <DateChoice
            id="period-from"
            label="开始日期"
            value={period.from}
            onChange={(from) => setPeriod((p) => ({ ...p, from }))}
          />
          <DateChoice
            id="period-to"
            label="结束日期"
            value={period.to}
            onChange={(to) => setPeriod((p) => ({ ...p, to }))}
          />
        </View>
      ) : null}
      <Text className="service-stats__period" id="service-stats-period">
        {period.from === period.to
          ? dayLabel(period.from)
          : `${dayLabel(period.from)} 至 ${dayLabel(period.to)}`}
      </Text>

      {load.status === 'loading' ? <LoadingState /> : null}
      {load.status === 'error' ? (
        <ErrorState message={load.message} onRetry={() => void fetchStats(period)} />
      ) : null}
      {load.status === 'ready' ? (
        <Table
          data={load.data}
          drill={drill}
          onOpen={(row, column) => void open(row, column, period)}
        />
      ) : null}
    </View>
  );
}

function Table({
  data,
  drill,
  onOpen,
}: {
  data: Stats;
  drill: Drill | null;
  onOpen: (row: Row, column: Column) => void;
}) {
  const rows = [data.total, ...data.townships];
  return (
    <View>
      <Text className="service-stats__hint">
        按居住的乡镇（街道）统计。“人次”为服务次数，点任一数字查看到人。
      </Text>
      {data.townships.length === 0 ? (
        <Text className="service-stats__none" id="service-stats-none">
          这段时间还没有包保服务记录。包保责任人记录回访、走访慰问、临时救助等服务后，这里按乡镇（街道）统计。
        </Text>
      ) : null}
      {rows.map((row) => (
        <View
          key={row.township}
          className={`service-stats__row${row.township === 'total' ? ' service-stats__row--total' : ''}`}
          id={`row-${row.township}`}
        >
          <View className="service-stats__row-head">
            <Text className="service-stats__row-name">{row.townshipLabel}</Text>
            <Text className="service-stats__row-people">服务 {row.all.people} 人</Text>
          </View>
          <View className="service-stats__cells">
            {CELLS.map(({ key, label }) => {
              const column: Column = key === 'amount' ? 'relief' : key;
              const value = key === 'amount' ? row.reliefFen : row[key].contacts;
              const on = drill?.row === row.township && drill.column === column;
              return (
                <View
                  key={key}
                  id={`cell-${row.township}-${key}`}
                  className={`service-stats__cell${on ? ' service-stats__cell--on' : ''}${value === 0 ? ' service-stats__cell--zero' : ''}`}
                  hoverClass="service-stats__cell--pressed"
                  onClick={() => onOpen(row, column)}
                >
                  <Text className="service-stats__cell-n">
                    {key === 'amount' ? yuan(row.reliefFen) : row[key].contacts}
                  </Text>
                  <Text className="service-stats__cell-label">
                    {key === 'amount' ? label : `${label}人次`}
                  </Text>
                  {key !== 'amount' ? (
                    <Text className="service-stats__cell-people">{row[key].people} 人</Text>
                  ) : null}
                </View>
              );
            })}
          </View>
          {drill?.row === row.township ? <People drill={drill} /> : null}
        </View>
      ))}
    </View>
  );
}

function People({ drill }: { drill: Drill }) {
  if (drill.status === 'loading') {
    return <Text className="service-stats__loading">正在打开名单…</Text>;
  }
  if (drill.status === 'error') {
    return <Text className="service-stats__error">{drill.message}</Text>;
  }
  const { data } = drill;
  const money = data.column === 'relief' || data.amountFen > 0;
  return (
    <View className="service-stats__people" id={`people-${drill.row}-${drill.column}`}>
      <Text className="service-stats__people-head" id="drill-summary">
        {`${data.townshipLabel} · ${data.columnLabel}：${data.contacts} 人次，${data.people} 人`}
        {money ? `，金额 ${yuan(data.amountFen)} 元` : ''}
      </Text>
      {data.list.length === 0 ? <Text className="service-stats__loading">没有记录</Text> : null}
      {data.list.map((p) => (
        <View
          key={p.registrationId}
          className="service-stats__person"
          id={`person-${p.registrationId}`}
        >
          <Text className="service-stats__person-name">
            {p.name || '（未填写姓名）'}
            <Text className="service-stats__person-id"> {p.idMasked}</Text>
          </Text>
          <Text className="service-stats__person-meta">
            {p.townshipLabel} · {p.contacts.length} 人次
            {p.amountFen > 0 ? ` · ${yuan(p.amountFen)} 元` : ''}
          </Text>
          {p.contacts.map((c) => (
            <Text key={c.id} className="service-stats__contact">
              {[
                `${c.day.slice(5).replace('-', '月')}日`,
                c.channelLabel ? `${c.kindLabel}（${c.channelLabel}）` : c.kindLabel,
                c.amountFen !== null ? `${yuan(c.amountFen)} 元` : '',
                c.caseworkerName ? `记录人 ${c.caseworkerName}` : '',
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
          ))}
        </View>
      ))}
      {data.truncated ? (
        <Text className="service-stats__loading">
          人数较多，仅列出前 {data.list.length} 人；请按乡镇（街道）查看。
        </Text>
      ) : null}
    </View>
  );
}
