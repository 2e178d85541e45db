/**
 * 我的包保对象 — the caseworker's workbench (000 §1(5); 001 §3(一)3): every person they are
 * responsible for, overdue follow-ups on top with a red marker, then due today and due soon;
 * each with this year's "131" progress and this month's push plan. Filters and the order are
 * the server's (`casework.caseload`), so counts and urgency are computed in one place. The list
 * renders a page of rows at a time, which keeps a 200-person caseload light on a cheap phone.
 */
import { Button } from '@antmjs/vantui';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

import {
  KEY_GROUP_LABELS,
  REGISTRATION_STATUS_LABELS,
  REGISTRATION_STATUSES,
  type CaseloadEntry,
  type RegistrationStatus,
} from '@nuanxin/shared';

import { EmptyState, ErrorState, LoadingState } from '../../../components/PageStatus';
import { call, type CallInput, type CallOutput } from '../../../services/cloud';
import { FilterChips } from '../components/FilterChips';
import { CASELOAD_CHANGED, CASELOAD_PAGE_SIZE as PAGE_SIZE } from '../components/personView';
import { TownshipSelect } from '../components/TownshipSelect';
import { WorkbenchRow } from '../components/WorkbenchRow';

import './index.less';

type StateFilter = 'all' | 'overdue' | 'dueToday' | 'dueSoon' | 'notDue';
type StatusFilter = RegistrationStatus | 'all';
type TagFilter = 'all' | NonNullable<CallInput<'casework', 'caseload'>['tag']>;

interface Filter {
  state: StateFilter;
  status: StatusFilter;
  tag: TagFilter;
  township: string | null;
}

const NO_FILTER: Filter = { state: 'all', status: 'all', tag: 'all', township: null };

// A draft has no caseworker yet, and cancelling a registration ends its 包保 membership, so
// neither status ever appears in this list.
const STATUS_OPTIONS: { value: StatusFilter; label: string }[] = [
  { value: 'all', label: '全部状态' },
  ...REGISTRATION_STATUSES.filter((s) => s !== 'draft' && s !== 'cancelled').map((value) => ({
    value,
    label: REGISTRATION_STATUS_LABELS[value],
  })),
];

type Counts = CallOutput<'casework', 'caseload'>['counts'];

function stateOptions(counts: Counts | null): { value: StateFilter; label: string }[] {
  const n = (k: keyof Counts) => (counts && counts[k] > 0 ? ` ${counts[k]}` : '');
  return [
    { value: 'all', label: '全部' },
    { value: 'overdue', label: `已逾期${n('overdue')}` },
    { value: 'dueToday', label: `今天到期${n('dueToday')}` },
    { value: 'dueSoon', label: `即将到期${n('dueSoon')}` },
    { value: 'notDue', label: '未到期' },
  ];
}

type Load =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; data: CallOutput<'casework', 'caseload'> };

export default function MySeekersPage() {
  const [filter, setFilter] = useState<Filter>(NO_FILTER);
  const [moreOpen, setMoreOpen] = useState(false);
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [loadedOnce, setLoadedOnce] = useState(false);
  const [shown, setShown] = useState(PAGE_SIZE);
  // Every township and tag seen in any answer: the choices stay while a filter is on.
  const [townships, setTownships] = useState<Map<string, string>>(() => new Map());
  const [tags, setTags] = useState<Set<string>>(() => new Set());
  const [counts, setCounts] = useState<Counts | null>(null);
  const latest = useRef(0);

  const fetchList = useCallback(async (f: Filter) => {
    const ticket = ++latest.current;
    setLoad({ status: 'loading' });
    const result = await call('casework', 'caseload', {
      ...(f.state === 'all' ? {} : { state: f.state }),
      ...(f.status === 'all' ? {} : { status: f.status }),
      ...(f.tag === 'all' ? {} : { tag: f.tag }),
      ...(f.township ? { township: f.township } : {}),
    });
    // A later filter tap wins over an answer that arrives late.
    if (ticket !== latest.current) return;
    if (!result.ok) {
      setLoad({ status: 'error', message: result.error.message });
      return;
    }
    setLoad({ status: 'ready', data: result.data });
    setCounts(result.data.counts);
    setLoadedOnce(true);
    setShown(PAGE_SIZE);
    const people: CaseloadEntry[] = result.data.people;
    setTownships((previous) => {
      const unseen = people.filter((p) => !previous.has(p.township));
      if (unseen.length === 0) return previous;
      const next = new Map(previous);
      for (const p of unseen) next.set(p.township, p.townshipLabel);
      return next;
    });
    setTags((previous) => {
      const seen = people.flatMap((p) => [
        ...p.tags.map((t) => t.key as string),
        ...(p.employmentDifficulty ? ['employmentDifficulty'] : []),
      ]);
      if (seen.every((t) => previous.has(t))) return previous;
      return new Set([...previous, ...seen]);
    });
  }, []);

  useEffect(() => {
    void fetchList(filter);
  }, [fetchList, filter]);

  // The person page announces contacts and status changes; the list follows.
  const filterRef = useRef(filter);
  filterRef.current = filter;
  useEffect(() => {
    const reload = () => void fetchList(filterRef.current);
    Taro.eventCenter.on(CASELOAD_CHANGED, reload);
    return () => {
      Taro.eventCenter.off(CASELOAD_CHANGED, reload);
    };
  }, [fetchList]);

  const townshipOptions = useMemo(
    () =>
      [...townships.entries()]
        .map(([value, label]) => ({ value, label }))
        .sort((a, b) => a.value.localeCompare(b.value)),
    [townships],
  );
  const tagOptions = useMemo(
    () => [
      { value: 'all' as TagFilter, label: '全部人群' },
      ...[...tags].sort().map((value) => ({
        value: value as TagFilter,
        label:
          value === 'employmentDifficulty'
            ? '就业困难人员'
            : KEY_GROUP_LABELS[value as keyof typeof KEY_GROUP_LABELS],
      })),
    ],
    [tags],
  );

  const open = useCallback((id: string) => {
    void Taro.navigateTo({ url: `/packages/caseworker/person/index?id=${encodeURIComponent(id)}` });
  }, []);

  const set = (patch: Partial<Filter>) => setFilter((f) => ({ ...f, ...patch }));
  const filtered =
    filter.state !== 'all' || filter.status !== 'all' || filter.tag !== 'all' || !!filter.township;
  const moreOn = filter.status !== 'all' || filter.tag !== 'all' || !!filter.township;
  const retry = () => void fetchList(filter);

  if (!loadedOnce) {
    if (load.status === 'error') return <ErrorState message={load.message} onRetry={retry} />;
    return <LoadingState />;
  }

  if (!filtered && load.status === 'ready' && load.data.people.length === 0) {
    return (
      <EmptyState
        title="暂无包保对象"
        text="市民提交失业登记后，系统按居住乡镇（街道）和所属机构自动分配包保责任人，分配给您的人员会出现在这里。"
      />
    );
  }

  return (
    <View className="caseload" id="caseload">
      {counts ? (
        <View className="caseload__summary" id="caseload-summary">
          <Text className={`caseload__stat${counts.overdue > 0 ? ' caseload__stat--alert' : ''}`}>
            逾期 <Text className="caseload__stat-n">{counts.overdue}</Text> 人
          </Text>
          <Text className="caseload__stat">
            今天到期 <Text className="caseload__stat-n">{counts.dueToday}</Text> 人
          </Text>
          <Text className="caseload__stat">
            即将到期 <Text className="caseload__stat-n">{counts.dueSoon}</Text> 人
          </Text>
          {counts.openRequests > 0 ? (
            <Text
              className="caseload__stat caseload__stat--link"
              id="caseload-requests"
              onClick={() => void Taro.navigateTo({ url: '/packages/caseworker/tasks/index' })}
            >
              待答复求助 <Text className="caseload__stat-n">{counts.openRequests}</Text> 条 ›
            </Text>
          ) : null}
        </View>
      ) : null}
      <View className="caseload__filters">
        <FilterChips
          idPrefix="filter-state"
          options={stateOptions(counts)}
          value={filter.state}
          onChange={(state) => set({ state })}
        />
        <Text
          className={`caseload__more-filters${moreOn ? ' caseload__more-filters--on' : ''}`}
          id="caseload-more-filters"
          onClick={() => setMoreOpen(!moreOpen)}
        >
          {moreOpen ? '收起筛选' : `更多筛选${moreOn ? '（已选）' : ''}`}
        </Text>
        {moreOpen ? (
          <View>
            <FilterChips
              idPrefix="filter-status"
              options={STATUS_OPTIONS}
              value={filter.status}
              onChange={(status) => set({ status })}
            />
            {tagOptions.length > 1 ? (
              <FilterChips
                idPrefix="filter-tag"
                options={tagOptions}
                value={filter.tag}
                onChange={(tag) => set({ tag })}
              />
            ) : null}
            {townshipOptions.length > 1 || filter.township !== null ? (
              <TownshipSelect
                options={townshipOptions}
                value={filter.township}
                onChange={(township) => set({ township })}
              />
            ) : null}
          </View>
        ) : null}
      </View>

      {load.status === 'loading' ? <LoadingState text="正在筛选…" /> : null}
      {load.status === 'error' ? <ErrorState message={load.message} onRetry={retry} /> : null}
      {load.status === 'ready' ? (
        <View>
          <Text className="caseload__count" id="caseload-count">
            共 {load.data.total} 人{filtered ? '（已筛选）' : ''}
          </Text>
          {load.data.people.length === 0 ? (
            <View className="caseload__none" id="caseload-none">
              <Text className="caseload__none-text">没有符合筛选条件的人员</Text>
              <Button
                plain
                round
                size="small"
                className="outline-button"
                id="caseload-clear-filters"
                onClick={() => setFilter(NO_FILTER)}
              >
                清除筛选
              </Button>
            </View>
          ) : null}
          {load.data.people.slice(0, shown).map((person) => (
            <WorkbenchRow key={person.id} person={person} today={load.data.today} onOpen={open} />
          ))}
          {load.data.people.length > shown ? (
            <View className="caseload__more">
              <Button
                plain
                round
                block
                className="outline-button"
                id="caseload-more"
                onClick={() => setShown(shown + PAGE_SIZE)}
              >
                显示更多（还有 {load.data.people.length - shown} 人）
              </Button>
            </View>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}
