/**
 * What a referral points at, chosen in the contact sheet. A job referral: a published vacancy
 * found by keyword (its 公益性/见习 flags then count in the month's push plan), or a position off
 * the platform with the flags the caseworker ticks and its name in the note. A training
 * referral: a course that fits the person and is open for enrolment (its institution is then
 * recorded as offered, 000 §3(2)), or a training elsewhere named in the note.
 */
import { Button } from '@antmjs/vantui';
import { Text, View } from '@tarojs/components';
import { useCallback, useEffect, useState } from 'react';

import type { CourseCard, PublicVacancy } from '@nuanxin/shared';

import { ChoiceChips } from '../../../components/ChoiceChips';
import { TextBox } from '../../../components/FormField';
import { call } from '../../../services/cloud';

import './ReferralPicker.less';

export type ReferralSource = 'platform' | 'elsewhere';

const SOURCE_LABELS = {
  job: { platform: '平台上的岗位', elsewhere: '平台外的岗位' },
  training: { platform: '平台上的课程', elsewhere: '平台外的培训' },
} as const;

export function SourceChips({
  what,
  source,
  onChange,
}: {
  what: 'job' | 'training';
  source: ReferralSource;
  onChange: (next: ReferralSource) => void;
}) {
  return (
    <ChoiceChips
      idPrefix={`${what}-source`}
      options={(['platform', 'elsewhere'] as const).map((value) => ({
        value,
        label: SOURCE_LABELS[what][value],
      }))}
      selected={[source]}
      onToggle={onChange}
    />
  );
}

export interface PickedVacancy {
  id: string;
  title: string;
  companyName: string;
  flagLabels: string[];
}

type Found =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; vacancies: PublicVacancy[]; total: number };

/** Published vacancies by keyword, in the person's county first; one is picked. */
export function VacancyPicker({
  county,
  picked,
  onPick,
  error,
}: {
  county: string | null;
  picked: PickedVacancy | null;
  onPick: (next: PickedVacancy | null) => void;
  error?: string;
}) {
  const [keyword, setKeyword] = useState('');
  const [found, setFound] = useState<Found>({ status: 'loading' });

  const search = useCallback(
    async (text: string) => {
      setFound({ status: 'loading' });
      const result = await call('jobs', 'search', {
        county,
        keyword: text.trim(),
        pageSize: 8,
      });
      setFound(
        result.ok
          ? { status: 'ready', vacancies: result.data.vacancies, total: result.data.total }
          : { status: 'error', message: result.error.message },
      );
    },
    [county],
  );

  useEffect(() => {
    void search('');
  }, [search]);

  if (picked) {
    return (
      <View className="referral-picked" id="referral-vacancy-picked">
        <View className="referral-picked__text">
          <Text className="referral-picked__title">{picked.title}</Text>
          <Text className="referral-picked__meta">
            {[picked.companyName, ...picked.flagLabels].join(' · ')}
          </Text>
        </View>
        <Text
          className="referral-picked__change"
          id="referral-vacancy-change"
          onClick={() => onPick(null)}
        >
          更换
        </Text>
        {error ? <Text className="cw-field-error referral-picked__error">{error}</Text> : null}
      </View>
    );
  }
  return (
    <View className="referral-picker" id="referral-vacancies">
      <View className="referral-picker__search">
        <View className="referral-picker__input" id="referral-vacancy-keyword">
          <TextBox
            value={keyword}
            maxlength={30}
            placeholder="岗位名称或单位，如：仓储"
            onChange={setKeyword}
          />
        </View>
        <Button
          plain
          round
          size="small"
          className="outline-button"
          id="referral-vacancy-search"
          onClick={() => void search(keyword)}
        >
          搜索
        </Button>
      </View>
      {found.status === 'loading' ? (
        <Text className="referral-picker__hint">正在查找岗位…</Text>
      ) : null}
      {found.status === 'error' ? <Text className="cw-field-error">{found.message}</Text> : null}
      {found.status === 'ready' && found.vacancies.length === 0 ? (
        <Text className="referral-picker__hint" id="referral-vacancies-none">
          没有找到招聘中的岗位，换个关键词试试，或选“平台外的岗位”。
        </Text>
      ) : null}
      {found.status === 'ready'
        ? found.vacancies.map((v) => (
            <View
              key={v.id}
              className="referral-option"
              id={`referral-vacancy-${v.id}`}
              hoverClass="referral-option--pressed"
              onClick={() =>
                onPick({
                  id: v.id,
                  title: v.title,
                  companyName: v.companyName,
                  flagLabels: v.flagLabels,
                })
              }
            >
              <Text className="referral-option__title">{v.title}</Text>
              <Text className="referral-option__meta">
                {v.companyName} · {v.townshipLabel} · {v.salaryMin}–{v.salaryMax} 元
              </Text>
              {v.flags.publicWelfare || v.flags.internship ? (
                <View>
                  {v.flags.publicWelfare ? (
                    <Text className="pill pill--info">公益性岗位</Text>
                  ) : null}
                  {v.flags.internship ? <Text className="pill pill--info">见习岗位</Text> : null}
                </View>
              ) : null}
            </View>
          ))
        : null}
      {found.status === 'ready' && found.total > found.vacancies.length ? (
        <Text className="referral-picker__hint">
          共 {found.total} 个，只显示前 {found.vacancies.length} 个，可用关键词缩小范围。
        </Text>
      ) : null}
      {error ? <Text className="cw-field-error">{error}</Text> : null}
    </View>
  );
}

export interface PickedCourse {
  id: string;
  title: string;
  institutionName: string;
}

type Courses =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; courses: CourseCard[] };

/** Courses that fit the person and take bookings now (training.trainingOffers). */
export function CoursePicker({
  registrationId,
  picked,
  onPick,
  error,
}: {
  registrationId: string;
  picked: PickedCourse | null;
  onPick: (next: PickedCourse | null) => void;
  error?: string;
}) {
  const [courses, setCourses] = useState<Courses>({ status: 'loading' });

  useEffect(() => {
    let live = true;
    void call('training', 'trainingOffers', { registrationId }).then((result) => {
      if (!live) return;
      setCourses(
        result.ok
          ? {
              status: 'ready',
              courses: (result.data.person?.recommended ?? []).filter(
                (c) => c.enrolment === 'open',
              ),
            }
          : { status: 'error', message: result.error.message },
      );
    });
    return () => {
      live = false;
    };
  }, [registrationId]);

  if (picked) {
    return (
      <View className="referral-picked" id="referral-course-picked">
        <View className="referral-picked__text">
          <Text className="referral-picked__title">{picked.title}</Text>
          <Text className="referral-picked__meta">{picked.institutionName}</Text>
        </View>
        <Text
          className="referral-picked__change"
          id="referral-course-change"
          onClick={() => onPick(null)}
        >
          更换
        </Text>
        {error ? <Text className="cw-field-error referral-picked__error">{error}</Text> : null}
      </View>
    );
  }
  return (
    <View className="referral-picker" id="referral-courses">
      {courses.status === 'loading' ? (
        <Text className="referral-picker__hint">正在查找适合本人的课程…</Text>
      ) : null}
      {courses.status === 'error' ? (
        <Text className="cw-field-error">{courses.message}</Text>
      ) : null}
      {courses.status === 'ready' && courses.courses.length === 0 ? (
        <Text className="referral-picker__hint" id="referral-courses-none">
          现在没有适合本人、正在报名的课程。可选“平台外的培训”并写明项目和机构。
        </Text>
      ) : null}
      {courses.status === 'ready'
        ? courses.courses.map((c) => (
            <View
              key={c.id}
              className="referral-option"
              id={`referral-course-${c.id}`}
              hoverClass="referral-option--pressed"
              onClick={() =>
                onPick({ id: c.id, title: c.title, institutionName: c.institutionName })
              }
            >
              <Text className="referral-option__title">{c.title}</Text>
              <Text className="referral-option__meta">
                {c.institutionName} · {c.fundingLabel} · 剩余 {c.seatsLeft} 个名额
              </Text>
            </View>
          ))
        : null}
      {error ? <Text className="cw-field-error">{error}</Text> : null}
    </View>
  );
}
