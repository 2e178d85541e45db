/**
 * 包保对象详情: everything the caseworker needs about one person. The profile comes from
 * `registration.getPerson`, the workbench (follow-up schedule, "131", push plan, 一人一策 plan,
 * services) from `casework.person`; the server audits both reads. The ID number stays masked
 * unless revealed (audited too); declared key-group items are verified here; status changes go
 * through the shared lifecycle; a contact is recorded in a bottom sheet in a few taps; tasks (a
 * hire to confirm, a pushed position to tell them about) are done here too; after any action the
 * page shows what the server answered with.
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';

import { isActive, transition, type PersonDetail, type Workbench } from '@nuanxin/shared';

import { ErrorState, LoadingState } from '../../../components/PageStatus';
import { call } from '../../../services/cloud';
import { CaseTasks } from '../components/CaseTasks';
import { InfoCard, InfoRows } from '../components/InfoRows';
import { CASELOAD_CHANGED, personFlags, sexAge, STATUS_TONES } from '../components/personView';
import { RevealIdNumber } from '../components/RevealIdNumber';
import { StatusActions } from '../components/StatusActions';
import { Timeline } from '../components/Timeline';
import { VerifyPanel } from '../components/VerifyPanel';
import { WorkbenchPanel } from '../components/WorkbenchPanel';

import '../components/caseload.less';
import './index.less';

type Load =
  | { status: 'loading' }
  | { status: 'error'; message: string; retry: boolean }
  | { status: 'ready'; person: PersonDetail };

type WorkLoad =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; workbench: Workbench };

const yesNo = (value: boolean) => (value ? '是' : '否');

/** Followed up under 包保: everyone but drafts and cancelled registrations. */
const isFollowed = (status: PersonDetail['status']) => status !== 'draft' && status !== 'cancelled';

/** weapp hands page parameters over still percent-encoded; h5 has decoded them already. */
function decodeParam(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** The mobile number: a tap calls it in the mini-program; the browser build shows it as text. */
function Mobile({ mobile }: { mobile: string }) {
  if (process.env.TARO_ENV === 'weapp') {
    return (
      <Text
        className="person__call"
        id="person-mobile"
        onClick={() => void Taro.makePhoneCall({ phoneNumber: mobile })}
      >
        {mobile}（点击拨打）
      </Text>
    );
  }
  return (
    <Text id="person-mobile" userSelect>
      {mobile}
    </Text>
  );
}

export default function PersonPage() {
  // Read once: in h5 every open page stays mounted, and the router's current params move on.
  const [registrationId] = useState(() => Taro.getCurrentInstance().router?.params.id ?? '');
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [work, setWork] = useState<WorkLoad>({ status: 'loading' });

  const fetchWorkbench = useCallback(async () => {
    if (!registrationId) return;
    const result = await call('casework', 'person', {
      registrationId: decodeParam(registrationId),
    });
    setWork(
      result.ok
        ? { status: 'ready', workbench: result.data }
        : { status: 'error', message: result.error.message },
    );
  }, [registrationId]);

  const fetchPerson = useCallback(async () => {
    if (!registrationId) {
      setLoad({
        status: 'error',
        message: '缺少人员编号，请从“我的包保对象”列表进入',
        retry: false,
      });
      return;
    }
    setLoad({ status: 'loading' });
    const [result] = await Promise.all([
      call('registration', 'getPerson', { registrationId: decodeParam(registrationId) }),
      fetchWorkbench(),
    ]);
    setLoad(
      result.ok
        ? { status: 'ready', person: result.data }
        : { status: 'error', message: result.error.message, retry: true },
    );
  }, [registrationId, fetchWorkbench]);

  useEffect(() => {
    void fetchPerson();
  }, [fetchPerson]);

  const applied = useCallback(
    (next: PersonDetail, message: string) => {
      setLoad({ status: 'ready', person: next });
      Taro.eventCenter.trigger(CASELOAD_CHANGED, next.id);
      void Taro.showToast({ title: message, icon: 'success' });
      // A status change reschedules the follow-ups.
      void fetchWorkbench();
    },
    [fetchWorkbench],
  );

  // A task done: said where the task was (the card stays while the note is shown).
  const [taskNote, setTaskNote] = useState('');

  // The workbench panel shows what was saved in its own cards; no toast over the next sheet.
  const worked = useCallback(
    async (next: Workbench) => {
      setWork({ status: 'ready', workbench: next });
      Taro.eventCenter.trigger(CASELOAD_CHANGED, next.person.id);
      // Found work: the registration's status moved on the server too.
      if (load.status === 'ready' && next.person.status !== load.person.status) {
        const result = await call('registration', 'getPerson', { registrationId: next.person.id });
        if (result.ok) setLoad({ status: 'ready', person: result.data });
      }
    },
    [load],
  );

  if (load.status === 'loading') return <LoadingState />;
  if (load.status === 'error') {
    return (
      <ErrorState
        message={load.message}
        onRetry={load.retry ? () => void fetchPerson() : undefined}
      />
    );
  }

  const { person } = load;
  const flags = personFlags(person);
  // Submitted people wait for this to be registered; a registered person can have a declaration
  // waiting too (added by a later correction). The server accepts both.
  const canVerify = isActive(person.status) && person.pendingVerifications.length > 0;
  const { wishes, work: lastWork } = person;
  // The registration's own history, freshest from getPerson, with the services of the workbench.
  const timeline = [
    ...person.history,
    ...(work.status === 'ready'
      ? work.workbench.timeline.filter((entry) => entry.source !== 'registration')
      : []),
  ];

  return (
    <View className="person" id="person-page">
      <View className="cw-card person__header">
        <View className="person__title-line">
          <Text className="person__name" id="person-name">
            {person.name}
          </Text>
          <Text
            className={`status-chip status-chip--${STATUS_TONES[person.status]}`}
            id="person-status"
          >
            {person.statusLabel}
          </Text>
        </View>
        <Text className="person__meta">
          {sexAge(person)} · {person.townshipLabel}
        </Text>
        <RevealIdNumber key={person.id} registrationId={person.id} idMasked={person.idMasked} />
        {flags.length > 0 || person.tags.length > 0 || person.employmentDifficulty ? (
          <View className="person__pills" id="person-pills">
            {flags.map((flag) => (
              <Text key={flag.key} className={`pill pill--${flag.tone}`}>
                {flag.label}
              </Text>
            ))}
            {person.employmentDifficulty ? (
              <Text className="pill pill--warn">就业困难人员</Text>
            ) : null}
            {person.tags.map((tag) => (
              <Text key={tag.key} className="pill">
                {tag.label}
              </Text>
            ))}
          </View>
        ) : null}
      </View>

      {person.consentWithdrawn ? (
        <Text className="person__banner person__banner--alert" id="person-consent-withdrawn">
          本人已撤回个人信息处理同意。除依法需要办理的事项（如注销登记）外，请不要再使用其个人信息联系、推荐。
        </Text>
      ) : null}
      {person.reachedRetirement ? (
        <Text className="person__banner" id="person-retirement">
          已达到法定退休年龄，已列入注销名单。请核实后在下方“注销登记”，原因选“达到法定退休年龄”。
        </Text>
      ) : null}

      {work.status === 'ready' &&
      work.workbench.canRecord &&
      (work.workbench.tasks.length > 0 || taskNote) ? (
        <InfoCard title="待办事项" id="person-tasks">
          <CaseTasks
            tasks={work.workbench.tasks}
            onDone={(_task, next, message) => {
              setTaskNote(message);
              void worked(next);
            }}
          />
          {taskNote ? (
            <Text className="saved-note" id="task-saved">
              ✓ {taskNote}
            </Text>
          ) : null}
        </InfoCard>
      ) : null}
      {work.status === 'ready' ? (
        <WorkbenchPanel
          workbench={work.workbench}
          today={work.workbench.today}
          onChanged={(next) => void worked(next)}
        />
      ) : null}
      {work.status === 'error' && isFollowed(person.status) ? (
        <InfoCard title="跟踪回访" id="person-followup">
          <Text className="cw-error" id="workbench-error">
            {work.message}
          </Text>
          <Text
            className="workbench-retry"
            id="workbench-retry"
            onClick={() => void fetchWorkbench()}
          >
            重新加载
          </Text>
        </InfoCard>
      ) : null}

      <InfoCard title="联系方式与居住地" id="person-contact">
        <InfoRows
          rows={[
            { label: '手机号码', value: <Mobile mobile={person.mobile} /> },
            { label: '居住地', value: `${person.townshipLabel} ${person.community}` },
            { label: '户籍', value: `${person.hukouPlace}（${person.hukouTypeLabel}）` },
          ]}
        />
      </InfoCard>

      <InfoCard title="学历与工作经历" id="person-work">
        <InfoRows
          rows={[
            { label: '学历', value: person.educationLabel },
            { label: '毕业时间', value: person.graduationDate },
            { label: '原工作单位', value: lastWork.lastEmployer },
            { label: '离职日期', value: lastWork.separationDate },
            { label: '失业原因', value: lastWork.separationReasonLabel },
            { label: '参加失业保险', value: yesNo(lastWork.insured) },
            {
              label: '申领失业保险金',
              value: person.claimInsurance ? '是，随登记一并办理' : '否',
            },
          ]}
        />
      </InfoCard>

      {person.declared.length > 0 ? (
        <InfoCard
          title="重点群体申报"
          id="person-declared"
          hint={
            canVerify ? '请逐项查验证明材料，属实的打勾。核验通过的才计入重点群体身份。' : undefined
          }
        >
          {canVerify ? (
            <VerifyPanel
              key={person.id}
              person={person}
              onDone={(next) =>
                applied(next, next.status === person.status ? '已记录核验结果' : '已完成登记')
              }
            />
          ) : (
            <InfoRows
              rows={person.declared.map((item) => ({
                label: item.label,
                value: item.verified ? '已核验' : '未核验',
              }))}
            />
          )}
        </InfoCard>
      ) : null}

      <InfoCard title="求职意向" id="person-wishes">
        <InfoRows
          rows={[
            {
              label: '意向职业',
              value: wishes.occupations.map((o) => o.name).join('、') || '未填写',
            },
            { label: '期望月薪', value: `${wishes.salaryMin}–${wishes.salaryMax} 元` },
            { label: '通勤距离', value: `${wishes.commuteKm} 公里以内` },
            { label: '工作方式', value: wishes.workTypeLabels.join('、') },
            {
              label: '培训需求',
              value: wishes.wantsTraining ? wishes.trainingNeed || '有' : '暂无',
            },
            { label: '创业意向', value: wishes.entrepreneurship ? '有' : '暂无' },
          ]}
        />
      </InfoCard>

      <InfoCard title="包保责任人" id="person-caseworker">
        {person.caseworker ? (
          <InfoRows
            rows={[
              { label: '姓名', value: person.caseworker.name },
              { label: '所属机构', value: person.caseworker.orgLabel },
              { label: '服务电话', value: person.caseworker.phone },
            ]}
          />
        ) : (
          <Text className="cw-card__hint">尚未分配包保责任人</Text>
        )}
      </InfoCard>

      <InfoCard title="服务记录" id="person-timeline">
        <Timeline entries={timeline} id="person-history" />
      </InfoCard>

      <StatusCard person={person} onDone={applied} />
    </View>
  );
}

/** The status actions in their own card, shown only while a change is possible. */
function StatusCard({
  person,
  onDone,
}: {
  person: PersonDetail;
  onDone: (next: PersonDetail, message: string) => void;
}) {
  const open =
    transition(person.status, { type: 'employ' }).ok ||
    transition(person.status, { type: 'cancel', reason: 'ownRequest' }).ok;
  if (!open) return null;
  return (
    <InfoCard title="更新登记状态" id="person-actions">
      <StatusActions key={person.id} person={person} onDone={onDone} />
    </InfoCard>
  );
}
