/**
 * 发布/修改培训课程 — the course as 就业中心 staff or an institution publish it: institution,
 * occupation and level (classification 2022), the sessions (online theory and/or offline
 * practice, 000 §3(1)), place, seats and waitlist, what it costs and what the subsidy covers,
 * the key groups it is meant for, and the enrolment deadline. Checked here with the same
 * contract the cloud checks again; the cloud's answer shows at its field. An institution is told
 * that its course (or a material change) goes to the 就业中心 for review first. A course that
 * will not take place is cancelled here, with the reason the people booked are sent.
 */
import { Button } from '@antmjs/vantui';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useMemo, useState } from 'react';

import { contracts, KEY_GROUP_LABELS, KEY_GROUP_TAGS, type KeyGroupTag } from '@nuanxin/shared';
import { findOccupation, searchOccupations } from '@nuanxin/shared/src/data/occupations';
import {
  FUNDING_KINDS,
  FUNDING_LABELS,
  SKILL_LEVEL_LABELS,
  SKILL_LEVELS,
  type Funding,
  type SkillLevel,
} from '@nuanxin/shared/src/training';

import { ChoiceChips } from '../../../components/ChoiceChips';
import { ChipsBox, FormField, TextAreaBox, TextBox } from '../../../components/FormField';
import { ErrorState, LoadingState } from '../../../components/PageStatus';
import { TownshipSelect } from '../../../components/TownshipSelect';
import { call, type CallOutput } from '../../../services/cloud';
import { STAFF_COURSES_CHANGED, STAFF_TRAINING_URLS } from '../components/urls';

import '../components/staff.less';

type Institution = CallOutput<'training', 'institutions'>['institutions'][number];
type Editing = CallOutput<'training', 'staffCourse'>['course'];
type Meta = Pick<Editing, 'status' | 'statusLabel' | 'reviewNote' | 'canCancel' | 'cancelReason'>;

interface SessionForm {
  date: string;
  start: string;
  end: string;
  online: boolean;
  topic: string;
}

interface Form {
  institutionId: string;
  title: string;
  occupationCode: string;
  level: SkillLevel;
  sessions: SessionForm[];
  township: string | null;
  address: string;
  capacity: string;
  waitlistLimit: string;
  funding: Funding;
  fee: string;
  subsidyRule: string;
  targetGroups: KeyGroupTag[];
  enrolDeadline: string;
  description: string;
  contactPhone: string;
  status: 'published' | 'closed';
}

const EMPTY: Form = {
  institutionId: '',
  title: '',
  occupationCode: '',
  level: 'level5',
  sessions: [{ date: '', start: '09:00', end: '16:00', online: false, topic: '' }],
  township: null,
  address: '',
  capacity: '30',
  waitlistLimit: '50',
  funding: 'free',
  fee: '0',
  subsidyRule: '',
  targetGroups: [],
  enrolDeadline: '',
  description: '',
  contactPhone: '',
  status: 'published',
};

const number = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

function payloadOf(form: Form, id: string | null) {
  return {
    id,
    institutionId: form.institutionId,
    title: form.title,
    occupationCode: form.occupationCode,
    level: form.level,
    sessions: form.sessions,
    township: form.township ?? '',
    address: form.address,
    capacity: number(form.capacity),
    waitlistLimit: number(form.waitlistLimit),
    funding: form.funding,
    fee: form.funding === 'free' ? 0 : number(form.fee),
    subsidyRule: form.subsidyRule,
    targetGroups: form.targetGroups,
    enrolDeadline: form.enrolDeadline,
    description: form.description,
    contactPhone: form.contactPhone,
    status: form.status,
  };
}

function OccupationField({
  code,
  onPick,
  error,
}: {
  code: string;
  onPick: (code: string) => void;
  error: string | undefined;
}) {
  const [query, setQuery] = useState('');
  const results = useMemo(() => (query.trim() ? searchOccupations(query.trim(), 8) : []), [query]);
  return (
    <FormField
      name="occupationCode"
      label="培训职业（工种）"
      hint={
        code
          ? `已选：${findOccupation(code)?.name ?? code}（${code}）`
          : '输入职业名称查找，如：家政、电工'
      }
      error={error}
    >
      <TextBox value={query} onChange={setQuery} placeholder="输入职业名称" maxlength={20} />
      {results.map((o) => (
        <View
          key={o.code}
          id={`occupation-${o.code}`}
          className={`staff-form__pick${o.code === code ? ' staff-form__pick--on' : ''}`}
          onClick={() => {
            onPick(o.code);
            setQuery('');
          }}
        >
          {o.name}（{o.code}）
        </View>
      ))}
    </FormField>
  );
}

export default function CourseEditPage() {
  const id = Taro.getCurrentInstance().router?.params?.id ?? null;
  const [form, setForm] = useState<Form>(EMPTY);
  const [institutions, setInstitutions] = useState<Institution[] | null>(null);
  const [loadError, setLoadError] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);
  const [reviewed, setReviewed] = useState(false);
  const [meta, setMeta] = useState<Meta | null>(null);

  useEffect(() => {
    void (async () => {
      const list = await call('training', 'institutions', {});
      if (!list.ok) {
        setLoadError(list.error.message);
        return;
      }
      setInstitutions(list.data.institutions);
      setReviewed(list.data.coursesReviewed);
      if (!id) {
        if (list.data.institutions.length === 1) {
          const only = list.data.institutions[0]!;
          setForm((f) => ({ ...f, institutionId: only.id, township: only.township }));
        }
        return;
      }
      const found = await call('training', 'staffCourse', { courseId: id });
      if (!found.ok) {
        setLoadError(found.error.message);
        return;
      }
      const c = found.data.course;
      setForm({
        institutionId: c.institutionId,
        title: c.title,
        occupationCode: c.occupationCode,
        level: c.level,
        sessions: c.sessions,
        township: c.township,
        address: c.address,
        capacity: String(c.capacity),
        waitlistLimit: String(c.waitlistLimit),
        funding: c.funding,
        fee: String(c.fee),
        subsidyRule: c.subsidyRule,
        targetGroups: c.targetGroups as KeyGroupTag[],
        enrolDeadline: c.enrolDeadline,
        description: c.description,
        contactPhone: c.contactPhone,
        status: c.editStatus,
      });
      setMeta(c);
    })();
  }, [id]);

  if (loadError) return <ErrorState message={loadError} />;
  if (!institutions) return <LoadingState />;

  const set = <K extends keyof Form>(key: K, value: Form[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const setSession = (i: number, patch: Partial<SessionForm>) =>
    setForm((f) => ({
      ...f,
      sessions: f.sessions.map((s, j) => (j === i ? { ...s, ...patch } : s)),
    }));
  const err = (key: string) => errors[key];

  const save = async () => {
    if (busy) return;
    setMessage(null);
    const parsed = contracts.training.saveCourse.input.safeParse(payloadOf(form, id));
    if (!parsed.success) {
      const found: Record<string, string> = {};
      for (const issue of parsed.error.issues) found[issue.path.join('.')] ??= issue.message;
      setErrors(found);
      setMessage({ text: '有几处需要修改，请看标红的地方', ok: false });
      return;
    }
    setErrors({});
    setBusy(true);
    const result = await call('training', 'saveCourse', parsed.data);
    setBusy(false);
    if (!result.ok) {
      setErrors(result.error.fields ?? {});
      setMessage({ text: result.error.message, ok: false });
      return;
    }
    Taro.eventCenter.trigger(STAFF_COURSES_CHANGED);
    setMessage({ text: result.data.message, ok: true });
    setMeta(result.data.course);
    if (!id) void Taro.redirectTo({ url: STAFF_TRAINING_URLS.roster(result.data.course.id) });
  };

  const cancelled = meta?.status === 'cancelled';

  return (
    <View className="staff-training">
      {cancelled ? (
        <Text className="staff-notice" id="course-cancelled">
          这门课程已取消（原因：{meta?.cancelReason ?? '未填写'}），报名人员均已收到通知。
        </Text>
      ) : meta?.status === 'rejected' ? (
        <Text className="staff-notice" id="course-review-note">
          就业中心审核未通过：{meta.reviewNote}。请按意见修改后保存，课程会重新提交审核。
        </Text>
      ) : meta?.status === 'pendingReview' ? (
        <Text className="staff-notice" id="course-review-note">
          这门课程正在等待就业中心审核，审核通过后求职者才能看到并报名。
        </Text>
      ) : reviewed ? (
        <Text className="staff-notice" id="course-review-note">
          培训机构新发布的课程，以及对时间、地点、名额、收费和补贴等的修改，需经就业中心审核通过后求职者才能看到。
        </Text>
      ) : null}
      <View className="staff-form">
        <FormField name="institutionId" label="培训机构" error={err('institutionId')}>
          <ChipsBox>
            <ChoiceChips
              options={institutions.map((i) => ({ value: i.id, label: i.name }))}
              selected={form.institutionId ? [form.institutionId] : []}
              onToggle={(v) => set('institutionId', v)}
              idPrefix="institution"
            />
          </ChipsBox>
        </FormField>
        <FormField name="title" label="课程名称" error={err('title')}>
          <TextBox
            value={form.title}
            maxlength={40}
            onChange={(v) => set('title', v)}
            placeholder="如：家政服务员（五级）培训班"
          />
        </FormField>
        <OccupationField
          code={form.occupationCode}
          onPick={(code) => set('occupationCode', code)}
          error={err('occupationCode')}
        />
        <FormField name="level" label="培训等级" error={err('level')}>
          <ChipsBox>
            <ChoiceChips
              options={SKILL_LEVELS.map((l) => ({ value: l, label: SKILL_LEVEL_LABELS[l] }))}
              selected={[form.level]}
              onToggle={(v) => set('level', v)}
              idPrefix="level"
            />
          </ChipsBox>
        </FormField>

        <Text className="staff-form__section">课程安排</Text>
        {err('sessions') ? <Text className="staff-error">{err('sessions')}</Text> : null}
        {form.sessions.map((s, i) => (
          <View key={i} className="staff-form__session" id={`session-${i}`}>
            <View className="staff-form__session-head">
              <Text>第{i + 1}次课</Text>
              {form.sessions.length > 1 ? (
                <Button
                  plain
                  size="small"
                  className="outline-button"
                  id={`session-${i}-remove`}
                  onClick={() =>
                    set(
                      'sessions',
                      form.sessions.filter((_, j) => j !== i),
                    )
                  }
                >
                  删除
                </Button>
              ) : null}
            </View>
            <FormField name={`sessions.${i}.date`} label="日期" error={err(`sessions.${i}.date`)}>
              <TextBox
                value={s.date}
                maxlength={10}
                placeholder="年-月-日，如 2026-12-01"
                onChange={(v) => setSession(i, { date: v })}
              />
            </FormField>
            <FormField
              name={`sessions.${i}.start`}
              label="开始时间"
              error={err(`sessions.${i}.start`)}
            >
              <TextBox
                value={s.start}
                maxlength={5}
                placeholder="09:00"
                onChange={(v) => setSession(i, { start: v })}
              />
            </FormField>
            <FormField name={`sessions.${i}.end`} label="结束时间" error={err(`sessions.${i}.end`)}>
              <TextBox
                value={s.end}
                maxlength={5}
                placeholder="16:00"
                onChange={(v) => setSession(i, { end: v })}
              />
            </FormField>
            <ChoiceChips
              options={[
                { value: 'offline', label: '线下授课/实操' },
                { value: 'online', label: '线上理论' },
              ]}
              selected={[s.online ? 'online' : 'offline']}
              onToggle={(v) => setSession(i, { online: v === 'online' })}
              idPrefix={`session-${i}-mode`}
            />
            <FormField
              name={`sessions.${i}.topic`}
              label="内容"
              optional
              error={err(`sessions.${i}.topic`)}
            >
              <TextBox
                value={s.topic}
                maxlength={30}
                onChange={(v) => setSession(i, { topic: v })}
              />
            </FormField>
          </View>
        ))}
        <Button
          plain
          round
          block
          className="outline-button"
          id="session-add"
          onClick={() => {
            const last = form.sessions[form.sessions.length - 1];
            set('sessions', [...form.sessions, { ...(last ?? EMPTY.sessions[0]!), topic: '' }]);
          }}
        >
          再加一次课
        </Button>

        <Text className="staff-form__section">地点与名额</Text>
        <FormField name="township" label="上课地点所在乡镇（街道）" error={err('township')}>
          <TownshipSelect value={form.township} onChange={(v) => set('township', v)} />
        </FormField>
        <FormField name="address" label="详细地点" hint="线上课程可不填" error={err('address')}>
          <TextBox value={form.address} maxlength={100} onChange={(v) => set('address', v)} />
        </FormField>
        <FormField name="capacity" label="招生人数" error={err('capacity')}>
          <TextBox
            value={form.capacity}
            type="number"
            maxlength={3}
            unit="人"
            onChange={(v) => set('capacity', v)}
          />
        </FormField>
        <FormField name="waitlistLimit" label="最多候补人数" error={err('waitlistLimit')}>
          <TextBox
            value={form.waitlistLimit}
            type="number"
            maxlength={3}
            unit="人"
            onChange={(v) => set('waitlistLimit', v)}
          />
        </FormField>
        <FormField name="enrolDeadline" label="报名截止日期" error={err('enrolDeadline')}>
          <TextBox
            value={form.enrolDeadline}
            maxlength={10}
            placeholder="年-月-日"
            onChange={(v) => set('enrolDeadline', v)}
          />
        </FormField>

        <Text className="staff-form__section">费用与补贴</Text>
        <FormField
          name="funding"
          label="收费方式"
          hint="免费和政府补贴课程计入每人每年3次免费培训"
          error={err('funding')}
        >
          <ChipsBox>
            <ChoiceChips
              options={FUNDING_KINDS.map((f) => ({ value: f, label: FUNDING_LABELS[f] }))}
              selected={[form.funding]}
              onToggle={(v) => set('funding', v)}
              idPrefix="funding"
            />
          </ChipsBox>
        </FormField>
        {form.funding !== 'free' ? (
          <FormField name="fee" label="学费" error={err('fee')}>
            <TextBox
              value={form.fee}
              type="number"
              maxlength={6}
              unit="元"
              onChange={(v) => set('fee', v)}
            />
          </FormField>
        ) : null}
        {form.funding === 'subsidised' ? (
          <FormField name="subsidyRule" label="补贴说明" error={err('subsidyRule')}>
            <TextAreaBox
              value={form.subsidyRule}
              maxlength={300}
              onChange={(v) => set('subsidyRule', v)}
            />
          </FormField>
        ) : null}

        <Text className="staff-form__section">其他</Text>
        <FormField name="targetGroups" label="优先面向" optional error={err('targetGroups')}>
          <ChipsBox>
            <ChoiceChips
              options={KEY_GROUP_TAGS.map((t) => ({ value: t, label: KEY_GROUP_LABELS[t] }))}
              selected={form.targetGroups}
              onToggle={(v) =>
                set(
                  'targetGroups',
                  form.targetGroups.includes(v)
                    ? form.targetGroups.filter((g) => g !== v)
                    : [...form.targetGroups, v],
                )
              }
              idPrefix="target"
            />
          </ChipsBox>
        </FormField>
        <FormField name="description" label="课程介绍" optional error={err('description')}>
          <TextAreaBox
            value={form.description}
            maxlength={500}
            onChange={(v) => set('description', v)}
          />
        </FormField>
        <FormField name="contactPhone" label="咨询电话" optional error={err('contactPhone')}>
          <TextBox
            value={form.contactPhone}
            maxlength={20}
            onChange={(v) => set('contactPhone', v)}
          />
        </FormField>
        {id ? (
          <FormField name="status" label="报名状态">
            <ChipsBox>
              <ChoiceChips
                options={[
                  { value: 'published', label: '报名中' },
                  { value: 'closed', label: '停止报名' },
                ]}
                selected={[form.status]}
                onToggle={(v) => set('status', v)}
                idPrefix="status"
              />
            </ChipsBox>
          </FormField>
        ) : null}

        {message ? (
          <Text className={message.ok ? 'staff-ok' : 'staff-error'} id="save-message">
            {message.text}
          </Text>
        ) : null}
        {cancelled ? null : (
          <Button
            type="primary"
            round
            block
            id="course-save"
            loading={busy}
            onClick={() => void save()}
          >
            {id ? '保存修改' : reviewed ? '提交就业中心审核' : '发布课程'}
          </Button>
        )}
        {id && meta?.canCancel ? (
          <CancelCourse
            courseId={id}
            onCancelled={(course, text) => {
              setMeta(course);
              setMessage({ text, ok: true });
              Taro.eventCenter.trigger(STAFF_COURSES_CHANGED);
            }}
          />
        ) : null}
      </View>
    </View>
  );
}

/** Cancelling the course: the reason is required, and everyone booked or waiting is told. */
function CancelCourse({
  courseId,
  onCancelled,
}: {
  courseId: string;
  onCancelled: (course: Meta, message: string) => void;
}) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const confirm = async () => {
    if (busy) return;
    const parsed = contracts.training.cancelCourse.input.safeParse({ courseId, reason });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? '请填写取消原因');
      return;
    }
    setError('');
    setBusy(true);
    const result = await call('training', 'cancelCourse', parsed.data);
    setBusy(false);
    if (!result.ok) {
      setError(result.error.fields?.reason ?? result.error.message);
      return;
    }
    setOpen(false);
    onCancelled(result.data.course, result.data.message);
  };

  if (!open) {
    return (
      <Button
        plain
        round
        block
        className="outline-button staff-form__danger"
        id="course-cancel"
        onClick={() => setOpen(true)}
      >
        取消这门课程
      </Button>
    );
  }
  return (
    <View className="staff-form__session" id="course-cancel-form">
      <Text className="staff-form__section">取消这门课程</Text>
      <Text className="staff-card__line">
        课程取消后，全部报名和候补都会取消，已占用的免费培训次数退回，每位报名人员都会收到通知。此操作不能撤销。
      </Text>
      <FormField name="cancelReason" label="取消原因（报名人员会看到）" error={error}>
        <TextAreaBox
          value={reason}
          maxlength={100}
          onChange={setReason}
          placeholder="如：授课教师临时无法到岗，本期停办"
        />
      </FormField>
      <View className="staff-bar">
        <Button
          type="danger"
          round
          id="course-cancel-confirm"
          loading={busy}
          onClick={() => void confirm()}
        >
          确认取消课程
        </Button>
        <Button
          plain
          round
          className="outline-button"
          id="course-cancel-back"
          onClick={() => setOpen(false)}
        >
          不取消
        </Button>
      </View>
    </View>
  );
}
