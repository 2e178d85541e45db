/**
 * One vacancy as the market centre reads it: what, who, where, pay, status, the ledger's 备注,
 * why it waits for review, the last staff edit's note, and an action row supplied by the page.
 */
import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';

import {
  formatShanghai,
  VACANCY_FLAG_LABELS,
  VACANCY_FLAGS,
  type LedgerRow,
} from '@nuanxin/shared';

import { salaryText } from '../../../components/VacancyCard';

export function VacancyRow({
  row,
  children,
  showReasons = true,
}: {
  row: LedgerRow;
  children?: ReactNode;
  showReasons?: boolean;
}) {
  const flags = VACANCY_FLAGS.filter((f) => row.flags[f]).map((f) => VACANCY_FLAG_LABELS[f]);
  return (
    <View className="mk-card" id={`row-${row.id}`}>
      <View className="mk-card__head">
        <Text className="mk-card__title">{row.title}</Text>
        <Text className={`mk-status mk-status--${row.status}`} id={`row-${row.id}-status`}>
          {row.statusLabel}
        </Text>
      </View>
      <Text className="mk-card__sub">{row.companyName}</Text>
      <Text className="mk-card__row">
        {salaryText(row.salaryMin, row.salaryMax)} · 招{row.headcount}人 · {row.workTypeLabel}
      </Text>
      <Text className="mk-card__row">
        {row.occupationName || row.occupationCode} · {row.townshipLabel}
      </Text>
      <Text className="mk-card__row">
        有效期至{row.validUntil} · 更新于{formatShanghai(row.updatedAt, 'YYYY-MM-DD')}
      </Text>
      {flags.length > 0 ? (
        <View className="mk-card__tags">
          {flags.map((f) => (
            <Text key={f} className="mk-card__tag">
              {f}
            </Text>
          ))}
        </View>
      ) : null}
      {row.remark ? (
        <View className="mk-note" id={`row-${row.id}-remark`}>
          <Text className="mk-note__title">备注</Text>
          <Text className="mk-note__line">{row.remark}</Text>
        </View>
      ) : null}
      {showReasons && row.status === 'pendingReview' && row.reviewReasons.length > 0 ? (
        <View className="mk-note mk-note--wait" id={`row-${row.id}-reasons`}>
          <Text className="mk-note__title">需要审核的原因</Text>
          {row.reviewReasons.map((r) => (
            <Text key={r} className="mk-note__line">
              · {r}
            </Text>
          ))}
        </View>
      ) : null}
      {row.staffNote ? (
        <View className="mk-note" id={`row-${row.id}-staff-note`}>
          <Text className="mk-note__title">
            工作人员修改说明（{formatShanghai(row.staffNote.at, 'M月D日 HH:mm')}，企业可见）
          </Text>
          <Text className="mk-note__line">{row.staffNote.note}</Text>
        </View>
      ) : null}
      {children}
    </View>
  );
}
