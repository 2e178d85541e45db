/**
 * The three states every page that calls the cloud must show: still loading, failed (with a
 * retry button), and nothing there yet. Messages come from `cloud.ts` and are already Chinese.
 */
import { Button, Loading } from '@antmjs/vantui';
import { Text, View } from '@tarojs/components';

import './PageStatus.less';

export function LoadingState({ text = '正在加载…' }: { text?: string }) {
  return (
    <View className="page-status" id="page-loading">
      <Loading size="48px" type="spinner">
        {text}
      </Loading>
    </View>
  );
}

export function ErrorState({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <View className="page-status" id="page-error">
      <Text className="page-status__title">加载没有成功</Text>
      <Text className="page-status__text" id="page-error-message">
        {message}
      </Text>
      {onRetry ? (
        <View className="page-status__action">
          <Button type="primary" round id="page-retry" onClick={onRetry}>
            重新加载
          </Button>
        </View>
      ) : null}
    </View>
  );
}

export function EmptyState({ title, text }: { title: string; text?: string }) {
  return (
    <View className="page-status" id="page-empty">
      {/* A message bubble drawn in CSS: no image to download. */}
      <View className="page-status__mark">
        <View className="page-status__mark-line" />
        <View className="page-status__mark-line page-status__mark-line--short" />
      </View>
      <Text className="page-status__title">{title}</Text>
      {text ? <Text className="page-status__text">{text}</Text> : null}
    </View>
  );
}
