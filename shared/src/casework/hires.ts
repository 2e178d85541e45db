/**
 * Lifecycles of the caseworker's tasks of issue 5, as data (house style 1):
 *
 * - a hire to confirm: the employer marked an application hired; the person's caseworker checks
 *   with the person — confirmed (the registration moves to employed through its own lifecycle) or
 *   not employed (with the reason) — and the task is closed for good;
 * - a pushed position that reached only the app: open until the caseworker has told the person
 *   by phone or WeChat; a push WeChat delivered has no task.
 */
export const HIRE_CONFIRMATION_STATUSES = ['pending', 'confirmed', 'notEmployed'] as const;
export type HireConfirmationStatus = (typeof HIRE_CONFIRMATION_STATUSES)[number];

export const HIRE_CONFIRMATION_STATUS_LABELS: Record<HireConfirmationStatus, string> = {
  pending: '入职待确认',
  confirmed: '已确认入职',
  notEmployed: '未入职',
};

export type HireConfirmationEvent = { type: 'confirm' } | { type: 'decline'; reason: string };

export type TaskTransition<S> = { ok: true; to: S } | { ok: false; reason: string };

export function transitionHireConfirmation(
  from: HireConfirmationStatus,
  event: HireConfirmationEvent,
): TaskTransition<HireConfirmationStatus> {
  if (from !== 'pending') {
    return {
      ok: false,
      reason: `这条入职信息已${HIRE_CONFIRMATION_STATUS_LABELS[from]}，不能再次核实`,
    };
  }
  if (event.type === 'confirm') return { ok: true, to: 'confirmed' };
  if (!event.reason.trim()) return { ok: false, reason: '请写明未入职的原因' };
  return { ok: true, to: 'notEmployed' };
}

export const PUSH_TASK_STATES = ['none', 'open', 'told'] as const;
export type PushTaskState = (typeof PUSH_TASK_STATES)[number];

/** A push's task state from its record: no task, still to tell, or told. */
export function pushTaskState(push: { caseworkerTask: boolean; toldAt: unknown }): PushTaskState {
  if (!push.caseworkerTask) return 'none';
  return push.toldAt ? 'told' : 'open';
}

export function transitionPushTask(from: PushTaskState): TaskTransition<PushTaskState> {
  switch (from) {
    case 'none':
      return { ok: false, reason: '这条岗位已通过微信通知送达本人，无需再告知' };
    case 'told':
      return { ok: false, reason: '这条岗位已经告知过了' };
    case 'open':
      return { ok: true, to: 'told' };
  }
}
