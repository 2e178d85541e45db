/**
 * The photo attached to a request, under the question in its thread: tap to enlarge. Without a
 * link (storage busy) it says so instead of showing a broken image; when the 10-minute link has
 * run out (the image fails to load) it says so, and a tap opens the thread again with a fresh
 * link. Used by the citizen's 我的求助 (their own photo, on the right) and the caseworker's
 * thread (the citizen's photo, on the left).
 */
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';

import './ThreadPhoto.less';

export interface ThreadPhotoProps {
  id: string;
  url: string | null;
  /** Whose photo, as the reader says it: 我 (the citizen) or 市民 (staff). */
  owner: '我' | '市民';
  /** Opens the thread again for a fresh link. */
  onReopen?: () => void;
}

export function ThreadPhoto({ id, url, owner, onReopen }: ThreadPhotoProps) {
  const [failed, setFailed] = useState<string | null>(null);
  const side = owner === '我' ? 'thread-photo--end' : 'thread-photo--start';
  if (!url) {
    return (
      <Text className={`thread-photo__missing ${side}`} id={`${id}-missing`}>
        {owner === '市民' ? '市民' : ''}附有照片，暂时无法显示，请稍后收起再打开
      </Text>
    );
  }
  if (failed === url) {
    return (
      <Text
        className={`thread-photo__missing thread-photo__missing--action ${side}`}
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
    <View className={`thread-photo ${side}`}>
      <Image
        className="thread-photo__image"
        id={id}
        src={url}
        mode="aspectFill"
        onError={() => setFailed(url)}
        onClick={() => void Taro.previewImage({ urls: [url], current: url })}
      />
      <Text className="thread-photo__note">{owner}附上的照片（点击查看大图）</Text>
    </View>
  );
}
