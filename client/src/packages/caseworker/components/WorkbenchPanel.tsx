/**
 * The casework half of the person page: when the next follow-up is due and the quick actions
 * that record it (电话 / 微信 / 入户, other services in one more tap), this year's "131" and this
 * month's pushes, and the 一人一策 plan with its editor.
 */
import { Button } from '@antmjs/vantui';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';

import { formatShanghai, type Workbench } from '@nuanxin/shared';

import { ContactSheet, type ContactPreset } from './ContactSheet';
import { InfoCard, InfoRows } from './InfoRows';
import { PlanSheet } from './PlanSheet';
import { chips131, followUpBadge, pushBadge } from './workbenchView';

import './WorkbenchRow.less';
import './WorkbenchPanel.less';

const QUICK: { id: string; label: string; preset: ContactPreset }[] = [
  { id: 'quick-phone', label: '电话回访', preset: { kind: 'followUp', channel: 'phone' } },
  { id: 'quick-wechat', label: '微信回访', preset: { kind: 'followUp', channel: 'wechat' } },
  { id: 'quick-home', label: '入户回访', preset: { kind: 'followUp', channel: 'home' } },
];

export interface WorkbenchPanelProps {
  workbench: Workbench;
  today: string;
  onChanged: (next: Workbench, message: string) => void;
}

export function WorkbenchPanel({ workbench, today, onChanged }: WorkbenchPanelProps) {
  const [sheet, setSheet] = useState<
    { type: 'contact'; preset: ContactPreset | null } | { type: 'plan' } | null
  >(null);
  const { person, plan, guidanceSessions, canRecord } = workbench;
  const { followUp } = person;
  const badge = followUpBadge(followUp, today);
  const services = chips131(person.progress131);
  const push = pushBadge(person.pushPlan);
  // What was just saved, shown in the card it was done from (a toast would sit over the next
  // sheet the caseworker opens).
  const [saved, setSaved] = useState<{ where: 'contact' | 'plan'; text: string } | null>(null);
  const done = (where: 'contact' | 'plan') => (next: Workbench, message: string) => {
    setSheet(null);
    setSaved({ where, text: message });
    onChanged(next, message);
  };

  return (
    <View>
      <InfoCard title="跟踪回访" id="person-followup">
        <View className="workbench-panel__due">
          <Text className={`workbench-badge workbench-badge--${badge.tone}`} id="followup-badge">
            {badge.text}
          </Text>
          <Text className="workbench-panel__due-date" id="followup-due">
            应于 {followUp.due} 前回访
          </Text>
        </View>
        <InfoRows
          rows={[
            {
              label: '就业状态',
              value: `${followUp.situationLabel}（${followUp.intervalLabel}回访）`,
            },
            {
              label: '上次回访',
              value: followUp.lastContactAt
                ? formatShanghai(followUp.lastContactAt, 'YYYY-MM-DD')
                : '尚未回访',
            },
          ]}
        />
        {canRecord ? (
          <View className="workbench-panel__quick">
            {QUICK.map((q) => (
              <View key={q.id} className="workbench-panel__quick-button">
                <Button
                  type={q.id === 'quick-phone' ? 'primary' : 'default'}
                  plain={q.id !== 'quick-phone'}
                  className={q.id === 'quick-phone' ? undefined : 'outline-button'}
                  round
                  block
                  id={q.id}
                  onClick={() => setSheet({ type: 'contact', preset: q.preset })}
                >
                  {q.label}
                </Button>
              </View>
            ))}
            <Text
              className="workbench-panel__more"
              id="quick-more"
              onClick={() => setSheet({ type: 'contact', preset: null })}
            >
              记录其他服务：职业指导、岗位推荐、培训推荐、走访慰问、临时救助 ›
            </Text>
          </View>
        ) : null}
        {saved?.where === 'contact' ? (
          <Text className="saved-note" id="contact-saved">
            ✓ {saved.text}
          </Text>
        ) : null}
      </InfoCard>

      {person.progress131 || push ? (
        <InfoCard
          title={`${person.progress131?.year ?? ''}年“131”服务`}
          id="person-131"
          hint="每人每年至少1次职业指导、3次岗位推荐、1次技能培训；有求职意愿的安排3次职业指导。"
        >
          <View className="workbench-panel__chips">
            {services.map((c) => (
              <Text
                key={c.key}
                id={`service-${c.key}`}
                className={`service-chip workbench-panel__chip${c.met ? ' service-chip--met' : ''}`}
              >
                {c.text}
              </Text>
            ))}
            {person.progress131 ? (
              <Text className="service-chip workbench-panel__chip" id="service-guidance-sessions">
                职业指导师 {Math.min(guidanceSessions.done, guidanceSessions.target)}/
                {guidanceSessions.target}
              </Text>
            ) : null}
          </View>
          {push ? (
            <Text className={`pill pill--${push.tone} workbench-panel__push`} id="person-push">
              {push.text}
            </Text>
          ) : null}
        </InfoCard>
      ) : null}

      <InfoCard title="一人一策帮扶计划" id="person-plan">
        {plan ? (
          <InfoRows
            rows={[
              { label: '帮扶类型', value: plan.needTypeLabel },
              { label: '创业咨询师', value: plan.advisorName },
              { label: '帮扶目标', value: plan.goals },
              { label: '帮扶措施', value: plan.nextSteps },
              {
                label: '制定',
                value: `${plan.savedBy} · ${formatShanghai(plan.savedAt, 'YYYY-MM-DD')}`,
              },
            ]}
          />
        ) : (
          <Text className="cw-card__hint" id="plan-none">
            还没有帮扶计划。请根据本人需求制定：求职就业、自主创业、技能培训或就业意愿激励。
          </Text>
        )}
        {canRecord ? (
          <View className="workbench-panel__plan-edit">
            <Button
              plain
              round
              block
              className="outline-button"
              id="plan-edit"
              onClick={() => setSheet({ type: 'plan' })}
            >
              {plan ? '修改计划' : '制定计划'}
            </Button>
          </View>
        ) : null}
        {saved?.where === 'plan' ? (
          <Text className="saved-note" id="plan-saved">
            ✓ {saved.text}
          </Text>
        ) : null}
      </InfoCard>

      {sheet?.type === 'contact' ? (
        <ContactSheet
          workbench={workbench}
          preset={sheet.preset}
          onClose={() => setSheet(null)}
          onDone={done('contact')}
        />
      ) : null}
      {sheet?.type === 'plan' ? (
        <PlanSheet workbench={workbench} onClose={() => setSheet(null)} onDone={done('plan')} />
      ) : null}
    </View>
  );
}
