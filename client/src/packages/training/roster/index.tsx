/**
 * 课程名单与考勤 — the people on one course. Once it has started: who came (到课/未到); from the
 * last session's day: who passed (合格 opens the certificate task, due within 2 months). The
 * waitlist and those who left are listed below, read only. Reading the list is audited.
 */
import { Button } from '@antmjs/vantui';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useState, type ReactNode } from 'react';

import { formatShanghai, type RosterRow } from '@nuanxin/shared';

import { ChoiceChips } from '../../../components/ChoiceChips';
import { ErrorState, LoadingState } from '../../../components/PageStatus';
import { call, type CallOutput } from '../../../services/cloud';
import { STAFF_COURSES_CHANGED } from '../components/urls';

import '../components/staff.less';

type Roster = CallOutput<'training', 'roster'>;
type Load =
  { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; data: Roster };

const ATTENDING = ['confirmed', 'attended', 'noShow'];
const RESULTS = ['attended', 'passed', 'failed'];

function Person({ row, children }: { row: RosterRow; children?: ReactNode }) {
  return (
    <View className="roster-row" id={`row-${row.id}`}>
      <View className="roster-row__head">
        <Text className="roster-row__name">{row.name}</Text>
        <Text className="roster-row__status">
          {row.statusLabel}
          {row.waitPosition ? `（第${row.waitPosition}位）` : ''}
        </Text>
      </View>
      <Text className="roster-row__line">
        {row.mobile} · {formatShanghai(row.bookedAt, 'M月D日 HH:mm')}报名
        {row.confirmBy ? ` · ${formatShanghai(row.confirmBy, 'M月D日 HH:mm')}前确认` : ''}
      </Text>
      {row.certificate ? (
        <Text className="roster-row__line">
          证书：{row.certificate.statusLabel}（{row.certificate.dueDate}前）
        </Text>
      ) : null}
      {children}
    </View>
  );
}

export default function RosterPage() {
  const id = Taro.getCurrentInstance().router?.params?.id ?? '';
  const [state, setState] = useState<Load>({ kind: 'loading' });
  const [present, setPresent] = useState<Record<string, 'yes' | 'no'>>({});
  const [passed, setPassed] = useState<Record<string, 'pass' | 'fail'>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [saved, setSaved] = useState('');

  const load = useCallback(async () => {
    if (!id) {
      setState({ kind: 'error', message: '没有指定课程，请从课程列表进入' });
      return;
    }
    const result = await call('training', 'roster', { courseId: id });
    if (!result.ok) {
      setState({ kind: 'error', message: result.error.message });
      return;
    }
    setState({ kind: 'ready', data: result.data });
    setPresent({});
    setPassed({});
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);

  if (state.kind === 'loading') return <LoadingState />;
  if (state.kind === 'error')
    return <ErrorState message={state.message} onRetry={() => void load()} />;

  const { course, bookings, canMarkAttendance, canRecordResults } = state.data;
  const attending = bookings.filter((b) => ATTENDING.includes(b.status));
  const finishing = bookings.filter((b) => RESULTS.includes(b.status));
  const others = bookings.filter(
    (b) => !ATTENDING.includes(b.status) && !RESULTS.includes(b.status),
  );

  const presentOf = (b: RosterRow) =>
    present[b.id] ?? (b.status === 'attended' ? 'yes' : b.status === 'noShow' ? 'no' : null);
  const resultOf = (b: RosterRow) =>
    passed[b.id] ?? (b.status === 'passed' ? 'pass' : b.status === 'failed' ? 'fail' : null);

  const save = async (kind: 'attendance' | 'results') => {
    if (busy) return;
    setError('');
    setSaved('');
    setBusy(true);
    let text: string;
    if (kind === 'attendance') {
      const result = await call('training', 'recordAttendance', {
        courseId: course.id,
        marks: Object.entries(present).map(([bookingId, v]) => ({
          bookingId,
          present: v === 'yes',
        })),
      });
      setBusy(false);
      if (!result.ok) {
        setError(result.error.message);
        return;
      }
      text = `已保存${result.data.updated}人的考勤`;
    } else {
      const result = await call('training', 'recordResults', {
        courseId: course.id,
        results: Object.entries(passed).map(([bookingId, v]) => ({
          bookingId,
          passed: v === 'pass',
        })),
      });
      setBusy(false);
      if (!result.ok) {
        setError(result.error.message);
        return;
      }
      const opened = result.data.certificatesOpened;
      text = `已保存${result.data.updated}人的考核结果${opened > 0 ? `，生成${opened}个发证任务（2个月内发证）` : ''}`;
    }
    setSaved(text);
    Taro.eventCenter.trigger(STAFF_COURSES_CHANGED);
    await load();
  };

  return (
    <View className="staff-training">
      <View className="staff-card" id="roster-course">
        <Text className="staff-card__title">{course.title}</Text>
        <Text className="staff-card__line">
          {course.institutionName} · {formatShanghai(course.startsAt, 'M月D日 HH:mm')}开课 · 共
          {course.sessionCount}次
        </Text>
        <Text className="staff-card__line">
          已报名 {course.capacity - course.seatsLeft}/{course.capacity} · 候补 {course.waiting} 人
        </Text>
        {course.status === 'published' ? null : (
          <Text className="staff-card__line staff-card__line--warn" id="roster-status">
            {course.statusLabel}
            {course.cancelReason ? `（${course.cancelReason}）` : ''}
            {course.reviewNote ? `：${course.reviewNote}` : ''}
          </Text>
        )}
      </View>

      {error ? (
        <Text className="staff-error" id="roster-error">
          {error}
        </Text>
      ) : null}
      {saved ? (
        <Text className="staff-ok" id="roster-saved">
          {saved}
        </Text>
      ) : null}

      <Text className="section-title">参训人员（{attending.length}人）</Text>
      {!canMarkAttendance ? (
        <Text className="staff-summary" id="attendance-later">
          开课后可在这里登记到课情况。
        </Text>
      ) : null}
      <View className="staff-card">
        {attending.length === 0 ? <Text className="staff-card__line">暂无</Text> : null}
        {attending.map((b) => (
          <Person key={b.id} row={b}>
            {canMarkAttendance ? (
              <View className="roster-row__choice">
                <ChoiceChips
                  options={[
                    { value: 'yes', label: '到课' },
                    { value: 'no', label: '未到' },
                  ]}
                  selected={presentOf(b) ? [presentOf(b)!] : []}
                  onToggle={(v) => setPresent((p) => ({ ...p, [b.id]: v }))}
                  idPrefix={`attend-${b.id}`}
                />
              </View>
            ) : null}
          </Person>
        ))}
        {canMarkAttendance && attending.length > 0 ? (
          <Button
            type="primary"
            round
            block
            id="save-attendance"
            loading={busy}
            disabled={Object.keys(present).length === 0}
            onClick={() => void save('attendance')}
          >
            保存考勤
          </Button>
        ) : null}
      </View>

      {finishing.length > 0 ? (
        <View>
          <Text className="section-title">考核结果</Text>
          {!canRecordResults ? (
            <Text className="staff-summary" id="results-later">
              最后一次课当天起可登记考核结果。
            </Text>
          ) : null}
          <View className="staff-card">
            {finishing.map((b) => (
              <Person key={b.id} row={b}>
                {canRecordResults && b.status === 'attended' ? (
                  <View className="roster-row__choice">
                    <ChoiceChips
                      options={[
                        { value: 'pass', label: '合格' },
                        { value: 'fail', label: '不合格' },
                      ]}
                      selected={resultOf(b) ? [resultOf(b)!] : []}
                      onToggle={(v) => setPassed((p) => ({ ...p, [b.id]: v }))}
                      idPrefix={`result-${b.id}`}
                    />
                  </View>
                ) : null}
              </Person>
            ))}
            {canRecordResults && finishing.some((b) => b.status === 'attended') ? (
              <Button
                type="primary"
                round
                block
                id="save-results"
                loading={busy}
                disabled={Object.keys(passed).length === 0}
                onClick={() => void save('results')}
              >
                保存考核结果
              </Button>
            ) : null}
          </View>
        </View>
      ) : null}

      {others.length > 0 ? (
        <View>
          <Text className="section-title">候补与已取消</Text>
          <View className="staff-card">
            {others.map((b) => (
              <Person key={b.id} row={b} />
            ))}
          </View>
        </View>
      ) : null}
    </View>
  );
}
