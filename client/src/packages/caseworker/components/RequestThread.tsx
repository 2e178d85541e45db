/**
 * One request's thread: the citizen's question, their additions and every answer, oldest first —
 * the citizen's on the left, staff on the right — with the photo the citizen attached under the
 * question (tap to enlarge). Shared by the caseworker's tasks page; the seeker's page draws its
 * own (subpackages do not share components).
 */
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Fragment, useState } from 'react';

import { formatShanghai, type ThreadMessage } from '@nuanxin/shared';

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
            <ThreadPhoto id={`${id}-photo`} url={photoUrl ?? null} onReopen={onReopen} />
          ) : null}
        </Fragment>
      ))}
    </View>
  );
}

/**
 * The photo under the question. Without a link it says so; when the 10-minute link has run out
 * (the image fails to load) it says so too, and a tap opens the thread again with a fresh link.
 */
function ThreadPhoto({
  id,
  url,
  onReopen,
}: {
  id: string;
  url: string | null;
  onReopen?: () => void;
}) {
  const [failed, setFailed] = useState<string | null>(null);
  if (!url) {
    return (
      <Text className="thread__photo-missing" id={`${id}-missing`}>
        市民附有照片，暂时无法显示，请稍后收起再打开
      </Text>
    );
  }
  if (failed === url) {
    return (
      <Text
        className="thread__photo-missing thread__photo-missing--action"
        id={`${id}-expired`}
        onClick={() => {
          setFailed(null);
          onReopen?.();
        }}
      >
        照片链接已过期，请重新打开{onReopen ? '（点此刷新）' : ''}
      </Text>
    );
  }
  return (
    <View className="thread__photo">
      <Image
        className="thread__photo-image"
        id={id}
        src={url}
        mode="aspectFill"
        onError={() => setFailed(url)}
        onClick={() => void Taro.previewImage({ urls: [url], current: url })}
      />
      <Text className="thread__photo-note">市民附上的照片（点击查看大图）</Text>
    </View>
  );
}
