/**
 * One request's thread: the citizen's question, their additions and every answer, oldest first —
 * the citizen's on the left, staff on the right — with the photo the citizen attached under the
 * question (components/ThreadPhoto, tap to enlarge). Used by the caseworker's tasks page; the
 * seeker's page draws its own messages around the same photo component.
 */
import { Text, View } from '@tarojs/components';
import { Fragment } from 'react';

import { formatShanghai, type ThreadMessage } from '@nuanxin/shared';

import { ThreadPhoto } from '../../../components/ThreadPhoto';

import './RequestThread.less';

export interface RequestThreadProps {
  messages: readonly ThreadMessage[];
  id: string;
  /** The request carries a photo. */
  hasPhoto?: boolean;
  /** Its 10-minute link from the thread answer (opening it was recorded in the audit log). */
  photoUrl?: string | null;
  /** Opens the thread again for a fresh link, when the one shown has run out. */
  onReopen?: () => void;
}

export function RequestThread({ messages, id, hasPhoto, photoUrl, onReopen }: RequestThreadProps) {
  return (
    <View className="thread" id={id}>
      {messages.map((m, i) => (
        <Fragment key={m.id}>
          <View className={`thread__message thread__message--${m.from}`}>
            <Text className="thread__meta">
              {m.author}
              {/* What the citizen wrote after the question: their additions (补充说明). */}
              {i > 0 && m.from === 'citizen' ? ' · 补充说明' : ''} ·{' '}
              {formatShanghai(m.at, 'MM-DD HH:mm')}
            </Text>
            <Text className="thread__text" userSelect>
              {m.text}
            </Text>
          </View>
          {i === 0 && hasPhoto ? (
            <ThreadPhoto
              id={`${id}-photo`}
              url={photoUrl ?? null}
              owner="市民"
              onReopen={onReopen}
            />
          ) : null}
        </Fragment>
      ))}
    </View>
  );
}
