/**
 * 职业培训 — the course list. The year's free-training count on top, a seat offered from a
 * waitlist next (it has a deadline), then the courses that fit the person's registered training
 * need with the reason, then every open course with simple filters: 离我近, 只看免费, 近期开班.
 */
import { Button } from '@antmjs/vantui';
import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';

import type { CourseCard as Course } from '@nuanxin/shared';

import { ChoiceChips } from '../../../components/ChoiceChips';
import { EmptyState, ErrorState, LoadingState } from '../../../components/PageStatus';
import { TownshipSelect } from '../../../components/TownshipSelect';
import { call, type CallInput, type CallOutput } from '../../../services/cloud';

import { CourseCard } from './CourseCard';
import { confirmByText, TRAINING_CHANGED, TRAINING_URLS } from './model';

import './training.less';

type Catalogue = CallOutput<'training', 'catalogue'>;
type Filter = 'near' | 'freeOnly' | 'startingSoon';

const FILTERS: { value: Filter; label: string }[] = [
  { value: 'near', label: '离我近' },
  { value: 'freeOnly', label: '只看免费' },
  { value: 'startingSoon', label: '近期开班' },
];

interface Query {
  filters: Filter[];
  keyword: string;
  township: string | null;
}

type Load =
  | { kind: 'loading' }
  | { kind: 'error'; message: string; needsPlace: boolean }
  | { kind: 'ready'; data: Catalogue; courses: Course[]; page: number };

function input(query: Query, page: number): CallInput<'training', 'catalogue'> {
  return {
    near: query.filters.includes('near'),
    freeOnly: query.filters.includes('freeOnly'),
    startingSoon: query.filters.includes('startingSoon'),
    keyword: query.keyword,
    township: query.township,
    page,
    pageSize: 20,
  };
}

const open = (id: string) => void Taro.navigateTo({ url: TRAINING_URLS.detail(id) });

export default function TrainingPage() {
  const [query, setQuery] = useState<Query>({ filters: [], keyword: '', township: null });
  const [keyword, setKeyword] = useState('');
  const [state, setState] = useState<Load>({ kind: 'loading' });
  const [more, setMore] = useState({ busy: false, error: '' });
  const latest = useRef(0);

  const load = useCallback(async (q: Query) => {
    const ticket = ++latest.current;
    setState((s) => (s.kind === 'ready' ? s : { kind: 'loading' }));
    const result = await call('training', 'catalogue', input(q, 1));
    if (ticket !== latest.current) return;
    if (!result.ok) {
      setState({
        kind: 'error',
        message: result.error.message,
        needsPlace: Boolean(result.error.fields?.township),
      });
      return;
    }
    setState({ kind: 'ready', data: result.data, courses: result.data.courses, page: 1 });
  }, []);

  useEffect(() => {
    void load(query);
  }, [query, load]);

  // A booking made or cancelled on another page shows here on return.
  useEffect(() => {
    const refresh = () => void load(query);
    Taro.eventCenter.on(TRAINING_CHANGED, refresh);
    return () => {
      Taro.eventCenter.off(TRAINING_CHANGED, refresh);
    };
  }, [query, load]);

  const loadMore = async () => {
    if (state.kind !== 'ready' || more.busy) return;
    const ticket = latest.current;
    setMore({ busy: true, error: '' });
    const result = await call('training', 'catalogue', input(query, state.page + 1));
    if (ticket !== latest.current) return;
    if (!result.ok) {
      setMore({ busy: false, error: result.error.message });
      return;
    }
    const seen = new Set(state.courses.map((c) => c.id));
    setState({
      kind: 'ready',
      data: result.data,
      courses: [...state.courses, ...result.data.courses.filter((c) => !seen.has(c.id))],
      page: state.page + 1,
    });
    setMore({ busy: false, error: '' });
  };

  const toggle = (filter: Filter) =>
    setQuery((q) => ({
      ...q,
      filters: q.filters.includes(filter)
        ? q.filters.filter((f) => f !== filter)
        : [...q.filters, filter],
    }));

  const filters = (
    <View className="training-filters">
      <ChoiceChips options={FILTERS} selected={query.filters} onToggle={toggle} idPrefix="filter" />
      <View className="training-filters__search">
        <View className="training-filters__box">
          <Input
            className="training-filters__input"
            id="training-search"
            value={keyword}
            placeholder="搜索课程或职业，如：家政、电工"
            confirmType="search"
            maxlength={20}
            onInput={(e) => setKeyword(String(e.detail.value ?? ''))}
            onConfirm={() => setQuery((q) => ({ ...q, keyword: keyword.trim() }))}
          />
        </View>
        <Button
          type="primary"
          round
          size="small"
          id="training-search-submit"
          onClick={() => setQuery((q) => ({ ...q, keyword: keyword.trim() }))}
        >
          搜索
        </Button>
      </View>
    </View>
  );

  if (state.kind === 'loading') return <LoadingState />;
  if (state.kind === 'error') {
    if (state.needsPlace) {
      // "Near me" without a registered place: ask where, once.
      return (
        <View className="training-page">
          {filters}
          <View className="training-notice training-notice--plain" id="near-township">
            <Text className="training-notice__title">您在哪个乡镇（街道）？</Text>
            <Text className="training-notice__text">选好后，为您列出10公里内的线下课程。</Text>
            <TownshipSelect
              value={query.township}
              onChange={(code) => setQuery((q) => ({ ...q, township: code }))}
            />
          </View>
        </View>
      );
    }
    return <ErrorState message={state.message} onRetry={() => void load(query)} />;
  }

  const { data, courses } = state;
  return (
    <View className="training-page">
      <View className="training-quota">
        <Text className="training-quota__text" id="quota">
          {data.quota.text}
          {data.quota.registered && data.quota.renewsOn ? (
            <Text className="training-quota__sub">{data.quota.renewsOn}起可再次预约免费培训</Text>
          ) : null}
        </Text>
        <Button
          plain
          round
          size="small"
          className="outline-button outline-button--primary"
          id="my-bookings"
          onClick={() => void Taro.navigateTo({ url: TRAINING_URLS.bookings })}
        >
          我的培训
        </Button>
      </View>

      {data.promotions.map((p) => (
        <View
          key={p.bookingId}
          className="training-notice training-notice--good"
          id="promotion-notice"
        >
          <Text className="training-notice__title">候补成功，有名额了！</Text>
          <Text className="training-notice__text">
            您候补的“{p.courseTitle}”有名额了，{confirmByText(p.confirmBy)}
            参加，逾期名额将让给下一位。
          </Text>
          <Button
            type="primary"
            round
            block
            id="promotion-go"
            onClick={() => void Taro.navigateTo({ url: TRAINING_URLS.bookings })}
          >
            去确认
          </Button>
        </View>
      ))}

      {!data.quota.registered ? (
        <View className="training-notice" id="register-notice">
          <Text className="training-notice__title">免费培训需要先办理失业登记</Text>
          <Text className="training-notice__text">
            办理失业登记后，每年可参加3次免费或政府补贴的职业培训。自费课程不需要登记也能报名。
          </Text>
          <Button
            type="primary"
            round
            block
            id="go-register"
            onClick={() => void Taro.navigateTo({ url: TRAINING_URLS.registration })}
          >
            去办理失业登记
          </Button>
        </View>
      ) : null}

      {data.recommended.length > 0 ? (
        <View id="recommended">
          <Text className="section-title">为您推荐</Text>
          {data.need?.trainingNeed ? (
            <Text className="training-count">
              根据您登记的培训需求“{data.need.trainingNeed}”和意向职业推荐
            </Text>
          ) : null}
          {data.recommended.map((course) => (
            <CourseCard
              key={course.id}
              course={course}
              id={`recommended-${course.id}`}
              onOpen={open}
            />
          ))}
        </View>
      ) : null}

      <Text className="section-title">全部课程</Text>
      {filters}
      <Text className="training-count" id="training-count">
        共{data.total}门课程可报名
        {query.filters.includes('near') && data.placeLabel ? `（${data.placeLabel}附近）` : ''}
      </Text>
      {courses.length === 0 ? (
        <EmptyState title="没有符合条件的课程" text="换个条件试试，或过几天再来看看新开的班。" />
      ) : (
        courses.map((course) => (
          <CourseCard key={course.id} course={course} id={`course-${course.id}`} onOpen={open} />
        ))
      )}
      {courses.length < data.total ? (
        <View className="training-more">
          {more.error ? <Text className="training-error">{more.error}</Text> : null}
          <Button
            plain
            round
            block
            className="outline-button"
            id="load-more"
            loading={more.busy}
            onClick={() => void loadMore()}
          >
            加载更多
          </Button>
        </View>
      ) : null}
    </View>
  );
}
