/**
 * 我的求助: a citizen asks their 包保 caseworker (or, without one, the 业务主管 of their township)
 * a question — policy, a job, training, the insurance claim, a complaint — and reads the answers
 * here; they are also told by message. The first answer is due within the working days the
 * deployment configured (1 by default). Once the request is closed they rate the answer 好/中/差;
 * a 差 goes to the supervisor for review. A request may carry one photo (a notice, a receipt),
 * uploaded into the citizen's own folder when the request is sent; the thread shows it.
 * 提交求助 asks, inside the tap, for one "求助答复通知" subscription message, so the answer also
 * reaches WeChat; refused, the answer still waits here and in 消息.
 * While a request is not closed the citizen adds to it under the thread (补充说明): the staff
 * member answering it is told, and an answered request waits for an answer again.
 */
import { Button } from '@antmjs/vantui';
import { Text, View } from '@tarojs/components';
import { Fragment, useCallback, useEffect, useState } from 'react';

import {
  contracts,
  fieldErrors,
  formatShanghai,
  RATING_LABELS,
  RATINGS,
  REQUEST_KIND_LABELS,
  REQUEST_KINDS,
  type FieldErrors,
  type Rating,
  type RequestKind,
  type RequestView,
  type ThreadMessage,
} from '@nuanxin/shared';

import { ChoiceChips } from '../../../components/ChoiceChips';
import { ChipsBox, FormField, TextAreaBox } from '../../../components/FormField';
import { EmptyState, ErrorState, LoadingState } from '../../../components/PageStatus';
import { ThreadPhoto } from '../../../components/ThreadPhoto';
import { TownshipSelect } from '../../../components/TownshipSelect';
import { call, type CallOutput } from '../../../services/cloud';
import { askSubscription, REQUEST_REPLY_TEMPLATE } from '../../../services/subscribe';
import { uploadRequestPhoto, type PickedPhoto } from '../../../services/upload';

import { PhotoField } from './PhotoField';

import './index.less';

type Load =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; data: CallOutput<'casework', 'myRequests'> };

interface Thread {
  messages: ThreadMessage[];
  rating: Rating | null;
  comment: string;
  /** The 补充说明 being typed. */
  addition: string;
  additionError: string;
  error: string;
  busy: boolean;
}

const KIND_OPTIONS = REQUEST_KINDS.map((value) => ({ value, label: REQUEST_KIND_LABELS[value] }));
const RATING_OPTIONS = RATINGS.map((value) => ({ value, label: RATING_LABELS[value] }));
const STATUS_TONES = { open: 'warn', answered: 'active', closed: 'muted' } as const;

export default function HelpRequestsPage() {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [kind, setKind] = useState<RequestKind | null>(null);
  const [text, setText] = useState('');
  const [township, setTownship] = useState<string | null>(null);
  // The picked photo; `fileID` once uploaded, so a retry after a refused request sends it again
  // without a second upload.
  const [photo, setPhoto] = useState<(PickedPhoto & { fileID?: string }) | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submitError, setSubmitError] = useState('');
  const [sending, setSending] = useState(false);
  const [threads, setThreads] = useState<Record<string, Thread | 'loading'>>({});

  const fetchMine = useCallback(async () => {
    const result = await call('casework', 'myRequests', {});
    setLoad(
      result.ok
        ? { status: 'ready', data: result.data }
        : { status: 'error', message: result.error.message },
    );
  }, []);

  useEffect(() => {
    void fetchMine();
  }, [fetchMine]);

  // Closing and rating answer without a photo link (only opening a thread makes one): the card
  // keeps the link it has.
  const keepLink = (next: RequestView, had: RequestView): RequestView =>
    next.photoUrl || !next.hasPhoto ? next : { ...next, photoUrl: had.photoUrl };

  const replace = (request: RequestView) =>
    setLoad((current) =>
      current.status === 'ready'
        ? {
            ...current,
            data: {
              ...current.data,
              requests: current.data.requests.some((r) => r.id === request.id)
                ? current.data.requests.map((r) => (r.id === request.id ? keepLink(request, r) : r))
                : [request, ...current.data.requests],
            },
          }
        : current,
    );

  const patch = (id: string, changes: Partial<Thread>) =>
    setThreads((all) => {
      const t = all[id];
      return !t || t === 'loading' ? all : { ...all, [id]: { ...t, ...changes } };
    });

  const ask = async () => {
    if (sending || load.status !== 'ready') return;
    setSubmitError('');
    const parsed = contracts.casework.ask.input.safeParse({
      kind: kind ?? undefined,
      text,
      ...(load.data.needsTownship && township ? { township } : {}),
    });
    const missingTownship = load.data.needsTownship && !township;
    if (!parsed.success || missingTownship) {
      setErrors({
        ...(parsed.success ? {} : fieldErrors(parsed.error)),
        ...(missingTownship ? { township: '请选择您居住的乡镇（街道）' } : {}),
      });
      return;
    }
    setErrors({});
    // Inside the tap, before any network wait (WeChat refuses it later); refusing changes
    // nothing but the channel: the answer still shows here and in 消息.
    const asked = askSubscription([REQUEST_REPLY_TEMPLATE]);
    setSending(true);
    await asked.catch(() => []);
    let fileID = photo?.fileID;
    if (photo && !fileID) {
      const uploaded = await uploadRequestPhoto(photo, load.data.photoFolder);
      if (!uploaded.ok) {
        setSending(false);
        setErrors({ photo: uploaded.message });
        return;
      }
      fileID = uploaded.fileID;
      setPhoto({ ...photo, fileID });
    }
    const result = await call('casework', 'ask', {
      ...parsed.data,
      ...(fileID ? { photo: fileID } : {}),
    });
    setSending(false);
    if (!result.ok) {
      if (result.error.fields) setErrors(result.error.fields);
      // A photo the cloud would not take must be picked again.
      if (result.error.fields?.photo) setPhoto(null);
      setSubmitError(result.error.message);
      return;
    }
    replace(result.data.request);
    setKind(null);
    setText('');
    setPhoto(null);
  };

  const toggle = async (id: string) => {
    if (threads[id]) {
      setThreads(({ [id]: _, ...rest }) => rest);
      return;
    }
    setThreads((all) => ({ ...all, [id]: 'loading' }));
    const result = await call('casework', 'requestThread', { requestId: id });
    setThreads((all) => ({
      ...all,
      [id]: {
        messages: result.ok ? result.data.messages : [],
        rating: null,
        comment: '',
        addition: '',
        additionError: '',
        error: result.ok ? '' : result.error.message,
        busy: false,
      },
    }));
    if (result.ok) replace(result.data.request);
  };

  /** The photo's 10-minute link ran out: the thread again, for a fresh one (what is typed stays). */
  const refreshPhoto = async (id: string) => {
    const result = await call('casework', 'requestThread', { requestId: id });
    if (!result.ok) return patch(id, { error: result.error.message });
    patch(id, { messages: result.data.messages });
    replace(result.data.request);
  };

  const resolve = async (id: string) => {
    patch(id, { busy: true, error: '' });
    const result = await call('casework', 'closeRequest', { requestId: id, note: '' });
    if (!result.ok) return patch(id, { busy: false, error: result.error.message });
    patch(id, { busy: false, messages: result.data.messages });
    replace(result.data.request);
  };

  const addTo = async (id: string) => {
    const t = threads[id];
    if (!t || t === 'loading' || t.busy) return;
    const parsed = contracts.casework.addToRequest.input.safeParse({
      requestId: id,
      text: t.addition,
    });
    if (!parsed.success) {
      return patch(id, { additionError: parsed.error.issues[0]?.message ?? '请填写补充内容' });
    }
    // Inside the tap, as for a new request: the answer to the addition may reach WeChat too.
    const asked = askSubscription([REQUEST_REPLY_TEMPLATE]);
    patch(id, { busy: true, additionError: '', error: '' });
    await asked.catch(() => []);
    const result = await call('casework', 'addToRequest', parsed.data);
    if (!result.ok) return patch(id, { busy: false, additionError: result.error.message });
    patch(id, { busy: false, addition: '', messages: result.data.messages });
    replace(result.data.request);
  };

  const rate = async (id: string) => {
    const t = threads[id];
    if (!t || t === 'loading') return;
    const parsed = contracts.casework.rate.input.safeParse({
      requestId: id,
      rating: t.rating ?? undefined,
      comment: t.comment,
    });
    if (!parsed.success) {
      return patch(id, { error: parsed.error.issues[0]?.message ?? '请选择评价' });
    }
    patch(id, { busy: true, error: '' });
    const result = await call('casework', 'rate', parsed.data);
    if (!result.ok) return patch(id, { busy: false, error: result.error.message });
    patch(id, { busy: false });
    replace(result.data.request);
  };

  if (load.status === 'loading') return <LoadingState />;
  if (load.status === 'error') {
    return <ErrorState message={load.message} onRetry={() => void fetchMine()} />;
  }
  const { requests, handler, needsTownship, answerWithin } = load.data;

  return (
    <View className="help" id="help-requests">
      <View className="help__intro">
        <Text className="help__title">遇到困难，找包保责任人</Text>
        <Text className="help__text" id="ask-handler">
          您的问题将由 {handler} 答复，一般在{answerWithin}内，有答复会通知您。
        </Text>
      </View>

      <View id="ask-form">
        <FormField name="ask-kind" label="您想问哪方面的事？" error={errors.kind}>
          <ChipsBox>
            <ChoiceChips
              idPrefix="ask-kind"
              options={KIND_OPTIONS}
              selected={kind ? [kind] : []}
              onToggle={(value) => {
                setKind(value);
                setErrors(({ kind: _, ...rest }) => rest);
              }}
            />
          </ChipsBox>
        </FormField>
        <FormField name="ask-text" label="具体问题" error={errors.text}>
          <TextAreaBox
            value={text}
            maxlength={500}
            placeholder="请把您遇到的情况写清楚，如：失业保险金这个月还没到账"
            onChange={(value) => {
              setText(value);
              setErrors(({ text: _, ...rest }) => rest);
            }}
          />
        </FormField>
        {needsTownship ? (
          <FormField
            name="ask-township"
            label="您居住的乡镇（街道）"
            hint="您还没有办理失业登记，我们按居住地转给负责的工作人员。"
            error={errors.township}
          >
            <TownshipSelect value={township} onChange={setTownship} />
          </FormField>
        ) : null}
        <PhotoField
          photo={photo}
          error={errors.photo}
          disabled={sending}
          onChange={(next) => {
            setPhoto(next);
            setErrors(({ photo: _, ...rest }) => rest);
          }}
          onError={(message) => setErrors((all) => ({ ...all, photo: message }))}
        />
        {submitError ? (
          <Text className="help__error" id="ask-error">
            {submitError}
          </Text>
        ) : null}
        <View className="help__submit">
          <Button
            type="primary"
            round
            block
            id="ask-submit"
            loading={sending}
            loadingText="正在提交…"
            onClick={() => void ask()}
          >
            提交求助
          </Button>
        </View>
        <Text className="help__hint" id="ask-notice-hint">
          提交时微信会询问是否接收“求助答复通知”，选“允许”，答复后会通过微信通知您；不允许也没关系，答复会显示在这里和“消息”中。
        </Text>
      </View>

      <Text className="help__section">我的求助记录</Text>
      {requests.length === 0 ? (
        <EmptyState title="还没有求助记录" text="提交后可以在这里查看答复进度。" />
      ) : (
        <View id="my-requests">
          {requests.map((r) => {
            const t = threads[r.id];
            return (
              <View key={r.id} className="help-card" id={`my-request-${r.id}`}>
                <View className="help-card__head" onClick={() => void toggle(r.id)}>
                  <View className="help-card__top">
                    <Text className="help-card__kind">{r.kindLabel}</Text>
                    <Text className={`help-status help-status--${STATUS_TONES[r.status]}`}>
                      {r.statusLabel}
                    </Text>
                  </View>
                  {t ? null : <Text className="help-card__text">{r.text}</Text>}
                  <Text className="help-card__meta">
                    {formatShanghai(r.createdAt, 'YYYY-MM-DD HH:mm')} · {r.handler}
                    {r.status === 'open'
                      ? ` · 预计${formatShanghai(r.answerDue, 'MM-DD HH:mm')}前答复`
                      : ''}
                    {r.messageCount > 1 ? ` · 共${r.messageCount}条留言` : ''}
                    {r.hasPhoto ? ' · 附照片' : ''}
                  </Text>
                  {r.rating ? (
                    <Text className="help-card__rated" id={`rated-${r.id}`}>
                      您的评价：{r.rating.label}
                      {r.rating.comment ? `（${r.rating.comment}）` : ''}
                    </Text>
                  ) : null}
                </View>
                {t === 'loading' ? <Text className="help-card__meta">正在打开…</Text> : null}
                {t && t !== 'loading' ? (
                  <View className="help-card__body">
                    <View className="help-thread" id={`my-thread-${r.id}`}>
                      {t.messages.map((m, i) => (
                        <Fragment key={m.id}>
                          <View className={`help-thread__message help-thread__message--${m.from}`}>
                            <Text className="help-thread__meta">
                              {m.from === 'citizen' ? (i > 0 ? '我的补充' : '我') : m.author} ·{' '}
                              {formatShanghai(m.at, 'MM-DD HH:mm')}
                            </Text>
                            <Text className="help-thread__text" userSelect>
                              {m.text}
                            </Text>
                          </View>
                          {/* The photo went with the question. */}
                          {i === 0 && r.hasPhoto ? (
                            <ThreadPhoto
                              id={`my-photo-${r.id}`}
                              url={r.photoUrl}
                              owner="我"
                              onReopen={() => void refreshPhoto(r.id)}
                            />
                          ) : null}
                        </Fragment>
                      ))}
                    </View>
                    {r.canAddTo ? (
                      <View className="help-add" id={`add-form-${r.id}`}>
                        <FormField
                          name={`add-text-${r.id}`}
                          label="补充说明"
                          hint={
                            r.status === 'answered'
                              ? '对答复还有疑问，或有新情况，可以在这里补充；补充后会重新等待答复。'
                              : '还有要补充的情况，可以写在这里，会一并转给工作人员。'
                          }
                          error={t.additionError}
                        >
                          <TextAreaBox
                            value={t.addition}
                            maxlength={500}
                            placeholder="如：我是去年12月离职的，需要带哪些材料？"
                            onChange={(value) =>
                              patch(r.id, { addition: value, additionError: '' })
                            }
                          />
                        </FormField>
                        <View className="help__submit">
                          <Button
                            plain
                            round
                            block
                            className="outline-button"
                            id={`add-submit-${r.id}`}
                            loading={t.busy}
                            loadingText="正在发送…"
                            onClick={() => void addTo(r.id)}
                          >
                            发送补充说明
                          </Button>
                        </View>
                      </View>
                    ) : null}
                    {r.canRate ? (
                      <View className="help-rate" id={`rate-form-${r.id}`}>
                        <Text className="help-rate__label">这次答复对您有帮助吗？</Text>
                        <ChoiceChips
                          idPrefix={`rate-${r.id}`}
                          options={RATING_OPTIONS}
                          selected={t.rating ? [t.rating] : []}
                          onToggle={(value) => patch(r.id, { rating: value, error: '' })}
                        />
                        <TextAreaBox
                          value={t.comment}
                          maxlength={200}
                          placeholder={
                            t.rating === 'poor' ? '请写明原因，业务主管会复核' : '想说的话（选填）'
                          }
                          onChange={(value) => patch(r.id, { comment: value, error: '' })}
                        />
                        <View className="help__submit">
                          <Button
                            type="primary"
                            round
                            block
                            id={`rate-submit-${r.id}`}
                            loading={t.busy}
                            onClick={() => void rate(r.id)}
                          >
                            提交评价
                          </Button>
                        </View>
                      </View>
                    ) : null}
                    {r.canClose ? (
                      <View className="help__submit">
                        <Button
                          plain
                          round
                          block
                          className="outline-button"
                          id={`resolve-${r.id}`}
                          loading={t.busy}
                          onClick={() => void resolve(r.id)}
                        >
                          问题已解决，结束求助
                        </Button>
                      </View>
                    ) : null}
                    {t.error ? (
                      <Text className="help__error" id={`thread-error-${r.id}`}>
                        {t.error}
                      </Text>
                    ) : null}
                  </View>
                ) : null}
              </View>
            );
          })}
        </View>
      )}
    </View>
  );
}
