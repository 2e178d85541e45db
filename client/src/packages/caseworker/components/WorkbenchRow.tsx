/**
 * One person on the workbench: an overdue person carries a red bar and "逾期 N 天"; under the
 * name, the follow-up badge, the "131" chips and this month's push plan; key-group tags and
 * open requests as small pills. A handful of nodes per row (a caseload may be 200 people).
 */
import { Text, View } from '@tarojs/components';
import { memo } from 'react';

import type { CaseloadEntry } from '@nuanxin/shared';

import { sexAge, STATUS_TONES } from './personView';
import { chips131, followUpBadge, pushBadge } from './workbenchView';

import './caseload.less';
import './PersonRow.less';
import './WorkbenchRow.less';

export interface WorkbenchRowProps {
  person: CaseloadEntry;
  today: string;
  onOpen: (id: string) => void;
}

export const WorkbenchRow = memo(function WorkbenchRow({
  person,
  today,
  onOpen,
}: WorkbenchRowProps) {
  const badge = followUpBadge(person.followUp, today);
  const overdue = person.followUp.state === 'overdue';
  const push = pushBadge(person.pushPlan);
  const services = chips131(person.progress131);
  return (
    <View
      className={`person-row workbench-row${overdue ? ' workbench-row--overdue' : ''}`}
      id={`person-${person.id}`}
      hoverClass="person-row--pressed"
      onClick={() => onOpen(person.id)}
    >
      <View className="person-row__top">
        <Text className="person-row__name">{person.name}</Text>
        <Text className="person-row__meta">{sexAge(person)}</Text>
        <Text className={`status-chip status-chip--${STATUS_TONES[person.status]}`}>
          {person.statusLabel}
        </Text>
      </View>
      <View className="workbench-row__line">
        <Text
          className={`workbench-badge workbench-badge--${badge.tone}`}
          id={overdue ? `overdue-${person.id}` : `due-${person.id}`}
        >
          {badge.text}
        </Text>
        <Text className="workbench-row__situation">
          {person.followUp.situationLabel} · {person.followUp.intervalLabel}回访 ·{' '}
          {person.townshipLabel}
        </Text>
      </View>
      {services.length > 0 || push ? (
        <View className="workbench-row__services">
          {services.map((c) => (
            <Text key={c.key} className={`service-chip${c.met ? ' service-chip--met' : ''}`}>
              {c.text}
            </Text>
          ))}
          {push ? <Text className={`pill pill--${push.tone}`}>{push.text}</Text> : null}
        </View>
      ) : null}
      {person.openRequests > 0 || person.tags.length > 0 || person.employmentDifficulty ? (
        <View className="person-row__pills">
          {person.openRequests > 0 ? (
            <Text className="pill pill--alert">待答复求助 {person.openRequests}</Text>
          ) : null}
          {person.employmentDifficulty ? <Text className="pill pill--warn">就业困难</Text> : null}
          {person.tags.map((tag) => (
            <Text key={tag.key} className="pill">
              {tag.label}
            </Text>
          ))}
        </View>
      ) : null}
    </View>
  );
});
