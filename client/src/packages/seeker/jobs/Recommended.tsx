/**
 * 为您推荐 — the person's top-10 open vacancies, each with the reasons it was chosen (PIPL 第24条:
 * an automated recommendation says why), a plain sentence on how recommendations are made, and
 * the way to the settings where personalisation can be turned off. The best 公益性岗位 (就业困难
 * 人员) and 见习岗位 (graduates within 2 years) are shown apart when the top-10 lacks them.
 */
import { Button } from '@antmjs/vantui';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';

import { formatShanghai } from '@nuanxin/shared';

import { EmptyState } from '../../../components/PageStatus';
import { VacancyCard } from '../../../components/VacancyCard';
import type { CallOutput } from '../../../services/cloud';

import { JOB_URLS } from './filters';

export type Mine = CallOutput<'matching', 'mine'>;
type Item = Mine['items'][number];

function RecommendedCard({ item, prefix = 'rec' }: { item: Item; prefix?: string }) {
  const v = item.vacancy;
  return (
    <VacancyCard
      id={`${prefix}-${v.id}`}
      vacancy={v}
      reasons={item.reasons}
      onClick={() => void Taro.navigateTo({ url: JOB_URLS.detail(v.id) })}
    />
  );
}

function SettingsLink() {
  return (
    <View
      className="jobs-rec__settings"
      id="rec-settings"
      role="link"
      onClick={() => void Taro.navigateTo({ url: JOB_URLS.settings })}
    >
      推荐设置 ›
    </View>
  );
}

function BrowseAll({ onClick }: { onClick: () => void }) {
  return (
    <View className="jobs-results__action">
      <Button plain className="outline-button" round block id="rec-browse-all" onClick={onClick}>
        浏览全部岗位
      </Button>
    </View>
  );
}

export function Recommended({ mine, onBrowseAll }: { mine: Mine; onBrowseAll: () => void }) {
  if (mine.state !== 'ok') {
    return (
      <View className="jobs-pane" id="pane-rec">
        <View className="jobs-rec__off" id="rec-off">
          <Text className="jobs-rec__off-text">{mine.explanation}</Text>
          <View className="jobs-results__action">
            <Button
              type="primary"
              round
              block
              id="rec-open-settings"
              onClick={() => void Taro.navigateTo({ url: JOB_URLS.settings })}
            >
              去推荐设置
            </Button>
          </View>
          <BrowseAll onClick={onBrowseAll} />
        </View>
      </View>
    );
  }
  const inList = new Set(mine.items.map((i) => i.vacancy.id));
  const extras = [
    { key: 'publicWelfare', title: '适合您的公益性岗位', item: mine.extras.publicWelfare },
    { key: 'internship', title: '适合您的见习岗位', item: mine.extras.internship },
  ].filter(
    (e): e is { key: string; title: string; item: Item } =>
      !!e.item && !inList.has(e.item.vacancy.id),
  );
  return (
    <View className="jobs-pane" id="pane-rec">
      <View className="jobs-rec__how" id="rec-explanation">
        <Text className="jobs-rec__how-text">{mine.explanation}</Text>
        <View className="jobs-rec__how-foot">
          {mine.computedAt ? (
            <Text className="jobs-rec__time" id="rec-computed-at">
              更新于 {formatShanghai(mine.computedAt, 'M月D日 HH:mm')}
            </Text>
          ) : null}
          <SettingsLink />
        </View>
      </View>

      {extras.map((e) => (
        <View key={e.key} className="jobs-rec__extra" id={`rec-extra-${e.key}`}>
          <Text className="jobs-rec__section">{e.title}</Text>
          <RecommendedCard item={e.item} prefix={`rec-extra-${e.key}`} />
        </View>
      ))}

      {mine.items.length === 0 ? (
        <View id="rec-empty">
          <EmptyState
            title="暂时没有符合您求职意向的岗位"
            text="在您可接受的通勤距离内，目前没有与意向职业相近的招聘岗位。新岗位每天都会发布；您也可以到“全部岗位”看看，或在“我的登记”里调整求职意向和通勤距离。"
          />
          <BrowseAll onClick={onBrowseAll} />
        </View>
      ) : (
        <View className="jobs-results">
          <Text className="jobs-rec__section" id="rec-count">
            为您挑选了 {mine.items.length} 个岗位
          </Text>
          {mine.items.map((item) => (
            <RecommendedCard key={item.vacancy.id} item={item} />
          ))}
          <Text className="jobs-results__end">想看更多岗位，请切换到“全部岗位”</Text>
        </View>
      )}
    </View>
  );
}
