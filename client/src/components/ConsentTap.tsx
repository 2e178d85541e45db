/**
 * Staff's and employers' consent to one-time subscription messages, asked in the tap as WeChat
 * requires. Each acceptance lets WeChat deliver one message of each template, so once on, the
 * button stays as "再次开启" for one more; without it the same news still waits in 消息 and on the
 * page. Ids: `<id>`, `<id>-status` (what it does / what is on / what happens without it) and
 * `<id>-subscribe` (the button).
 */
import { Button } from '@antmjs/vantui';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';

import { askSubscription } from '../services/subscribe';

import './ConsentTap.less';

export interface ConsentCopy {
  /** The templates asked for in one tap. */
  templates: readonly string[];
  /** The button before the first acceptance. */
  label: string;
  /** What it does (before), what is now on, and what happens without it. */
  idle: string;
  on: string;
  refused: string;
}

type State = 'idle' | 'asking' | 'on' | 'refused';

export function ConsentTap({ id, copy }: { id: string; copy: ConsentCopy }) {
  const [state, setState] = useState<State>('idle');

  const ask = async () => {
    if (state === 'asking') return;
    setState('asking');
    const accepted = await askSubscription([...copy.templates]);
    setState(accepted.length > 0 ? 'on' : 'refused');
  };

  return (
    <View className="consent-tap" id={id}>
      <Text className="consent-tap__text" id={`${id}-status`}>
        {state === 'on' ? copy.on : state === 'refused' ? copy.refused : copy.idle}
      </Text>
      <Button
        plain
        size="small"
        round
        className="outline-button"
        id={`${id}-subscribe`}
        loading={state === 'asking'}
        onClick={() => void ask()}
      >
        {state === 'on' ? '再次开启' : copy.label}
      </Button>
    </View>
  );
}
