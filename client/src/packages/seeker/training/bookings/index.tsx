/**
 * 我的培训 — the year's free-training count, a seat offered from a waitlist first (confirm or
 * give it up before the deadline), then every booking: upcoming, waiting with the place in line,
 * finished with the certificate's progress, cancelled with why.
 */
import { Button } from '@antmjs/vantui';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';

import type { BookingView } from '@nuanxin/shared';

import { EmptyState, ErrorState, LoadingState } from '../../../../components/PageStatus';
import { call, type CallOutput } from '../../../../services/cloud';
import { ConfirmSheet } from '../../components/ConfirmSheet';
import { confirmByText, dayText, TRAINING_CHANGED, TRAINING_URLS } from '../model';

import '../training.less';

type Mine = CallOutput<'training', 'myBookings'>;

type Load =
  { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; mine: Mine };

function detailLine(b: BookingView): string | null {
  if (b.status === 'waitlisted') return `候补第${b.waitPosition ?? 1}位，有名额时会通知您`;
  if (b.certificate) {
    return b.certificate.status === 'issued'
      ? `证书已发放，编号 ${b.certificate.certificateNo ?? ''}`
      : `证书办理中，${b.certificate.dueDate}前发放`;
  }
  return b.note;
}

export default function MyTrainingPage() {
  const [state, setState] = useState<Load>({ kind: 'loading' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [message, setMessage] = useState('');
  const [cancelling, setCancelling] = useState<BookingView | null>(null);

  const load = useCallback(async () => {
    const result = await call('training', 'myBookings', {});
    setState(
      result.ok
        ? { kind: 'ready', mine: result.data }
        : { kind: 'error', message: result.error.message },
    );
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  if (state.kind === 'loading') return <LoadingState />;
  if (state.kind === 'error')
    return <ErrorState message={state.message} onRetry={() => void load()} />;

  const { bookings, quota } = state.mine;
  const promoted = bookings.filter((b) => b.canAccept);
  const others = bookings.filter((b) => !b.canAccept);

  const done = async (next: string) => {
    setMessage(next);
    Taro.eventCenter.trigger(TRAINING_CHANGED);
    await load();
  };

  const accept = async (b: BookingView) => {
    if (busy) return;
    setError('');
    setBusy(true);
    const result = await call('training', 'acceptSeat', { bookingId: b.id });
    setBusy(false);
    if (!result.ok) setError(result.error.message);
    else await done(`已确认参加“${b.courseTitle}”，请在${dayText(b.startsAt)}按时上课。`);
  };

  const cancel = async () => {
    if (!cancelling || busy) return;
    setError('');
    setBusy(true);
    const result = await call('training', 'cancel', { bookingId: cancelling.id });
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setCancelling(null);
    await done(result.data.message);
  };

  return (
    <View className="training-page">
      <View className="training-quota">
        <Text className="training-quota__text" id="quota">
          {quota.text}
          {quota.registered && quota.renewsOn ? (
            <Text className="training-quota__sub">{quota.renewsOn}起可再次预约免费培训</Text>
          ) : null}
        </Text>
      </View>

      {message ? (
        <View className="training-notice training-notice--plain" id="action-message">
          <Text className="training-notice__text">{message}</Text>
        </View>
      ) : null}
      {error && !cancelling ? (
        <Text className="training-error" id="action-error">
          {error}
        </Text>
      ) : null}

      {promoted.map((b) => (
        <View key={b.id} className="training-notice training-notice--good" id="promotion-notice">
          <Text className="training-notice__title">候补成功，有名额了！</Text>
          <Text className="training-notice__text">
            “{b.courseTitle}”{dayText(b.startsAt)}开课。
            {b.confirmBy ? confirmByText(b.confirmBy) : ''}
            参加，逾期名额将让给下一位候补。
          </Text>
          <Button
            type="primary"
            round
            block
            id={`accept-${b.id}`}
            loading={busy}
            onClick={() => void accept(b)}
          >
            确认参加
          </Button>
          <Button
            plain
            round
            block
            className="outline-button"
            id={`decline-${b.id}`}
            disabled={busy}
            onClick={() => setCancelling(b)}
          >
            不参加了，让给别人
          </Button>
        </View>
      ))}

      {bookings.length === 0 ? (
        <View>
          <EmptyState title="您还没有报名培训" text="看看正在招生的免费职业技能培训吧。" />
          <View className="training-more">
            <Button
              type="primary"
              round
              block
              id="browse-courses"
              onClick={() => void Taro.navigateTo({ url: TRAINING_URLS.catalogue })}
            >
              去看课程
            </Button>
          </View>
        </View>
      ) : null}

      {others.map((b) => {
        const line = detailLine(b);
        return (
          <View key={b.id} className="booking-card" id={`booking-${b.id}`}>
            <View
              className="booking-card__head"
              onClick={() => void Taro.navigateTo({ url: TRAINING_URLS.detail(b.courseId) })}
            >
              <Text className="booking-card__title">{b.courseTitle}</Text>
              <Text className={`booking-card__status booking-card__status--${b.status}`}>
                {b.statusLabel}
              </Text>
            </View>
            <Text className="booking-card__line">
              {dayText(b.startsAt)}开课 · {b.modeLabel} · {b.fundingLabel}
            </Text>
            <Text className="booking-card__line">
              {b.institutionName}
              {b.address ? ` · ${b.address}` : ''}
            </Text>
            {line ? <Text className="booking-card__line">{line}</Text> : null}
            {b.canCancel ? (
              <View className="booking-card__actions">
                <Button
                  plain
                  round
                  size="small"
                  className="outline-button"
                  id={`cancel-${b.id}`}
                  onClick={() => setCancelling(b)}
                >
                  {b.status === 'waitlisted' ? '不再候补' : '取消报名'}
                </Button>
              </View>
            ) : null}
          </View>
        );
      })}

      {cancelling ? (
        <ConfirmSheet
          id="cancel-sheet"
          title={cancelling.status === 'confirmed' ? '取消报名？' : '放弃这个名额？'}
          confirmText="确定"
          cancelText="再想想"
          danger
          busy={busy}
          error={error}
          onConfirm={() => void cancel()}
          onCancel={() => {
            setError('');
            setCancelling(null);
          }}
        >
          <Text className="course-detail__text">
            “{cancelling.courseTitle}”
            {cancelling.status === 'confirmed' && cancelling.countsQuota
              ? '：开课前取消会退回1次免费培训次数，名额让给候补的人。'
              : '：名额会让给排在后面的人。'}
          </Text>
        </ConfirmSheet>
      ) : null}
    </View>
  );
}
