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
  CASE_TASK_KIND_LABELS,
  INBOX_REASON_LABELS,
  PLAN_NEED_TYPE_LABELS,
  PUSH_CHANNEL_LABELS,
  RATING_LABELS,
  REQUEST_KIND_LABELS,
  REQUEST_STATUS_LABELS,
  townshipLabel,
  transitionRequest,
  OFFER_SOURCE_LABELS,
  yuanOf,
  type CaseTask,
  type CaseTimelineEntry,
  type InboxItem,
  type PlanView,
  type RequestView,
  type Role,
  type ThreadMessage,
} from '@nuanxin/shared';
import { BOOKING_STATUS_LABELS, isCompletedBooking } from '@nuanxin/shared/src/training';

import type {
  ApplicationRecord,
  BookingRecord,
  ContactRecord,
  HireConfirmationRecord,
  LogRecord,
  OfferRecord,
  PlanRecord,
  PushRecord,
  RequestMessageRecord,
  RequestRecord,
} from '../_lib';
import { historyEntries } from '../registration/views';

const iso = (d: Date | string): string => new Date(d).toISOString();
const isoOrNull = (d: Date | string | null | undefined): string | null => (d ? iso(d) : null);

/** Who answers: the caseworker's name, or the supervisor queue. */
export const SUPERVISOR_HANDLER = '业务主管';

/**
 * A request as its citizen or a staff member sees it. `photoUrl`: the short-lived link to its
 * photo, made by the caller after its scope check (threads only; lists say just `hasPhoto`).
 */
export function requestView(
  r: RequestRecord,
  handlerName: string | null,
  role: Role,
  photoUrl: string | null = null,
): RequestView {
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
    canAddTo: citizen && transitionRequest(r.status, { type: 'addTo' }).ok,
    messageCount: r.messageCount,
    hasPhoto: !!r.photo,
    photoUrl: r.photo ? photoUrl : null,
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

/** "仓储管理员 · 鲁运物流（公益性岗位）" / "叉车司机 · 济宁技师学院（平台课程）" */
function referralDetail(c: ContactRecord): string {
  if (c.kind === 'jobReferral' && c.vacancy) {
    const flags = [
      c.vacancy.publicWelfare ? '公益性岗位' : '',
      c.vacancy.internship ? '见习岗位' : '',
    ]
      .filter(Boolean)
      .join('、');
    const where = c.vacancy.id ? '平台岗位' : '';
    const tail = [where, flags].filter(Boolean).join('，');
    const name = [c.vacancy.title, c.vacancy.companyName].filter(Boolean).join(' · ');
    return name ? `${name}${tail ? `（${tail}）` : ''}` : tail;
  }
  if (c.kind === 'trainingReferral' && c.course) {
    return `${c.course.title} · ${c.course.institutionName}（平台课程，已计入推荐培训机构）`;
  }
  return '';
}

/** "电话 · 已联系上 · 更新为：灵活就业 · 救助 500 元 · 指导师 王老师 · note" */
export function contactDetail(c: ContactRecord): string | null {
  const parts = [
    referralDetail(c),
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
  bookings: readonly BookingRecord[];
  pushes: readonly PushRecord[];
  /** Institutions offered to the person (000 §3(2)). */
  offers: readonly OfferRecord[];
}

/** How a pushed position reached the person, and whether the caseworker told them. */
function pushDetail(p: PushRecord): string {
  const told = !p.caseworkerTask
    ? ''
    : p.toldAt
      ? `已${p.toldChannel === 'wechat' ? '微信' : '电话'}告知`
      : '待电话或微信告知';
  return [p.vacancy.companyName, PUSH_CHANNEL_LABELS[p.channel], told].filter(Boolean).join(' · ');
}

/** A hire to confirm with the person. */
export function hireTask(h: HireConfirmationRecord): CaseTask {
  return {
    id: h._id,
    kind: 'confirmHire',
    kindLabel: CASE_TASK_KIND_LABELS.confirmHire,
    registrationId: h.registrationId,
    personName: h.personName,
    title: `${h.vacancy.title} · ${h.vacancy.companyName}`,
    detail: '企业已确认录用入职，请联系本人核实；确认后失业登记转为已就业',
    at: iso(h.hiredAt),
  };
}

/** A pushed position that reached only the app: the caseworker tells the person. */
export function pushTask(p: PushRecord, personName: string): CaseTask {
  return {
    id: p._id,
    kind: 'tellPush',
    kindLabel: CASE_TASK_KIND_LABELS.tellPush,
    registrationId: p.registrationId,
    personName,
    title: `${p.vacancy.title} · ${p.vacancy.companyName}`,
    detail: '本人未开启微信通知，岗位只发到了站内消息，请电话或微信告知',
    at: iso(p.at),
  };
}

/** Everything that happened to the person, oldest first (the page shows newest first). */
export function timeline(s: TimelineSources): CaseTimelineEntry[] {
  const referredCourses = new Set(
    s.contacts.map((c) => c.course?.id).filter((id): id is string => !!id),
  );
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
    ...s.bookings.map((b) => ({
      at: iso(b.bookedAt),
      source: 'training' as const,
      label: `报名培训：${b.courseTitle}`,
      by: '本人',
      reason: null,
    })),
    // The result of a completed training: the "1" training of "131" that year.
    ...s.bookings
      .filter((b) => isCompletedBooking(b.status) && b.resultAt)
      .map((b) => ({
        at: iso(b.resultAt!),
        source: 'training' as const,
        label: `培训结业：${b.courseTitle}`,
        by: '培训机构',
        reason: `${BOOKING_STATUS_LABELS[b.status]} · 计入当年“131”技能培训`,
      })),
    // Offers the caseworker's own training referrals did not already record.
    ...s.offers
      .filter((o) => !referredCourses.has(o.courseId))
      .map((o) => ({
        at: iso(o.at),
        source: 'training' as const,
        label: `推荐培训机构：${o.institutionName}`,
        by: o.source === 'caseworker' ? '包保责任人' : '系统',
        reason: `${o.courseTitle}（${OFFER_SOURCE_LABELS[o.source]}）`,
      })),
    ...s.pushes.map((p) => ({
      at: iso(p.at),
      source: 'push' as const,
      label: `推送岗位：${p.vacancy.title}${p.publicWelfare ? '（公益性岗位）' : p.internship ? '（见习岗位）' : ''}`,
      by: '系统',
      reason: pushDetail(p),
    })),
  ];
  return entries.sort((a, b) => a.at.localeCompare(b.at));
}
