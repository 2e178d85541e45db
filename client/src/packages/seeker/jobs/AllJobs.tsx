/**
 * 全部岗位 — every open vacancy, filtered by what the seeker chooses and sorted newest first: the
 * non-personalised view (PIPL 第24条: alongside recommendations, a view not based on the
 * person's profile).
 */
import { Button } from '@antmjs/vantui';
import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';

import type { PublicVacancy } from '@nuanxin/shared';

import { ChoiceChips } from '../../../components/ChoiceChips';
import { EmptyState, ErrorState, LoadingState } from '../../../components/PageStatus';
import { VacancyCard } from '../../../components/VacancyCard';
import { call } from '../../../services/cloud';

import {
  ANY,
  COUNTY_OPTIONS,
  FLAG_OPTIONS,
  filterSummary,
  hasFilters,
  JOB_APPLIED_EVENT,
  JOB_URLS,
  NO_FILTERS,
  SALARY_OPTIONS,
  searchInput,
  townshipOptions,
  WORK_TYPE_OPTIONS,
  type Filters,
  type WorkType,
} from './filters';

type Load =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; vacancies: PublicVacancy[]; total: number; page: number };

export function AllJobs() {
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [keyword, setKeyword] = useState('');
  const [panelOpen, setPanelOpen] = useState(false);
  const [state, setState] = useState<Load>({ kind: 'loading' });
  const [more, setMore] = useState<{ busy: boolean; error: string }>({ busy: false, error: '' });
  // Only the latest request's answer counts: a slow answer to an older filter is dropped.
  const latest = useRef(0);

  const load = useCallback(async (next: Filters) => {
    const ticket = ++latest.current;
    setState({ kind: 'loading' });
    setMore({ busy: false, error: '' });
    const result = await call('jobs', 'search', searchInput(next, 1));
    if (ticket !== latest.current) return;
    if (!result.ok) {
      setState({ kind: 'error', message: result.error.message });
      return;
    }
    setState({
      kind: 'ready',
      vacancies: result.data.vacancies,
      total: result.data.total,
      page: 1,
    });
  }, []);

  useEffect(() => {
    void load(filters);
  }, [filters, load]);

  // The vacancy page says when the seeker applied, so the card shows it on return.
  useEffect(() => {
    const applied = (id: string) =>
      setState((s) =>
        s.kind === 'ready'
          ? {
              ...s,
              vacancies: s.vacancies.map((v) => (v.id === id ? { ...v, applied: true } : v)),
            }
          : s,
      );
    Taro.eventCenter.on(JOB_APPLIED_EVENT, applied);
    return () => {
      Taro.eventCenter.off(JOB_APPLIED_EVENT, applied);
    };
  }, []);

  const loadMore = async () => {
    if (state.kind !== 'ready' || more.busy) return;
    const ticket = latest.current;
    setMore({ busy: true, error: '' });
    const result = await call('jobs', 'search', searchInput(filters, state.page + 1));
    if (ticket !== latest.current) return;
    if (!result.ok) {
      setMore({ busy: false, error: result.error.message });
      return;
    }
    const seen = new Set(state.vacancies.map((v) => v.id));
    setState({
      kind: 'ready',
      vacancies: [...state.vacancies, ...result.data.vacancies.filter((v) => !seen.has(v.id))],
      total: result.data.total,
      page: state.page + 1,
    });
    setMore({ busy: false, error: '' });
  };

  const update = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));
  const search = () => update({ keyword });
  const clear = () => {
    setKeyword('');
    setFilters(NO_FILTERS);
  };
  const summary = filterSummary(filters);

  return (
    <View className="jobs-pane" id="pane-all">
      <Text className="jobs-page__note">
        按您选择的条件列出全部招聘中的岗位，从新到旧排列，不根据您的个人信息排序。
      </Text>

      <View className="jobs-search">
        <View className="jobs-search__box" id="job-search">
          <Input
            className="jobs-search__input"
            value={keyword}
            placeholder="搜索岗位名称或单位名称"
            placeholderClass="jobs-search__placeholder"
            confirmType="search"
            maxlength={30}
            onInput={(e) => setKeyword(String(e.detail.value ?? ''))}
            onConfirm={search}
          />
        </View>
        <View className="jobs-search__button">
          <Button type="primary" round size="small" id="job-search-submit" onClick={search}>
            搜索
          </Button>
        </View>
      </View>

      <ChoiceChips
        idPrefix="flag"
        options={FLAG_OPTIONS}
        selected={filters.flags}
        onToggle={(flag) =>
          update({
            flags: filters.flags.includes(flag)
              ? filters.flags.filter((f) => f !== flag)
              : [...filters.flags, flag],
          })
        }
      />

      <View
        className="jobs-filter-toggle"
        id="job-filters-toggle"
        role="button"
        aria-expanded={panelOpen}
        onClick={() => setPanelOpen(!panelOpen)}
      >
        <Text className="jobs-filter-toggle__label">地区 · 月薪 · 工作方式</Text>
        <Text className="jobs-filter-toggle__value">
          {summary || '不限'} {panelOpen ? '▲' : '▼'}
        </Text>
      </View>
      {panelOpen ? (
        <View className="jobs-filters" id="job-filters">
          <Text className="jobs-filters__label">区（县、市）</Text>
          <ChoiceChips
            idPrefix="filter-county"
            options={COUNTY_OPTIONS}
            selected={[filters.county ?? ANY]}
            onToggle={(code) => update({ county: code === ANY ? null : code, township: null })}
          />
          {filters.county ? (
            <>
              <Text className="jobs-filters__label">乡镇（街道）</Text>
              <ChoiceChips
                idPrefix="filter-township"
                options={townshipOptions(filters.county)}
                selected={[filters.township ?? ANY]}
                onToggle={(code) => update({ township: code === ANY ? null : code })}
              />
            </>
          ) : null}
          <Text className="jobs-filters__label">月薪</Text>
          <ChoiceChips
            idPrefix="filter-salary"
            options={SALARY_OPTIONS}
            selected={[filters.salaryMin === null ? ANY : String(filters.salaryMin)]}
            onToggle={(v) => update({ salaryMin: v === ANY ? null : Number(v) })}
          />
          <Text className="jobs-filters__label">工作方式</Text>
          <ChoiceChips
            idPrefix="filter-work-type"
            options={WORK_TYPE_OPTIONS}
            selected={[filters.workType ?? ANY]}
            onToggle={(v) => update({ workType: v === ANY ? null : (v as WorkType) })}
          />
        </View>
      ) : null}

      {state.kind === 'loading' ? <LoadingState text="正在查找岗位…" /> : null}
      {state.kind === 'error' ? (
        <ErrorState message={state.message} onRetry={() => void load(filters)} />
      ) : null}
      {state.kind === 'ready' ? (
        <View className="jobs-results">
          <View className="jobs-results__head">
            <Text className="jobs-results__total" id="job-total">
              共 {state.total} 个岗位
            </Text>
            {hasFilters(filters) ? (
              <Text className="jobs-results__clear" id="job-clear-filters" onClick={clear}>
                清除筛选
              </Text>
            ) : null}
          </View>
          {state.vacancies.length === 0 ? (
            <View id="job-empty">
              <EmptyState
                title="没有符合条件的岗位"
                text={
                  hasFilters(filters)
                    ? '试试减少筛选条件或换个关键词；新岗位每天都会发布。'
                    : '暂时没有招聘中的岗位，新岗位每天都会发布，请过几天再来看看。'
                }
              />
              {hasFilters(filters) ? (
                <View className="jobs-results__action">
                  <Button
                    plain
                    className="outline-button"
                    round
                    block
                    id="job-clear"
                    onClick={clear}
                  >
                    清除全部筛选条件
                  </Button>
                </View>
              ) : null}
            </View>
          ) : (
            state.vacancies.map((v) => (
              <VacancyCard
                key={v.id}
                id={`vacancy-${v.id}`}
                vacancy={v}
                onClick={() => void Taro.navigateTo({ url: JOB_URLS.detail(v.id) })}
                footer={
                  v.applied ? (
                    <Text className="jobs-applied" id={`vacancy-${v.id}-applied`}>
                      ✓ 已投递
                    </Text>
                  ) : undefined
                }
              />
            ))
          )}
          {state.vacancies.length > 0 && state.vacancies.length < state.total ? (
            <View className="jobs-results__action">
              {more.error ? (
                <Text className="jobs-results__error" id="job-more-error">
                  {more.error}
                </Text>
              ) : null}
              <Button
                plain
                className="outline-button"
                round
                block
                id="job-more"
                loading={more.busy}
                onClick={() => void loadMore()}
              >
                加载更多（还有 {state.total - state.vacancies.length} 个）
              </Button>
            </View>
          ) : null}
          {state.vacancies.length > 0 && state.vacancies.length >= state.total ? (
            <Text className="jobs-results__end" id="job-end">
              已显示全部岗位
            </Text>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}
