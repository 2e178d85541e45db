/**
 * 培训课程 — the courses the caller manages: 就业中心 staff and supervisors those in their
 * townships, a training institution's own account its own. Each course shows its seats and
 * waitlist; from here: publish a course, open its roster (attendance and results), edit it, and
 * the certificate tasks.
 */
import { Button } from '@antmjs/vantui';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';

import { formatShanghai } from '@nuanxin/shared';

import { ChoiceChips } from '../../../components/ChoiceChips';
import { EmptyState, LoadingState } from '../../../components/PageStatus';
import { call, type CallOutput } from '../../../services/cloud';
import { STAFF_COURSES_CHANGED, STAFF_TRAINING_URLS } from '../components/urls';

import '../components/staff.less';

type Managed = CallOutput<'training', 'manageCourses'>;
type Load =
  { kind: 'loading' } | { kind: 'refused'; message: string } | { kind: 'ready'; data: Managed };

const go = (url: string) => void Taro.navigateTo({ url });

export default function StaffCoursesPage() {
  const [includePast, setIncludePast] = useState(false);
  const [state, setState] = useState<Load>({ kind: 'loading' });

  const load = useCallback(async () => {
    const result = await call('training', 'manageCourses', { includePast });
    setState(
      result.ok
        ? { kind: 'ready', data: result.data }
        : { kind: 'refused', message: result.error.message },
    );
  }, [includePast]);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    const reload = () => void load();
    Taro.eventCenter.on(STAFF_COURSES_CHANGED, reload);
    return () => {
      Taro.eventCenter.off(STAFF_COURSES_CHANGED, reload);
    };
  }, [load]);

  if (state.kind === 'loading') return <LoadingState />;
  if (state.kind === 'refused') {
    // E.g. the 职鉴中心, who follow certificates but do not publish courses.
    return (
      <View className="staff-training">
        <Text className="staff-notice" id="courses-refused">
          {state.message}
        </Text>
        <View className="staff-bar">
          <Button
            type="primary"
            round
            id="certificates-link"
            onClick={() => go(STAFF_TRAINING_URLS.certificates)}
          >
            结业证书发放
          </Button>
        </View>
      </View>
    );
  }

  const { courses, institution, notice, canCreate } = state.data;
  return (
    <View className="staff-training">
      {institution ? (
        <Text className="staff-summary" id="institution-name">
          {institution.name}（{institution.kindLabel}）
        </Text>
      ) : null}
      {notice ? (
        <Text className="staff-notice" id="courses-notice">
          {notice}
        </Text>
      ) : null}
      <View className="staff-bar">
        {canCreate ? (
          <Button
            type="primary"
            round
            id="course-new"
            onClick={() => go(STAFF_TRAINING_URLS.edit())}
          >
            发布新课程
          </Button>
        ) : null}
        {notice && !canCreate ? null : (
          <Button
            plain
            round
            className="outline-button"
            id="certificates-link"
            onClick={() => go(STAFF_TRAINING_URLS.certificates)}
          >
            结业证书发放
          </Button>
        )}
      </View>
      {notice && !canCreate ? null : (
        <View className="staff-bar">
          <ChoiceChips
            options={[
              { value: 'current', label: '未结束的课程' },
              { value: 'all', label: '含已结束' },
            ]}
            selected={[includePast ? 'all' : 'current']}
            onToggle={(v) => setIncludePast(v === 'all')}
            idPrefix="course-range"
          />
        </View>
      )}
      {courses.length === 0 && !notice ? (
        <EmptyState title="还没有课程" text="点“发布新课程”开始招生。" />
      ) : null}
      {courses.map((c) => (
        <View key={c.id} className="staff-card" id={`staff-course-${c.id}`}>
          <View className="staff-card__head">
            <Text className="staff-card__title">{c.title}</Text>
            <Text
              className={`staff-card__badge${c.enrolment === 'open' ? '' : ' staff-card__badge--muted'}`}
            >
              {c.status === 'closed' ? c.statusLabel : c.enrolmentLabel}
            </Text>
          </View>
          <Text className="staff-card__line">
            {c.institutionName} · {c.fundingLabel} · {c.modeLabel}
          </Text>
          <Text className="staff-card__line">
            {formatShanghai(c.startsAt, 'M月D日 HH:mm')}开课 · 共{c.sessionCount}次 ·{' '}
            {c.townshipLabel}
          </Text>
          <Text className="staff-card__line" id={`staff-course-${c.id}-counts`}>
            已报名 {c.capacity - c.seatsLeft}/{c.capacity}
            {c.promoted > 0 ? `（含${c.promoted}人候补递补待确认）` : ''} · 候补 {c.waiting} 人
            {c.finished > 0 ? ` · 已考勤/结业 ${c.finished} 人` : ''}
          </Text>
          <View className="staff-card__actions">
            <Button
              type="primary"
              round
              size="small"
              id={`roster-${c.id}`}
              onClick={() => go(STAFF_TRAINING_URLS.roster(c.id))}
            >
              名单与考勤
            </Button>
            {c.canEdit ? (
              <Button
                plain
                round
                size="small"
                className="outline-button"
                id={`edit-${c.id}`}
                onClick={() => go(STAFF_TRAINING_URLS.edit(c.id))}
              >
                修改
              </Button>
            ) : null}
          </View>
        </View>
      ))}
    </View>
  );
}
