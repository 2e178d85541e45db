/**
 * A request in the staff inbox: whose, what kind, how long it has waited (overdue past the
 * answer deadline in red), why it is in this inbox (a supervisor also sees
 * unassigned people's, escalated and 差-rated ones). Tapping opens the thread with the answer box
 * and, when the citizen attached one, their photo.
 */
import { Button } from '@antmjs/vantui';
import { Text, View } from '@tarojs/components';
import { memo } from 'react';

import { formatShanghai, type InboxItem, type ThreadMessage } from '@nuanxin/shared';

import { NoteField } from './NoteField';
import { RequestThread } from './RequestThread';

import './caseload.less';
import './RequestItem.less';

export interface OpenThread {
  messages: ThreadMessage[];
  canAnswer: boolean;
  draft: string;
  error: string;
  busy: boolean;
  /** What was just done here ('已答复，市民会收到通知'); '' when nothing. */
  notice: string;
  /** The photo's short-lived link, from opening the thread; null without one. */
  photoUrl?: string | null;
}

export interface RequestItemProps {
  item: InboxItem;
  thread: OpenThread | 'loading' | null;
  onToggle: (id: string) => void;
  onDraft: (id: string, text: string) => void;
  onAnswer: (id: string) => void;
  onClose: (id: string) => void;
  onReview: (id: string) => void;
  /** Opens the thread again (a fresh photo link, when the shown one has run out). */
  onReopen?: (id: string) => void;
}

const STATUS_TONES = { open: 'warn', answered: 'active', closed: 'muted' } as const;

export const RequestItem = memo(function RequestItem({
  item,
  thread,
  onToggle,
  onDraft,
  onAnswer,
  onClose,
  onReview,
  onReopen,
}: RequestItemProps) {
  const open = thread !== null;
  return (
    <View
      className={`request-item${item.overdue ? ' request-item--overdue' : ''}`}
      id={`request-${item.id}`}
    >
      <View className="request-item__head" onClick={() => onToggle(item.id)}>
        <View className="request-item__top">
          <Text className="request-item__name">{item.personName}</Text>
          <Text className="request-item__kind">{item.kindLabel}</Text>
          <Text className={`status-chip status-chip--${STATUS_TONES[item.status]}`}>
            {item.statusLabel}
          </Text>
        </View>
        {open ? null : <Text className="request-item__text">{item.text}</Text>}
        <View className="request-item__pills">
          {item.overdue ? (
            <Text className="pill pill--alert" id={`request-overdue-${item.id}`}>
              超时未答复{item.escalationLevel > 0 ? ` · 已上报${item.escalationLevel}次` : ''}
            </Text>
          ) : null}
          {item.hasPhoto ? (
            <Text className="pill" id={`request-has-photo-${item.id}`}>
              附照片
            </Text>
          ) : null}
          {item.reason !== 'own' ? (
            <Text className="pill pill--warn">{item.reasonLabel}</Text>
          ) : null}
          {item.rating ? (
            <Text className={`pill${item.rating.value === 'poor' ? ' pill--alert' : ''}`}>
              评价：{item.rating.label}
            </Text>
          ) : null}
          <Text className="request-item__time">
            {formatShanghai(item.createdAt, 'MM-DD HH:mm')} · {item.townshipLabel}
            {item.status === 'open' && !item.overdue
              ? ` · 请于${formatShanghai(item.answerDue, 'MM-DD HH:mm')}前答复`
              : ''}
          </Text>
        </View>
      </View>
      {thread === 'loading' ? <Text className="request-item__loading">正在打开…</Text> : null}
      {thread && thread !== 'loading' ? (
        <View className="request-item__body">
          <RequestThread
            messages={thread.messages}
            id={`thread-${item.id}`}
            hasPhoto={item.hasPhoto}
            photoUrl={thread.photoUrl ?? null}
            onReopen={onReopen ? () => onReopen(item.id) : undefined}
          />
          {thread.notice ? (
            <Text className="saved-note" id={`request-saved-${item.id}`}>
              ✓ {thread.notice}
            </Text>
          ) : null}
          {item.rating?.comment ? (
            <Text className="request-item__rating">
              市民评价（{item.rating.label}）：{item.rating.comment}
            </Text>
          ) : null}
          {thread.canAnswer ? (
            <View>
              <NoteField
                id={`answer-${item.id}`}
                label="答复"
                maxlength={500}
                value={thread.draft}
                placeholder="写下答复，市民会收到通知"
                error={thread.error || undefined}
                onChange={(text) => onDraft(item.id, text)}
              />
              <View className="request-item__buttons">
                {item.canClose ? (
                  <View className="request-item__button">
                    <Button
                      plain
                      round
                      block
                      className="outline-button"
                      id={`close-${item.id}`}
                      disabled={thread.busy}
                      onClick={() => onClose(item.id)}
                    >
                      办结
                    </Button>
                  </View>
                ) : null}
                <View className="request-item__button">
                  <Button
                    type="primary"
                    round
                    block
                    id={`answer-submit-${item.id}`}
                    loading={thread.busy}
                    loadingText="正在发送…"
                    onClick={() => onAnswer(item.id)}
                  >
                    发送答复
                  </Button>
                </View>
              </View>
            </View>
          ) : item.review === 'open' ? (
            <View>
              <NoteField
                id={`review-${item.id}`}
                label="复核处理结果"
                value={thread.draft}
                placeholder="如：已电话回访市民，重新解答了申领条件"
                error={thread.error || undefined}
                onChange={(text) => onDraft(item.id, text)}
              />
              <View className="request-item__buttons">
                <View className="request-item__button">
                  <Button
                    type="primary"
                    round
                    block
                    id={`review-submit-${item.id}`}
                    loading={thread.busy}
                    loadingText="正在提交…"
                    onClick={() => onReview(item.id)}
                  >
                    完成复核
                  </Button>
                </View>
              </View>
            </View>
          ) : (
            <Text className="request-item__closed">该求助已结束。</Text>
          )}
        </View>
      ) : null}
    </View>
  );
});
