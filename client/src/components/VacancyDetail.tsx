/**
 * A whole vacancy as a seeker reads it before applying; the employer's preview renders the same
 * component, so what the employer checks is exactly what seekers will see. Empty sections are
 * left out rather than shown blank.
 */
import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';

import { flagLabels, salaryText, type VacancyCardData } from './VacancyCard';

import './VacancyDetail.less';

export interface VacancyDetailData extends VacancyCardData {
  description: string;
  requirements: string;
  benefits: string;
  /** '大专及以上'; empty or null for no requirement. */
  minEducationLabel?: string | null;
  /** 0 for no requirement. */
  minExperienceYears?: number | null;
  certificates?: string[] | null;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <View className="vacancy-detail__section">
      <Text className="vacancy-detail__section-title">{title}</Text>
      {children}
    </View>
  );
}

export function requirementFacts(v: VacancyDetailData): string[] {
  const facts: string[] = [];
  facts.push(v.minEducationLabel ? `学历：${v.minEducationLabel}` : '学历：不限');
  facts.push(
    v.minExperienceYears ? `经验：${v.minExperienceYears}年及以上` : '经验：不限，欢迎新手',
  );
  if (v.certificates && v.certificates.length > 0) {
    facts.push(`需持证书：${v.certificates.join('、')}`);
  }
  return facts;
}

export function VacancyDetail({ vacancy, id }: { vacancy: VacancyDetailData; id?: string }) {
  const tags = flagLabels(vacancy.flags);
  return (
    <View className="vacancy-detail" id={id}>
      <View className="vacancy-detail__head">
        <Text className="vacancy-detail__title">{vacancy.title}</Text>
        <Text className="vacancy-detail__salary">
          {salaryText(vacancy.salaryMin, vacancy.salaryMax)}
        </Text>
        <Text className="vacancy-detail__company">{vacancy.companyName}</Text>
        <View className="vacancy-detail__facts">
          <Text className="vacancy-detail__fact">工作地点：{vacancy.townshipLabel}</Text>
          <Text className="vacancy-detail__fact">
            {vacancy.workTypeLabel} · 招{vacancy.headcount}人
          </Text>
          {vacancy.occupationName ? (
            <Text className="vacancy-detail__fact">职业：{vacancy.occupationName}</Text>
          ) : null}
          <Text className="vacancy-detail__fact">招聘截止：{vacancy.validUntil}</Text>
        </View>
        {tags.length > 0 ? (
          <View className="vacancy-detail__tags">
            {tags.map((t) => (
              <Text key={t} className="vacancy-detail__tag">
                {t}
              </Text>
            ))}
          </View>
        ) : null}
      </View>
      {vacancy.description ? (
        <Section title="岗位职责">
          <Text className="vacancy-detail__text">{vacancy.description}</Text>
        </Section>
      ) : null}
      <Section title="任职要求">
        {requirementFacts(vacancy).map((f) => (
          <Text key={f} className="vacancy-detail__line">
            {f}
          </Text>
        ))}
        {vacancy.requirements ? (
          <Text className="vacancy-detail__text">{vacancy.requirements}</Text>
        ) : null}
      </Section>
      {vacancy.benefits ? (
        <Section title="福利待遇">
          <Text className="vacancy-detail__text">{vacancy.benefits}</Text>
        </Section>
      ) : null}
    </View>
  );
}
