/**
 * A caseworker's tasks beside requests (issue 5): a hire to confirm with the person (确认已入职
 * moves their registration to employed and the follow-ups to yearly; 未入职 asks why), and a
 * pushed position that reached only the app, to tell the person by phone or WeChat. Used on 待办
 * (with the person's name, a tap opens them) and on the person's own page.
 */
import { Button } from '@antmjs/vantui';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';

import { formatShanghai, type CaseTask, type Result, type Workbench } from '@nuanxin/shared';

import { call } from '../../../services/cloud';

import { NoteField } from './NoteField';

import './CaseTasks.less';

export interface CaseTasksProps {
  tasks: readonly CaseTask[];
  /** On 待办: show whose task it is, a tap on the name opens the person. */
  showPerson?: boolean;
  onDone: (task: CaseTask, next: Workbench, message: string) => void;
}

interface TaskState {
  busy: boolean;
  error: string;
  /** 未入职: the reason is being written. */
  declining: boolean;
  /** 确认已入职: asked once more, since it closes the unemployment registration. */
  confirming: boolean;
  note: string;
}

const IDLE: TaskState = { busy: false, error: '', declining: false, confirming: false, note: '' };

export function CaseTasks({ tasks, showPerson = false, onDone }: CaseTasksProps) {
  const [states, setStates] = useState<Record<string, TaskState>>({});
  const stateOf = (id: string) => states[id] ?? IDLE;
  const patch = (id: string, next: Partial<TaskState>) =>
    setStates((all) => ({ ...all, [id]: { ...(all[id] ?? IDLE), ...next } }));

  const act = async (
    task: CaseTask,
    request: () => Promise<Result<Workbench>>,
    message: string,
  ) => {
    if (stateOf(task.id).busy) return;
    patch(task.id, { busy: true, error: '' });
    const result = await request();
    if (!result.ok) {
      patch(task.id, { busy: false, error: result.error.message });
      return;
    }
    patch(task.id, IDLE);
    onDone(task, result.data, message);
  };

  const tell = (task: CaseTask, channel: 'phone' | 'wechat') =>
    act(
      task,
      () => call('casework', 'markTold', { pushId: task.id, channel }),
      channel === 'phone' ? '已记录电话告知' : '已记录微信告知',
    );

  const confirm = (task: CaseTask, employed: boolean) =>
    act(
      task,
      () =>
        call('casework', 'confirmHire', {
          applicationId: task.id,
          employed,
          note: stateOf(task.id).note,
        }),
      employed ? '已确认入职，转为已就业' : '已记录未入职',
    );

  return (
    <View className="case-tasks">
      {tasks.map((task) => {
        const state = stateOf(task.id);
        const domId = `task-${task.kind}-${task.id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
        return (
          <View key={task.id} className="case-task" id={domId}>
            <View className="case-task__head">
              <Text
                className={`status-chip status-chip--${task.kind === 'confirmHire' ? 'active' : 'warn'}`}
              >
                {task.kindLabel}
              </Text>
              <Text className="case-task__time">{formatShanghai(task.at, 'M月D日 HH:mm')}</Text>
            </View>
            {showPerson ? (
              <Text
                className="case-task__person"
                id={`${domId}-person`}
                onClick={() =>
                  void Taro.navigateTo({
                    url: `/packages/caseworker/person/index?id=${encodeURIComponent(task.registrationId)}`,
                  })
                }
              >
                {task.personName || '包保对象'} ›
              </Text>
            ) : null}
            <Text className="case-task__title">{task.title}</Text>
            <Text className="case-task__detail">{task.detail}</Text>
            {task.kind === 'tellPush' ? (
              <TaskButtons
                busy={state.busy}
                main={{
                  label: '已电话告知',
                  id: `${domId}-phone`,
                  onClick: () => void tell(task, 'phone'),
                }}
                other={{
                  label: '已微信告知',
                  id: `${domId}-wechat`,
                  onClick: () => void tell(task, 'wechat'),
                }}
              />
            ) : state.confirming ? (
              <View className="case-task__decline" id={`${domId}-confirming`}>
                <Text className="case-task__detail">
                  请先与{task.personName || '本人'}
                  核实已到岗。确认后，其失业登记转为“已就业”，回访改为每年一次。
                </Text>
                <TaskButtons
                  busy={state.busy}
                  main={{
                    label: '已核实，确认入职',
                    id: `${domId}-confirm-submit`,
                    onClick: () => void confirm(task, true),
                  }}
                  other={{
                    label: '取消',
                    id: `${domId}-confirm-cancel`,
                    onClick: () => patch(task.id, { confirming: false, error: '' }),
                  }}
                />
              </View>
            ) : state.declining ? (
              <View className="case-task__decline">
                <NoteField
                  id={`${domId}-note`}
                  label="未入职的原因"
                  value={state.note}
                  placeholder="如：本人入职前放弃、企业取消录用"
                  error={undefined}
                  onChange={(note) => patch(task.id, { note, error: '' })}
                />
                <TaskButtons
                  busy={state.busy}
                  main={{
                    label: '确认未入职',
                    id: `${domId}-decline-submit`,
                    onClick: () => void confirm(task, false),
                  }}
                  other={{
                    label: '取消',
                    id: `${domId}-decline-cancel`,
                    onClick: () => patch(task.id, { declining: false, error: '' }),
                  }}
                />
              </View>
            ) : (
              <TaskButtons
                busy={state.busy}
                main={{
                  label: '确认已入职',
                  id: `${domId}-confirm`,
                  onClick: () => patch(task.id, { confirming: true, error: '' }),
                }}
                other={{
                  label: '未入职',
                  id: `${domId}-decline`,
                  onClick: () => patch(task.id, { declining: true, error: '' }),
                }}
              />
            )}
            {state.error ? (
              <Text className="cw-error" id={`${domId}-error`}>
                {state.error}
              </Text>
            ) : null}
          </View>
        );
      })}
    </View>
  );
}

interface TaskButton {
  label: string;
  id: string;
  onClick: () => void;
}

/** A task's two buttons: the step itself, and the other way (or 取消); both wait while it saves. */
function TaskButtons({
  busy,
  main,
  other,
}: {
  busy: boolean;
  main: TaskButton;
  other: TaskButton;
}) {
  return (
    <View className="case-task__actions">
      <Button type="primary" size="small" round id={main.id} loading={busy} onClick={main.onClick}>
        {main.label}
      </Button>
      <Button
        plain
        size="small"
        round
        className="outline-button"
        id={other.id}
        disabled={busy}
        onClick={other.onClick}
      >
        {other.label}
      </Button>
    </View>
  );
}
