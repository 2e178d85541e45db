/**
 * 培训需求 — 000 §3(2): every person with a training need is offered at least one training
 * institution. The caseworker's people who asked for training, not yet offered first; one
 * person's offers, bookings and this year's "131" training, with fitting courses to recommend.
 */
import { Button } from '@antmjs/vantui';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';

import { formatShanghai } from '@nuanxin/shared';

import { EmptyState, ErrorState, LoadingState } from '../../../components/PageStatus';
import { call, type CallOutput } from '../../../services/cloud';
import { STAFF_TRAINING_URLS } from '../components/urls';

import '../components/staff.less';

type Offers = CallOutput<'training', 'trainingOffers'>;
type Person = NonNullable<Offers['person']>;
type Load =
  { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; data: Offers };

function PersonView({ person, onOffered }: { person: Person; onOffered: () => void }) {
  const [busy, setBusy] = useState('');
  const [error, setError] = useState('');

  const offer = async (courseId: string) => {
    if (busy) return;
    setBusy(courseId);
    setError('');
    const result = await call('training', 'offerCourse', {
      registrationId: person.registrationId,
      courseId,
    });
    setBusy('');
    if (!result.ok) setError(result.error.message);
    else onOffered();
  };

  const offered = new Set(person.offers.map((o) => o.courseId));
  return (
    <View>
      <View className="staff-card" id="offer-person">
        <View className="staff-card__head">
          <Text className="staff-card__title">{person.name}</Text>
          <Text className={`staff-card__badge${person.offered ? '' : ' staff-card__badge--warn'}`}>
            {person.offered ? '已推荐' : '未推荐'}
          </Text>
        </View>
        <Text className="staff-card__line">{person.townshipLabel}</Text>
        <Text className="staff-card__line">
          培训需求：{person.trainingNeed || '（未填写具体内容）'}
        </Text>
        <Text className="staff-card__line" id="training-131">
          今年技能培训（131）：{person.training131.done}/{person.training131.target}
          {person.training131.met ? '，已完成' : '，未完成'}
        </Text>
      </View>

      <Text className="section-title">已推荐的培训机构</Text>
      <View className="staff-card">
        {person.offers.length === 0 ? <Text className="staff-card__line">还没有推荐</Text> : null}
        {person.offers.map((o) => (
          <Text key={`${o.courseId}-${o.at}`} className="staff-card__line">
            {o.institutionName}：{o.courseTitle}（{o.sourceLabel}，{formatShanghai(o.at, 'M月D日')}
            ）
          </Text>
        ))}
      </View>

      {person.bookings.length > 0 ? (
        <View>
          <Text className="section-title">报名情况</Text>
          <View className="staff-card">
            {person.bookings.map((b) => (
              <Text key={b.id} className="staff-card__line">
                {b.courseTitle}：{b.statusLabel}
              </Text>
            ))}
          </View>
        </View>
      ) : null}

      <Text className="section-title">适合TA的课程</Text>
      {error ? <Text className="staff-error">{error}</Text> : null}
      {person.recommended.length === 0 ? (
        <EmptyState
          title="暂时没有符合TA需求的课程"
          text="可到“培训课程”发布新课程，或稍后再看。"
        />
      ) : null}
      {person.recommended.map((c) => (
        <View key={c.id} className="staff-card" id={`suggest-${c.id}`}>
          <Text className="staff-card__title">{c.title}</Text>
          <Text className="staff-card__line">
            {c.institutionName} · {c.fundingLabel} · {formatShanghai(c.startsAt, 'M月D日')}开课
          </Text>
          {c.reasons.map((r) => (
            <Text key={r} className="staff-card__line">
              · {r}
            </Text>
          ))}
          <View className="staff-card__actions">
            {offered.has(c.id) ? (
              <Text className="staff-card__badge">已推荐</Text>
            ) : (
              <Button
                type="primary"
                round
                size="small"
                id={`offer-${c.id}`}
                loading={busy === c.id}
                onClick={() => void offer(c.id)}
              >
                推荐给TA
              </Button>
            )}
          </View>
        </View>
      ))}
    </View>
  );
}

export default function TrainingOffersPage() {
  const registrationId = Taro.getCurrentInstance().router?.params?.registrationId ?? null;
  const [state, setState] = useState<Load>({ kind: 'loading' });

  const load = useCallback(async () => {
    const result = await call('training', 'trainingOffers', { registrationId });
    setState(
      result.ok
        ? { kind: 'ready', data: result.data }
        : { kind: 'error', message: result.error.message },
    );
  }, [registrationId]);

  useEffect(() => {
    void load();
  }, [load]);

  if (state.kind === 'loading') return <LoadingState />;
  if (state.kind === 'error')
    return <ErrorState message={state.message} onRetry={() => void load()} />;

  const { people, summary, person } = state.data;
  if (person) {
    return (
      <View className="staff-training">
        <PersonView person={person} onOffered={() => void load()} />
      </View>
    );
  }
  return (
    <View className="staff-training">
      <Text className="staff-summary" id="offer-summary">
        有培训需求 {summary.withNeed} 人：已推荐 {summary.offered} 人，未推荐 {summary.notOffered}{' '}
        人。 每位有培训需求的人至少推荐1家培训机构。
      </Text>
      {people.length === 0 ? <EmptyState title="暂无有培训需求的人员" /> : null}
      {people.map((p) => (
        <View
          key={p.registrationId}
          className="staff-card"
          id={`offer-person-${p.registrationId}`}
          onClick={() =>
            void Taro.navigateTo({ url: STAFF_TRAINING_URLS.person(p.registrationId) })
          }
        >
          <View className="staff-card__head">
            <Text className="staff-card__title">{p.name}</Text>
            <Text className={`staff-card__badge${p.offered ? '' : ' staff-card__badge--warn'}`}>
              {p.offered ? '已推荐' : '未推荐'}
            </Text>
          </View>
          <Text className="staff-card__line">
            {p.townshipLabel} · 需求：{p.trainingNeed || '未填写'}
          </Text>
          <Text className="staff-card__line">
            {p.institutions.length > 0
              ? `已推荐：${p.institutions.join('、')}`
              : '还没有推荐培训机构'}
            {p.bookings > 0 ? ` · 已报名${p.bookings}门` : ''}
            {p.trainedThisYear ? ' · 今年已完成培训' : ''}
          </Text>
        </View>
      ))}
    </View>
  );
}
