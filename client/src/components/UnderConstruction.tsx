/**
 * An honest placeholder for a feature a later release builds: what the page is, one sentence of
 * what it will do, and that it is not ready yet — with a way back home.
 */
import { Button } from '@antmjs/vantui';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';

import './UnderConstruction.less';

export interface UnderConstructionProps {
  title: string;
  /** One sentence: what will be here. */
  summary: string;
}

export function UnderConstruction({ title, summary }: UnderConstructionProps) {
  const goHome = () => {
    void Taro.switchTab({ url: '/pages/home/index' });
  };
  return (
    <View className="under-construction">
      <View className="under-construction__card">
        <Text className="under-construction__title" id="feature-title">
          {title}
        </Text>
        <Text className="under-construction__summary">{summary}</Text>
        <View className="under-construction__badge" id="feature-status">
          该功能正在建设中
        </View>
        <Text className="under-construction__hint">建成后会在这里直接办理，敬请期待。</Text>
      </View>
      <View className="under-construction__action">
        <Button
          plain
          round
          type="primary"
          block
          className="outline-button outline-button--primary"
          id="feature-home"
          onClick={goHome}
        >
          返回首页
        </Button>
      </View>
    </View>
  );
}
