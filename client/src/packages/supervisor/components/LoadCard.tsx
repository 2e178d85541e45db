/**
 * One caseworker on the supervisor's workload page: how many people they follow, how many count
 * toward their cap, overdue and due-today follow-ups, unanswered requests — with the cap editor
 * and the list of their people, each of whom can be moved to another caseworker.
 */
import { Button } from '@antmjs/vantui';
import { Input, Text, View } from '@tarojs/components';
import { memo } from 'react';

import type { CaseloadEntry, CaseworkerLoad } from '@nuanxin/shared';

import { ReassignPanel, type ReassignState } from './ReassignPanel';

import './LoadCard.less';

export interface CapEdit {
  value: string;
  error: string;
  busy: boolean;
}

export type PeopleState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; people: CaseloadEntry[] };

export interface LoadCardProps {
  row: CaseworkerLoad;
  cap: CapEdit | null;
  people: PeopleState | null;
  reassign: ReassignState | null;
  onCapEdit: (openid: string) => void;
  onCapChange: (openid: string, value: string) => void;
  onCapSave: (openid: string) => void;
  onTogglePeople: (openid: string) => void;
  onReassignOpen: (person: CaseloadEntry, from: string) => void;
  onReassignChange: (patch: Partial<ReassignState>) => void;
  onReassignConfirm: () => void;
}

function dueText(p: CaseloadEntry): string {
  if (p.followUp.state === 'overdue') return `逾期 ${p.followUp.overdueDays} 天`;
  if (p.followUp.state === 'dueToday') return '今天到期';
  return `下次回访 ${p.followUp.due.slice(5)}`;
}

export const LoadCard = memo(function LoadCard({
  row,
  cap,
  people,
  reassign,
  onCapEdit,
  onCapChange,
  onCapSave,
  onTogglePeople,
  onReassignOpen,
  onReassignChange,
  onReassignConfirm,
}: LoadCardProps) {
  const full = row.load >= row.cap;
  return (
    <View
      className={`load-card${row.overdue > 0 ? ' load-card--overdue' : ''}`}
      id={`load-${row.openid}`}
    >
      <View className="load-card__top">
        <Text className="load-card__name">{row.name}</Text>
        <Text className="load-card__org">{row.orgLabel}</Text>
      </View>
      <View className="load-card__stats">
        <View className="load-card__stat">
          <Text className="load-card__n">{row.people}</Text>
          <Text className="load-card__label">包保人数</Text>
        </View>
        <View className="load-card__stat">
          <Text
            className={`load-card__n${full ? ' load-card__n--warn' : ''}`}
            id={`load-cap-${row.openid}`}
          >
            {row.load}/{row.cap}
          </Text>
          <Text className="load-card__label">在办/上限</Text>
        </View>
        <View className="load-card__stat">
          <Text
            className={`load-card__n${row.overdue > 0 ? ' load-card__n--alert' : ''}`}
            id={`load-overdue-${row.openid}`}
          >
            {row.overdue}
          </Text>
          <Text className="load-card__label">回访逾期</Text>
        </View>
        <View className="load-card__stat">
          <Text className="load-card__n">{row.dueToday}</Text>
          <Text className="load-card__label">今天到期</Text>
        </View>
        <View className="load-card__stat">
          <Text className={`load-card__n${row.unanswered > 0 ? ' load-card__n--alert' : ''}`}>
            {row.unanswered}
          </Text>
          <Text className="load-card__label">待答复求助</Text>
        </View>
      </View>

      {cap ? (
        <View className="load-card__cap">
          <Text className="load-card__cap-label">包保人数上限</Text>
          <Input
            className="load-card__cap-input"
            id={`cap-input-${row.openid}`}
            type="number"
            maxlength={3}
            value={cap.value}
            onInput={(e) => onCapChange(row.openid, String(e.detail.value ?? ''))}
          />
          <Button
            type="primary"
            size="small"
            round
            id={`cap-save-${row.openid}`}
            loading={cap.busy}
            onClick={() => onCapSave(row.openid)}
          >
            保存
          </Button>
        </View>
      ) : null}
      {cap?.error ? (
        <Text className="load-card__error" id={`cap-error-${row.openid}`}>
          {cap.error}
        </Text>
      ) : null}

      <View className="load-card__actions">
        <Text
          className="load-card__action"
          id={`people-toggle-${row.openid}`}
          onClick={() => onTogglePeople(row.openid)}
        >
          {people ? '收起名单' : '查看名单'}
        </Text>
        {cap ? null : (
          <Text
            className="load-card__action"
            id={`cap-edit-${row.openid}`}
            onClick={() => onCapEdit(row.openid)}
          >
            调整上限
          </Text>
        )}
      </View>

      {people?.status === 'loading' ? <Text className="load-card__hint">正在加载名单…</Text> : null}
      {people?.status === 'error' ? (
        <Text className="load-card__error">{people.message}</Text>
      ) : null}
      {people?.status === 'ready' ? (
        <View className="load-card__people" id={`people-${row.openid}`}>
          {people.people.length === 0 ? (
            <Text className="load-card__hint">暂无包保对象</Text>
          ) : null}
          {people.people.map((p) => (
            <View key={p.id} className="load-person" id={`load-person-${p.id}`}>
              <View className="load-person__main">
                <Text className="load-person__name">{p.name}</Text>
                <Text
                  className={`load-person__due${p.followUp.state === 'overdue' ? ' load-person__due--alert' : ''}`}
                >
                  {p.statusLabel} · {dueText(p)}
                </Text>
              </View>
              <Text
                className="load-person__move"
                id={`reassign-${p.id}`}
                onClick={() => onReassignOpen(p, row.openid)}
              >
                转给他人
              </Text>
              {reassign?.person.id === p.id ? (
                <ReassignPanel
                  state={reassign}
                  onChange={onReassignChange}
                  onConfirm={onReassignConfirm}
                />
              ) : null}
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
});
