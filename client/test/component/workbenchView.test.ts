/**
 * The follow-up badge on the caseload row and the person page: a date half a year or more ahead
 * keeps its year, so confirming a hire on 11-23 does not read as "下次回访 11-23" (due today).
 */
import type { CaseloadEntry } from '@nuanxin/shared';

import { followUpBadge } from '../../src/packages/caseworker/components/workbenchView';

function followUp(
  due: string,
  state: CaseloadEntry['followUp']['state'],
  overdueDays = 0,
): CaseloadEntry['followUp'] {
  return {
    situation: 'unemployed',
    situationLabel: '失业',
    due,
    state,
    stateLabel: '',
    overdueDays,
    lastContactAt: null,
    intervalLabel: '每月',
  };
}

it.each([
  ['2026-12-20', 'notDue', '下次回访 12-20', 'muted'],
  ['2027-01-05', 'notDue', '下次回访 01-05', 'muted'],
  ['2027-05-23', 'notDue', '下次回访 2027-05-23', 'muted'],
  ['2027-11-23', 'notDue', '下次回访 2027-11-23', 'muted'],
  ['2026-11-23', 'dueToday', '今天到期', 'warn'],
  ['2026-11-26', 'dueSoon', '3天后到期', 'warn'],
  ['2026-11-10', 'overdue', '逾期 13 天', 'alert'],
] as const)('due %s (%s) → %s', (due, state, text, tone) => {
  const overdue = state === 'overdue' ? 13 : 0;
  expect(followUpBadge(followUp(due, state, overdue), '2026-11-23')).toEqual({ text, tone });
});
