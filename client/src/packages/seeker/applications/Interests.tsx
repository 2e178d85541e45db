/**
 * 感兴趣的岗位 on 我的投递: the vacancies the seeker marked and has not applied to, with where each
 * stands now (招聘中 / 已停止招聘 / 已过期) and whether the employer invited them; 去投递 opens the
 * position's page, 取消感兴趣 takes the mark back (the employer no longer sees it).
 */
import { Button } from '@antmjs/vantui';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';

import { formatShanghai, type MyInterest } from '@nuanxin/shared';

import { EmptyState } from '../../../components/PageStatus';
import { salaryText } from '../../../components/VacancyCard';
import { call } from '../../../services/cloud';
import { JOB_URLS } from '../jobs/filters';

import '../jobs/jobs.less';
import './index.less';

function InterestCard({
  interest: i,
  onRemoved,
}: {
  interest: MyInterest;
  onRemoved: (vacancyId: string) => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const id = `interest-${i.vacancyId}`;
  const open = i.state === 'open';
  const remove = async () => {
    if (busy) return;
    setBusy(true);
    setError('');
    const result = await call('jobs', 'markInterest', {
      vacancyId: i.vacancyId,
      interested: false,
    });
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    onRemoved(i.vacancyId);
  };
  return (
    <View className="app-card" id={id}>
      <View
        className="app-card__head"
        onClick={
          open ? () => void Taro.navigateTo({ url: JOB_URLS.detail(i.vacancyId) }) : undefined
        }
      >
        <View className="app-card__titles">
          <Text className="app-card__title">{i.vacancy.title}</Text>
          <Text className="app-card__company">{i.vacancy.companyName}</Text>
        </View>
        <Text className={`jobs-status jobs-status--${i.state}`} id={`${id}-state`}>
          {i.stateLabel}
        </Text>
      </View>
      <Text className="app-card__row">
        {salaryText(i.vacancy.salaryMin, i.vacancy.salaryMax)} · {i.vacancy.workTypeLabel} ·{' '}
        {i.vacancy.townshipLabel}
      </Text>
      <Text className="app-card__row">标记于 {formatShanghai(i.markedAt)}</Text>
      {i.invited && open ? (
        <Text className="interest-invited" id={`${id}-invited`}>
          企业已邀请您投递这个岗位，是否投递由您决定。
        </Text>
      ) : null}
      {open ? null : (
        <Text className="app-card__hint" id={`${id}-stopped`}>
          {i.state === 'expired' ? '该岗位已过招聘期限' : '该岗位已停止招聘'}，不能再投递了。
        </Text>
      )}
      {error ? (
        <Text className="interest-error" id={`${id}-error`}>
          {error}
        </Text>
      ) : null}
      <View className="interest-actions">
        {open ? (
          <View className="interest-actions__item">
            <Button
              size="small"
              type="primary"
              round
              id={`${id}-apply`}
              onClick={() => void Taro.navigateTo({ url: JOB_URLS.detail(i.vacancyId) })}
            >
              去投递
            </Button>
          </View>
        ) : null}
        <View className="interest-actions__item">
          <Button
            size="small"
            plain
            className="outline-button"
            round
            id={`${id}-remove`}
            loading={busy}
            onClick={() => void remove()}
          >
            {open ? '取消感兴趣' : '移除'}
          </Button>
        </View>
      </View>
    </View>
  );
}

export function Interests({
  interests,
  onRemoved,
}: {
  interests: MyInterest[];
  onRemoved: (vacancyId: string) => void;
}) {
  if (interests.length === 0) {
    return (
      <View id="interests-empty">
        <EmptyState
          title="还没有感兴趣的岗位"
          text="在岗位详情页点“感兴趣”，企业会看到您的姓氏、年龄段、学历和所在乡镇，可能邀请您投递。"
        />
      </View>
    );
  }
  return (
    <View id="interests">
      <Text className="jobs-page__note jobs-page__note--top">
        这些岗位的企业知道您感兴趣，但您还没有投递。想应聘就点“去投递”。
      </Text>
      {interests.map((i) => (
        <InterestCard key={i.vacancyId} interest={i} onRemoved={onRemoved} />
      ))}
    </View>
  );
}
