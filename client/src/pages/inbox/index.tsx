/**
 * In-app inbox. Notices (recommended jobs, training, progress of a request) will be listed here;
 * until the first one arrives the page says so kindly.
 */
import { View } from '@tarojs/components';

import { EmptyState } from '../../components/PageStatus';

export default function InboxPage() {
  return (
    <View className="inbox" id="inbox">
      <EmptyState title="暂无消息" text="有新的岗位推荐、培训通知或办理进度时，会在这里提醒您。" />
    </View>
  );
}
