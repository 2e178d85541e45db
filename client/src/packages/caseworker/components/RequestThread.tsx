/**
 * One request's thread: the citizen's question and every answer, oldest first, in bubbles —
 * the citizen's on the left, staff on the right — with the photo the citizen attached under the
 * question (tap to enlarge). Shared by the caseworker's tasks page; the seeker's page draws its
 * own (subpackages do not share components).
 */
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Fragment } from 'react';

import { formatShanghai, type ThreadMessage } from '@nuanxin/shared';

import './RequestThread.less';

export interface RequestThreadProps {
  messages: readonly ThreadMessage[];
  id: string;
  /** The request carries a photo. */
  hasPhoto?: boolean;
  /** Its 10-minute link from the thread answer (opening it was recorded in the audit log). */
  photoUrl?: string | null;
}

export function RequestThread({ messages, id, hasPhoto, photoUrl }: RequestThreadProps) {
  return (
    <View className="thread" id={id}>
      {messages.map((m, i) => (
        <Fragment key={m.id}>
          <View className={`thread__message thread__message--${m.from}`}>
            <Text className="thread__meta">
              {m.author} · {formatShanghai(m.at, 'MM-DD HH:mm')}
            </Text>
            <Text className="thread__text" userSelect>
              {m.text}
            </Text>
          </View>
          {i === 0 && hasPhoto ? <ThreadPhoto id={`${id}-photo`} url={photoUrl ?? null} /> : null}
        </Fragment>
      ))}
    </View>
  );
}

function ThreadPhoto({ id, url }: { id: string; url: string | null }) {
  if (!url) {
    return (
      <Text className="thread__photo-missing" id={`${id}-missing`}>
        市民附有照片，暂时无法显示，请稍后收起再打开
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
        onClick={() => void Taro.previewImage({ urls: [url], current: url })}
      />
      <Text className="thread__photo-note">市民附上的照片（点击查看大图）</Text>
    </View>
  );
}
