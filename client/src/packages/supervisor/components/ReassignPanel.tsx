/**
 * Moving a person to another caseworker: only caseworkers who cover the person's township can
 * be chosen (包保 means visiting them), full ones are shown but not selectable, and the reason is
 * required — the old membership ends with it and the history is kept (house style 2).
 */
import { Button } from '@antmjs/vantui';
import { Text, Textarea, View } from '@tarojs/components';

import type { CaseloadEntry } from '@nuanxin/shared';

import { isFull, type CaseworkerOption } from './caseworkerChoice';

export interface ReassignState {
  person: CaseloadEntry;
  from: string;
  options: CaseworkerOption[] | null;
  chosen: string | null;
  reason: string;
  error: string;
  busy: boolean;
}

export function ReassignPanel({
  state,
  onChange,
  onConfirm,
}: {
  state: ReassignState;
  onChange: (patch: Partial<ReassignState>) => void;
  onConfirm: () => void;
}) {
  const candidates = (state.options ?? []).filter((c) => c.covers && c.openid !== state.from);
  return (
    <View className="reassign" id="reassign-panel">
      <Text className="reassign__title">把 {state.person.name} 转给：</Text>
      {state.options === null ? (
        <Text className="reassign__hint">正在加载可选的责任人…</Text>
      ) : null}
      {state.options !== null && candidates.length === 0 ? (
        <Text className="reassign__hint">没有其他负责该乡镇（街道）的包保责任人。</Text>
      ) : null}
      {candidates.map((c) => {
        const full = isFull(c);
        const on = c.openid === state.chosen;
        return (
          <View
            key={c.openid}
            id={`reassign-option-${c.openid}`}
            className={`reassign__option${on ? ' reassign__option--on' : ''}${full ? ' reassign__option--full' : ''}`}
            role="radio"
            aria-checked={on}
            aria-disabled={full}
            onClick={full ? undefined : () => onChange({ chosen: c.openid, error: '' })}
          >
            <Text className="reassign__name">
              {c.name} · {c.orgLabel}
            </Text>
            <Text className="reassign__load">{full ? '已满' : `${c.load}/${c.cap}人`}</Text>
          </View>
        );
      })}
      <Textarea
        className="reassign__reason"
        id="reassign-reason"
        value={state.reason}
        maxlength={100}
        placeholder="更换原因（必填），如：按片区重新分工"
        onInput={(e) => onChange({ reason: String(e.detail.value ?? ''), error: '' })}
      />
      {state.error ? (
        <Text className="reassign__error" id="reassign-error">
          {state.error}
        </Text>
      ) : null}
      <Button
        type="primary"
        round
        block
        id="reassign-confirm"
        loading={state.busy}
        loadingText="正在转交…"
        onClick={onConfirm}
      >
        确认转交
      </Button>
    </View>
  );
}
