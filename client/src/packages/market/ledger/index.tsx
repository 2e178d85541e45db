/**
 * 岗位需求台账 (000 §2(4)): every vacancy in the staff member's townships with its status and
 * 备注, filtered by status (with counts), keyword, township, occupation and flag, newest first,
 * a page at a time. Each row opens its history; market staff may correct it with a note the
 * employer sees.
 */
import { Button } from '@antmjs/vantui';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';

import {
  VACANCY_FLAG_LABELS,
  VACANCY_FLAGS,
  VACANCY_STATUS_LABELS,
  VACANCY_TABLE,
  type LedgerRow,
  type VacancyStatus,
} from '@nuanxin/shared';

import { ChoiceChips } from '../../../components/ChoiceChips';
import { TextBox } from '../../../components/FormField';
import { ErrorState, LoadingState } from '../../../components/PageStatus';
import { TownshipSelect } from '../../../components/TownshipSelect';
import { call, type CallInput, type CallOutput } from '../../../services/cloud';
import { HistoryList } from '../../employer/components/HistoryList';
import { OccupationFilter } from '../components/OccupationFilter';
import { StaffEditForm } from '../components/StaffEditForm';
import { VacancyRow } from '../components/VacancyRow';

import '../components/market.less';

const PAGE_SIZE = 20;
/** Open ones first; drafts are not in the ledger. */
const LEDGER_ORDER: VacancyStatus[] = [
  'published',
  'pendingReview',
  'rejected',
  'paused',
  'expired',
  'closed',
];
type Flag = (typeof VACANCY_FLAGS)[number];
type Filters = {
  status: VacancyStatus | null;
  keyword: string;
  township: string | null;
  occupation: string | null;
  flag: Flag | null;
};
type Data = CallOutput<'employer', 'ledger'>;

const EMPTY: Filters = { status: null, keyword: '', township: null, occupation: null, flag: null };

function LedgerItem({ row, onEdit }: { row: LedgerRow; onEdit: () => void }) {
  const [history, setHistory] = useState(false);
  return (
    <VacancyRow row={row}>
      <View className="mk-card__actions">
        <View className="mk-card__action">
          <Button
            size="small"
            round
            plain
            id={`row-${row.id}-history`}
            onClick={() => setHistory((h) => !h)}
          >
            {history ? '收起记录' : '办理记录'}
          </Button>
        </View>
        {VACANCY_TABLE.edit[row.status] && row.status !== 'draft' ? (
          <View className="mk-card__action">
            <Button size="small" round plain id={`row-${row.id}-edit`} onClick={onEdit}>
              修改（企业可见）
            </Button>
          </View>
        ) : null}
      </View>
      {history ? <HistoryList vacancyId={row.id} /> : null}
    </VacancyRow>
  );
}

export default function LedgerPage() {
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [keyword, setKeyword] = useState('');
  const [page, setPage] = useState(1);
  const [more, setMore] = useState(false);
  const [state, setState] = useState<
    { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; data: Data }
  >({ kind: 'loading' });
  const [editing, setEditing] = useState<LedgerRow | null>(null);

  const load = useCallback(async () => {
    const payload: CallInput<'employer', 'ledger'> = { ...filters, page, pageSize: PAGE_SIZE };
    const res = await call('employer', 'ledger', payload);
    setState(
      res.ok ? { kind: 'ready', data: res.data } : { kind: 'error', message: res.error.message },
    );
  }, [filters, page]);

  useEffect(() => {
    void load();
  }, [load]);

  /** Any filter change starts again at page 1. */
  const set = (patch: Partial<Filters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage(1);
  };

  if (editing) {
    return (
      <StaffEditForm
        row={editing}
        onCancel={() => setEditing(null)}
        onDone={() => {
          setEditing(null);
          void Taro.showToast({ title: '已修改，已通知企业', icon: 'none' });
          void load();
        }}
      />
    );
  }

  const counts = state.kind === 'ready' ? state.data.counts : null;
  const all = counts ? Object.values(counts).reduce((a, b) => a + b, 0) : null;
  const statusOptions: { value: VacancyStatus | 'all'; label: string }[] = [
    { value: 'all', label: all === null ? '全部' : `全部 ${all}` },
    ...LEDGER_ORDER.map((s) => ({
      value: s,
      label: counts ? `${VACANCY_STATUS_LABELS[s]} ${counts[s] ?? 0}` : VACANCY_STATUS_LABELS[s],
    })),
  ];
  const activeMore =
    (filters.township ? 1 : 0) + (filters.occupation ? 1 : 0) + (filters.flag ? 1 : 0);

  return (
    <View className="mk-page" id="ledger-page">
      <View className="mk-filters">
        <Text className="mk-filters__label">状态</Text>
        <ChoiceChips
          idPrefix="ledger-status"
          options={statusOptions}
          selected={[filters.status ?? 'all']}
          onToggle={(v) => set({ status: v === 'all' ? null : v })}
        />
        <View className="mk-filters__row">
          <View className="mk-filters__grow">
            <TextBox
              value={keyword}
              maxlength={30}
              placeholder="岗位名称或企业名称"
              onChange={setKeyword}
            />
          </View>
          <Button
            size="small"
            round
            type="primary"
            id="ledger-search"
            onClick={() => set({ keyword: keyword.trim() })}
          >
            搜索
          </Button>
        </View>
        <View className="mk-filters__row">
          <Button size="small" round plain id="ledger-more" onClick={() => setMore((m) => !m)}>
            {more ? '收起筛选' : `更多筛选${activeMore ? `（已选${activeMore}项）` : ''}`}
          </Button>
          {activeMore || filters.keyword || filters.status ? (
            <Text
              className="mk-filters__code"
              id="ledger-reset"
              onClick={() => {
                setKeyword('');
                set(EMPTY);
              }}
            >
              清除全部筛选
            </Text>
          ) : null}
        </View>
        {more ? (
          <View id="ledger-more-filters">
            <Text className="mk-filters__label">乡镇（街道）：只会查到您负责范围内的岗位</Text>
            {filters.township ? (
              <View className="mk-filters__chosen">
                <Text> </Text>
                <Text id="ledger-township-clear" onClick={() => set({ township: null })}>
                  不限乡镇 ✕
                </Text>
              </View>
            ) : null}
            <TownshipSelect value={filters.township} onChange={(t) => set({ township: t })} />
            <Text className="mk-filters__label">职业</Text>
            <OccupationFilter value={filters.occupation} onChange={(o) => set({ occupation: o })} />
            <Text className="mk-filters__label">岗位类型</Text>
            <ChoiceChips
              idPrefix="ledger-flag"
              options={VACANCY_FLAGS.map((f) => ({ value: f, label: VACANCY_FLAG_LABELS[f] }))}
              selected={filters.flag ? [filters.flag] : []}
              onToggle={(f) => set({ flag: filters.flag === f ? null : f })}
            />
          </View>
        ) : null}
      </View>

      {state.kind === 'loading' ? <LoadingState /> : null}
      {state.kind === 'error' ? (
        <ErrorState message={state.message} onRetry={() => void load()} />
      ) : null}
      {state.kind === 'ready' ? (
        <>
          <Text className="mk-page__hint" id="ledger-total">
            共{state.data.total}条，按更新时间从新到旧
          </Text>
          {state.data.vacancies.length === 0 ? (
            <Text className="mk-page__empty" id="ledger-empty">
              没有符合条件的岗位。
            </Text>
          ) : (
            state.data.vacancies.map((row) => (
              <LedgerItem key={row.id} row={row} onEdit={() => setEditing(row)} />
            ))
          )}
          {state.data.total > PAGE_SIZE ? (
            <View className="mk-pager">
              <Button
                size="small"
                round
                plain
                id="ledger-prev"
                disabled={page <= 1}
                onClick={() => setPage(page - 1)}
              >
                上一页
              </Button>
              <Text className="mk-pager__text" id="ledger-page">
                第{page}/{Math.ceil(state.data.total / PAGE_SIZE)}页
              </Text>
              <Button
                size="small"
                round
                plain
                id="ledger-next"
                disabled={page * PAGE_SIZE >= state.data.total}
                onClick={() => setPage(page + 1)}
              >
                下一页
              </Button>
            </View>
          ) : null}
        </>
      ) : null}
    </View>
  );
}
