/**
 * 重点企业服务 (白名单, 002 §9): each key enterprise with its named 市场服务中心 staff member and
 * the history of who served it. Supervisors add a company, change its staff member or end the
 * service, always with a reason; market staff see the list with their own companies marked.
 */
import { Button } from '@antmjs/vantui';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';

import { formatShanghai } from '@nuanxin/shared';

import { ChoiceChips } from '../../../components/ChoiceChips';
import { FormField, TextAreaBox, TextBox } from '../../../components/FormField';
import { ErrorState, LoadingState } from '../../../components/PageStatus';
import { useWhoami } from '../../../hooks/useWhoami';
import { call, type CallOutput } from '../../../services/cloud';

import '../components/market.less';

type Data = CallOutput<'employer', 'keyEnterprises'>;
type Enterprise = Data['enterprises'][number];
type Staff = CallOutput<'employer', 'marketStaff'>['staff'][number];

const day = (iso: string) => formatShanghai(iso, 'YYYY-MM-DD');

/** Name (or change) a company's staff member, with a reason. */
function AssignPanel({
  companyId,
  companyName,
  currentStaff,
  onDone,
  onCancel,
}: {
  companyId: string;
  companyName: string;
  currentStaff: string | null;
  onDone: () => void;
  onCancel: () => void;
}) {
  const [staff, setStaff] = useState<Staff[] | null>(null);
  const [loadError, setLoadError] = useState('');
  const [chosen, setChosen] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void call('employer', 'marketStaff', { companyId }).then((res) => {
      if (res.ok) setStaff(res.data.staff);
      else setLoadError(res.error.message);
    });
  }, [companyId]);

  const save = async () => {
    setError('');
    const next: Record<string, string> = {};
    if (!chosen) next.staffOpenid = '请选择服务专员';
    if (reason.trim().length < 2) next.reason = '请填写原因';
    setErrors(next);
    if (Object.keys(next).length > 0 || !chosen) return;
    setBusy(true);
    const res = await call('employer', 'setKeyEnterprise', {
      companyId,
      staffOpenid: chosen,
      reason: reason.trim(),
    });
    setBusy(false);
    if (!res.ok) {
      if (res.error.fields) setErrors(res.error.fields);
      setError(res.error.message);
      return;
    }
    onDone();
  };

  return (
    <View className="mk-panel" id={`assign-${companyId}`}>
      <Text className="mk-panel__label">
        {currentStaff
          ? `更换「${companyName}」的服务专员（现为${currentStaff}）`
          : `为「${companyName}」指定服务专员`}
      </Text>
      <FormField
        name="staffOpenid"
        label="服务专员"
        hint="只列出负责该企业所在乡镇的市场服务中心工作人员"
        error={errors.staffOpenid}
      >
        {loadError ? <Text className="mk-card__error">{loadError}</Text> : null}
        {staff === null && !loadError ? <Text className="mk-card__row">正在加载…</Text> : null}
        {staff && staff.length === 0 ? (
          <Text className="mk-card__row">
            没有负责该乡镇的市场服务中心工作人员，请先请管理员邀请。
          </Text>
        ) : null}
        {staff && staff.length > 0 ? (
          <ChoiceChips
            idPrefix={`assign-${companyId}-staff`}
            options={staff.map((s) => ({
              value: s.openid,
              label: `${s.displayName}（在服务${s.serving}家）`,
            }))}
            selected={chosen ? [chosen] : []}
            onToggle={setChosen}
          />
        ) : null}
      </FormField>
      <FormField
        name="reason"
        label={currentStaff ? '更换原因' : '列为重点企业的原因'}
        error={errors.reason}
      >
        <TextAreaBox
          value={reason}
          maxlength={200}
          placeholder={currentStaff ? '例如：原服务专员调岗' : '例如：年度重点用工企业，招工需求大'}
          onChange={setReason}
        />
      </FormField>
      {error ? <Text className="mk-card__error">{error}</Text> : null}
      <View className="mk-panel__buttons">
        <Button
          size="small"
          round
          type="primary"
          id={`assign-${companyId}-save`}
          loading={busy}
          onClick={() => void save()}
        >
          确定
        </Button>
        <Button size="small" round plain onClick={onCancel}>
          取消
        </Button>
      </View>
    </View>
  );
}

function EndPanel({
  enterprise,
  onDone,
  onCancel,
}: {
  enterprise: Enterprise;
  onDone: () => void;
  onCancel: () => void;
}) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const end = async () => {
    if (reason.trim().length < 2) {
      setError('请填写结束原因');
      return;
    }
    setBusy(true);
    const res = await call('employer', 'endKeyEnterprise', {
      companyId: enterprise.companyId,
      reason: reason.trim(),
    });
    setBusy(false);
    if (!res.ok) {
      setError(res.error.message);
      return;
    }
    onDone();
  };
  return (
    <View className="mk-panel" id={`end-${enterprise.companyId}`}>
      <FormField name="endReason" label="结束重点企业服务的原因" error={error || undefined}>
        <TextAreaBox
          value={reason}
          maxlength={200}
          placeholder="例如：用工需求已满足"
          onChange={setReason}
        />
      </FormField>
      <View className="mk-panel__buttons">
        <Button
          size="small"
          round
          type="danger"
          id={`end-${enterprise.companyId}-confirm`}
          loading={busy}
          onClick={() => void end()}
        >
          确定结束
        </Button>
        <Button size="small" round plain onClick={onCancel}>
          取消
        </Button>
      </View>
    </View>
  );
}

function EnterpriseItem({
  enterprise,
  supervisor,
  onChanged,
}: {
  enterprise: Enterprise;
  supervisor: boolean;
  onChanged: (message: string) => void;
}) {
  const [panel, setPanel] = useState<'assign' | 'end' | 'history' | null>(null);
  const { current } = enterprise;
  const id = enterprise.companyId;
  const toggle = (p: typeof panel) => setPanel((now) => (now === p ? null : p));
  return (
    <View className="mk-card" id={`enterprise-${id}`}>
      <View className="mk-card__head">
        <Text className="mk-card__title">{enterprise.companyName}</Text>
        <Text className={`mk-status mk-status--${current ? 'verified' : 'closed'}`}>
          {current ? (enterprise.mine ? '我负责' : '服务中') : '已结束'}
        </Text>
      </View>
      <Text className="mk-card__row">{enterprise.townshipLabel}</Text>
      {current ? (
        <View className="mk-note" id={`enterprise-${id}-current`}>
          <Text className="mk-note__title">服务专员：{current.staffName}</Text>
          <Text className="mk-note__line">
            {day(current.startedAt)}起 · {current.assignedByName || '业务主管'}指定 ·{' '}
            {current.reason}
          </Text>
        </View>
      ) : (
        <Text className="mk-card__row">目前不是重点企业。</Text>
      )}
      <View className="mk-card__actions">
        {supervisor ? (
          <View className="mk-card__action">
            <Button
              size="small"
              round
              plain
              id={`enterprise-${id}-assign`}
              onClick={() => toggle('assign')}
            >
              {current ? '更换服务专员' : '重新指定服务专员'}
            </Button>
          </View>
        ) : null}
        {supervisor && current ? (
          <View className="mk-card__action">
            <Button
              size="small"
              round
              plain
              id={`enterprise-${id}-end`}
              onClick={() => toggle('end')}
            >
              结束服务
            </Button>
          </View>
        ) : null}
        <View className="mk-card__action">
          <Button
            size="small"
            round
            plain
            id={`enterprise-${id}-history`}
            onClick={() => toggle('history')}
          >
            {panel === 'history' ? '收起历史' : `服务历史（${enterprise.history.length}）`}
          </Button>
        </View>
      </View>
      {panel === 'assign' ? (
        <AssignPanel
          companyId={id}
          companyName={enterprise.companyName}
          currentStaff={current?.staffName ?? null}
          onCancel={() => setPanel(null)}
          onDone={() => {
            setPanel(null);
            onChanged('已指定服务专员');
          }}
        />
      ) : null}
      {panel === 'end' ? (
        <EndPanel
          enterprise={enterprise}
          onCancel={() => setPanel(null)}
          onDone={() => {
            setPanel(null);
            onChanged('已结束重点企业服务');
          }}
        />
      ) : null}
      {panel === 'history' ? (
        <View className="mk-panel" id={`enterprise-${id}-periods`}>
          {enterprise.history.map((p) => (
            <View key={p.startedAt} className="mk-note">
              <Text className="mk-note__title">
                {p.staffName}：{day(p.startedAt)} 至 {p.endedAt ? day(p.endedAt) : '今'}
              </Text>
              <Text className="mk-note__line">
                原因：{p.reason}（{p.assignedByName || '业务主管'}指定）
              </Text>
              {p.endReason ? <Text className="mk-note__line">结束：{p.endReason}</Text> : null}
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}

/** A supervisor adds a company: find it by name, then name its staff member. */
function AddEnterprise({ onChanged }: { onChanged: (message: string) => void }) {
  const [keyword, setKeyword] = useState('');
  const [candidates, setCandidates] = useState<Data['candidates'] | null>(null);
  const [error, setError] = useState('');
  const [picked, setPicked] = useState<Data['candidates'][number] | null>(null);

  const search = async () => {
    setError('');
    setPicked(null);
    if (!keyword.trim()) {
      setError('请输入企业名称中的字词');
      return;
    }
    const res = await call('employer', 'keyEnterprises', { keyword: keyword.trim() });
    if (!res.ok) {
      setError(res.error.message);
      return;
    }
    setCandidates(res.data.candidates);
  };

  return (
    <View className="mk-card" id="enterprise-add">
      <Text className="mk-card__title">添加重点企业</Text>
      <Text className="mk-card__row">只能添加已核验、在您负责乡镇内的企业。</Text>
      <View className="mk-filters__row mk-filters__row--flush">
        <View className="mk-filters__grow">
          <TextBox
            value={keyword}
            maxlength={30}
            placeholder="企业名称中的字词"
            onChange={setKeyword}
          />
        </View>
        <Button
          size="small"
          round
          type="primary"
          id="enterprise-search"
          onClick={() => void search()}
        >
          查找
        </Button>
      </View>
      {error ? <Text className="mk-card__error">{error}</Text> : null}
      {candidates && candidates.length === 0 ? (
        <Text className="mk-card__row" id="enterprise-search-none">
          没有找到可添加的企业（可能已是重点企业，或尚未核验）。
        </Text>
      ) : null}
      {candidates && !picked
        ? candidates.map((c) => (
            <View
              key={c.id}
              className="mk-filters__option"
              id={`candidate-${c.id}`}
              onClick={() => setPicked(c)}
            >
              {c.name}
              <Text className="mk-filters__code">{c.townshipLabel}</Text>
            </View>
          ))
        : null}
      {picked ? (
        <AssignPanel
          companyId={picked.id}
          companyName={picked.name}
          currentStaff={null}
          onCancel={() => setPicked(null)}
          onDone={() => {
            setPicked(null);
            setCandidates(null);
            setKeyword('');
            onChanged('已列为重点企业');
          }}
        />
      ) : null}
    </View>
  );
}

export default function EnterprisesPage() {
  const { state: who } = useWhoami();
  const [state, setState] = useState<
    { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; data: Data }
  >({ kind: 'loading' });

  const load = useCallback(async () => {
    const res = await call('employer', 'keyEnterprises', { keyword: '' });
    setState(
      res.ok ? { kind: 'ready', data: res.data } : { kind: 'error', message: res.error.message },
    );
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  if (state.kind === 'loading' || who.status === 'loading') return <LoadingState />;
  if (state.kind === 'error')
    return <ErrorState message={state.message} onRetry={() => void load()} />;
  const supervisor = who.status === 'ready' && who.whoami.role === 'supervisor';
  const changed = (message: string) => {
    void Taro.showToast({ title: message, icon: 'success' });
    void load();
  };
  const { enterprises } = state.data;
  const serving = enterprises.filter((e) => e.current);
  const ended = enterprises.filter((e) => !e.current);

  return (
    <View className="mk-page" id="enterprises-page">
      <Text className="mk-page__hint">
        重点企业由业务主管指定一名市场服务中心工作人员作为服务专员，负责其招聘用工服务；企业在“企业信息”里能看到服务专员的名字。
      </Text>
      {supervisor ? <AddEnterprise onChanged={changed} /> : null}
      <Text className="mk-page__section">服务中的重点企业（{serving.length}）</Text>
      {serving.length === 0 ? (
        <Text className="mk-page__empty" id="enterprises-empty">
          还没有重点企业。
        </Text>
      ) : (
        serving.map((e) => (
          <EnterpriseItem
            key={e.companyId}
            enterprise={e}
            supervisor={supervisor}
            onChanged={changed}
          />
        ))
      )}
      {ended.length > 0 ? (
        <>
          <Text className="mk-page__section">已结束服务（{ended.length}）</Text>
          {ended.map((e) => (
            <EnterpriseItem
              key={e.companyId}
              enterprise={e}
              supervisor={supervisor}
              onChanged={changed}
            />
          ))}
        </>
      ) : null}
    </View>
  );
}
