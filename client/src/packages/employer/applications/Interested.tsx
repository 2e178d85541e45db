/**
 * 感兴趣的求职者 on 应聘管理: people who marked one of the company's open vacancies 感兴趣 and
 * have not applied, per vacancy ("N 人感兴趣"), masked like 推荐人选 (王某, age band, education,
 * township; no score). 邀请投递 sends them the same invitation as 推荐人选 — once per vacancy and
 * person; they decide whether to apply.
 */
import { Text, View } from '@tarojs/components';

import { EmptyState } from '../../../components/PageStatus';
import type { CallOutput } from '../../../services/cloud';
import { InviteCard } from '../components/InviteCard';

export type InterestedData = CallOutput<'jobs', 'interested'>;

export function Interested({ data, onInvited }: { data: InterestedData; onInvited: () => void }) {
  const { vacancies } = data;
  return (
    <View id="interested">
      <Text className="apl-explain" id="interested-explanation">
        {data.explanation}
      </Text>
      {vacancies.length === 0 ? (
        <View id="interested-empty">
          <EmptyState
            title="暂时没有人表示感兴趣"
            text="求职者在岗位详情页点“感兴趣”后会出现在这里，您可以邀请他们投递。"
          />
        </View>
      ) : (
        vacancies.map((v) => (
          <View key={v.id} id={`interested-vacancy-${v.id}`}>
            <Text className="apl-group" id={`interested-vacancy-${v.id}-count`}>
              {v.title} · {v.count} 人感兴趣
            </Text>
            {data.people
              .filter((p) => p.vacancyId === v.id)
              .map((p) => (
                <InviteCard
                  key={p.candidateId}
                  id={`interested-${p.vacancyId}-${p.candidateId}`}
                  vacancyId={p.vacancyId}
                  person={p}
                  appliedShowsIn="投递的求职者"
                  onInvited={onInvited}
                />
              ))}
          </View>
        ))
      )}
    </View>
  );
}
