/**
 * Certificates after passing (000 §3(7): the certificate is issued within 2 months of passing).
 * A pass opens a certificate task due on the same Shanghai calendar day two months later (the
 * last day of the month when that month is shorter: passed 31 December → due 28/29 February);
 * a task still open after its due day is overdue and flagged to the 就业中心 and 职鉴中心.
 */
import { dateKey, dayjs, inShanghai, TIME_ZONE, type DateInput } from '../time';

export const CERTIFICATE_DUE_MONTHS = 2;

export const CERTIFICATE_STATUSES = ['open', 'issued'] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];

export const CERTIFICATE_STATUS_LABELS: Record<CertificateStatus, string> = {
  open: '待发证',
  issued: '已发证',
};

/** The last Shanghai day ('YYYY-MM-DD') on which the certificate is still on time. */
export function certificateDueDate(passedAt: DateInput): string {
  return inShanghai(passedAt).add(CERTIFICATE_DUE_MONTHS, 'month').format('YYYY-MM-DD');
}

export function isCertificateOverdue(
  task: { status: CertificateStatus; dueDate: string },
  now: DateInput,
): boolean {
  return task.status === 'open' && dateKey(now) > task.dueDate;
}

/**
 * Whole Shanghai days from today to the due day: 0 on the due day, negative once overdue.
 */
export function daysUntilDue(dueDate: string, now: DateInput): number {
  const today = dayjs.tz(dateKey(now), TIME_ZONE);
  const due = dayjs.tz(dueDate, TIME_ZONE);
  return Math.round(due.diff(today, 'day', true));
}

/** "还剩12天" / "今天到期" / "已超期3天", for staff lists. */
export function dueText(
  task: { status: CertificateStatus; dueDate: string },
  now: DateInput,
): string {
  if (task.status === 'issued') return CERTIFICATE_STATUS_LABELS.issued;
  const days = daysUntilDue(task.dueDate, now);
  if (days > 0) return `还剩${days}天`;
  if (days === 0) return '今天到期';
  return `已超期${-days}天`;
}
