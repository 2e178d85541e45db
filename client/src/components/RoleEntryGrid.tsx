import { Grid, GridItem } from '@antmjs/vantui';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';

import type { RoleEntry } from '../constants/roleEntries';

import './RoleEntryGrid.less';

/** The role's services as a two-column grid; each cell opens a page in the role's subpackage. */
export function RoleEntryGrid({ entries }: { entries: readonly RoleEntry[] }) {
  const open = (entry: RoleEntry) => {
    void Taro.navigateTo({ url: entry.url });
  };
  return (
    <Grid columnNum={2} border={false} gutter={24} clickable className="role-entry-grid">
      {entries.map((entry) => (
        <GridItem key={entry.key} className="role-entry-grid__item" onClick={() => open(entry)}>
          <View className="role-entry" id={`entry-${entry.key}`}>
            <View className="role-entry__mark">
              <Text>{entry.title.slice(0, 1)}</Text>
            </View>
            <Text className="role-entry__title">{entry.title}</Text>
            <Text className="role-entry__desc">{entry.description}</Text>
          </View>
        </GridItem>
      ))}
    </Grid>
  );
}
