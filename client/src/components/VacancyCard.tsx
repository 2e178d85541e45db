/**
 * One vacancy as a seeker sees it in a list, and the same card in the employer's preview: what
 * the job is, what it pays, where, and the flags that matter to key groups. Plain props, so the
 * seeker's public view and the employer's own view both fit.
 */
import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';

import './VacancyCard.less';

export interface VacancyFlags {
  publicWelfare: boolean;
  internship: boolean;
  assistance: boolean;
  disabilityFriendly: boolean;
}

export interface VacancyCardData {
  title: string;
  companyName: string;
  salaryMin: number;
  salaryMax: number;
  workTypeLabel: string;
  townshipLabel: string;
  occupationName: string;
  headcount: number;
  flags: VacancyFlags;
  validUntil: string;
}

const FLAG_TAGS: { key: keyof VacancyFlags; label: string }[] = [
  { key: 'publicWelfare', label: '公益性岗位' },
  { key: 'internship', label: '见习岗位' },
  { key: 'assistance', label: '援助岗位' },
  { key: 'disabilityFriendly', label: '适合残疾人' },
];

/** "3800-5000元/月"; one figure when both ends are equal. */
export function salaryText(min: number, max: number): string {
  return min === max ? `${min}元/月` : `${min}-${max}元/月`;
}

export function flagLabels(flags: VacancyFlags): string[] {
  return FLAG_TAGS.filter((f) => flags[f.key]).map((f) => f.label);
}

export function VacancyCard({
  vacancy,
  id,
  onClick,
  reasons,
  footer,
}: {
  vacancy: VacancyCardData;
  id?: string;
  onClick?: () => void;
  /** Why it is shown to this person (recommendations); shown as a short list. */
  reasons?: string[];
  footer?: ReactNode;
}) {
  const tags = flagLabels(vacancy.flags);
  return (
    <View
      className={`vacancy-card${onClick ? ' vacancy-card--tappable' : ''}`}
      id={id}
      onClick={onClick}
    >
      <View className="vacancy-card__head">
        <Text className="vacancy-card__title">{vacancy.title}</Text>
        <Text className="vacancy-card__salary">
          {salaryText(vacancy.salaryMin, vacancy.salaryMax)}
        </Text>
      </View>
      <Text className="vacancy-card__company">{vacancy.companyName}</Text>
      <View className="vacancy-card__facts">
        <Text className="vacancy-card__fact">{vacancy.townshipLabel}</Text>
        <Text className="vacancy-card__fact">{vacancy.workTypeLabel}</Text>
        <Text className="vacancy-card__fact">招{vacancy.headcount}人</Text>
        {vacancy.occupationName ? (
          <Text className="vacancy-card__fact">{vacancy.occupationName}</Text>
        ) : null}
      </View>
      {tags.length > 0 ? (
        <View className="vacancy-card__tags">
          {tags.map((t) => (
            <Text key={t} className="vacancy-card__tag">
              {t}
            </Text>
          ))}
        </View>
      ) : null}
      {reasons && reasons.length > 0 ? (
        <View className="vacancy-card__reasons">
          {reasons.map((r) => (
            <Text key={r} className="vacancy-card__reason">
              {r}
            </Text>
          ))}
        </View>
      ) : null}
      <Text className="vacancy-card__until">招聘截止 {vacancy.validUntil}</Text>
      {footer ? <View className="vacancy-card__footer">{footer}</View> : null}
    </View>
  );
}
