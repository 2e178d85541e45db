/**
 * 工作量: each caseworker in the supervisor's townships (000 §1(5)) — people followed, load
 * against cap, overdue follow-ups, unanswered requests — most overdue first. The supervisor opens
 * a caseworker's list to move a person to another caseworker (history kept) and sets caps. The
 * unassigned queue and the supervisor's own request queue are one tap away.
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';

import { contracts, type CaseloadEntry } from '@nuanxin/shared';

import { EmptyState, ErrorState, LoadingState } from '../../../components/PageStatus';
import { call, type CallOutput } from '../../../services/cloud';
import { LoadCard, type CapEdit, type PeopleState } from '../components/LoadCard';
import type { ReassignState } from '../components/ReassignPanel';

import './index.less';

type Load =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; data: CallOutput<'casework', 'caseloads'> };

export default function WorkloadPage() {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [caps, setCaps] = useState<Record<string, CapEdit>>({});
  const [people, setPeople] = useState<Record<string, PeopleState>>({});
  const [reassign, setReassign] = useState<ReassignState | null>(null);

  const fetchLoads = useCallback(async () => {
    const result = await call('casework', 'caseloads', {});
    setLoad(
      result.ok
        ? { status: 'ready', data: result.data }
        : { status: 'error', message: result.error.message },
    );
  }, []);

  useEffect(() => {
    void fetchLoads();
  }, [fetchLoads]);

  const fetchPeople = useCallback(async (openid: string) => {
    setPeople((all) => ({ ...all, [openid]: { status: 'loading' } }));
    const result = await call('casework', 'caseload', { caseworkerOpenid: openid });
    setPeople((all) => ({
      ...all,
      [openid]: result.ok
        ? { status: 'ready', people: result.data.people }
        : { status: 'error', message: result.error.message },
    }));
  }, []);

  const togglePeople = useCallback(
    (openid: string) => {
      if (people[openid]) {
        setPeople(({ [openid]: _, ...rest }) => rest);
        return;
      }
      void fetchPeople(openid);
    },
    [people, fetchPeople],
  );

  const capEdit = useCallback(
    (openid: string) => {
      const row =
        load.status === 'ready' ? load.data.caseworkers.find((c) => c.openid === openid) : null;
      setCaps((all) => ({
        ...all,
        [openid]: { value: String(row?.cap ?? ''), error: '', busy: false },
      }));
    },
    [load],
  );
  const capChange = useCallback((openid: string, value: string) => {
    setCaps((all) => ({ ...all, [openid]: { ...all[openid]!, value, error: '' } }));
  }, []);
  const capSave = useCallback(
    async (openid: string) => {
      const edit = caps[openid];
      if (!edit || edit.busy) return;
      const parsed = contracts.casework.setCap.input.safeParse({
        caseworkerOpenid: openid,
        cap: edit.value.trim() === '' ? undefined : Number(edit.value),
      });
      if (!parsed.success) {
        setCaps((all) => ({
          ...all,
          [openid]: { ...edit, error: parsed.error.issues[0]?.message ?? '请填写人数上限' },
        }));
        return;
      }
      setCaps((all) => ({ ...all, [openid]: { ...edit, busy: true, error: '' } }));
      const result = await call('casework', 'setCap', parsed.data);
      if (!result.ok) {
        setCaps((all) => ({
          ...all,
          [openid]: { ...edit, busy: false, error: result.error.message },
        }));
        return;
      }
      setCaps(({ [openid]: _, ...rest }) => rest);
      setLoad((current) =>
        current.status === 'ready'
          ? {
              ...current,
              data: {
                ...current.data,
                caseworkers: current.data.caseworkers.map((c) =>
                  c.openid === openid ? { ...c, cap: result.data.cap, load: result.data.load } : c,
                ),
              },
            }
          : current,
      );
      void Taro.showToast({ title: `上限已设为${result.data.cap}人`, icon: 'none' });
    },
    [caps],
  );

  const reassignOpen = useCallback(async (person: CaseloadEntry, from: string) => {
    setReassign({ person, from, options: null, chosen: null, reason: '', error: '', busy: false });
    const result = await call('registration', 'caseworkers', { registrationId: person.id });
    setReassign((current) =>
      current && current.person.id === person.id
        ? result.ok
          ? { ...current, options: result.data.caseworkers }
          : { ...current, options: [], error: result.error.message }
        : current,
    );
  }, []);

  const reassignConfirm = useCallback(async () => {
    if (!reassign || reassign.busy) return;
    const parsed = contracts.casework.reassign.input.safeParse({
      registrationId: reassign.person.id,
      caseworkerOpenid: reassign.chosen ?? '',
      reason: reassign.reason,
    });
    if (!parsed.success) {
      setReassign({ ...reassign, error: parsed.error.issues[0]?.message ?? '请选择包保责任人' });
      return;
    }
    setReassign({ ...reassign, busy: true, error: '' });
    const result = await call('casework', 'reassign', parsed.data);
    if (!result.ok) {
      setReassign({ ...reassign, busy: false, error: result.error.message });
      return;
    }
    const { from, chosen } = reassign;
    setReassign(null);
    void Taro.showToast({ title: `已转给${result.data.caseworkerName}`, icon: 'none' });
    // Both caseworkers' numbers and lists change.
    void fetchLoads();
    void fetchPeople(from);
    if (chosen && people[chosen]) void fetchPeople(chosen);
  }, [reassign, fetchLoads, fetchPeople, people]);

  if (load.status === 'loading') return <LoadingState />;
  if (load.status === 'error') {
    return <ErrorState message={load.message} onRetry={() => void fetchLoads()} />;
  }
  const { caseworkers, unassignedPeople, supervisorQueue } = load.data;
  const overdue = caseworkers.reduce((n, c) => n + c.overdue, 0);

  return (
    <View className="workload" id="workload">
      <View className="workload__links">
        <View
          className={`workload__link${unassignedPeople > 0 ? ' workload__link--alert' : ''}`}
          id="workload-unassigned"
          onClick={() => void Taro.navigateTo({ url: '/packages/supervisor/unassigned/index' })}
        >
          <Text className="workload__link-n">{unassignedPeople}</Text>
          <Text className="workload__link-label">待分配人员 ›</Text>
        </View>
        <View
          className={`workload__link${supervisorQueue > 0 ? ' workload__link--alert' : ''}`}
          id="workload-queue"
          onClick={() => void Taro.navigateTo({ url: '/packages/caseworker/tasks/index' })}
        >
          <Text className="workload__link-n">{supervisorQueue}</Text>
          <Text className="workload__link-label">求助待办 ›</Text>
        </View>
        <View className={`workload__link${overdue > 0 ? ' workload__link--alert' : ''}`}>
          <Text className="workload__link-n">{overdue}</Text>
          <Text className="workload__link-label">回访逾期</Text>
        </View>
      </View>
      {caseworkers.length === 0 ? (
        <EmptyState
          title="您负责的乡镇（街道）还没有包保责任人"
          text="请联系管理员邀请就业中心或人才服务中心的工作人员。"
        />
      ) : (
        <View>
          <Text className="workload__count" id="workload-count">
            共 {caseworkers.length} 名包保责任人，回访逾期多的排在前面
          </Text>
          {caseworkers.map((row) => (
            <LoadCard
              key={row.openid}
              row={row}
              cap={caps[row.openid] ?? null}
              people={people[row.openid] ?? null}
              reassign={reassign && reassign.from === row.openid ? reassign : null}
              onCapEdit={capEdit}
              onCapChange={capChange}
              onCapSave={(openid) => void capSave(openid)}
              onTogglePeople={togglePeople}
              onReassignOpen={(person, from) => void reassignOpen(person, from)}
              onReassignChange={(patch) => setReassign((r) => (r ? { ...r, ...patch } : r))}
              onReassignConfirm={() => void reassignConfirm()}
            />
          ))}
        </View>
      )}
    </View>
  );
}
