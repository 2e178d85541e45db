/**
 * 我的包保对象: every person the caseworker is responsible for (000 §1(5): each key-group person
 * has one named staff member), ID numbers masked. Filters go to the server (`listMine`), so the
 * count and the order (who needs action first) are the server's. The list renders a page of rows
 * at a time, which keeps a 200-person caseload light on a cheap phone.
 */
import { Button } from '@antmjs/vantui';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

import {
  REGISTRATION_STATUS_LABELS,
  REGISTRATION_STATUSES,
  type PersonSummary,
  type RegistrationStatus,
} from '@nuanxin/shared';

import { EmptyState, ErrorState, LoadingState } from '../../../components/PageStatus';
import { call } from '../../../services/cloud';
import { FilterChips } from '../components/FilterChips';
import { PersonRow } from '../components/PersonRow';
import { CASELOAD_CHANGED, CASELOAD_PAGE_SIZE as PAGE_SIZE } from '../components/personView';
import { TownshipSelect } from '../components/TownshipSelect';

import './index.less';

type StatusFilter = RegistrationStatus | 'all';

// A draft has no caseworker yet, and cancelling a registration ends its 包保 membership, so
// neither status ever appears in this list.
const STATUS_OPTIONS: { value: StatusFilter; label: string }[] = [
  { value: 'all', label: '全部' },
  ...REGISTRATION_STATUSES.filter((s) => s !== 'draft' && s !== 'cancelled').map((value) => ({
    value,
    label: REGISTRATION_STATUS_LABELS[value],
  })),
];

type Load =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; people: PersonSummary[]; total: number };

export default function MySeekersPage() {
  const [status, setStatus] = useState<StatusFilter>('all');
  const [township, setTownship] = useState<string | null>(null);
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [loadedOnce, setLoadedOnce] = useState(false);
  const [shown, setShown] = useState(PAGE_SIZE);
  // Every township seen in any answer: the select keeps its options while a filter is on.
  const [townships, setTownships] = useState<Map<string, string>>(() => new Map());
  const latest = useRef(0);

  const fetchList = useCallback(
    async (filter: { status: StatusFilter; township: string | null }) => {
      const ticket = ++latest.current;
      setLoad({ status: 'loading' });
      const result = await call('registration', 'listMine', {
        ...(filter.status === 'all' ? {} : { status: filter.status }),
        ...(filter.township ? { township: filter.township } : {}),
      });
      // A later filter tap wins over an answer that arrives late.
      if (ticket !== latest.current) return;
      if (!result.ok) {
        setLoad({ status: 'error', message: result.error.message });
        return;
      }
      const { people, total } = result.data;
      setLoad({ status: 'ready', people, total });
      setLoadedOnce(true);
      setShown(PAGE_SIZE);
      setTownships((previous) => {
        const unseen = people.filter((p) => !previous.has(p.township));
        if (unseen.length === 0) return previous;
        const next = new Map(previous);
        for (const p of unseen) next.set(p.township, p.townshipLabel);
        return next;
      });
    },
    [],
  );

  useEffect(() => {
    void fetchList({ status, township });
  }, [fetchList, status, township]);

  // The person page announces verifications and status changes; the list follows.
  const filterRef = useRef({ status, township });
  filterRef.current = { status, township };
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

  const open = useCallback((id: string) => {
    void Taro.navigateTo({ url: `/packages/caseworker/person/index?id=${encodeURIComponent(id)}` });
  }, []);

  const filtered = status !== 'all' || township !== null;
  const retry = () => void fetchList({ status, township });

  if (!loadedOnce) {
    if (load.status === 'error') return <ErrorState message={load.message} onRetry={retry} />;
    return <LoadingState />;
  }

  if (!filtered && load.status === 'ready' && load.people.length === 0) {
    return (
      <EmptyState
        title="暂无包保对象"
        text="市民提交失业登记后，系统按居住乡镇（街道）和所属机构自动分配包保责任人，分配给您的人员会出现在这里。"
      />
    );
  }

  return (
    <View className="caseload" id="caseload">
      <View className="caseload__filters">
        <FilterChips
          idPrefix="filter-status"
          options={STATUS_OPTIONS}
          value={status}
          onChange={setStatus}
        />
        {townshipOptions.length > 1 || township !== null ? (
          <TownshipSelect options={townshipOptions} value={township} onChange={setTownship} />
        ) : null}
      </View>

      {load.status === 'loading' ? <LoadingState text="正在筛选…" /> : null}
      {load.status === 'error' ? <ErrorState message={load.message} onRetry={retry} /> : null}
      {load.status === 'ready' ? (
        <View>
          <Text className="caseload__count" id="caseload-count">
            共 {load.total} 人{filtered ? '（已筛选）' : ''}
          </Text>
          {load.people.length === 0 ? (
            <View className="caseload__none" id="caseload-none">
              <Text className="caseload__none-text">没有符合筛选条件的人员</Text>
              <Button
                plain
                round
                size="small"
                className="outline-button"
                id="caseload-clear-filters"
                onClick={() => {
                  setStatus('all');
                  setTownship(null);
                }}
              >
                清除筛选
              </Button>
            </View>
          ) : null}
          {load.people.slice(0, shown).map((person) => (
            <PersonRow key={person.id} person={person} onOpen={open} />
          ))}
          {load.people.length > shown ? (
            <View className="caseload__more">
              <Button
                plain
                round
                block
                className="outline-button"
                id="caseload-more"
                onClick={() => setShown(shown + PAGE_SIZE)}
              >
                显示更多（还有 {load.people.length - shown} 人）
              </Button>
            </View>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}
