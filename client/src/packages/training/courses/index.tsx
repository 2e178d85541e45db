/**
 * 培训课程 — the courses the caller manages: 就业中心 staff and supervisors those in their
 * townships, a training institution's own account its own. Each course shows its seats and
 * waitlist; from here: publish a course, open its roster (attendance and results), edit it, and
 * the certificate tasks. 就业中心 staff first see the courses institutions submitted for review,
 * and approve them or send them back with the reason; the institution sees the reason on its
 * course.
 */
import { Button } from '@antmjs/vantui';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';

import { formatShanghai } from '@nuanxin/shared';

import { ChoiceChips } from '../../../components/ChoiceChips';
import { FormField, TextAreaBox } from '../../../components/FormField';
import { EmptyState, LoadingState } from '../../../components/PageStatus';
import { call, type CallOutput } from '../../../services/cloud';
import { STAFF_COURSES_CHANGED, STAFF_TRAINING_URLS } from '../components/urls';

import '../components/staff.less';

type Managed = CallOutput<'training', 'manageCourses'>;
type Row = Managed['courses'][number];
type Load =
  { kind: 'loading' } | { kind: 'refused'; message: string } | { kind: 'ready'; data: Managed };

const go = (url: string) => void Taro.navigateTo({ url });

/** One course waiting for the 就业中心's decision: approve, or send back with the reason. */
function ReviewCard({ course, onDone }: { course: Row; onDone: (message: string) => void }) {
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const decide = async (decision: 'approve' | 'reject') => {
    if (busy) return;
    setBusy(true);
    setError('');
    const result = await call('training', 'reviewCourse', {
      courseId: course.id,
      decision,
      reason: decision === 'reject' ? reason : '',
    });
    setBusy(false);
    if (!result.ok) {
      setError(result.error.fields?.reason ?? result.error.message);
      return;
    }
    onDone(
      decision === 'approve'
        ? `已通过“${course.title}”，求职者现在可以看到并报名`
        : `已退回“${course.title}”，培训机构会看到原因`,
    );
  };

  return (
    <View className="staff-card" id={`review-${course.id}`}>
      <View className="staff-card__head">
        <Text className="staff-card__title">{course.title}</Text>
        <Text className="staff-card__badge staff-card__badge--warn">{course.statusLabel}</Text>
      </View>
      <Text className="staff-card__line">
        {course.institutionName} · {course.occupationName}（{course.levelLabel}）
      </Text>
      <Text className="staff-card__line">
        {course.fundingLabel}
        {course.fee > 0 ? ` ${course.fee}元` : ''} · {course.modeLabel} · 招生{course.capacity}人
      </Text>
      <Text className="staff-card__line">
        {formatShanghai(course.startsAt, 'M月D日 HH:mm')}开课 · 共{course.sessionCount}次 ·{' '}
        {course.townshipLabel} ·{' '}
        {formatShanghai(`${course.enrolDeadline}T12:00:00+08:00`, 'M月D日')}截止报名
      </Text>
      {rejecting ? (
        <FormField
          name={`reject-${course.id}`}
          label="不通过的原因（培训机构会看到）"
          error={error}
        >
          <TextAreaBox
            value={reason}
            maxlength={200}
            onChange={setReason}
            placeholder="如：补贴说明不完整，请写明补贴标准"
          />
        </FormField>
      ) : error ? (
        <Text className="staff-error">{error}</Text>
      ) : null}
      <View className="staff-card__actions">
        {rejecting ? (
          <>
            <Button
              type="danger"
              round
              size="small"
              id={`reject-${course.id}-confirm`}
              loading={busy}
              onClick={() => void decide('reject')}
            >
              确认不通过
            </Button>
            <Button
              plain
              round
              size="small"
              className="outline-button"
              id={`reject-${course.id}-back`}
              onClick={() => setRejecting(false)}
            >
              返回
            </Button>
          </>
        ) : (
          <>
            <Button
              type="primary"
              round
              size="small"
              id={`approve-${course.id}`}
              loading={busy}
              onClick={() => void decide('approve')}
            >
              审核通过
            </Button>
            <Button
              plain
              round
              size="small"
              className="outline-button"
              id={`reject-${course.id}`}
              onClick={() => setRejecting(true)}
            >
              不通过
            </Button>
            <Button
              plain
              round
              size="small"
              className="outline-button"
              id={`review-${course.id}-open`}
              onClick={() => go(STAFF_TRAINING_URLS.edit(course.id))}
            >
              查看全部内容
            </Button>
          </>
        )}
      </View>
    </View>
  );
}

/** The badge: the course's own state when it is not simply published, else its enrolment. */
function badgeOf(c: Row): {
  text: string;
  tone: '' | ' staff-card__badge--muted' | ' staff-card__badge--warn';
} {
  if (c.status === 'pendingReview' || c.status === 'rejected') {
    return { text: c.statusLabel, tone: ' staff-card__badge--warn' };
  }
  if (c.status !== 'published') return { text: c.statusLabel, tone: ' staff-card__badge--muted' };
  return {
    text: c.enrolmentLabel,
    tone: c.enrolment === 'open' ? '' : ' staff-card__badge--muted',
  };
}

export default function StaffCoursesPage() {
  const [includePast, setIncludePast] = useState(false);
  const [state, setState] = useState<Load>({ kind: 'loading' });
  const [reviewed, setReviewed] = useState('');

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
  const queue = courses.filter((c) => c.canReview);
  const listed = courses.filter((c) => !c.canReview);
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
      {reviewed ? (
        <Text className="staff-ok" id="review-done">
          {reviewed}
        </Text>
      ) : null}
      {queue.length > 0 ? (
        <View id="review-queue">
          <Text className="section-title">待审核的课程（{queue.length}）</Text>
          <Text className="staff-summary">
            培训机构发布或修改的课程，审核通过后求职者才能看到并报名。
          </Text>
          {queue.map((c) => (
            <ReviewCard
              key={c.id}
              course={c}
              onDone={(message) => {
                setReviewed(message);
                void load();
              }}
            />
          ))}
          <Text className="section-title">全部课程</Text>
        </View>
      ) : null}
      {courses.length === 0 && !notice ? (
        <EmptyState title="还没有课程" text="点“发布新课程”开始招生。" />
      ) : null}
      {listed.map((c) => (
        <View key={c.id} className="staff-card" id={`staff-course-${c.id}`}>
          <View className="staff-card__head">
            <Text className="staff-card__title">{c.title}</Text>
            <Text
              className={`staff-card__badge${badgeOf(c).tone}`}
              id={`staff-course-${c.id}-badge`}
            >
              {badgeOf(c).text}
            </Text>
          </View>
          {c.reviewNote ? (
            <Text
              className="staff-card__line staff-card__line--warn"
              id={`staff-course-${c.id}-review`}
            >
              就业中心审核意见：{c.reviewNote}（修改后会重新提交审核）
            </Text>
          ) : null}
          {c.status === 'pendingReview' ? (
            <Text className="staff-card__line">已提交就业中心审核，通过后求职者才能看到并报名</Text>
          ) : null}
          {c.cancelReason ? (
            <Text className="staff-card__line" id={`staff-course-${c.id}-cancelled`}>
              取消原因：{c.cancelReason}
            </Text>
          ) : null}
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
