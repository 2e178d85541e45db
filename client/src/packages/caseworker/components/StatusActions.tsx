/**
 * 标记已就业 / 灵活就业 / 注销登记. Which actions are offered comes from the shared lifecycle
 * (`transition`), never from status strings here; each asks for confirmation in a sheet, a
 * cancellation needs its reason (000 §1(4): registrations that no longer qualify are cancelled
 * with the reason noted), and the server's answer replaces the page's record.
 */
import { Button } from '@antmjs/vantui';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';

import {
  CANCEL_REASON_LABELS,
  CANCEL_REASONS,
  contracts,
  fieldErrors,
  transition,
  type CancelReason,
  type FieldErrors,
  type PersonDetail,
  type RegistrationEvent,
} from '@nuanxin/shared';

import { ChoiceChips } from '../../../components/ChoiceChips';
import { call } from '../../../services/cloud';

import { BottomSheet } from './BottomSheet';
import { NoteField } from './NoteField';

import './StatusActions.less';

type Target = 'employed' | 'flexible' | 'cancelled';

interface ActionSpec {
  target: Target;
  event: RegistrationEvent;
  id: string;
  button: string;
  title: string;
  explain: string;
  placeholder: string;
  /** Toast after success. */
  done: string;
}

const ACTIONS: ActionSpec[] = [
  {
    target: 'employed',
    event: { type: 'employ' },
    id: 'status-employed',
    button: '标记已就业',
    title: '标记为已就业',
    explain: '登记状态将变为“已就业”。办理记录会保留，可在下方“办理记录”中查看。',
    placeholder: '如：已在某某公司上岗（选填）',
    done: '已标记为已就业',
  },
  {
    target: 'flexible',
    event: { type: 'employFlexibly' },
    id: 'status-flexible',
    button: '灵活就业',
    title: '标记为灵活就业',
    explain: '登记状态将变为“灵活就业”。办理记录会保留，可在下方“办理记录”中查看。',
    placeholder: '如：从事网约配送（选填）',
    done: '已标记为灵活就业',
  },
  {
    target: 'cancelled',
    // The reason only matters for the text; any reason is allowed from the same states.
    event: { type: 'cancel', reason: 'ownRequest' },
    id: 'status-cancel',
    button: '注销登记',
    title: '注销失业登记',
    explain:
      '注销后此人不再是登记失业人员，也会移出您的包保名单。请选择注销原因，原因和备注会记入办理记录。',
    placeholder: '补充说明（选填）',
    done: '已注销登记',
  },
];

const REASON_OPTIONS = CANCEL_REASONS.map((value) => ({
  value,
  label: CANCEL_REASON_LABELS[value],
}));

export interface StatusActionsProps {
  person: PersonDetail;
  onDone: (next: PersonDetail, message: string) => void;
}

export function StatusActions({ person, onDone }: StatusActionsProps) {
  const available = ACTIONS.filter((a) => transition(person.status, a.event).ok);
  const [open, setOpen] = useState<ActionSpec | null>(null);
  const [reason, setReason] = useState<CancelReason | null>(null);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submitError, setSubmitError] = useState('');
  const [submitting, setSubmitting] = useState(false);

  if (available.length === 0) return null;

  const start = (action: ActionSpec) => {
    setOpen(action);
    // On the cancellation list because of age: the reason is already known (000 §1(4)).
    setReason(action.target === 'cancelled' && person.reachedRetirement ? 'retirementAge' : null);
    setNote('');
    setErrors({});
    setSubmitError('');
  };

  const close = () => {
    if (!submitting) setOpen(null);
  };

  const confirm = async () => {
    if (!open || submitting) return;
    setSubmitError('');
    const parsed = contracts.registration.changeStatus.input.safeParse({
      registrationId: person.id,
      to: open.target,
      ...(open.target === 'cancelled' && reason ? { reason } : {}),
      note,
    });
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      return;
    }
    setErrors({});
    setSubmitting(true);
    const result = await call('registration', 'changeStatus', parsed.data);
    setSubmitting(false);
    if (!result.ok) {
      if (result.error.fields) setErrors(result.error.fields);
      setSubmitError(result.error.message);
      return;
    }
    setOpen(null);
    onDone(result.data, open.done);
  };

  return (
    <View className="status-actions">
      <View className="status-actions__buttons">
        {available.map((action) => (
          <View key={action.target} className="status-actions__button">
            <Button
              plain={action.target !== 'employed'}
              type={action.target === 'employed' ? 'primary' : 'default'}
              round
              block
              className={action.target === 'employed' ? undefined : 'outline-button'}
              id={action.id}
              onClick={() => start(action)}
            >
              {action.button}
            </Button>
          </View>
        ))}
      </View>

      {open ? (
        <BottomSheet id="status-sheet" title={open.title} onClose={close}>
          <Text className="status-actions__explain">
            {person.name}：{open.explain}
          </Text>
          {open.target === 'cancelled' ? (
            <View>
              <Text className="status-actions__label">注销原因</Text>
              <ChoiceChips
                idPrefix="cancel-reason"
                options={REASON_OPTIONS}
                selected={reason ? [reason] : []}
                onToggle={(value) => {
                  setReason(value);
                  if (errors.reason) setErrors(({ reason: _, ...rest }) => rest);
                }}
              />
              {errors.reason ? (
                <Text className="cw-field-error" id="cancel-reason-error">
                  {errors.reason}
                </Text>
              ) : null}
            </View>
          ) : null}
          <NoteField
            id="status-note"
            value={note}
            placeholder={open.placeholder}
            error={errors.note}
            onChange={(next) => {
              setNote(next);
              if (errors.note) setErrors(({ note: _, ...rest }) => rest);
            }}
          />
          {submitError ? (
            <Text className="cw-error" id="status-error">
              {submitError}
            </Text>
          ) : null}
          <View className="status-actions__sheet-buttons">
            <View className="status-actions__sheet-button">
              <Button
                plain
                round
                block
                className="outline-button"
                id="status-dismiss"
                disabled={submitting}
                onClick={close}
              >
                取消
              </Button>
            </View>
            <View className="status-actions__sheet-button">
              <Button
                type="primary"
                round
                block
                id="status-confirm"
                loading={submitting}
                loadingText="正在提交…"
                onClick={() => void confirm()}
              >
                {open.target === 'cancelled' ? '确认注销' : '确认'}
              </Button>
            </View>
          </View>
        </BottomSheet>
      ) : null}
    </View>
  );
}
