/**
 * One course: what, when, where, what it costs and what the subsidy covers; the person's own
 * booking of it (confirmed, waiting with their place in line, or a seat offered from the
 * waitlist to confirm); and one big button — 立即报名, or 排队候补 when it is full.
 */
import { Button } from '@antmjs/vantui';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';

import { FormField, TextBox } from '../../../../components/FormField';
import { ErrorState, LoadingState } from '../../../../components/PageStatus';
import { call, type CallOutput } from '../../../../services/cloud';
import { askSeatNotice } from '../../../../services/subscribe';
import { ConfirmSheet } from '../../components/ConfirmSheet';
import {
  confirmByText,
  dayText,
  feeText,
  placeText,
  scheduleText,
  seatsText,
  TRAINING_CHANGED,
  TRAINING_URLS,
} from '../model';

import '../training.less';

type Detail = CallOutput<'training', 'courseDetail'>;
type Booking = NonNullable<Detail['booking']>;

type Load =
  { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; detail: Detail };

function Row({ label, children }: { label: string; children: string }) {
  return (
    <View className="course-detail__row">
      <Text className="course-detail__label">{label}</Text>
      <Text className="course-detail__value">{children}</Text>
    </View>
  );
}

/** The person's booking of this course, said plainly, with what they can do about it. */
function BookingState({ booking, message }: { booking: Booking; message: string }) {
  if (booking.status === 'promoted' && booking.confirmBy) {
    return (
      <View className="training-notice training-notice--good" id="promotion-notice">
        <Text className="training-notice__title">候补成功，有名额了！</Text>
        <Text className="training-notice__text">
          {confirmByText(booking.confirmBy)}参加，逾期名额将让给下一位候补。
        </Text>
      </View>
    );
  }
  if (booking.status === 'waitlisted') {
    return (
      <View className="training-notice" id="waitlist-notice">
        <Text className="training-notice__title">
          您在候补名单中，排第{booking.waitPosition ?? 1}位
        </Text>
        <Text className="training-notice__text">
          有人取消时按顺序递补。轮到您时会发消息通知，请在期限内确认；候补不占用免费培训次数。
        </Text>
      </View>
    );
  }
  return (
    <View className="training-notice training-notice--good" id="booking-status">
      <Text className="training-notice__title">{booking.statusLabel}</Text>
      <Text className="training-notice__text">
        {message ||
          (booking.status === 'confirmed'
            ? `请在${dayText(booking.startsAt)}按时参加培训。如不能参加，请提前取消，把名额让给别人。`
            : '')}
      </Text>
    </View>
  );
}

export default function CourseDetailPage() {
  const id = Taro.getCurrentInstance().router?.params?.id ?? '';
  const [state, setState] = useState<Load>({ kind: 'loading' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [message, setMessage] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [contact, setContact] = useState({ name: '', mobile: '' });
  const [fields, setFields] = useState<Record<string, string>>({});

  const load = useCallback(async () => {
    if (!id) {
      setState({ kind: 'error', message: '没有指定课程，请从课程列表进入' });
      return;
    }
    const result = await call('training', 'courseDetail', { courseId: id });
    setState(
      result.ok
        ? { kind: 'ready', detail: result.data }
        : { kind: 'error', message: result.error.message },
    );
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);

  if (state.kind === 'loading') return <LoadingState />;
  if (state.kind === 'error')
    return <ErrorState message={state.message} onRetry={() => void load()} />;

  const { detail } = state;
  const { course, booking, quota } = detail;

  const changed = async (next: string) => {
    setMessage(next);
    Taro.eventCenter.trigger(TRAINING_CHANGED);
    await load();
  };

  const book = async () => {
    if (busy) return;
    setError('');
    setFields({});
    // Asked inside the tap (WeChat refuses it later): tell me when a place comes free.
    const asked = detail.wouldWait ? askSeatNotice(detail.seatNoticeTemplateId) : null;
    setBusy(true);
    await asked;
    const result = await call('training', 'apply', {
      courseId: course.id,
      contact: detail.needsContact ? contact : null,
    });
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      setFields(result.error.fields ?? {});
      return;
    }
    await changed(result.data.message);
  };

  const accept = async () => {
    if (!booking || busy) return;
    setError('');
    setBusy(true);
    const result = await call('training', 'acceptSeat', { bookingId: booking.id });
    setBusy(false);
    if (!result.ok) setError(result.error.message);
    else await changed('已确认参加，请按时上课。');
  };

  const cancel = async () => {
    if (!booking || busy) return;
    setError('');
    setBusy(true);
    const result = await call('training', 'cancel', { bookingId: booking.id });
    setBusy(false);
    setConfirming(false);
    if (!result.ok) setError(result.error.message);
    else await changed(result.data.message);
  };

  const primary: 'book' | 'accept' | null =
    !booking && !detail.blocker ? 'book' : booking?.canAccept ? 'accept' : null;

  const cancelTitle =
    booking?.status === 'waitlisted'
      ? '不再候补这门课程？'
      : booking?.status === 'promoted'
        ? '放弃这个名额？'
        : '取消报名？';

  return (
    <View className={`training-page course-detail${primary ? ' course-detail--with-bar' : ''}`}>
      <View className="course-detail__card">
        <Text className="course-detail__title" id="detail-title">
          {course.title}
        </Text>
        <Text className="course-detail__institution">
          {course.institution.name}（{course.institution.kindLabel}）
        </Text>
        {course.reasons.length > 0 ? (
          <View className="course-card__reasons">
            {course.reasons.map((reason) => (
              <Text key={reason} className="course-card__reason">
                {reason}
              </Text>
            ))}
          </View>
        ) : null}
      </View>

      {booking ? <BookingState booking={booking} message={message} /> : null}
      {!booking && message ? (
        <View className="training-notice training-notice--plain" id="action-message">
          <Text className="training-notice__text">{message}</Text>
        </View>
      ) : null}

      <View className="course-detail__card">
        <Row label="费用">{feeText(course)}</Row>
        <Row label="时间">{scheduleText(course)}</Row>
        <Row label="方式">{course.modeLabel}</Row>
        <Row label="地点">
          {course.mode === 'online'
            ? placeText(course)
            : `${course.address || course.townshipLabel}（${placeText(course)}）`}
        </Row>
        <Row label="职业等级">{`${course.occupationName} · ${course.levelLabel}`}</Row>
        <Row label="名额">{`共${course.capacity}人，${seatsText(course)}`}</Row>
        <Row label="报名截止">{`${dayText(`${course.enrolDeadline}T12:00:00+08:00`)}`}</Row>
        {course.targetGroupLabels.length > 0 ? (
          <Row label="优先面向">{course.targetGroupLabels.join('、')}</Row>
        ) : null}
        {course.contactPhone ? <Row label="咨询电话">{course.contactPhone}</Row> : null}
      </View>

      {course.subsidyRule ? (
        <View className="course-detail__card">
          <Text className="course-detail__heading">补贴说明</Text>
          <Text className="course-detail__text">{course.subsidyRule}</Text>
        </View>
      ) : null}

      {course.description ? (
        <View className="course-detail__card">
          <Text className="course-detail__heading">学什么</Text>
          <Text className="course-detail__text">{course.description}</Text>
        </View>
      ) : null}

      <View className="course-detail__card" id="sessions">
        <Text className="course-detail__heading">课程安排</Text>
        {course.sessions.map((s) => (
          <View key={`${s.date}-${s.start}`} className="course-detail__session">
            <Text>
              {dayText(`${s.date}T12:00:00+08:00`)} {s.start}-{s.end}
            </Text>
            <Text className="course-detail__session-kind">
              {s.online ? '线上' : '线下'}
              {s.topic ? ` · ${s.topic}` : ''}
            </Text>
          </View>
        ))}
      </View>

      <View className="course-detail__card">
        <Text className="course-detail__text" id="quota">
          {quota.text}
        </Text>
      </View>

      <View className="course-detail__actions">
        {!booking && detail.blocker ? (
          <View className="training-notice" id="book-blocker">
            <Text className="training-notice__text">{detail.blocker}</Text>
            {!quota.registered && course.funding !== 'paid' ? (
              <Button
                type="primary"
                round
                block
                id="go-register"
                onClick={() => void Taro.navigateTo({ url: TRAINING_URLS.registration })}
              >
                去办理失业登记
              </Button>
            ) : null}
          </View>
        ) : null}

        {!booking && !detail.blocker && detail.needsContact ? (
          <View id="contact">
            <FormField name="contact-name" label="联系人姓名" error={fields.contact}>
              <TextBox
                value={contact.name}
                maxlength={20}
                onChange={(name) => setContact((c) => ({ ...c, name }))}
              />
            </FormField>
            <FormField name="contact-mobile" label="手机号码" hint="培训机构会打这个电话与您联系">
              <TextBox
                value={contact.mobile}
                type="number"
                maxlength={13}
                onChange={(mobile) => setContact((c) => ({ ...c, mobile }))}
              />
            </FormField>
          </View>
        ) : null}

        {booking?.canCancel ? (
          <Button
            plain
            round
            block
            className="outline-button"
            id="cancel-booking"
            disabled={busy}
            onClick={() => setConfirming(true)}
          >
            {booking.status === 'waitlisted'
              ? '不再候补'
              : booking.status === 'promoted'
                ? '放弃名额'
                : '取消报名'}
          </Button>
        ) : null}
        <View className="course-detail__gap" />
        <Button
          plain
          round
          block
          className="outline-button"
          id="to-bookings"
          onClick={() => void Taro.navigateTo({ url: TRAINING_URLS.bookings })}
        >
          查看我的培训
        </Button>
      </View>

      {/* The one thing to do on this page stays on screen, however long the page. */}
      {primary ? (
        <View className="course-detail__bar">
          {error ? (
            <Text className="training-error" id="action-error">
              {error}
            </Text>
          ) : null}
          {primary === 'book' && detail.wouldWait ? (
            <Text className="course-detail__hint" id="wait-hint">
              名额已满。排队候补不占用免费次数，有人取消时按顺序递补并通知您。
            </Text>
          ) : null}
          {primary === 'book' ? (
            <Button
              type="primary"
              round
              block
              id="book"
              loading={busy}
              loadingText="正在提交…"
              onClick={() => void book()}
            >
              {detail.wouldWait ? '排队候补' : '立即报名'}
            </Button>
          ) : (
            <Button
              type="primary"
              round
              block
              id="accept-seat"
              loading={busy}
              onClick={() => void accept()}
            >
              确认参加
            </Button>
          )}
        </View>
      ) : error ? (
        <Text className="training-error" id="action-error">
          {error}
        </Text>
      ) : null}

      {confirming && booking ? (
        <ConfirmSheet
          id="cancel-sheet"
          title={cancelTitle}
          confirmText="确定"
          cancelText="再想想"
          danger
          busy={busy}
          error={error}
          onConfirm={() => void cancel()}
          onCancel={() => setConfirming(false)}
        >
          <Text className="course-detail__text">
            {booking.status === 'confirmed' && booking.countsQuota
              ? '开课前取消会退回1次免费培训次数，名额让给候补的人。'
              : '名额会让给排在后面的人。'}
          </Text>
        </ConfirmSheet>
      ) : null}
    </View>
  );
}
