/**
 * 待分配人员: people whose township and organisation had no caseworker with room when they
 * registered (issue 3's assignment rule). The supervisor picks a caseworker for each; the
 * assignment starts a 包保 membership on the server, and the person leaves this queue.
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';

import { contracts, fieldErrors, type PersonSummary } from '@nuanxin/shared';

import { EmptyState, ErrorState, LoadingState } from '../../../components/PageStatus';
import { call } from '../../../services/cloud';
import { type CaseworkerOption } from '../components/caseworkerChoice';
import { UnassignedCard } from '../components/UnassignedCard';

import './index.less';

type Load =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; people: PersonSummary[]; caseworkers: CaseworkerOption[] };

/** The per-person error messages with one set (or, with `null`, cleared). */
function withError(
  errors: Record<string, string>,
  registrationId: string,
  message: string | null,
): Record<string, string> {
  const { [registrationId]: _, ...rest } = errors;
  return message ? { ...rest, [registrationId]: message } : rest;
}

export default function UnassignedPage() {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [openId, setOpenId] = useState<string | null>(null);
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<string | null>(null);

  const fetchAll = useCallback(async () => {
    setLoad({ status: 'loading' });
    const [people, staff] = await Promise.all([
      call('registration', 'unassigned', {}),
      call('registration', 'caseworkers', {}),
    ]);
    if (!people.ok) return setLoad({ status: 'error', message: people.error.message });
    if (!staff.ok) return setLoad({ status: 'error', message: staff.error.message });
    setLoad({ status: 'ready', people: people.data.people, caseworkers: staff.data.caseworkers });
  }, []);

  useEffect(() => {
    void fetchAll();
  }, [fetchAll]);

  const toggle = useCallback((registrationId: string) => {
    setOpenId((current) => (current === registrationId ? null : registrationId));
  }, []);

  const choose = useCallback((registrationId: string, openid: string) => {
    setChosen((c) => ({ ...c, [registrationId]: openid }));
    setErrors((e) => withError(e, registrationId, null));
    setOpenId(null);
  }, []);

  const assign = async (registrationId: string) => {
    if (busy || load.status !== 'ready') return;
    const parsed = contracts.registration.assign.input.safeParse({
      registrationId,
      caseworkerOpenid: chosen[registrationId] ?? '',
      reason: '待分配人员由主管指定',
    });
    if (!parsed.success) {
      const fields = fieldErrors(parsed.error);
      setErrors((e) =>
        withError(e, registrationId, fields.caseworkerOpenid ?? Object.values(fields)[0] ?? ''),
      );
      setOpenId(registrationId);
      return;
    }
    setErrors((e) => withError(e, registrationId, null));
    setBusy(registrationId);
    const result = await call('registration', 'assign', parsed.data);
    setBusy(null);
    if (!result.ok) {
      setErrors((e) => withError(e, registrationId, result.error.message));
      return;
    }
    const openid = parsed.data.caseworkerOpenid;
    const name = load.caseworkers.find((c) => c.openid === openid)?.name ?? '';
    // The person now has a caseworker and leaves the queue; that caseworker carries one more.
    setLoad((current) =>
      current.status === 'ready'
        ? {
            ...current,
            people: current.people.filter((p) => p.id !== registrationId),
            caseworkers: current.caseworkers.map((c) =>
              c.openid === openid ? { ...c, load: c.load + 1 } : c,
            ),
          }
        : current,
    );
    void Taro.showToast({ title: name ? `已分配给${name}` : '已分配', icon: 'success' });
  };

  if (load.status === 'loading') return <LoadingState />;
  if (load.status === 'error') {
    return <ErrorState message={load.message} onRetry={() => void fetchAll()} />;
  }
  if (load.people.length === 0) {
    return (
      <EmptyState
        title="所有人员都已分配包保责任人"
        text="市民登记时如果所在乡镇（街道）没有对口、未满员的包保责任人，会出现在这里等待您指定。"
      />
    );
  }

  return (
    <View className="unassigned" id="unassigned">
      <Text className="unassigned__intro">
        以下人员登记时没有对口、未满员的包保责任人。请为每人指定一名责任人，分配后对方即可在“我的包保对象”中看到。
      </Text>
      <Text className="unassigned__count" id="unassigned-count">
        共 {load.people.length} 人待分配
      </Text>
      {load.people.map((person) => (
        <UnassignedCard
          key={person.id}
          person={person}
          caseworkers={load.caseworkers}
          open={openId === person.id}
          chosen={chosen[person.id] ?? null}
          error={errors[person.id]}
          submitting={busy === person.id}
          onToggle={toggle}
          onChoose={choose}
          onAssign={(id) => void assign(id)}
        />
      ))}
    </View>
  );
}
