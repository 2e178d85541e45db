/**
 * What each casework screen gets to see (house style 5): requests as their citizen or staff see
 * them, and the person's timeline merged from every record that concerns them.
 */
import {
  actorLabel,
  APPLICATION_STATUS_LABELS,
  CONTACT_CHANNEL_LABELS,
  CONTACT_KIND_LABELS,
  CONTACT_OUTCOME_LABELS,
  EMPLOYMENT_SITUATION_LABELS,
  INBOX_REASON_LABELS,
  PLAN_NEED_TYPE_LABELS,
  RATING_LABELS,
  REQUEST_KIND_LABELS,
  REQUEST_STATUS_LABELS,
  townshipLabel,
  transitionRequest,
  yuanOf,
  type CaseTimelineEntry,
  type InboxItem,
  type PlanView,
  type RequestView,
  type Role,
  type ThreadMessage,
} from '@nuanxin/shared';

import type {
  ApplicationRecord,
  ContactRecord,
  LogRecord,
  PlanRecord,
  RequestMessageRecord,
  RequestRecord,
} from '../_lib';
import { historyEntries } from '../registration/views';

import type { StoredBooking } from './facts';

const iso = (d: Date | string): string => new Date(d).toISOString();
const isoOrNull = (d: Date | string | null | undefined): string | null => (d ? iso(d) : null);

/** Who answers: the caseworker's name, or the supervisor queue. */
export const SUPERVISOR_HANDLER = '业务主管';

export function requestView(r: RequestRecord, handlerName: string | null, role: Role): RequestView {
  const citizen = role === 'citizen';
  return {
    id: r._id,
    kind: r.kind,
    kindLabel: REQUEST_KIND_LABELS[r.kind],
    text: r.text,
    status: r.status,
    statusLabel: REQUEST_STATUS_LABELS[r.status],
    createdAt: iso(r.createdAt),
    answerDue: iso(r.answerDue),
    answeredAt: isoOrNull(r.firstAnsweredAt),
    closedAt: isoOrNull(r.closedAt),
    handler: handlerName ?? SUPERVISOR_HANDLER,
    rating: r.rating
      ? { value: r.rating.value, label: RATING_LABELS[r.rating.value], comment: r.rating.comment }
      : null,
    canRate: citizen && transitionRequest(r.status, { type: 'rate', rated: r.rating !== null }).ok,
    canClose: transitionRequest(r.status, { type: 'close', by: citizen ? 'citizen' : 'staff' }).ok,
    messageCount: r.messageCount,
  };
}

export type InboxReason = InboxItem['reason'];

export function inboxItem(
  r: RequestRecord,
  handlerName: string | null,
  reason: InboxReason,
  now: Date,
): InboxItem {
  return {
    ...requestView(r, handlerName, 'caseworker'),
    personName: r.personName || '市民',
    registrationId: r.registrationId,
    townshipLabel: r.township ? townshipLabel(r.township) : '未填写',
    caseworkerName: handlerName,
    overdue: r.status === 'open' && new Date(r.answerDue) <= now,
    escalationLevel: r.escalationLevel,
    reason,
    reasonLabel: INBOX_REASON_LABELS[reason],
    review: r.review ? r.review.status : null,
  };
}

export function threadMessages(messages: readonly RequestMessageRecord[]): ThreadMessage[] {
  return messages.map((m) => ({
    id: m._id,
    at: iso(m.at),
    from: m.from,
    author: m.from === 'citizen' ? '本人' : (m.authorName ?? '工作人员'),
    text: m.text,
  }));
}

export function planView(plan: PlanRecord): PlanView {
  return {
    needType: plan.needType,
    needTypeLabel: PLAN_NEED_TYPE_LABELS[plan.needType],
    goals: plan.goals,
    nextSteps: plan.nextSteps,
    advisorName: plan.advisorName,
    savedAt: iso(plan.savedAt),
    savedBy: plan.savedByName ?? '',
  };
}

/** "电话 · 已联系上 · 更新为：灵活就业 · 救助 500 元 · 指导师 王老师 · note" */
export function contactDetail(c: ContactRecord): string | null {
  const parts = [
    c.channel ? CONTACT_CHANNEL_LABELS[c.channel] : '',
    c.kind === 'followUp' || c.kind === 'visit' ? CONTACT_OUTCOME_LABELS[c.outcome] : '',
    c.situation ? `就业状态：${EMPLOYMENT_SITUATION_LABELS[c.situation]}` : '',
    c.amountFen !== null ? `救助金额 ${yuanOf(c.amountFen)} 元` : '',
    c.counsellor ? `职业指导师 ${c.counsellor}` : '',
    c.note,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : null;
}

const preview = (text: string, max = 60) =>
  [...text].length > max ? `${[...text].slice(0, max - 1).join('')}…` : text;

export interface TimelineSources {
  log: readonly LogRecord[];
  contacts: readonly ContactRecord[];
  plans: readonly PlanRecord[];
  requests: readonly RequestRecord[];
  applications: readonly Pick<ApplicationRecord, 'appliedAt' | 'status' | 'vacancy'>[];
  bookings: readonly StoredBooking[];
}

/** Everything that happened to the person, oldest first (the page shows newest first). */
export function timeline(s: TimelineSources): CaseTimelineEntry[] {
  const entries: CaseTimelineEntry[] = [
    ...historyEntries(s.log).map((h) => ({
      at: h.at,
      source: 'registration' as const,
      label: h.label,
      by: h.by,
      reason: h.reason,
    })),
    ...s.contacts.map((c) => ({
      at: iso(c.at),
      source: 'contact' as const,
      label: CONTACT_KIND_LABELS[c.kind],
      by: actorLabel(c.actorRole, c.actorName),
      reason: contactDetail(c),
    })),
    ...s.plans.map((p, i) => ({
      at: iso(p.savedAt),
      source: 'plan' as const,
      label: i === 0 ? '制定一人一策帮扶计划' : '修改一人一策帮扶计划',
      by: actorLabel('caseworker', p.savedByName),
      reason: `${PLAN_NEED_TYPE_LABELS[p.needType]}：${p.goals}`,
    })),
    ...s.requests.map((r) => ({
      at: iso(r.createdAt),
      source: 'request' as const,
      label: `求助：${REQUEST_KIND_LABELS[r.kind]}（${REQUEST_STATUS_LABELS[r.status]}）`,
      by: '本人',
      reason: preview(r.text),
    })),
    ...s.applications.map((a) => ({
      at: iso(a.appliedAt),
      source: 'application' as const,
      label: `投递岗位：${a.vacancy?.title ?? ''}`,
      by: '本人',
      reason:
        [a.vacancy?.companyName, APPLICATION_STATUS_LABELS[a.status] ?? '']
          .filter(Boolean)
          .join(' · ') || null,
    })),
    ...s.bookings
      .filter((b) => b.bookedAt)
      .map((b) => ({
        at: iso(b.bookedAt!),
        source: 'training' as const,
        label: `报名培训：${b.course?.title ?? b.courseTitle ?? b.title ?? ''}`.replace(/：$/, ''),
        by: '本人',
        reason: null,
      })),
  ];
  return entries.sort((a, b) => a.at.localeCompare(b.at));
}
