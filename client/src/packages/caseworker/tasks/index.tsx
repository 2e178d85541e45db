/**
 * 待办工单: first the caseworker's other tasks (`casework.tasks`: hires to confirm, pushed
 * positions that reached only the app and must be told by phone or WeChat), then citizens'
 * requests to answer (`casework.inbox`) — a caseworker's own people's; a
 * supervisor's also those of people without a caseworker, escalated ones and 差-rated ones to
 * review. Overdue first (the first answer is due within 1 working day, or as configured). A tap
 * opens the thread with the answer box; the citizen is notified of each answer; what was done is
 * said in the thread, not in a toast over it. `?id=` opens one request directly. A supervisor
 * turns on the WeChat 工单提醒 here (the page those messages open).
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';

import { contracts, type CaseTask, type InboxItem, type RequestStatus } from '@nuanxin/shared';

import { EmptyState, ErrorState, LoadingState } from '../../../components/PageStatus';
import { useWhoami } from '../../../hooks/useWhoami';
import { call, type CallOutput } from '../../../services/cloud';
import { CaseTasks } from '../components/CaseTasks';
import { FilterChips } from '../components/FilterChips';
import { CASELOAD_CHANGED } from '../components/personView';
import { RequestItem, type OpenThread } from '../components/RequestItem';
import { DailyReminders, SUPERVISOR_REMINDERS } from '../visits-today/DailyReminders';

import '../my-seekers/index.less';
import './index.less';

type Box = 'waiting' | RequestStatus;

const BOX_OPTIONS: { value: Box; label: string }[] = [
  { value: 'waiting', label: '待处理' },
  { value: 'open', label: '待答复' },
  { value: 'closed', label: '已结束' },
];

type Load =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; data: CallOutput<'casework', 'inbox'> };

type Threads = Record<string, OpenThread | 'loading'>;

export default function TasksPage() {
  const [opened] = useState(() => Taro.getCurrentInstance().router?.params.id ?? '');
  const [box, setBox] = useState<Box>('waiting');
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [threads, setThreads] = useState<Threads>({});
  const [caseTasks, setCaseTasks] = useState<CaseTask[]>([]);
  const latest = useRef(0);
  const { state: who } = useWhoami();
  // Hires and pushes are a caseworker's own people's; supervisors see requests only.
  const isCaseworker = who.status === 'ready' && who.whoami.role === 'caseworker';
  // Supervisors are told of requests here (工单提醒): their consent to it is asked on this page.
  const isSupervisor = who.status === 'ready' && who.whoami.role === 'supervisor';

  useEffect(() => {
    if (!isCaseworker) return;
    void call('casework', 'tasks', {}).then((result) => {
      if (result.ok) setCaseTasks(result.data.tasks);
    });
  }, [isCaseworker]);

  // What was just done, said in the page where it was done (a toast would sit over the text).
  const [taskNote, setTaskNote] = useState('');
  const taskDone = useCallback((task: CaseTask, message: string) => {
    setCaseTasks((all) => all.filter((t) => t.id !== task.id));
    setTaskNote(`${task.personName}：${message}`);
    Taro.eventCenter.trigger(CASELOAD_CHANGED, task.registrationId);
  }, []);

  const fetchInbox = useCallback(async (which: Box) => {
    const ticket = ++latest.current;
    setLoad({ status: 'loading' });
    const result = await call('casework', 'inbox', which === 'waiting' ? {} : { status: which });
    if (ticket !== latest.current) return;
    setLoad(
      result.ok
        ? { status: 'ready', data: result.data }
        : { status: 'error', message: result.error.message },
    );
  }, []);

  useEffect(() => {
    void fetchInbox(box);
  }, [fetchInbox, box]);

  const patchThread = useCallback((id: string, patch: Partial<OpenThread>) => {
    setThreads((all) => {
      const current = all[id];
      if (!current || current === 'loading') return all;
      return { ...all, [id]: { ...current, ...patch } };
    });
  }, []);

  const openThread = useCallback(async (id: string) => {
    setThreads((all) => ({ ...all, [id]: 'loading' }));
    const result = await call('casework', 'requestThread', { requestId: id });
    setThreads((all) => {
      if (!result.ok) {
        return {
          ...all,
          [id]: {
            messages: [],
            canAnswer: false,
            draft: '',
            error: result.error.message,
            busy: false,
            notice: '',
            photoUrl: null,
          },
        };
      }
      return {
        ...all,
        [id]: {
          messages: result.data.messages,
          canAnswer: result.data.canAnswer,
          draft: '',
          error: '',
          busy: false,
          notice: '',
          photoUrl: result.data.request.photoUrl,
        },
      };
    });
  }, []);

  // The photo's 10-minute link ran out: the thread again for a fresh one (a new, audited look);
  // the answer being typed stays.
  const refreshPhoto = useCallback(
    async (id: string) => {
      const result = await call('casework', 'requestThread', { requestId: id });
      patchThread(
        id,
        result.ok
          ? {
              messages: result.data.messages,
              canAnswer: result.data.canAnswer,
              photoUrl: result.data.request.photoUrl,
            }
          : { error: result.error.message },
      );
    },
    [patchThread],
  );

  const toggle = useCallback(
    (id: string) => {
      if (threads[id]) {
        setThreads(({ [id]: _, ...rest }) => rest);
        return;
      }
      void openThread(id);
    },
    [threads, openThread],
  );

  // Opened from a message or the supervisor's page: that request's thread at once.
  useEffect(() => {
    if (opened) void openThread(decodeURIComponent(opened));
  }, [opened, openThread]);

  const replaceItem = (next: InboxItem['id'], changes: Partial<InboxItem>) =>
    setLoad((current) =>
      current.status === 'ready'
        ? {
            ...current,
            data: {
              ...current.data,
              requests: current.data.requests.map((r) =>
                r.id === next ? { ...r, ...changes } : r,
              ),
            },
          }
        : current,
    );

  const draftOf = (id: string) => {
    const t = threads[id];
    return t && t !== 'loading' ? t.draft : '';
  };

  const answer = async (id: string) => {
    const parsed = contracts.casework.answer.input.safeParse({ requestId: id, text: draftOf(id) });
    if (!parsed.success) {
      patchThread(id, { error: parsed.error.issues[0]?.message ?? '请填写答复内容' });
      return;
    }
    patchThread(id, { busy: true, error: '' });
    const result = await call('casework', 'answer', parsed.data);
    if (!result.ok) {
      patchThread(id, { busy: false, error: result.error.message });
      return;
    }
    patchThread(id, {
      busy: false,
      draft: '',
      messages: result.data.messages,
      canAnswer: result.data.canAnswer,
      notice: '已答复，市民会收到通知',
    });
    replaceItem(id, {
      status: result.data.request.status,
      statusLabel: result.data.request.statusLabel,
      canClose: result.data.request.canClose,
      overdue: false,
    });
    Taro.eventCenter.trigger(CASELOAD_CHANGED, id);
  };

  const close = async (id: string) => {
    patchThread(id, { busy: true, error: '' });
    const result = await call('casework', 'closeRequest', { requestId: id, note: draftOf(id) });
    if (!result.ok) {
      patchThread(id, { busy: false, error: result.error.message });
      return;
    }
    patchThread(id, {
      busy: false,
      draft: '',
      messages: result.data.messages,
      canAnswer: false,
      notice: '已办结，市民可以评价',
    });
    replaceItem(id, {
      status: result.data.request.status,
      statusLabel: result.data.request.statusLabel,
      canClose: false,
    });
  };

  const review = async (id: string) => {
    const parsed = contracts.casework.closeReview.input.safeParse({
      requestId: id,
      note: draftOf(id),
    });
    if (!parsed.success) {
      patchThread(id, { error: parsed.error.issues[0]?.message ?? '请写明复核结果' });
      return;
    }
    patchThread(id, { busy: true, error: '' });
    const result = await call('casework', 'closeReview', parsed.data);
    if (!result.ok) {
      patchThread(id, { busy: false, error: result.error.message });
      return;
    }
    patchThread(id, { busy: false, draft: '', notice: '已完成复核' });
    replaceItem(id, { review: 'done' });
  };

  const chips = (
    <FilterChips idPrefix="tasks-box" options={BOX_OPTIONS} value={box} onChange={setBox} />
  );

  if (load.status === 'loading') return <LoadingState />;
  if (load.status === 'error') {
    return <ErrorState message={load.message} onRetry={() => void fetchInbox(box)} />;
  }
  const { requests } = load.data;
  // Counted from the list as shown, so an answer given on this page updates the line at once.
  const counts = {
    open: requests.filter((r) => r.status === 'open').length,
    overdue: requests.filter((r) => r.status === 'open' && r.overdue).length,
  };
  return (
    <View className="caseload" id="tasks">
      {isSupervisor ? <DailyReminders copy={SUPERVISOR_REMINDERS} /> : null}
      {caseTasks.length > 0 || taskNote ? (
        <View className="cw-card tasks-case" id="case-tasks">
          <Text className="cw-card__title">待办事项（{caseTasks.length}）</Text>
          <CaseTasks
            tasks={caseTasks}
            showPerson
            onDone={(task, _next, message) => taskDone(task, message)}
          />
          {taskNote ? (
            <Text className="saved-note" id="task-saved">
              ✓ {taskNote}
            </Text>
          ) : null}
        </View>
      ) : null}
      {caseTasks.length > 0 || taskNote ? (
        <Text className="tasks-heading" id="tasks-requests-heading">
          市民求助
        </Text>
      ) : null}
      <View className="caseload__filters">{chips}</View>
      {requests.length === 0 ? (
        <EmptyState
          title={box === 'closed' ? '没有已结束的求助' : '没有待处理的求助'}
          text={`市民在“我的求助”中提出的问题会出现在这里，请在${load.data.answerWithin}内答复。`}
        />
      ) : (
        <View>
          <Text className="caseload__count" id="tasks-count">
            共 {requests.length} 条{counts.open > 0 ? `，待答复 ${counts.open} 条` : ''}
            {counts.overdue > 0 ? `，其中超时 ${counts.overdue} 条` : ''}
          </Text>
          {requests.map((item) => (
            <RequestItem
              key={item.id}
              item={item}
              thread={threads[item.id] ?? null}
              onToggle={toggle}
              onDraft={(id, text) => patchThread(id, { draft: text, error: '', notice: '' })}
              onAnswer={(id) => void answer(id)}
              onClose={(id) => void close(id)}
              onReview={(id) => void review(id)}
              onReopen={(id) => void refreshPhoto(id)}
            />
          ))}
        </View>
      )}
    </View>
  );
}
