/**
 * One person waiting for a 包保责任人 (000 §1(5)): who they are (ID masked), and a choice of
 * caseworker with each one's organisation and load. A caseworker at their cap cannot be chosen.
 * The option list is rendered only for the card being edited, so a long queue stays light.
 */
import { Button } from '@antmjs/vantui';
import { Text, View } from '@tarojs/components';
import { memo } from 'react';

import { formatShanghai, type PersonSummary } from '@nuanxin/shared';

import { Chevron } from '../../../components/Chevron';

import { isFull, rankCaseworkers, type CaseworkerOption } from './caseworkerChoice';

import './UnassignedCard.less';

const SEX_LABELS = { male: '男', female: '女' } as const;

export interface UnassignedCardProps {
  person: PersonSummary;
  caseworkers: readonly CaseworkerOption[];
  open: boolean;
  chosen: string | null;
  error: string | undefined;
  submitting: boolean;
  onToggle: (registrationId: string) => void;
  onChoose: (registrationId: string, openid: string) => void;
  onAssign: (registrationId: string) => void;
}

export const UnassignedCard = memo(function UnassignedCard({
  person,
  caseworkers,
  open,
  chosen,
  error,
  submitting,
  onToggle,
  onChoose,
  onAssign,
}: UnassignedCardProps) {
  const recentGraduate = person.tags.some((t) => t.key === 'recentGraduate');
  const picked = caseworkers.find((c) => c.openid === chosen) ?? null;
  const pending = person.pendingVerifications.length;
  return (
    <View className="unassigned-card" id={`unassigned-${person.id}`}>
      <View className="unassigned-card__top">
        <Text className="unassigned-card__name">{person.name}</Text>
        <Text className="unassigned-card__meta">
          {SEX_LABELS[person.sex]} · {person.age}岁
        </Text>
        <Text className="unassigned-card__status">{person.statusLabel}</Text>
      </View>
      <Text className="unassigned-card__line">
        <Text className="unassigned-card__id">{person.idMasked}</Text>
        {'  '}
        {person.townshipLabel}
      </Text>
      {person.submittedAt ? (
        <Text className="unassigned-card__line">
          提交于 {formatShanghai(person.submittedAt, 'YYYY-MM-DD HH:mm')}
        </Text>
      ) : null}
      {person.tags.length > 0 || pending > 0 || person.claimInsurance ? (
        <View className="unassigned-card__pills">
          {pending > 0 ? (
            <Text className="unassigned-pill unassigned-pill--warn">待核验{pending}项</Text>
          ) : null}
          {person.claimInsurance ? (
            <Text className="unassigned-pill unassigned-pill--info">申领失业保险金</Text>
          ) : null}
          {person.tags.map((tag) => (
            <Text key={tag.key} className="unassigned-pill">
              {tag.label}
            </Text>
          ))}
        </View>
      ) : null}

      <View className="unassigned-card__assign">
        <View
          className={`unassigned-card__select${error ? ' unassigned-card__select--error' : ''}`}
          id={`assign-pick-${person.id}`}
          onClick={() => onToggle(person.id)}
        >
          <Text className="unassigned-card__select-label">责任人</Text>
          <Text
            className={`unassigned-card__select-value${picked ? '' : ' unassigned-card__select-value--empty'}`}
          >
            {picked ? `${picked.name}（${picked.orgLabel}）` : '请选择'}
          </Text>
          <Chevron direction={open ? 'up' : 'down'} />
        </View>
        <View className="unassigned-card__button">
          <Button
            type="primary"
            round
            size="small"
            id={`assign-${person.id}`}
            loading={submitting}
            loadingText="分配中…"
            onClick={() => onAssign(person.id)}
          >
            分配
          </Button>
        </View>
      </View>
      {error ? (
        <Text className="unassigned-card__error" id={`assign-error-${person.id}`}>
          {error}
        </Text>
      ) : null}

      {open ? (
        <View className="unassigned-card__options" id={`assign-options-${person.id}`}>
          {caseworkers.length === 0 ? (
            <Text className="unassigned-card__hint">
              还没有可分配的包保责任人，请联系管理员邀请工作人员。
            </Text>
          ) : (
            <Text className="unassigned-card__hint">
              {recentGraduate
                ? '离校2年内高校毕业生一般由人才服务中心包保，对口机构排在前面。'
                : '一般由就业中心包保，对口机构排在前面。'}
            </Text>
          )}
          {rankCaseworkers(caseworkers, { recentGraduate }).map(({ caseworker, fitsOrg }) => {
            const full = isFull(caseworker);
            const on = caseworker.openid === chosen;
            return (
              <View
                key={caseworker.openid}
                id={`assign-option-${person.id}-${caseworker.openid}`}
                className={`caseworker-option${on ? ' caseworker-option--on' : ''}${full ? ' caseworker-option--full' : ''}`}
                role="radio"
                aria-checked={on}
                aria-disabled={full}
                onClick={full ? undefined : () => onChoose(person.id, caseworker.openid)}
              >
                <View className="caseworker-option__main">
                  <Text className="caseworker-option__name">
                    {caseworker.name}
                    {fitsOrg ? <Text className="caseworker-option__fit"> 对口</Text> : null}
                  </Text>
                  <Text className="caseworker-option__org">
                    {caseworker.orgLabel} · 负责{caseworker.townshipCount}个乡镇（街道）
                  </Text>
                </View>
                <Text className="caseworker-option__load">
                  {full ? '已满' : `${caseworker.load}/${caseworker.cap}人`}
                </Text>
              </View>
            );
          })}
        </View>
      ) : null}
    </View>
  );
});
