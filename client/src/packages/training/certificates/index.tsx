/**
 * 结业证书发放 — certificate tasks opened by a pass, due within 2 months (000 §3(7)). Overdue
 * ones first, in red; the 就业中心, 职鉴中心, supervisors and the institution record the
 * certificate number once it is issued.
 */
import { Button } from '@antmjs/vantui';
import { Text, View } from '@tarojs/components';
import { useCallback, useEffect, useState } from 'react';

import { formatShanghai, type CertificateTask } from '@nuanxin/shared';

import { ChoiceChips } from '../../../components/ChoiceChips';
import { FormField, TextBox } from '../../../components/FormField';
import { EmptyState, ErrorState, LoadingState } from '../../../components/PageStatus';
import { call, type CallInput, type CallOutput } from '../../../services/cloud';

import '../components/staff.less';

type Filter = CallInput<'training', 'certificates'>['filter'] & string;
type Tasks = CallOutput<'training', 'certificates'>;
type Load =
  { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; data: Tasks };

const FILTERS: { value: Filter; label: string }[] = [
  { value: 'open', label: '待发证' },
  { value: 'overdue', label: '已超期' },
  { value: 'issued', label: '已发证' },
  { value: 'all', label: '全部' },
];

function Task({ task, onIssued }: { task: CertificateTask; onIssued: () => void }) {
  const [open, setOpen] = useState(false);
  const [number, setNumber] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  const issue = async () => {
    if (busy) return;
    setBusy(true);
    setError('');
    const result = await call('training', 'issueCertificate', {
      taskId: task.id,
      certificateNo: number.trim(),
    });
    setBusy(false);
    if (!result.ok) {
      setError(result.error.fields?.certificateNo ?? result.error.message);
      return;
    }
    setOpen(false);
    onIssued();
  };

  return (
    <View className="staff-card" id={`task-${task.id}`}>
      <View className="staff-card__head">
        <Text className="staff-card__title">{task.name}</Text>
        <Text
          className={`staff-card__badge${task.overdue ? ' staff-card__badge--warn' : task.status === 'issued' ? ' staff-card__badge--muted' : ''}`}
          id={`task-${task.id}-due`}
        >
          {task.dueText}
        </Text>
      </View>
      <Text className="staff-card__line">
        {task.courseTitle} · {task.occupationName}
      </Text>
      <Text className="staff-card__line">
        {task.institutionName} · {task.townshipLabel}
      </Text>
      <Text className="staff-card__line">
        {formatShanghai(task.passedAt, 'YYYY年M月D日')}考核合格，应于{task.dueDate}前发证
        {task.certificateNo ? ` · 证书编号 ${task.certificateNo}` : ''}
      </Text>
      {task.status === 'open' && !open ? (
        <View className="staff-card__actions">
          <Button
            type="primary"
            round
            size="small"
            id={`issue-${task.id}`}
            onClick={() => setOpen(true)}
          >
            登记已发证
          </Button>
        </View>
      ) : null}
      {open ? (
        <View>
          <FormField name={`certificate-${task.id}`} label="证书编号" error={error}>
            <TextBox
              value={number}
              maxlength={40}
              onChange={setNumber}
              placeholder="如 S2027000123"
            />
          </FormField>
          <View className="staff-card__actions">
            <Button
              type="primary"
              round
              size="small"
              id={`issue-${task.id}-confirm`}
              loading={busy}
              onClick={() => void issue()}
            >
              确认发证
            </Button>
            <Button
              plain
              round
              size="small"
              className="outline-button"
              disabled={busy}
              onClick={() => setOpen(false)}
            >
              取消
            </Button>
          </View>
        </View>
      ) : null}
    </View>
  );
}

export default function CertificatesPage() {
  const [filter, setFilter] = useState<Filter>('open');
  const [state, setState] = useState<Load>({ kind: 'loading' });

  const load = useCallback(async () => {
    const result = await call('training', 'certificates', { filter });
    setState(
      result.ok
        ? { kind: 'ready', data: result.data }
        : { kind: 'error', message: result.error.message },
    );
  }, [filter]);

  useEffect(() => {
    void load();
  }, [load]);

  if (state.kind === 'loading') return <LoadingState />;
  if (state.kind === 'error')
    return <ErrorState message={state.message} onRetry={() => void load()} />;

  const { tasks, counts } = state.data;
  return (
    <View className="staff-training">
      <Text className="staff-summary" id="certificate-counts">
        待发证 {counts.open} 人，其中超期 {counts.overdue} 人；已发证 {counts.issued}{' '}
        人。考核合格后2个月内应发证。
      </Text>
      <View className="staff-bar">
        <ChoiceChips
          options={FILTERS}
          selected={[filter]}
          onToggle={setFilter}
          idPrefix="certificates"
        />
      </View>
      {tasks.length === 0 ? <EmptyState title="没有需要办理的证书" /> : null}
      {tasks.map((task) => (
        <Task key={task.id} task={task} onIssued={() => void load()} />
      ))}
    </View>
  );
}
