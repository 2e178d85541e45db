/**
 * One request's thread: the citizen's question and every answer, oldest first, in bubbles —
 * the citizen's on the left, staff on the right. Shared by the caseworker's tasks page; the
 * seeker's page draws its own (subpackages do not share components).
 */
import { Text, View } from '@tarojs/components';

import { formatShanghai, type ThreadMessage } from '@nuanxin/shared';

import './RequestThread.less';

export function RequestThread({
  messages,
  id,
}: {
  messages: readonly ThreadMessage[];
  id: string;
}) {
  return (
    <View className="thread" id={id}>
      {messages.map((m) => (
        <View key={m.id} className={`thread__message thread__message--${m.from}`}>
          <Text className="thread__meta">
            {m.author} · {formatShanghai(m.at, 'MM-DD HH:mm')}
          </Text>
          <Text className="thread__text" userSelect>
            {m.text}
          </Text>
        </View>
      ))}
    </View>
  );
}
