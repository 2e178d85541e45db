/**
 * One person in the caseload list. Kept to a handful of nodes (a caseworker may carry 200
 * people on a cheap phone): name and status on the first line, masked ID and township on the
 * second, key-group tags and action flags as small pills on the third, only when there are any.
 */
import { Text, View } from '@tarojs/components';
import { memo } from 'react';

import type { PersonSummary } from '@nuanxin/shared';

import { personFlags, sexAge, STATUS_TONES } from './personView';

import './caseload.less';
import './PersonRow.less';

export interface PersonRowProps {
  person: PersonSummary;
  onOpen: (id: string) => void;
}

export const PersonRow = memo(function PersonRow({ person, onOpen }: PersonRowProps) {
  const flags = personFlags(person);
  return (
    <View
      className="person-row"
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
      <Text className="person-row__line">
        <Text className="person-row__id">{person.idMasked}</Text>
        {'  '}
        {person.townshipLabel}
      </Text>
      {flags.length > 0 || person.tags.length > 0 ? (
        <View className="person-row__pills">
          {flags.map((flag) => (
            <Text key={flag.key} className={`pill pill--${flag.tone} person-row__flag`}>
              {flag.label}
            </Text>
          ))}
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
